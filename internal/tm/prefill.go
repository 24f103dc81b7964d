package tm

import "github.com/mosty-dev/mosty/internal/catalog"

// Keys Prefill adds to a translators' unit; they say where the text came
// from and how close the match was, so the translator can judge it.
const (
	KeyMatch           = "tm_match"      // percentage of the match the translation was taken from
	KeyOrigin          = "tm_origin"     // "slug/id" of that match
	KeyNote            = "tm_note"       // what to check, such as numbers that differ
	KeySuggestion      = "tm_suggestion" // a close match's translation, offered, not filled in
	KeySuggestionMatch = "tm_suggestion_match"
)

// Prefill offers the memory's matches for the units of a translators'
// file that have nothing written yet (status new, no translation, no
// suggestion, no other version left by a git merge). An exact match, or
// one differing only in its numbers, fills the translation with status
// fuzzy — never translated until a person confirms it — with its origin
// and match percentage, and a note of what to check (numbers,
// placeholders); a match from min percent similar is offered in
// tm_suggestion. memory is called only when some unit needs it, so a
// file with nothing to fill costs no memory.
func Prefill(f *catalog.File, min int, memory func() (*Memory, error)) error {
	var todo []int
	for i, u := range f.Units {
		if !u.Obsolete && u.Status == catalog.New && u.Translation == "" && u.Extra[KeySuggestion] == nil && !u.Conflicted() {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	m, err := memory()
	if err != nil {
		return err
	}
	for _, i := range todo {
		if matches := m.Lookup(f.Units[i].Source, min, 1); len(matches) > 0 {
			fill(&f.Units[i], matches[0])
		}
	}
	return m.Err() // the memory found nothing: its index was damaged and could not be made again
}

// fill puts the best match into a unit: the text itself when exact or
// differing only in numbers (Adapt: the new sentence's placeholders and
// numbers, a note of what to check), a suggestion otherwise.
func fill(u *catalog.Unit, best Match) {
	if u.Extra == nil {
		u.Extra = map[string]any{}
	}
	if !CanFill(best) {
		u.Extra[KeySuggestion], u.Extra[KeySuggestionMatch], u.Extra[KeyOrigin] = best.Translation, int64(best.Score), best.Origin
		return
	}
	f := Adapt(best, u.Source)
	u.Translation, u.Status = f.Translation, catalog.Fuzzy
	u.Extra[KeyMatch], u.Extra[KeyOrigin] = int64(best.Score), best.Origin
	if f.Note != "" {
		u.Extra[KeyNote] = f.Note
	}
}
