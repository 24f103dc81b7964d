package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdBuild(e *env) *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "write the localised static site",
		Description: `Writes a page per article and language, a side-by-side page per
   translation, an index per language and sitemap.xml. A language's page is
   published when the share of translated words reaches min_coverage
   (mosty.toml [build], or --min-coverage). Files whose content did not
   change are not rewritten; --clean removes files the build did not make.

   Example:
      mosty build
      mosty build --out /var/www/klaster --min-coverage 80 --missing fallback`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "write the site to `DIR` (default: public/ in the workspace)"},
			&cli.BoolFlag{Name: "clean", Usage: "remove files in the output folder that the build did not make"},
			&cli.Float64Flag{Name: "min-coverage", Value: -1, Usage: "publish a language at `PCT` percent of words translated"},
			&cli.StringFlag{Name: "missing", Usage: "for untranslated segments of a published page: `fallback` or withhold"},
			&cli.StringFlag{Name: "fuzzy", Usage: "when the Polish changed after translation: `previous`, publish or missing"},
		},
		Action: func(c *cli.Context) error {
			return runBuild(c.Context, e, buildOpts{out: c.String("out"), clean: c.Bool("clean"),
				minCoverage: c.Float64("min-coverage"), missing: c.String("missing"), fuzzy: c.String("fuzzy")})
		},
	}
}

type buildOpts struct {
	out            string // "" for public/ in the workspace
	clean          bool
	minCoverage    float64 // < 0: mosty.toml's
	missing, fuzzy string  // "": mosty.toml's
}

func runBuild(_ context.Context, e *env, o buildOpts) error {
	w, err := e.open()
	if err != nil {
		return err
	}
	rules := w.Config.Build
	if o.minCoverage >= 0 {
		rules.MinCoverage = o.minCoverage
	}
	if o.missing != "" {
		rules.Missing = o.missing
	}
	if o.fuzzy != "" {
		rules.Fuzzy = o.fuzzy
	}
	if err := rules.Check(); err != nil {
		return usage(err)
	}
	unlock, err := lock(w)
	if err != nil {
		return err
	}
	defer unlock()
	out := ""
	if o.out != "" {
		out = userPath(o.out)
	}
	rep, err := w.Build(workspace.BuildOptions{Out: out, Clean: o.clean, Rules: &rules})
	if rep != nil {
		printProblems(e.stderr, rep.Problems)
	}
	if errors.Is(err, workspace.ErrBuildProblems) {
		return hint.Wrap(err, "fix the segments above, or build with --missing fallback to show the Polish there; nothing was written")
	}
	if err != nil {
		return err
	}
	printBuild(e.stdout, rep)
	return nil
}

func printProblems(w io.Writer, problems []site.Problem) {
	for _, p := range problems {
		level := "error"
		if p.Warning {
			level = "warning (shown in Polish)"
		}
		fmt.Fprintf(w, "%s: %s\n", level, p)
	}
}

// printBuild says what the build rendered — every version when there are
// few; when there are many, those not published in full (the first
// workspace.ListVersions of them) and how many of each kind — and what it
// wrote.
func printBuild(w io.Writer, rep *workspace.BuildReport) {
	for i := range rep.Versions {
		v := &rep.Versions[i]
		state := "published"
		switch {
		case !v.Published:
			state = fmt.Sprintf("not published: %.1f%% translated", v.Coverage)
		case v.Fallbacks == 1:
			state = "published, 1 segment in Polish"
		case v.Fallbacks > 1:
			state = fmt.Sprintf("published, %d segments in Polish", v.Fallbacks)
		}
		if v.Previous > 0 {
			state += fmt.Sprintf(", %d from the earlier Polish", v.Previous)
		}
		fmt.Fprintf(w, "%-4s %s: %s\n", v.Lang, v.Slug, state)
	}
	if n := rep.Rendered; n.Total() > workspace.ListVersions {
		fmt.Fprintf(w, "%d article versions rendered (an article in a language): %d published, %d published with Polish in places, %d not published", n.Total(), n.Full, n.Partly, n.Withheld)
		if n.Partly+n.Withheld > len(rep.Versions) {
			fmt.Fprintf(w, " (the first %d of those not published in full are listed above; mosty status lists every article)", len(rep.Versions))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d files written, %d unchanged, %d removed; %d articles unchanged since the last build\n",
		rep.Written, rep.Unchanged, len(rep.Removed), rep.Reused)
	fmt.Fprintf(w, "open %s\n", filepath.Join(rep.Out, "index.html"))
}
