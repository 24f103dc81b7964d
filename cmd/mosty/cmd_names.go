package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/langtag"
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

   Example:
      echo "Rozmawiano z Adamem Krajewskim w Białymstoku." | mosty names --lang ru
      mosty names --lang en --json < article.txt`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "ru", Usage: "the language of the forms: `ru` or en"},
			&cli.BoolFlag{Name: "json", Usage: "print a JSON list of the names with both forms"},
		},
		Action: func(c *cli.Context) error {
			return runNames(c.Context, e, namesOpts{lang: c.String("lang"), json: c.Bool("json")})
		},
	}
}

type namesOpts struct {
	lang string // ru or en, or a tag that means one of them (ru-RU)
	json bool
}

// nameLanguages are the languages mosty gives names in.
var nameLanguages = []string{"en", "ru"}

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

func runNames(_ context.Context, e *env, o namesOpts) error {
	i, ok := langtag.Match(o.lang, nameLanguages)
	if !ok {
		return usage(&langtag.UnknownError{Given: o.lang, What: "a language mosty gives names in", Known: nameLanguages})
	}
	lang := nameLanguages[i]
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
	if o.json {
		if lines == nil {
			lines = []nameLine{}
		}
		return e.printJSON(lines)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	for _, l := range lines {
		form := l.Russian
		if lang == "en" {
			form = l.English
		}
		fmt.Fprintf(out, "%s\t%s\n", l.Text, form)
	}
	return nil
}
