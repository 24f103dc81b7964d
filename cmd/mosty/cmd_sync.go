package main

import (
	"context"
	"errors"
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
   hand-edited file stops sync before anything is written. An article
   whose original cannot be read or extracted is named and left as it
   was; the others are synced (exit code 3).

   Example:
      mosty sync
      mosty sync --prune klaster-bialorus-2017
      mosty sync --full`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "prune", Usage: "drop obsolete segments, with their translations"},
			&cli.BoolFlag{Name: "full", Usage: "extract every article again, not only those whose files or mosty's rules changed"},
		},
		Action: func(c *cli.Context) error {
			return runSync(c.Context, e, syncOpts{prune: c.Bool("prune"), full: c.Bool("full"), slugs: c.Args().Slice()})
		},
	}
}

type syncOpts struct {
	prune, full bool
	slugs       []string // all when empty
}

func runSync(_ context.Context, e *env, o syncOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := selectSlugs(w, o.slugs); err != nil {
		return err
	}
	rep, err := w.Sync(workspace.SyncOptions{Prune: o.prune, Full: o.full, Slugs: o.slugs})
	if err != nil {
		return err
	}
	printSync(e.stdout, w, rep)
	failed := make([]error, len(rep.Failed))
	for i, f := range rep.Failed {
		failed[i] = f
	}
	return e.items(failed, rep.Checked, "articles failed", errors.New("no article synced"))
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
		if f.Changes.Renumbered > 0 {
			fmt.Fprintln(out, "  placeholders now start at <1> in every segment: the translations were renumbered with their Polish, statuses kept")
		}
		if len(f.Changes.Restored) > 0 {
			fmt.Fprintf(out, "  source of %v was not the Polish of locales/%s (edited by hand, or the file is older): put back; translations kept as fuzzy\n", f.Changes.Restored, w.Config.SourceLanguage)
		}
	}
	fmt.Fprintf(out, "%d articles checked, %d unchanged since the last sync, %d files written\n", rep.Checked, rep.Skipped, len(rep.Written))
}
