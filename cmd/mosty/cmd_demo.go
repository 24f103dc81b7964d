package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/report"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdDemo(e *env) *cli.Command {
	return &cli.Command{
		Name:      "demo",
		Usage:     "run the whole pipeline on the bundled sample article",
		ArgsUsage: "[DIR]",
		Description: `Makes a workspace in DIR (default: the folder -C names, else mosty-demo),
   imports the first user's article (built into mosty) and shows what
   mosty found in it, fills in reference translations and builds the
   site, with the article's picture (a drawing of mosty's own) in
   static/. Running it again reuses the workspace. As with init, -C picks
   the workspace when no DIR is given; DIR itself, like every path, is
   taken from the current folder, not from -C.

   Example:
      mosty demo /tmp/mosty-demo
      mosty -C site demo`,
		Action: func(c *cli.Context) error {
			return runDemo(c.Context, e, demoOpts{dir: c.Args().First()})
		},
	}
}

type demoOpts struct {
	dir string // "" for the folder -C names, else mosty-demo
}

func runDemo(_ context.Context, e *env, o demoOpts) error {
	dir := "mosty-demo"
	switch {
	case o.dir != "":
		dir = userPath(o.dir)
	case e.dirGiven:
		dir = e.dir
	}
	w, err := workspace.Open(dir)
	if errors.Is(err, workspace.ErrNotWorkspace) {
		w, err = workspace.Init(dir, "Wschodni Klaster Budowlany")
	}
	if err != nil {
		return err
	}
	unlock, err := lock(w)
	if err != nil {
		return err
	}
	defer unlock()
	if err := w.AddStaticFile(demo.ImagePath, demo.Image()); err != nil {
		return err
	}
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
	if err := fillReference(w, r.Slug); err != nil {
		return err
	}
	printDemo(e.stdout, w, r)
	articles, err := w.Coverage(nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nTranslation status (mosty status):")
	if err := report.Table(e.stdout, articles, w.Config.TargetLanguages); err != nil {
		return err
	}
	// The Russian translation is half done: the demo publishes at 40% so
	// its page shows how untranslated parts fall back.
	rules := w.Config.Build
	rules.MinCoverage = 40
	rep, err := w.Build(workspace.BuildOptions{Rules: &rules})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nThe site (mosty build --min-coverage 40; the default publishes complete translations only):\n")
	printBuild(e.stdout, rep)
	fmt.Fprintf(e.stdout, "\nTranslators fill in %s; then run: mosty -C %s sync && mosty -C %s build\n",
		filepath.Join(dir, "locales", "ru", r.Slug+".toml"), dir, dir)
	return nil
}

// fillReference plays the translators: the bundled reference translations
// go into the English file and into the first half of the Russian one.
// A segment that already has a translation is left alone.
func fillReference(w *workspace.Workspace, slug string) error {
	for _, lang := range w.Config.TargetLanguages {
		err := w.UpdateLocale(lang, slug, func(f *catalog.File) {
			n := len(f.Units)
			if lang == "ru" {
				n /= 2
			}
			for i := range f.Units[:n] {
				u := &f.Units[i]
				if t, ok := demo.Translate(u.Source, lang); ok && u.Translation == "" && !u.Obsolete {
					u.Translation, u.Status = t, catalog.Translated
				}
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func printDemo(w io.Writer, ws *workspace.Workspace, r workspace.ImportResult) {
	dir := ws.Dir
	a := r.Article
	fmt.Fprintf(w, "Workspace: %s\n", dir)
	fmt.Fprintf(w, "Imported %s (%s) as %q\n\n", demo.ArticleName, r.Status, r.Slug)
	fmt.Fprintf(w, "  title     %s\n  date      %s\n  category  %s\n  language  %s\n\n", a.Title, a.Date.Format("2006-01-02"), a.Category, a.Lang)
	n := 0
	for _, b := range a.Blocks {
		for _, s := range b.Segments {
			n++
			fmt.Fprintf(w, "  %2d  %-11s %s\n", n, b.Kind, shorten(s.Text, 100))
			for k, id := range s.Tags {
				if id > 0 && id <= len(b.Tags) {
					fmt.Fprintf(w, "      %-11s <%d> is %s\n", "", k+1, describeTag(b.Tags[id-1]))
				}
			}
		}
	}
	fmt.Fprintf(w, "\n%d segments in %d blocks. Inline markup is kept as numbered placeholders;\n", n, len(a.Blocks))
	fmt.Fprintf(w, "translators never see the link targets.\n\nFiles:\n")
	fmt.Fprintf(w, "  %-50s the original, byte for byte\n", filepath.Join(dir, "sources", r.Slug+".html"))
	for _, lang := range ws.Languages() {
		fmt.Fprintf(w, "  %-50s %s\n", ws.LocalePath(lang, r.Slug), localeRole(lang == ws.Config.SourceLanguage))
	}
}

func localeRole(source bool) string {
	if source {
		return "Polish segments (generated)"
	}
	return "translators' file"
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
