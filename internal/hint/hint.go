// Package hint attaches advice to an error: what a person can do about it.
// The command line prints the error, then "hint: …" on a line of its own.
package hint

import "errors"

type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() }
func (h *hinted) Unwrap() error { return h.err }

// Wrap returns err carrying the hint; nil stays nil.
func Wrap(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &hinted{err: err, hint: hint}
}

// Of returns the first hint in err's chain, or "". An error type can carry
// its own hint with a Hint() string method.
func Of(err error) string {
	var h *hinted
	if errors.As(err, &h) {
		return h.hint
	}
	var own interface{ Hint() string }
	if errors.As(err, &own) {
		return own.Hint()
	}
	return ""
}
