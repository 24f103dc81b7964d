package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"
)

func cmdMerge(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge translations from XLIFF or PO files back",
		ArgsUsage: "FILE…",
		Description: `Reads XLIFF (.xlf, .xliff) and PO (.po) files exported by mosty and
   filled in by a CAT tool, and puts their translations into the
   translators' files by segment id. If the Polish changed since the
   export, the translation lands as fuzzy. A reviewed translation, or one
   changed in mosty since the export, is not overwritten: it is listed as
   a conflict and skipped, unless --force; the exit code is then 3.

   Example:
      mosty merge ru.xlf en.po`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "take the file's translation in conflicts too"},
		},
		Action: func(c *cli.Context) error {
			return runMerge(c.Context, e, mergeOpts{files: c.Args().Slice(), force: c.Bool("force")})
		},
	}
}

type mergeOpts struct {
	files []string
	force bool
}

func runMerge(_ context.Context, e *env, o mergeOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	changes, err := w.MergeFiles(userPaths(o.files), o.force)
	if err != nil {
		return err
	}
	conflicts := 0
	for _, ch := range changes {
		mark := ""
		if ch.Conflict {
			mark = "conflict: "
			conflicts++
		}
		fmt.Fprintf(e.stdout, "%s%s/%s %s: %s\n", mark, ch.Lang, ch.Slug, ch.ID, ch.What)
	}
	fmt.Fprintf(e.stdout, "%d segments changed, %d conflicts\n", len(changes)-conflicts, conflicts)
	if conflicts > 0 {
		return &partialError{failed: conflicts, total: len(changes), what: "segments were conflicts, left as they were"}
	}
	return nil
}
