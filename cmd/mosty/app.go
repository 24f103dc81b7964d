package main

import (
	"context"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// The help every command ends with: the exit codes and the path rule,
// the same for all.
const conventionsHelp = `EXIT CODES:
   0  success
   1  error (or a check such as --fail-under did not pass)
   2  usage error: unknown command or flag, missing argument, a language
      or article the workspace does not have
   3  done, but some items (files, URLs, articles, segments) failed or were
      refused; each is named

PATHS:
   -C DIR picks the workspace. Every other path, arguments and --out and
   --html alike, is taken as given: an absolute path as it is, a relative
   one from the folder mosty runs in, never from -C.

NOTE:
   Flags go before arguments: "mosty import --json a.html", not "mosty import a.html --json".
`

// run runs mosty with args as if from the command line and returns the
// exit code; main and the tests call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	app := newApp(e)
	err := app.RunContext(ctx, args)
	if err == nil && e.notFound != nil {
		err = e.notFound
	}
	return e.report(err)
}

// newApp is mosty's command line: every command, with the conventions
// of conventionsHelp applied to each.
func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:      "mosty",
		Usage:     "turn Polish articles into parallel Russian and English pages",
		UsageText: "mosty [-C DIR] COMMAND [flags] [arguments]",
		Description: "Examples:\n   mosty demo\n   mosty init site && cd site\n   mosty fetch --list https://wkb.example/aktualnosci --max 20\n" +
			"   mosty import ~/articles/\n   mosty status\n   mosty export --format xliff --locale ru --out ru.xlf && mosty merge ru.xlf\n   mosty check && mosty build",
		Writer:                e.stdout,
		ErrWriter:             e.stderr,
		Reader:                e.stdin,
		ExitErrHandler:        func(*cli.Context, error) {},
		OnUsageError:          onUsageError,
		CustomAppHelpTemplate: cli.AppHelpTemplate + "\n" + conventionsHelp,
		HideHelpCommand:       true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Value: ".", Usage: "use the workspace in `DIR`; other relative paths still start from the current folder"},
		},
		Before: func(c *cli.Context) error {
			e.dir, e.dirGiven = userPath(c.String("C")), c.IsSet("C")
			return nil
		},
		Commands: []*cli.Command{
			cmdInit(e), cmdImport(e), cmdFetch(e), cmdSync(e), cmdStatus(e), cmdBuild(e), cmdCheck(e),
			cmdExport(e), cmdMerge(e), cmdTM(e), cmdRemove(e), cmdServe(e), cmdSegment(e), cmdNames(e), cmdDemo(e), cmdVersion(e),
			cmdGitSetup(e), cmdMergeDriver(e), cmdResolve(e),
		},
		CommandNotFound: func(c *cli.Context, name string) {
			e.notFound = unknownCommand(name, c.Command)
		},
	}
	conventions(app.Commands)
	return app
}

// conventions gives every command, subcommands too, the shared usage
// error handling, help template and argument checks.
func conventions(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
		c.CustomHelpTemplate = cli.CommandHelpTemplate + "\n" + conventionsHelp
		if len(c.Subcommands) > 0 {
			c.CustomHelpTemplate = cli.SubcommandHelpTemplate + "\n" + conventionsHelp
			conventions(c.Subcommands)
		}
		if c.Action != nil {
			c.Before = checkArgs(c)
		}
	}
}

// onUsageError turns a flag the command does not know, or a flag value it
// cannot read, into a usage error, suggesting the flag meant.
func onUsageError(c *cli.Context, err error, _ bool) error {
	// The flag package gives no typed error: its message names the flag.
	if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: "); ok {
		return unknownFlag(strings.TrimLeft(name, "-"), c.Command)
	}
	return usage(err)
}
