package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

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

// runCheck prints each finding as its article is checked, the count
// of errors and warnings (text) or the end of the array (JSON) last.
func runCheck(_ context.Context, e *env, o checkOpts) error {
	w, langs, err := e.openLangs(o.locales)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	list := &jsonArray{w: out}
	errs, others := 0, 0
	err = w.CheckEach(langs, func(f qa.Finding) error {
		if f.Severity == qa.Error {
			errs++
		} else {
			others++
		}
		switch {
		case f.Severity != qa.Error && o.errorsOnly:
			return nil
		case o.json:
			return list.add(f)
		}
		_, err := fmt.Fprintln(out, f)
		return err
	})
	if err == nil && o.json {
		if err = list.close(); err == nil {
			_, err = io.WriteString(out, "\n")
		}
	} else if err == nil {
		_, err = fmt.Fprintf(out, "%d errors, %d warnings\n", errs, others)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err == nil && errs > 0 {
		err = fmt.Errorf("%d errors in the translations", errs)
	}
	return err
}
