package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

// Exit codes, the same for every command.
const (
	exitOK      = 0 // done
	exitError   = 1 // failed, or a check did not pass
	exitUsage   = 2 // the command line was wrong
	exitPartial = 3 // done, but some items (files, URLs) failed
)

const exitCodesHelp = `EXIT CODES:
   0  success
   1  error (or a check such as --fail-under did not pass)
   2  usage error: unknown command or flag, missing argument
   3  done, but some of the items failed (each is named on stderr)

NOTE:
   Flags go before arguments: "mosty import --json a.html", not "mosty import a.html --json".
`

// usageError marks a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// partialError says a command finished but some items failed; the
// failures were reported as they happened.
type partialError struct{ failed, total int }

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d failed", e.failed, e.total)
}

// env is what commands need from the outside world, so tests can run
// them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	app := &cli.App{
		Name:      "mosty",
		Usage:     "turn Polish articles into parallel Russian and English pages",
		UsageText: "mosty [-C DIR] COMMAND [flags] [arguments]",
		Description: "Examples:\n   mosty demo\n   mosty init site && cd site\n   mosty fetch --list https://wkb.example/aktualnosci --max 20\n" +
			"   mosty import ~/articles/\n   mosty status\n   mosty export --format xliff --locale ru --out ru.xlf && mosty merge ru.xlf\n   mosty check && mosty build",
		Writer:                stdout,
		ErrWriter:             stderr,
		Reader:                stdin,
		ExitErrHandler:        func(*cli.Context, error) {},
		OnUsageError:          onUsageError,
		CustomAppHelpTemplate: cli.AppHelpTemplate + "\n" + exitCodesHelp,
		HideHelpCommand:       true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Value: ".", Usage: "run in workspace `DIR`, as with git -C"},
		},
		Commands: []*cli.Command{
			cmdInit(e), cmdImport(e), cmdFetch(e), cmdSync(e), cmdStatus(e), cmdBuild(e), cmdCheck(e), cmdExport(e), cmdMerge(e), cmdTM(e), cmdSegment(e), cmdNames(e), cmdDemo(e), cmdVersion(e),
		},
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(stderr, "mosty: unknown command %q\nhint: run \"mosty --help\" for the list of commands\n", name)
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
		c.CustomHelpTemplate = cli.CommandHelpTemplate + "\n" + exitCodesHelp
	}
	err := app.RunContext(ctx, args)
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && app.Command(args[1]) == nil && err == nil {
		return exitUsage // CommandNotFound printed the message
	}
	return reportError(stderr, err)
}

func onUsageError(_ *cli.Context, err error, _ bool) error {
	return &usageError{err.Error()}
}

// reportError prints err as "mosty: …" with its hint and returns the exit code.
func reportError(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var pe *partialError
	if errors.As(err, &pe) {
		fmt.Fprintf(stderr, "mosty: %v\n", err)
		return exitPartial
	}
	fmt.Fprintf(stderr, "mosty: %v\n", err)
	if h := hint.Of(err); h != "" {
		fmt.Fprintf(stderr, "hint: %s\n", h)
	}
	var ue *usageError
	if errors.As(err, &ue) {
		if !strings.Contains(err.Error(), "--help") {
			fmt.Fprintln(stderr, "hint: run with --help for usage and examples")
		}
		return exitUsage
	}
	return exitError
}

const lockHint = "wait for the other mosty command to finish"

// openLocked opens the workspace and takes its write lock; call the
// returned function to release it.
func openLocked(c *cli.Context) (*workspace.Workspace, func(), error) {
	w, err := openWorkspace(c)
	if err != nil {
		return nil, nil, err
	}
	unlock, err := w.Lock()
	if err != nil {
		return nil, nil, hint.Wrap(err, lockHint)
	}
	return w, unlock, nil
}

// openWorkspace opens the workspace the global -C flag names.
func openWorkspace(c *cli.Context) (*workspace.Workspace, error) {
	w, err := workspace.Open(c.String("C"))
	if errors.Is(err, workspace.ErrNotWorkspace) {
		return nil, hint.Wrap(err, "run \"mosty init\" to make one, or point at one with -C DIR")
	}
	return w, err
}
