package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

// userPath is the path rule, the same for every path argument and flag:
// absolute paths as given, relative ones from the folder mosty runs in
// (never from -C).
func userPath(p string) string {
	return filepath.Clean(p)
}

// userPaths applies userPath to each path.
func userPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = userPath(p)
	}
	return out
}

// argCounts says how many arguments each command takes; a command not
// listed takes none.
var argCounts = map[string][2]int{ // name: {min, max}; max -1 for any number
	"init": {0, 1}, "demo": {0, 1}, "import": {1, -1}, "merge": {1, -1},
	"fetch": {0, -1}, "sync": {0, -1}, "export": {0, -1}, "lookup": {1, 1}, "search": {1, 1}, "remove": {1, -1},
	"merge-driver": {4, 4}, "resolve": {1, -1},
}

// checkArgs checks a command's arguments before it runs: their number,
// and that none is one of its flags put after the arguments, where the
// command line no longer reads flags.
func checkArgs(cmd *cli.Command) cli.BeforeFunc {
	return func(c *cli.Context) error {
		args := c.Args().Slice()
		for _, a := range args {
			name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if strings.HasPrefix(a, "-") && hasFlag(cmd, name) {
				return hint.Wrap(usagef("the flag %s comes after an argument, where it is not read", a),
					fmt.Sprintf("put flags before arguments: mosty %s %s …", cmd.Name, a))
			}
		}
		n := argCounts[cmd.Name]
		what := cmd.ArgsUsage
		switch {
		case len(args) < n[0]:
			return usagef("%s needs %s", cmd.Name, what)
		case n[1] == 0 && len(args) > 0:
			return usagef("%s takes no arguments, got %q", cmd.Name, args[0])
		case n[1] > 0 && len(args) > n[1]:
			return usagef("%s takes %s, got %d arguments", cmd.Name, what, len(args))
		}
		return nil
	}
}

func hasFlag(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			return true
		}
	}
	return name == "help" || name == "h"
}

// unknownCommand is the usage error for a command mosty does not have;
// parent is the command whose subcommands were looked in (the root for
// mosty's own).
func unknownCommand(name string, parent *cli.Command) error {
	var names []string
	for _, c := range parent.Subcommands {
		names = append(names, c.Name)
	}
	return withSuggestion(usagef("unknown command %q", name), suggest(name, names), helpOf(parent)+" lists the commands")
}

// unknownFlag is the usage error for a flag cmd does not have.
func unknownFlag(name string, cmd *cli.Command) error {
	var names []string
	for _, f := range cmd.Flags {
		names = append(names, f.Names()...)
	}
	s := ""
	if len(name) > 1 {
		if s = suggest(name, names); s != "" {
			s = dashes(s) + s
		}
	}
	return withSuggestion(usagef("unknown flag %s%s", dashes(name), name), s, helpOf(cmd)+" lists the flags")
}

// dashes is what a flag's name is written after: -C, --json.
func dashes(name string) string {
	if len(name) == 1 {
		return "-"
	}
	return "--"
}

// withSuggestion gives a usage error the hint "did you mean …?" when
// there is a suggestion, and where to look in any case.
func withSuggestion(err error, suggestion, where string) error {
	if suggestion != "" {
		return hint.Wrap(err, fmt.Sprintf("did you mean %q? %s", suggestion, where))
	}
	return hint.Wrap(err, where)
}

// helpOf is the command line that shows cmd's help.
func helpOf(cmd *cli.Command) string {
	name := "mosty"
	if cmd != nil && cmd.HelpName != "" {
		name = cmd.HelpName
	}
	return fmt.Sprintf("%q", name+" --help")
}

// suggest returns the candidate closest to what was typed, when it is
// close — a letter or two off (one in three at most), two letters
// swapped — or typed as its beginning; "" otherwise.
func suggest(typed string, candidates []string) string {
	best, bestD := "", max(1, len(typed)/3)+1
	for _, c := range candidates {
		if len(typed) >= 2 && strings.HasPrefix(c, typed) {
			return c
		}
		if d := editDistance(typed, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// targetLangs reads --locale values as the workspace's target languages
// (BCP 47: ru-RU, ru_RU and RU are ru); one it does not have is a usage
// error naming those it has.
func targetLangs(w *workspace.Workspace, tags []string) ([]string, error) {
	langs, err := w.TargetLanguages(tags)
	return langs, usage(err)
}

// selectSlugs reads article arguments: each must be an article of the
// workspace, or it is a usage error naming it; none means all.
func selectSlugs(w *workspace.Workspace, slugs []string) ([]string, error) {
	out, err := w.Select(slugs)
	return out, usage(err)
}

// editDistance counts the letters to add, remove or change, and the
// neighbours to swap, to turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
