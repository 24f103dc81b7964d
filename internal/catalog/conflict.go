package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ConflictPrefix starts the keys that hold the other side of a conflict.
// When two branches of a git repository change one segment differently,
// the merge (Merge3) keeps ours in the segment's own keys and theirs in
// conflict_translation and conflict_status, and in conflict_<key> for any
// other key both changed. Picking a side removes them.
const ConflictPrefix = "conflict_"

// The conflict keys every conflicted segment has.
const (
	KeyConflictTranslation = ConflictPrefix + "translation"
	KeyConflictStatus      = ConflictPrefix + "status"
)

// A Side is one of the two versions of a conflicted segment.
type Side int

// The sides: ours is the branch merged into, theirs the branch merged.
const (
	Ours Side = iota
	Theirs
)

func (s Side) String() string {
	if s == Theirs {
		return "theirs"
	}
	return "ours"
}

// Conflicted reports whether the unit holds another version of itself,
// left by a merge, that nobody has picked yet.
func (u Unit) Conflicted() bool { return hasConflictKey(u.Extra) }

// hasConflictKey says whether a segment's keys hold a conflict_ key.
func hasConflictKey(keys map[string]any) bool {
	for k := range keys {
		if strings.HasPrefix(k, ConflictPrefix) {
			return true
		}
	}
	return false
}

// ConflictKeys lists the unit's keys that both sides changed differently,
// in order: "translation" and "status" first, then the others.
func (u Unit) ConflictKeys() []string {
	var out []string
	for k := range u.Extra {
		if key, ok := strings.CutPrefix(k, ConflictPrefix); ok {
			out = append(out, key)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(conflictOrder(a), conflictOrder(b)) })
	return out
}

func conflictOrder(key string) string {
	switch key {
	case "translation":
		return "0"
	case "status":
		return "1"
	}
	return "2" + key
}

// Theirs is the conflicted unit as the other side has it: every
// conflict_<key> value in <key> (an empty conflict_previous_source means
// none), and no conflict keys.
func (u Unit) Theirs() (Unit, error) {
	fields := fieldsOf(u, false)
	for k, v := range u.Extra {
		key, ok := strings.CutPrefix(k, ConflictPrefix)
		if !ok {
			continue
		}
		delete(fields, k)
		if key == "id" {
			return u, fmt.Errorf("segment %q: %s cannot change a segment's id", u.ID, k)
		}
		if key == "previous_source" && v == "" {
			delete(fields, key)
			continue
		}
		fields[key] = v
	}
	t, err := unitOf(fields)
	if err != nil {
		return u, fmt.Errorf("segment %q: their version: %w", u.ID, err)
	}
	return t, nil
}

// Resolve picks one side of a conflicted unit: Ours drops the conflict
// keys, Theirs puts their values in place. A unit without a conflict is
// left as it is.
func (u *Unit) Resolve(side Side) error {
	if !u.Conflicted() {
		return nil
	}
	if side == Theirs {
		t, err := u.Theirs()
		if err != nil {
			return err
		}
		t.raw, t.read = u.raw, u.read
		*u = t
		return nil
	}
	u.Extra = maps.Clone(u.Extra)
	maps.DeleteFunc(u.Extra, func(k string, _ any) bool { return strings.HasPrefix(k, ConflictPrefix) })
	if len(u.Extra) == 0 {
		u.Extra = nil
	}
	return nil
}

// Conflicts lists the file's conflicted units.
func (f *File) Conflicts() []Unit {
	var out []Unit
	for _, u := range f.Units {
		if u.Conflicted() {
			out = append(out, u)
		}
	}
	return out
}

// Resolve picks one side of the file's conflicted units, of those with
// the given ids (all when ids is empty), and returns the ids it resolved.
// Nothing is changed when one of them cannot be resolved.
func (f *File) Resolve(side Side, ids []string) ([]string, error) {
	units := slices.Clone(f.Units)
	var done []string
	for i := range units {
		if !units[i].Conflicted() || (len(ids) > 0 && !slices.Contains(ids, units[i].ID)) {
			continue
		}
		if err := units[i].Resolve(side); err != nil {
			return nil, err
		}
		done = append(done, units[i].ID)
	}
	f.Units = units
	return done, nil
}

// Usable reports whether u's translation may serve as a done one — as
// translation memory, as a finished segment in an export: translated or
// reviewed, not empty, and not left in two versions by a git merge
// (which version is right is for a person to say first).
func (u Unit) Usable() bool {
	return u.Status.Done() && u.Translation != "" && !u.Conflicted()
}

// ConflictSummary says both versions of a conflicted unit for a person:
// ours "…" (status), theirs "…" (status), then any other key both sides
// changed; "" when the unit has no conflict.
func (u Unit) ConflictSummary() string {
	if !u.Conflicted() {
		return ""
	}
	s := fmt.Sprintf("ours %q (%s), theirs %s (%v)", u.Translation, u.Status,
		conflictValue(u.Extra[KeyConflictTranslation]), u.Extra[KeyConflictStatus])
	for _, k := range u.ConflictKeys() {
		if k != "translation" && k != "status" {
			s += fmt.Sprintf("; %s: theirs %s", k, conflictValue(u.Extra[ConflictPrefix+k]))
		}
	}
	return s
}

// conflictValue is a key's value as a person reads it: strings quoted.
func conflictValue(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

// ForReview is u as an export offers it to a translator. A conflicted
// unit is not done whatever its status says: it goes out as fuzzy with
// our translation (new when ours is empty), with a note saying both
// versions, so the tool asks for a review and the translator sees what
// to pick between. Any other unit comes back as it is, with no note.
func (u Unit) ForReview() (Unit, string) {
	if !u.Conflicted() {
		return u, ""
	}
	note := "changed two ways in a git merge: " + u.ConflictSummary() + "; confirm one, or run mosty resolve"
	if u.Translation == "" {
		u.Status = New
	} else {
		u.Status = Fuzzy
	}
	return u, note
}
