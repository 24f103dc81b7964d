package main

import (
	"context"
	"fmt"

	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/urfave/cli/v2"
)

func cmdCheck(e *env) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "check translations before publishing (QA)",
		Description: `Checks every translators' file: placeholders missing, extra or badly
   nested, and HTML typed where a placeholder belongs (errors); empty or
   untranslated segments; a translation the same as the Polish; numbers,
   dates, e-mails and URLs that differ; glossary terms not rendered as
   approved (warning) or a forbidden rendering (error); white space and
   final punctuation; double spaces; unbalanced brackets and quotes; Latin
   words in Russian or Cyrillic in English; a status that contradicts the
   text. Exits 1 when there are errors; list checks under [check] errors
   in mosty.toml to make their warnings errors.

   Example:
      mosty check
      mosty check --json --locale ru`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the findings as JSON"},
			&cli.StringSliceFlag{Name: "locale", Usage: "only this `LANG` (repeatable)"},
			&cli.BoolFlag{Name: "errors-only", Usage: "list only errors"},
		},
		Action: func(c *cli.Context) error {
			return runCheck(c.Context, e, checkOpts{json: c.Bool("json"), locales: c.StringSlice("locale"), errorsOnly: c.Bool("errors-only")})
		},
	}
}

type checkOpts struct {
	json, errorsOnly bool
	locales          []string
}

func runCheck(_ context.Context, e *env, o checkOpts) error {
	w, langs, err := e.openLangs(o.locales)
	if err != nil {
		return err
	}
	findings, err := w.Check(langs)
	if err != nil {
		return err
	}
	shown := []qa.Finding{}
	errs := 0
	for _, f := range findings {
		if f.Severity == qa.Error {
			errs++
		}
		if f.Severity == qa.Error || !o.errorsOnly {
			shown = append(shown, f)
		}
	}
	if o.json {
		err = e.printJSON(shown)
	} else {
		for _, f := range shown {
			fmt.Fprintln(e.stdout, f)
		}
		fmt.Fprintf(e.stdout, "%d errors, %d warnings\n", errs, len(findings)-errs)
	}
	if err == nil && errs > 0 {
		err = fmt.Errorf("%d errors in the translations", errs)
	}
	return err
}
