package main

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"
)

func cmdTM(e *env) *cli.Command {
	return &cli.Command{
		Name:  "tm",
		Usage: "the translation memory",
		Subcommands: []*cli.Command{{
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
				if c.NArg() != 1 || c.String("locale") == "" {
					return usagef("tm lookup needs --locale LANG and one TEXT in quotes")
				}
				w, err := openWorkspace(c)
				if err != nil {
					return err
				}
				matches, err := w.Lookup(c.String("locale"), c.Args().First(), c.Int("min"))
				if err != nil {
					return err
				}
				if c.Bool("json") {
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(matches)
				}
				for _, m := range matches {
					fmt.Fprintf(e.stdout, "%3d%%  %s\n      %s\n      (%s)\n", m.Score, m.Source, m.Translation, m.Origin)
				}
				if len(matches) == 0 {
					fmt.Fprintln(e.stdout, "no match")
				}
				return nil
			},
		}},
	}
}
