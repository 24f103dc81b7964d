package main

import (
	"errors"
	"fmt"
)

// Exit codes, the same for every command (conventionsHelp lists them).
const (
	exitOK      = 0 // done
	exitError   = 1 // failed, or a check did not pass
	exitUsage   = 2 // the command line was wrong
	exitPartial = 3 // done, but some items failed or were refused
)

// exitCode maps the error a command ended with to its exit code, as
// restic's main does: the only place that decides one.
func exitCode(err error) int {
	var ue *usageError
	var pe *partialError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitError
}

// A usageError is a mistake on the command line: an unknown command or
// flag, a missing argument, a language or article the workspace does not
// have. It keeps the error it wraps, hint and all.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usage marks err as a mistake on the command line; nil stays nil.
func usage(err error) error {
	if err == nil {
		return nil
	}
	return &usageError{err}
}

// usagef is usage(fmt.Errorf(…)).
func usagef(format string, args ...any) error {
	return usage(fmt.Errorf(format, args...))
}

// A partialError says a command finished but some items failed or were
// refused; each was reported as it happened.
type partialError struct {
	failed, total int
	what          string // "files failed", "segments were conflicts"
}

func (e *partialError) Error() string {
	return fmt.Sprintf("%d of %d %s", e.failed, e.total, e.what)
}
