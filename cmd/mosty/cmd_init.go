package main

import (
	"fmt"
	"path/filepath"

	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdInit(e *env) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "make a new workspace",
		ArgsUsage: "[DIR]",
		Description: `Makes DIR (default: the current folder, or -C) a workspace: mosty.toml,
   sources/ and locales/. An existing workspace is never overwritten.

   Example:
      mosty init klaster-site`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "site-name", Value: "Wschodni Klaster Budowlany", Usage: "the site's `NAME`, shown on pages"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("init takes one folder, got %d arguments", c.NArg())
			}
			dir := c.String("C")
			if c.NArg() == 1 {
				dir = filepath.Join(dir, c.Args().First())
			}
			if _, err := workspace.Init(dir, c.String("site-name")); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "new workspace in %s\nnext: mosty -C %s import FILE…\n", dir, dir)
			return nil
		},
	}
}
