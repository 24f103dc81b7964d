package qa

import (
	"fmt"
	"strings"

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
	theirs := fmt.Sprintf("%q (%v)", u.Extra[catalog.KeyConflictTranslation], u.Extra[catalog.KeyConflictStatus])
	var others []string
	for _, k := range u.ConflictKeys() {
		if k != "translation" && k != "status" {
			others = append(others, fmt.Sprintf("%s: theirs %s", k, value(u.Extra[catalog.ConflictPrefix+k])))
		}
	}
	also := ""
	if len(others) > 0 {
		also = "; " + strings.Join(others, "; ")
	}
	add(CheckConflict, Error, "changed two ways in a git merge: ours %q (%s), theirs %s%s; keep one with mosty resolve --ours or --theirs, or by removing the conflict_ keys",
		u.Translation, u.Status, theirs, also)
}

// value is a key's value as a person reads it.
func value(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}
