package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdImport(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "import local articles (.html, .htm, .txt, .md)",
		ArgsUsage: "FILE|DIR…",
		Description: `Reads each article in any common charset, finds its title, date and
   body text, keeps the original bytes under sources/ and reports what it
   found. Folders are searched for article files. Importing the same file
   again keeps its slug; unchanged bytes change nothing.

   Example:
      mosty import klaster-bialorus-2017.html ~/wkb/aktualnosci/`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the results as JSON for scripts"},
		},
		Action: func(c *cli.Context) error {
			return runImport(c.Context, e, importOpts{paths: c.Args().Slice(), json: c.Bool("json")})
		},
	}
}

type importOpts struct {
	paths []string
	json  bool
}

func runImport(_ context.Context, e *env, o importOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	// Results are printed as each chunk of files is imported; what is
	// kept of each is its line of JSON, or nothing.
	counts := map[workspace.ImportStatus]int{}
	var failed []error
	var rows []importJSON
	err = w.ImportEach(userPaths(o.paths), func(r workspace.ImportResult) {
		counts[r.Status]++
		switch {
		case r.Err != nil:
			failed = append(failed, r.Err)
		case !o.json:
			printImport(e.stdout, r)
		}
		if o.json {
			rows = append(rows, importRow(r))
		}
	})
	if err != nil {
		return err
	}
	if o.json {
		if rows == nil {
			rows = []importJSON{}
		}
		if err := e.printJSON(rows); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.summary(o.json), "%d new, %d updated, %d unchanged, %d failed\n",
		counts[workspace.ImportNew], counts[workspace.ImportUpdated], counts[workspace.ImportUnchanged], counts[workspace.ImportFailed])
	n := 0
	for _, c := range counts {
		n += c
	}
	return e.items(failed, n, "files failed", errors.New("no article imported"))
}

func printImport(w io.Writer, r workspace.ImportResult) {
	a := r.Article
	date := "no date"
	if !a.Date.IsZero() {
		date = a.Date.Format("2006-01-02")
	}
	body, attrs := countSegments(a)
	same := ""
	if r.SameAs != "" {
		same = fmt.Sprintf(" (the article %s already had, by its %s)", r.Slug, r.SameAs)
	}
	fmt.Fprintf(w, "%-9s %s  %q  %s, %d segments, %d in attributes%s\n", r.Status, r.Slug, a.Title, date, body, attrs, same)
}

func countSegments(a *article.Article) (body, attrs int) {
	for _, b := range a.Blocks {
		if b.Kind.IsAttribute() {
			attrs += len(b.Segments)
		} else {
			body += len(b.Segments)
		}
	}
	return body, attrs
}

// importJSON is one line of `mosty import --json`, documented in the README.
type importJSON struct {
	File     string `json:"file"`
	Slug     string `json:"slug,omitempty"`
	Status   string `json:"status"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Category string `json:"category,omitempty"`
	Blocks   int    `json:"blocks"`
	Segments int    `json:"segments"`
	SameAs   string `json:"same_as,omitempty"` // how a file from a new origin was known as an article already here
	Error    string `json:"error,omitempty"`
}

func importRow(r workspace.ImportResult) importJSON {
	j := importJSON{File: r.File, Slug: r.Slug, Status: string(r.Status), SameAs: r.SameAs}
	if r.Err != nil {
		j.Error = r.Err.Error()
	}
	if a := r.Article; a != nil {
		j.Title, j.Category, j.Blocks = a.Title, a.Category, len(a.Blocks)
		if !a.Date.IsZero() {
			j.Date = a.Date.Format("2006-01-02")
		}
		body, attrs := countSegments(a)
		j.Segments = body + attrs
	}
	return j
}
