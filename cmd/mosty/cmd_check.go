package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdCheck(e *env) *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "report translations that cannot be published as they are",
		Description: `Runs the build's checks without writing anything: a translation whose
   placeholders do not match its Polish (one missing, extra, renamed or
   badly nested) is an error, or a warning where the fallback rule shows
   the Polish instead. Exits 1 when there are errors, for CI.

   Example:
      mosty check
      mosty check --json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the findings as JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check takes no arguments")
			}
			w, err := openWorkspace(c)
			if err != nil {
				return err
			}
			rep, err := w.Build(workspace.BuildOptions{DryRun: true})
			if err != nil && !errors.Is(err, workspace.ErrBuildProblems) {
				return err
			}
			problems := []site.Problem{}
			if rep != nil {
				problems = append(problems, rep.Problems...)
			}
			if c.Bool("json") {
				type finding struct {
					File     string `json:"file"`
					Segment  string `json:"segment"`
					Severity string `json:"severity"`
					Message  string `json:"message"`
				}
				out := []finding{}
				for _, p := range problems {
					sev := "error"
					if p.Warning {
						sev = "warning"
					}
					out = append(out, finding{p.File, p.Segment, sev, p.Msg})
				}
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(out); err != nil {
					return err
				}
			} else {
				printProblems(e.stdout, problems)
				fmt.Fprintf(e.stdout, "%d findings\n", len(problems))
			}
			if errors.Is(err, workspace.ErrBuildProblems) {
				return err
			}
			return nil
		},
	}
}
