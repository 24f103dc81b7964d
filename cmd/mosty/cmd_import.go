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
	results, err := w.Import(userPaths(o.paths))
	if err != nil {
		return err
	}
	if o.json {
		err = printImportJSON(e, results)
	} else {
		printImport(e.stdout, results)
	}
	if err != nil {
		return err
	}
	printImportTotals(e.summary(o.json), results)
	var failed []error
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, r.Err)
		}
	}
	return e.items(failed, len(results), "files failed", errors.New("no article imported"))
}

func printImport(w io.Writer, results []workspace.ImportResult) {
	for _, r := range results {
		if r.Err != nil {
			continue
		}
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
}

func printImportTotals(w io.Writer, results []workspace.ImportResult) {
	counts := map[workspace.ImportStatus]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	fmt.Fprintf(w, "%d new, %d updated, %d unchanged, %d failed\n",
		counts[workspace.ImportNew], counts[workspace.ImportUpdated], counts[workspace.ImportUnchanged], counts[workspace.ImportFailed])
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

func printImportJSON(e *env, results []workspace.ImportResult) error {
	out := make([]importJSON, 0, len(results))
	for _, r := range results {
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
		out = append(out, j)
	}
	return e.printJSON(out)
}
