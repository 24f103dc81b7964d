package catalog

import "slices"

// The keys mosty sets next to a segment for the translator, from the
// Polish: the glossary's terms and the names. They are nobody's work: a
// removed sentence that has only these is dropped, not kept as obsolete.
const (
	KeyTerms = "terms"
	KeyNames = "names"
)

// HintKeys are the keys SetHint is used for.
var HintKeys = []string{KeyTerms, KeyNames}

// SetHint sets a key mosty shows the translator next to a segment (the
// glossary's terms, the names) to values, a list of texts, or removes it
// when there are none. An unchanged list is left as it is, so the file's
// bytes do not change; a value of the key that is no list of texts is not
// mosty's but the translator's, and is kept.
func (u *Unit) SetHint(key string, values []any) {
	if old, ok := u.Extra[key]; ok && !isHint(old) {
		return
	}
	if len(values) == 0 {
		delete(u.Extra, key) // a no-op on a nil map
		return
	}
	if old, ok := u.Extra[key].([]any); ok && slices.Equal(old, values) {
		return
	}
	if u.Extra == nil {
		u.Extra = map[string]any{}
	}
	u.Extra[key] = values
}

// isHint reports whether v is a list SetHint may have written: texts.
func isHint(v any) bool {
	list, ok := v.([]any)
	if !ok {
		return false
	}
	for _, x := range list {
		if _, ok := x.(string); !ok {
			return false
		}
	}
	return true
}
