package main

import (
	"context"
	"fmt"

	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdInit(e *env) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "make a new workspace",
		ArgsUsage: "[DIR]",
		Description: `Makes DIR (default: the folder -C names, or the current one) a
   workspace: mosty.toml, sources/ and locales/. An existing workspace is
   never overwritten. In a git repository it offers "mosty git-setup"
   (asking at a terminal, else printing a line saying how).

   Example:
      mosty init klaster-site`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "site-name", Value: "Wschodni Klaster Budowlany", Usage: "the site's `NAME`, shown on pages"},
		},
		Action: func(c *cli.Context) error {
			return runInit(c.Context, e, initOpts{dir: c.Args().First(), siteName: c.String("site-name")})
		},
	}
}

type initOpts struct {
	dir      string // "" for -C
	siteName string
}

func runInit(ctx context.Context, e *env, o initOpts) error {
	dir := e.dir
	if o.dir != "" {
		dir = userPath(o.dir)
	}
	if _, err := workspace.Init(dir, o.siteName); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "new workspace in %s\nnext: mosty -C %s import FILE…\n", dir, dir)
	return offerGitSetup(ctx, e, dir, isTerminal(e.stdin))
}
