package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// env is what every command needs from the outside world — the streams
// and the workspace folder -C names — so that tests run commands
// in-process. Each command is a run function taking it and the
// command's options: runImport(ctx, e, importOpts{…}).
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	dir            string // the workspace folder, -C
	dirGiven       bool   // -C was on the command line (dir is "." otherwise)
	notFound       error  // an unknown command, noticed while parsing
}

// fail reports an error that does not stop the command, such as one file
// of several, as the final error is reported: "mosty: …" and its hint.
func (e *env) fail(err error) {
	fmt.Fprintf(e.stderr, "mosty: %v\n", err)
	if h := hint.Of(err); h != "" {
		fmt.Fprintf(e.stderr, "hint: %s\n", h)
	}
}

// report prints the error a command ended with and returns mosty's exit
// code for it: the one place errors become exit codes.
func (e *env) report(err error) int {
	code := exitCode(err)
	if err == nil {
		return code
	}
	e.fail(err)
	if code == exitUsage && hint.Of(err) == "" {
		fmt.Fprintln(e.stderr, "hint: run with --help for usage and examples")
	}
	return code
}

// printJSON writes v as indented JSON: every --json output goes through
// it.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// summary is where a command's totals line goes: stdout, or stderr when
// stdout carries JSON for a script.
func (e *env) summary(asJSON bool) io.Writer {
	if asJSON {
		return e.stderr
	}
	return e.stdout
}

// items reports the items of a command that failed or were refused, one
// line each with its hint, and says how the command ended: nil when none
// failed, noneDone when all did (nothing was done: exit 1), a partial
// error (exit 3) "N of total <what>" when some did.
func (e *env) items(failed []error, total int, what string, noneDone error) error {
	for _, err := range failed {
		e.fail(err)
	}
	switch {
	case len(failed) == 0:
		return nil
	case len(failed) == total:
		return noneDone
	}
	return &partialError{failed: len(failed), total: total, what: what}
}

// open opens the workspace -C names.
func (e *env) open() (*workspace.Workspace, error) {
	w, err := workspace.Open(e.dir)
	if errors.Is(err, workspace.ErrNotWorkspace) {
		return nil, hint.Wrap(err, "run \"mosty init\" to make one, or point at one with -C DIR")
	}
	return w, err
}

const lockHint = "wait for the other mosty command to finish"

// openLocked opens the workspace and takes its write lock; call the
// returned function to release it.
func (e *env) openLocked() (*workspace.Workspace, func(), error) {
	w, err := e.open()
	if err != nil {
		return nil, nil, err
	}
	unlock, err := lock(w)
	if err != nil {
		return nil, nil, err
	}
	return w, unlock, nil
}

// lock takes a workspace's write lock.
func lock(w *workspace.Workspace) (func(), error) {
	unlock, err := w.Lock()
	return unlock, hint.Wrap(err, lockHint)
}

// openLangs opens the workspace and reads --locale values as its target
// languages (targetLangs): all of them when none is given.
func (e *env) openLangs(tags []string) (*workspace.Workspace, []string, error) {
	w, err := e.open()
	if err != nil {
		return nil, nil, err
	}
	langs, err := targetLangs(w, tags)
	if err != nil {
		return nil, nil, err
	}
	return w, langs, nil
}

// openLang is openLangs for a command that needs one --locale.
func (e *env) openLang(cmd, tag string) (*workspace.Workspace, string, error) {
	if tag == "" {
		return nil, "", usagef("%s needs --locale LANG", cmd)
	}
	w, langs, err := e.openLangs([]string{tag})
	if err != nil {
		return nil, "", err
	}
	return w, langs[0], nil
}
