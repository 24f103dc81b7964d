package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"
)

func cmdTM(e *env) *cli.Command {
	return &cli.Command{
		Name:  "tm",
		Usage: "the translation memory",
		Description: `Every translated or reviewed segment of the workspace that passes the
   QA checks without an error is memory, with the TMX files imported into
   memory/. "mosty tm" alone lists the subcommands.

   Example:
      mosty tm lookup --locale ru "Spotkanie trwało dwa dni."
      mosty tm search --locale ru "klaster"
      mosty tm import ~/pamiec/wkb-2016.tmx`,
		Subcommands: []*cli.Command{cmdTMSearch(e), cmdTMImport(e), {
			Name:      "lookup",
			Usage:     "show the best matches for a Polish sentence",
			ArgsUsage: "TEXT",
			Description: `Every translated or reviewed segment of the workspace is memory. Lists
   the closest ones to TEXT with their similarity (100 is exact).

   Example:
      mosty tm lookup --locale ru "Spotkanie trwało dwa dni."`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "locale", Usage: "the target `LANG` (required)"},
				&cli.IntFlag{Name: "min", Value: 75, Usage: "show matches from `PCT` similar"},
				&cli.BoolFlag{Name: "json", Usage: "print JSON"},
			},
			Action: func(c *cli.Context) error {
				return runTMLookup(c.Context, e, tmLookupOpts{locale: c.String("locale"), text: c.Args().First(), min: c.Int("min"), json: c.Bool("json")})
			},
		}},
	}
}

type tmLookupOpts struct {
	locale, text string
	min          int
	json         bool
}

func runTMLookup(_ context.Context, e *env, o tmLookupOpts) error {
	w, lang, err := e.openLang("tm lookup", o.locale)
	if err != nil {
		return err
	}
	matches, err := w.Lookup(lang, o.text, o.min)
	if err != nil {
		return err
	}
	if o.json {
		return e.printJSON(matches)
	}
	for _, m := range matches {
		fmt.Fprintf(e.stdout, "%3d%%  %s\n      %s\n      (%s)\n", m.Score, m.Source, m.Translation, m.Origin)
	}
	if len(matches) == 0 {
		fmt.Fprintln(e.stdout, "no match")
	}
	return nil
}
