package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/mosty-dev/mosty/internal/catalog"

	"github.com/mosty-dev/mosty/internal/report"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/workspace"
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

// runStatus writes the coverage: with --json, an article at a time as
// it is measured; the table (whose columns fit every row) and the HTML
// report once every article is measured.
func runStatus(_ context.Context, e *env, o statusOpts) error {
	w, langs, err := e.openLangs(o.locales)
	if err != nil {
		return err
	}
	var totals map[string]catalog.Coverage
	if o.json && o.html == "" {
		totals, err = streamStatusJSON(e.stdout, w, langs)
	} else {
		totals, err = statusReports(e, w, langs, o)
	}
	if err != nil || o.failUnder < 0 {
		return err
	}
	for _, l := range langs {
		if p := totals[l].Percent(); p < o.failUnder {
			return fmt.Errorf("%s is %.1f%% translated, under --fail-under %g%%", l, p, o.failUnder)
		}
	}
	return nil
}

// statusReports writes the HTML report (with --html) and the table or
// the JSON, from every article's coverage, and returns the totals.
func statusReports(e *env, w *workspace.Workspace, langs []string, o statusOpts) (map[string]catalog.Coverage, error) {
	articles, err := w.Coverage(langs)
	if err != nil {
		return nil, err
	}
	if o.html != "" {
		var b bytes.Buffer
		if err := report.HTML(&b, w.Config.SiteName, slices.Values(articles), langs); err != nil {
			return nil, err
		}
		if err := safefile.Write(userPath(o.html), b.Bytes(), safefile.Options{Sync: true}); err != nil {
			return nil, err
		}
	}
	if o.json {
		err = e.printJSON(report.JSON(articles, langs))
	} else {
		err = report.Table(e.stdout, articles, langs)
	}
	return report.Totals(articles), err
}

// streamStatusJSON writes mosty status --json as report.JSON's value
// would be printed, an article at a time as it is measured, and returns
// the totals.
func streamStatusJSON(stdout io.Writer, w *workspace.Workspace, langs []string) (map[string]catalog.Coverage, error) {
	out := bufio.NewWriterSize(stdout, 64<<10)
	totals := map[string]catalog.Coverage{}
	list := &jsonArray{w: out, indent: "  "}
	io.WriteString(out, "{\n  \"articles\": ")
	err := w.CoverageEach(langs, func(a catalog.ArticleCoverage) error {
		report.AddTotals(totals, a)
		return list.add(report.JSONArticle(a, langs))
	})
	if err == nil {
		err = list.close()
	}
	if err == nil {
		var data []byte
		if data, err = json.MarshalIndent(report.JSONTotals(totals, langs), "  ", "  "); err == nil {
			fmt.Fprintf(out, ",\n  \"totals\": %s\n}\n", data)
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return totals, err
}
