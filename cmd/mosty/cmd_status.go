package main

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/google/renameio/v2"
	"github.com/mosty-dev/mosty/internal/report"
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
			if c.NArg() > 0 {
				return usagef("status takes no arguments")
			}
			w, err := openWorkspace(c)
			if err != nil {
				return err
			}
			langs := c.StringSlice("locale")
			for _, l := range langs {
				if !slices.Contains(w.Config.TargetLanguages, l) {
					return usagef("--locale %q is not a target language of this workspace (%v)", l, w.Config.TargetLanguages)
				}
			}
			if len(langs) == 0 {
				langs = w.Config.TargetLanguages
			}
			articles, err := w.Status(langs)
			if err != nil {
				return err
			}
			if path := c.String("html"); path != "" {
				var b bytes.Buffer
				if err := report.HTML(&b, w.Config.SiteName, articles, langs); err != nil {
					return err
				}
				if err := renameio.WriteFile(path, b.Bytes(), 0o644); err != nil {
					return err
				}
			}
			if c.Bool("json") {
				err = report.JSON(e.stdout, articles, langs)
			} else {
				err = report.Table(e.stdout, articles, langs)
			}
			if err != nil {
				return err
			}
			if min := c.Float64("fail-under"); min >= 0 {
				totals := report.Totals(articles)
				for _, l := range langs {
					if p := totals[l].Percent(); p < min {
						return fmt.Errorf("%s is %.1f%% translated, under --fail-under %g%%", l, p, min)
					}
				}
			}
			return nil
		},
	}
}
