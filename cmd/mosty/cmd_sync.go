package main

import (
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdSync(e *env) *cli.Command {
	return &cli.Command{
		Name:      "sync",
		Usage:     "re-extract changed sources and merge them into every locale file",
		ArgsUsage: "[SLUG…]",
		Description: `Brings locales/ up to date with sources/ and mosty.toml. A translation
   is never dropped: a changed sentence keeps its translation and becomes
   fuzzy, with the old Polish in previous_source; a removed one stays at
   the end of the file as obsolete until --prune. A mistake in a
   hand-edited file stops sync before anything is written.

   Example:
      mosty sync
      mosty sync --prune klaster-bialorus-2017`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "prune", Usage: "drop obsolete segments, with their translations"},
			&cli.BoolFlag{Name: "full", Usage: "check every article, not only those whose files changed"},
		},
		Action: func(c *cli.Context) error {
			w, unlock, err := openLocked(c)
			if err != nil {
				return err
			}
			defer unlock()
			rep, err := w.Sync(workspace.SyncOptions{Prune: c.Bool("prune"), Full: c.Bool("full"), Slugs: c.Args().Slice()})
			if err != nil {
				return err
			}
			printSync(e.stdout, w, rep)
			return nil
		},
	}
}

func printSync(out io.Writer, w *workspace.Workspace, rep *workspace.SyncReport) {
	for _, f := range rep.Written {
		what := f.Changes.String()
		switch {
		case f.Lang == w.Config.SourceLanguage:
			what = "extracted again"
		case f.Created:
			what = "created, " + what
		}
		fmt.Fprintf(out, "%s: %s\n", w.Rel(f.Path), what)
		if len(f.Changes.Restored) > 0 {
			fmt.Fprintf(out, "  source of %v had been edited by hand and was put back; translations are kept\n", f.Changes.Restored)
		}
	}
	fmt.Fprintf(out, "%d articles checked, %d unchanged since the last sync, %d files written\n", rep.Checked, rep.Skipped, len(rep.Written))
}
