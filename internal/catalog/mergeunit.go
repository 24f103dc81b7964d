package catalog

import (
	"maps"
	"reflect"
	"slices"
)

// The rules that merge one segment's three versions. They reuse the
// sync's own: update for a source that changed, hasWork for a segment
// that is gone.

// unit merges the segment with id; nil fields when it is gone.
func (m *merger) unit(id string) (map[string]any, bool) {
	b, o, t := m.base.unit(id), m.ours.unit(id), m.theirs.unit(id)
	switch {
	case o == nil && t == nil:
		return nil, false
	case o == nil:
		return m.oneSide(b, t)
	case t == nil:
		return m.oneSide(b, o)
	}
	switch {
	case sameData(*o, *t), b != nil && sameData(*b, *t): // most segments: only ours, or nobody, changed them
		return m.ours.fieldsOf(id), false
	case b != nil && sameData(*b, *o):
		return m.theirs.fieldsOf(id), false
	case b == nil: // both sides added it
		b = &Unit{ID: id, Status: New}
	}
	bb, oo, tt := *b, *o, *t
	if !m.isSource {
		bb, oo, tt = rebase(bb, oo, tt)
	}
	ours, theirs := fieldsOf(oo, m.isSource), fieldsOf(tt, m.isSource)
	before := fieldsOf(bb, m.isSource)
	fields, conflicts := mergeKeys(before, ours, theirs)
	if !m.isSource && stateChangedTwoWays(before, ours, theirs) && !slices.ContainsFunc(conflicts, isStateKey) {
		conflicts = append(conflicts, "translation")
	}
	if len(conflicts) == 0 {
		return fields, false
	}
	if !m.isSource {
		markConflict(fields, ours, theirs, conflicts)
	}
	return fields, true
}

// oneSide merges a segment that one side no longer has.
func (m *merger) oneSide(b, kept *Unit) (map[string]any, bool) {
	switch {
	case b == nil: // added on one side
		return fieldsOf(*kept, m.isSource), false
	case sameData(*b, *kept): // removed on the other, untouched here
		return nil, false
	case m.isSource: // removed by one extraction, changed by another
		return fieldsOf(*kept, m.isSource), true
	case !kept.hasWork():
		return nil, false
	}
	u := *kept
	u.Obsolete = true
	return fieldsOf(u, m.isSource), false
}

// rebase carries a source change made on one side only over to the other
// side and to the base with the sync's rule (update), so that the other
// side's translation of the old Polish meets the new Polish as a sync
// would make it meet it: fuzzy, with previous_source. A change both sides
// made is carried over to the base.
func rebase(b, o, t Unit) (Unit, Unit, Unit) {
	var none Changes
	switch {
	case o.Source != b.Source && t.Source == b.Source:
		s := Unit{Kind: o.Kind, Source: o.Source}
		return update(b, s, nil, &none), o, update(t, s, nil, &none)
	case t.Source != b.Source && o.Source == b.Source:
		s := Unit{Kind: t.Kind, Source: t.Source}
		return update(b, s, nil, &none), update(o, s, nil, &none), t
	case o.Source != b.Source && o.Source == t.Source:
		// Both synced the same new Polish: what each did after that is
		// its change.
		return update(b, Unit{Kind: o.Kind, Source: o.Source}, nil, &none), o, t
	}
	return b, o, t
}

// mergeKeys merges three versions of a table's keys. It returns the
// merged keys and the keys both sides changed differently, which keep
// ours.
func mergeKeys(b, o, t map[string]any) (map[string]any, []string) {
	out := map[string]any{}
	var conflicts []string
	for _, k := range slices.Sorted(maps.Keys(union(b, o, t))) {
		bv, inB := b[k]
		ov, inO := o[k]
		tv, inT := t[k]
		v, in := ov, inO
		switch {
		case same(ov, inO, tv, inT), same(tv, inT, bv, inB):
		case same(ov, inO, bv, inB), !inO:
			v, in = tv, inT
		case !inT:
		default:
			conflicts = append(conflicts, k)
		}
		if in {
			out[k] = v
		}
	}
	return out, conflicts
}

func same(a any, inA bool, b any, inB bool) bool {
	return inA == inB && reflect.DeepEqual(a, b)
}

func union(ms ...map[string]any) map[string]any {
	out := map[string]any{}
	for _, m := range ms {
		maps.Copy(out, m)
	}
	return out
}

// stateKeys are a translation and what says where it stands: they merge
// as one key, since a status speaks of a translation. A translation
// changed on one side and its status on the other is a conflict, and a
// conflict keeps all three as ours had them.
var stateKeys = []string{"translation", "status", "previous_source"}

func isStateKey(k string) bool { return slices.Contains(stateKeys, k) }

// stateChangedTwoWays reports whether both sides changed the state keys,
// differently.
func stateChangedTwoWays(b, o, t map[string]any) bool {
	state := func(m map[string]any) [3]any { return [3]any{m["translation"], m["status"], m["previous_source"]} }
	return state(o) != state(b) && state(t) != state(b) && state(o) != state(t)
}

// markConflict records theirs next to ours in a conflicted unit's keys:
// their translation and status always, their previous_source when it
// differs from ours ("" for none), and every other key both changed.
func markConflict(fields, ours, theirs map[string]any, keys []string) {
	stateConflict := false
	for _, k := range keys {
		if isStateKey(k) {
			stateConflict = true
			continue
		}
		fields[ConflictPrefix+k] = theirs[k]
	}
	if stateConflict {
		for _, k := range stateKeys {
			if v, ok := ours[k]; ok {
				fields[k] = v
			} else {
				delete(fields, k)
			}
		}
	}
	fields[KeyConflictTranslation] = theirs["translation"]
	fields[KeyConflictStatus] = theirs["status"]
	mine, _ := fields["previous_source"].(string)
	if prev, _ := theirs["previous_source"].(string); prev != mine {
		fields[ConflictPrefix+"previous_source"] = prev
	}
}

// fieldsOf is a unit's keys as a table of values, as the writer writes
// them (unitText): what the merge compares and merges.
func fieldsOf(u Unit, isSource bool) map[string]any {
	m := make(map[string]any, len(u.Extra)+8)
	maps.Copy(m, u.Extra)
	m["id"] = u.ID
	if u.Kind != "" {
		m["kind"] = u.Kind
	}
	if isSource || u.Block != 0 {
		m["block"] = int64(u.Block)
	}
	m["source"] = u.Source
	if u.PreviousSource != "" {
		m["previous_source"] = u.PreviousSource
	}
	if !isSource {
		m["translation"] = u.Translation
		m["status"] = string(u.Status)
	}
	if u.Obsolete {
		m["obsolete"] = true
	}
	return m
}

// droppedComments are the comments a side added to a segment the merge
// leaves out (the other side removed it, this side changed nothing else):
// they are kept as lines of their own, so that no line a person wrote is
// lost with the segment.
func (m *merger) droppedComments(id string, have []string) []string {
	var was []string
	if b := m.base.unit(id); b != nil {
		was = commentsOf(b.raw)
	}
	var out []string
	for _, v := range []*version{&m.ours, &m.theirs} {
		u := v.unit(id)
		if u == nil {
			continue
		}
		for _, c := range commentsOf(u.raw) {
			if !slices.Contains(was, c) && !slices.Contains(have, c) && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}
