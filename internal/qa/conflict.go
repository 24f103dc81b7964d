package qa

import (
	"github.com/mosty-dev/mosty/internal/catalog"
)

// CheckConflict finds segments a git merge left in two versions (see
// catalog.ConflictPrefix). It is always an error: a person must pick one.
const CheckConflict = "conflict"

// conflict reports a segment with two versions, both of them.
func conflict(u catalog.Unit, add func(string, Severity, string, ...any)) {
	if !u.Conflicted() {
		return
	}
	add(CheckConflict, Error, "changed two ways in a git merge: %s; keep one with mosty resolve --ours or --theirs, or by removing the conflict_ keys",
		u.ConflictSummary())
}
