package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdMerge(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge translations from XLIFF, PO or an OmegaT project back",
		ArgsUsage: "FILE|DIR…",
		Description: `Reads XLIFF (.xlf, .xliff) and PO (.po) files exported by mosty and
   filled in by a CAT tool, and OmegaT project folders made by mosty
   export --format omegat, and puts their translations into the
   translators' files by segment id (PO entries that lost their msgctxt:
   by their Polish, when one segment has it).

   It honours what the file says: a target marked new, needs-translation
   or initial, an empty one, or one that is the Polish copied is not a
   translation. It compares three ways — what was exported (kept in
   .mosty/exports/), what mosty has, what the file says — so an older file
   never overwrites newer work or sets a status back; a segment changed on
   both sides is a conflict, left as it is unless --force. A translation of
   Polish that changed since the export lands fuzzy. Every segment that is
   skipped or in conflict is printed with both versions, and the exit code
   is then 3. --dry-run shows it all and writes nothing.

   Example:
      mosty merge --dry-run ru.xlf
      mosty merge ru.xlf en.po ru-omegat`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "take the file's translation in conflicts too"},
			&cli.BoolFlag{Name: "dry-run", Usage: "show what would change; write nothing"},
			&cli.BoolFlag{Name: "json", Usage: "print the result as JSON"},
		},
		Action: func(c *cli.Context) error {
			return runMerge(c.Context, e, mergeOpts{files: c.Args().Slice(), force: c.Bool("force"), dryRun: c.Bool("dry-run"), json: c.Bool("json")})
		},
	}
}

type mergeOpts struct {
	files               []string
	force, dryRun, json bool
}

func runMerge(_ context.Context, e *env, o mergeOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	res, err := w.Merge(workspace.MergeOptions{Paths: userPaths(o.files), Force: o.force, DryRun: o.dryRun})
	if err != nil {
		return err
	}
	if o.json {
		if err := e.printJSON(res); err != nil {
			return err
		}
	} else {
		for _, it := range res.Items {
			printMergeItem(e.stdout, it)
		}
	}
	printMergeSummary(e.summary(o.json), res, o.dryRun)
	if n := res.Refused(); n > 0 {
		return &partialError{failed: n, total: len(res.Items) + res.Unchanged, what: "segments were skipped or in conflict, left as they were"}
	}
	return nil
}

// printMergeItem prints one item; one that was not applied shows both
// versions, one above the other.
func printMergeItem(out io.Writer, it workspace.MergeItem) {
	mark := ""
	if it.Outcome != workspace.MergeApplied {
		mark = it.Outcome + ": "
	}
	fmt.Fprintf(out, "%s%s/%s %s: %s\n", mark, it.Lang, it.Slug, it.ID, it.What)
	if it.Outcome != workspace.MergeApplied {
		fmt.Fprintf(out, "    mosty: %s\n    file:  %s\n", shown(it.Mosty), shown(it.FileText))
	}
}

func shown(s string) string {
	if s == "" {
		return "(empty)"
	}
	return strings.ReplaceAll(s, "\n", `\n`)
}

func printMergeSummary(out io.Writer, res *workspace.MergeResult, dryRun bool) {
	applied := len(res.Items) - res.Refused()
	skipped, conflicts := 0, 0
	for _, it := range res.Items {
		switch it.Outcome {
		case workspace.MergeSkipped:
			skipped++
		case workspace.MergeConflict:
			conflicts++
		}
	}
	fmt.Fprintf(out, "%d segments changed, %d unchanged, %d skipped, %d conflicts", applied, res.Unchanged, skipped, conflicts)
	if res.Renumbered > 0 {
		fmt.Fprintf(out, ", %d with placeholders renumbered from an earlier mosty's export", res.Renumbered)
	}
	if dryRun {
		fmt.Fprintf(out, " (dry run: nothing written; %d files would change)", len(res.Files))
	}
	fmt.Fprintln(out)
}
