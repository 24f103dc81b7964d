package catalog

import "slices"

// SetHint sets a key mosty shows the translator next to a segment (the
// glossary's terms, the names) to values, or removes it when there are
// none. An unchanged list is left as it is, so the file's bytes do not
// change.
func (u *Unit) SetHint(key string, values []any) {
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
