package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/mosty-dev/mosty/internal/report"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/urfave/cli/v2"
)

func cmdStatus(e *env) *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "show translation coverage per article and language",
		Description: `Counts segments and Polish words by status (new, fuzzy, translated,
   reviewed) in every translators' file; "done" is the share of words
   translated or reviewed. --fail-under makes it a check for CI.

   Example:
      mosty status
      mosty status --json --locale ru
      mosty status --fail-under 100`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print JSON for scripts (schema in the README)"},
			&cli.StringSliceFlag{Name: "locale", Usage: "only this `LANG` (repeatable)"},
			&cli.Float64Flag{Name: "fail-under", Value: -1, Usage: "exit 1 when a language's total is below `PCT` percent"},
			&cli.StringFlag{Name: "html", Usage: "also write the coverage report for editors to `FILE`"},
		},
		Action: func(c *cli.Context) error {
			return runStatus(c.Context, e, statusOpts{json: c.Bool("json"), locales: c.StringSlice("locale"), failUnder: c.Float64("fail-under"), html: c.String("html")})
		},
	}
}

type statusOpts struct {
	json      bool
	locales   []string
	failUnder float64 // < 0: no check
	html      string  // "" for no report
}

func runStatus(_ context.Context, e *env, o statusOpts) error {
	w, langs, err := e.openLangs(o.locales)
	if err != nil {
		return err
	}
	articles, err := w.Coverage(langs)
	if err != nil {
		return err
	}
	if o.html != "" {
		var b bytes.Buffer
		if err := report.HTML(&b, w.Config.SiteName, slices.Values(articles), langs); err != nil {
			return err
		}
		if err := safefile.Write(userPath(o.html), b.Bytes(), safefile.Options{Sync: true}); err != nil {
			return err
		}
	}
	if o.json {
		err = e.printJSON(report.JSON(articles, langs))
	} else {
		err = report.Table(e.stdout, articles, langs)
	}
	if err != nil || o.failUnder < 0 {
		return err
	}
	totals := report.Totals(articles)
	for _, l := range langs {
		if p := totals[l].Percent(); p < o.failUnder {
			return fmt.Errorf("%s is %.1f%% translated, under --fail-under %g%%", l, p, o.failUnder)
		}
	}
	return nil
}
