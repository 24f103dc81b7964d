package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/urfave/cli/v2"
)

func cmdResolve(e *env) *cli.Command {
	return &cli.Command{
		Name:      "resolve",
		Usage:     "pick one version of segments a git merge left in two",
		ArgsUsage: "SLUG…",
		Description: `A git merge that met a segment changed two ways keeps ours in its keys
   and theirs in conflict_translation, conflict_status and conflict_<key>
   ("mosty check" lists them). resolve keeps one version of every such
   segment in the articles' translators' files: --ours drops the conflict_
   keys, --theirs puts their values in place. --segment limits it to some.
   To pick segment by segment, edit the file and remove the conflict_ keys.

   Example:
      mosty resolve --locale ru --theirs klaster-bialorus-2017
      mosty resolve --locale en --ours --segment a4c7e739 klaster-bialorus-2017`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "locale", Usage: "the translators' files of `LANG` (required)"},
			&cli.BoolFlag{Name: "ours", Usage: "keep the version in the segment's keys"},
			&cli.BoolFlag{Name: "theirs", Usage: "keep the version in its conflict_ keys"},
			&cli.StringSliceFlag{Name: "segment", Usage: "only the segment with this `ID` (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			return runResolve(c.Context, e, resolveOpts{locale: c.String("locale"), ours: c.Bool("ours"), theirs: c.Bool("theirs"),
				segments: c.StringSlice("segment"), slugs: c.Args().Slice()})
		},
	}
}

type resolveOpts struct {
	locale       string
	ours, theirs bool
	segments     []string // all conflicted segments when empty
	slugs        []string
}

func runResolve(_ context.Context, e *env, o resolveOpts) error {
	if o.ours == o.theirs {
		return usagef("resolve needs one of --ours and --theirs")
	}
	side := catalog.Ours
	if o.theirs {
		side = catalog.Theirs
	}
	w, lang, err := e.openLang("resolve", o.locale)
	if err != nil {
		return err
	}
	unlock, err := lock(w)
	if err != nil {
		return err
	}
	defer unlock()
	slugs, err := selectSlugs(w, o.slugs)
	if err != nil {
		return err
	}
	done, err := w.Resolve(lang, slugs, o.segments, side)
	if err != nil {
		return err
	}
	for _, r := range done {
		if len(r.Segments) == 0 {
			fmt.Fprintf(e.stdout, "%s: no conflicts\n", w.Rel(r.Path))
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %d %s resolved, %s kept (%s)\n", w.Rel(r.Path), len(r.Segments),
			plural(len(r.Segments), "segment", "segments"), side, strings.Join(r.Segments, ", "))
	}
	return nil
}
