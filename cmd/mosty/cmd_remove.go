package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"
)

func cmdRemove(e *env) *cli.Command {
	return &cli.Command{
		Name:      "remove",
		Usage:     "retire articles, keeping their translations recoverable",
		ArgsUsage: "SLUG…",
		Description: `Takes articles out of the workspace: the next build leaves them out.
   Nothing is deleted: each article's original, metadata and translators'
   files move, with their paths, to removed/SLUG/ in the workspace; copy
   them back to restore the article with its translations.

   Example:
      mosty remove targi-2016
      cp -r removed/targi-2016/. .     # to bring it back`,
		Action: func(c *cli.Context) error {
			return runRemove(c.Context, e, removeOpts{slugs: c.Args().Slice()})
		},
	}
}

type removeOpts struct {
	slugs []string
}

func runRemove(_ context.Context, e *env, o removeOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := selectSlugs(w, o.slugs); err != nil {
		return err
	}
	for _, slug := range o.slugs {
		r, err := w.Remove(slug)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %s: its %d files are in %s/ (copy them back to restore it: cp -r %s/. .)\n", r.Slug, len(r.Files), r.Dir, r.Dir)
	}
	return nil
}
