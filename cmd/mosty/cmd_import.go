package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/hint"
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
			if c.NArg() == 0 {
				return usagef("import needs at least one FILE or DIR")
			}
			w, unlock, err := openLocked(c)
			if err != nil {
				return err
			}
			defer unlock()
			results, err := w.Import(c.Args().Slice())
			if err != nil {
				return err
			}
			if c.Bool("json") {
				err = printImportJSON(e.stdout, results)
			} else {
				printImport(e.stdout, results)
			}
			if err != nil {
				return err
			}
			return failures(e.stderr, results)
		},
	}
}

// failures prints one line per failed file and returns a partialError
// when some failed (or a plain error when all did).
func failures(stderr io.Writer, results []workspace.ImportResult) error {
	failed := 0
	for _, r := range results {
		if r.Err != nil {
			failed++
			fmt.Fprintf(stderr, "mosty: %v\n", r.Err)
			if h := hint.Of(r.Err); h != "" {
				fmt.Fprintf(stderr, "hint: %s\n", h)
			}
		}
	}
	switch {
	case failed == 0:
		return nil
	case failed == len(results):
		return fmt.Errorf("no article imported")
	}
	return &partialError{failed: failed, total: len(results)}
}

func printImport(w io.Writer, results []workspace.ImportResult) {
	counts := map[workspace.Status]int{}
	for _, r := range results {
		counts[r.Status]++
		if r.Err != nil {
			continue
		}
		a := r.Article
		date := "no date"
		if !a.Date.IsZero() {
			date = a.Date.Format("2006-01-02")
		}
		body, attrs := countSegments(a)
		fmt.Fprintf(w, "%-9s %s  %q  %s, %d segments, %d in attributes\n", r.Status, r.Slug, a.Title, date, body, attrs)
	}
	fmt.Fprintf(w, "%d new, %d updated, %d unchanged, %d failed\n",
		counts[workspace.StatusNew], counts[workspace.StatusUpdated], counts[workspace.StatusUnchanged], counts[workspace.StatusFailed])
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
	Error    string `json:"error,omitempty"`
}

func printImportJSON(w io.Writer, results []workspace.ImportResult) error {
	out := make([]importJSON, 0, len(results))
	for _, r := range results {
		j := importJSON{File: r.File, Slug: r.Slug, Status: string(r.Status)}
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
