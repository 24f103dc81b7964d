package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func cmdVersion(e *env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print mosty's version",
		Description: `Prints the version mosty was built as, with its commit when known.

   Example:
      mosty version`,
		Action: func(c *cli.Context) error {
			return runVersion(c.Context, e)
		},
	}
}

func runVersion(_ context.Context, e *env) error {
	v, rev := "(devel)", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		v = info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				rev = " " + s.Value
			}
		}
	}
	fmt.Fprintf(e.stdout, "mosty %s%s\n", v, rev)
	return nil
}
