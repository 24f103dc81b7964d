package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdDemo(e *env) *cli.Command {
	return &cli.Command{
		Name:      "demo",
		Usage:     "run the whole pipeline on the bundled sample article",
		ArgsUsage: "[DIR]",
		Description: `Makes a workspace in DIR (default mosty-demo), imports the first user's
   article (built into mosty) and shows what mosty found in it. Running it
   again reuses the workspace.

   Example:
      mosty demo /tmp/mosty-demo`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("demo takes one folder, got %d arguments", c.NArg())
			}
			dir := filepath.Join(c.String("C"), "mosty-demo")
			if c.NArg() == 1 {
				dir = filepath.Join(c.String("C"), c.Args().First())
			}
			w, err := workspace.Open(dir)
			if errors.Is(err, workspace.ErrNotWorkspace) {
				w, err = workspace.Init(dir, "Wschodni Klaster Budowlany")
			}
			if err != nil {
				return err
			}
			unlock, err := w.Lock()
			if err != nil {
				return err
			}
			defer unlock()
			src, err := acquire.FromBytes(demo.ArticleName, "mosty:demo/"+demo.ArticleName, demo.Article())
			if err != nil {
				return err
			}
			rs, err := w.ImportSources([]*acquire.Source{src})
			if err != nil {
				return err
			}
			r := rs[0]
			if r.Err != nil {
				return r.Err
			}
			printDemo(e.stdout, dir, r)
			return nil
		},
	}
}

func printDemo(w io.Writer, dir string, r workspace.ImportResult) {
	a := r.Article
	fmt.Fprintf(w, "Workspace: %s\n", dir)
	fmt.Fprintf(w, "Imported %s (%s) as %q\n\n", demo.ArticleName, r.Status, r.Slug)
	fmt.Fprintf(w, "  title     %s\n  date      %s\n  category  %s\n  language  %s\n\n", a.Title, a.Date.Format("2006-01-02"), a.Category, a.Lang)
	n := 0
	for _, b := range a.Blocks {
		for _, s := range b.Segments {
			n++
			fmt.Fprintf(w, "  %2d  %-11s %s\n", n, b.Kind, shorten(s.Text, 100))
		}
		for i, t := range b.Tags {
			fmt.Fprintf(w, "      %-11s <%d> is %s\n", "", i+1, describeTag(t))
		}
	}
	fmt.Fprintf(w, "\n%d segments in %d blocks. Inline markup is kept as numbered placeholders;\n", n, len(a.Blocks))
	fmt.Fprintf(w, "translators never see the link targets. The original is in %s.\n", filepath.Join(dir, "sources", r.Slug+".html"))
}

func describeTag(t article.Tag) string {
	if href, ok := t.Attr("href"); ok {
		return fmt.Sprintf("<%s href=%q>", t.Name, href)
	}
	if src, ok := t.Attr("src"); ok {
		return fmt.Sprintf("<%s src=%q>", t.Name, src)
	}
	return "<" + t.Name + ">"
}

func shorten(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ⏎ ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
