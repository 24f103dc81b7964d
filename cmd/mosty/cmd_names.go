package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/names"
	"github.com/urfave/cli/v2"
)

func cmdNames(e *env) *cli.Command {
	return &cli.Command{
		Name:  "names",
		Usage: "list the names of people and places in Polish text on stdin, with their Russian or English form",
		Description: `Reads Polish text from stdin, finds the names of people and places in it
   in any case form, and prints one line per name: the name as written, a
   tab, its Russian (--lang ru) or English (--lang en) form in the
   nominative. Polish names follow the Polish–Russian practical
   transcription; Russians and Belarusians written in Polish spelling are
   spelt back into standard Russian; established forms and exonyms come
   from a table (Białystok → Белосток, Warszawa → Warsaw). Each name is
   listed once, where it first stands.

   Examples:
      echo "Rozmawiano z Adamem Krajewskim w Białymstoku." | mosty names --lang ru
      mosty names --lang en --json < article.txt`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "ru", Usage: "the language of the forms: `ru` or en"},
			&cli.BoolFlag{Name: "json", Usage: "print a JSON list of the names with both forms"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("names reads stdin and takes no arguments")
			}
			lang := c.String("lang")
			if lang != "ru" && lang != "en" {
				return usagef("no name forms for language %q: use --lang ru or --lang en", lang)
			}
			return runNames(e, namesOptions{lang: lang, json: c.Bool("json")})
		},
	}
}

type namesOptions struct {
	lang string // ru or en
	json bool
}

// nameLine is one name as mosty names prints it.
type nameLine struct {
	Text       string   `json:"text"`
	Nominative string   `json:"nominative"`
	Kind       string   `json:"kind"`
	Origin     string   `json:"origin"`
	Russian    string   `json:"ru"`
	Also       []string `json:"ru_also,omitempty"`
	English    string   `json:"en"`
	Table      bool     `json:"from_table"`
}

func runNames(e *env, o namesOptions) error {
	text, err := io.ReadAll(e.stdin)
	if err != nil {
		return fmt.Errorf("reading stdin: %w", err)
	}
	var lines []nameLine
	seen := map[string]bool{}
	for _, n := range names.Find(string(text)) {
		if seen[n.Text] {
			continue
		}
		seen[n.Text] = true
		origin, _ := n.Origin.MarshalText()
		lines = append(lines, nameLine{n.Text, n.Nominative, n.Kind.String(), string(origin), n.Russian, n.Also, n.English, n.Table})
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	if o.json {
		if lines == nil {
			lines = []nameLine{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(lines)
	}
	for _, l := range lines {
		form := l.Russian
		if o.lang == "en" {
			form = l.English
		}
		fmt.Fprintf(out, "%s\t%s\n", l.Text, form)
	}
	return nil
}
