package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func cmdVersion(e *env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print mosty's version",
		Action: func(c *cli.Context) error {
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
		},
	}
}
