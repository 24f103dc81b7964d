package catalog

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// A MergeResult is a three-way merge of one locale file.
type MergeResult struct {
	Data []byte
	// Conflicts lists, in file order, the segments of a translators' file
	// that both sides changed differently: each keeps ours in its keys
	// and theirs in conflict_ keys (see ConflictPrefix). A segment that
	// comes from a side with conflict_ keys nobody resolved is listed too:
	// the merged file is not settled until a person picks a version.
	Conflicts []string
	// Reextract is set for a source file (locales/pl/) that the two sides
	// extracted differently: where they disagree ours is kept, and
	// source_sha256 is cleared so that the next sync extracts the article
	// again.
	Reextract bool
}

// Clean reports whether the merge needs nobody to look at it.
func (r *MergeResult) Clean() bool { return len(r.Conflicts) == 0 && !r.Reextract }

// A VersionError is a version of a file that does not read as a locale
// file, so it cannot be merged segment by segment.
type VersionError struct {
	Version string // "base", "ours" or "theirs"
	Err     error
}

func (e *VersionError) Error() string {
	who := map[string]string{"base": "the base version", "ours": "our version", "theirs": "their version"}[e.Version]
	return fmt.Sprintf("%s does not read: %v", who, e.Err)
}
func (e *VersionError) Unwrap() error { return e.Err }

// Merge3 merges ours and theirs, two versions of the locale file path
// made from base (empty when both sides added the file), segment by
// segment rather than line by line:
//
//   - segments are matched by id; a segment one side added, removed or
//     changed takes that side's version, and the reading order merges the
//     two sides' insertions, removals and moves;
//   - within a segment each key merges on its own: different keys changed
//     on the two sides never conflict, and a key removed on one side and
//     changed on the other keeps the change. The translation, its status
//     and previous_source count as one key: a status speaks of a
//     translation, so a translation changed on one side and its status
//     on the other is a conflict;
//   - in a translators' file, a source changed on one side (a sync after
//     a new extraction) meets the other side's translation through the
//     sync's rule: a translation of the old Polish becomes fuzzy, with
//     previous_source;
//   - a segment one side removed and the other changed stays, as obsolete,
//     when the change left something written in it (the sync's rule);
//   - a key both sides changed differently is a conflict: ours stays,
//     theirs goes into conflict_ keys (translators' files), or, in a
//     source file, ours stays and the article is extracted again on the
//     next sync (MergeResult.Reextract);
//   - every table keeps its bytes where a side's bytes say what the
//     merge decided: comments, formatting and keys of a translator's own
//     survive, and a table neither side changed is byte-identical.
//
// A version that is not a locale file is a *VersionError.
func Merge3(path string, base, ours, theirs []byte, isSource bool) (*MergeResult, error) {
	m := &merger{isSource: isSource}
	for i, v := range []*version{&m.base, &m.ours, &m.theirs} {
		name := [...]string{"base", "ours", "theirs"}[i]
		data := [][]byte{base, ours, theirs}[i]
		// An empty base (both sides added the file) has no [article].
		f, err := parse(path, data, isSource, len(bytes.TrimSpace(data)) == 0)
		if err != nil {
			return nil, &VersionError{Version: name, Err: err}
		}
		*v = newVersion(f, isSource)
	}
	return m.merge(path)
}

// merger holds the three versions of one file being merged.
type merger struct {
	isSource           bool
	base, ours, theirs version
}

// version is one side of a merge, indexed by segment id.
type version struct {
	file   *File
	byID   map[string]int
	ids    []string
	fields []map[string]any // each unit's keys, as fieldsOf gives them
}

func newVersion(f *File, isSource bool) version {
	v := version{file: f, byID: make(map[string]int, len(f.Units))}
	for i, u := range f.Units {
		v.byID[u.ID] = i
		v.ids = append(v.ids, u.ID)
		v.fields = append(v.fields, fieldsOf(u, isSource))
	}
	return v
}

// fieldsOf returns a copy of the keys of the unit with id, which must be
// there.
func (v *version) fieldsOf(id string) map[string]any {
	return maps.Clone(v.fields[v.byID[id]])
}

// unit returns the unit with id, or nil.
func (v *version) unit(id string) *Unit {
	if i, ok := v.byID[id]; ok {
		return &v.file.Units[i]
	}
	return nil
}

// mergedUnit is one segment of the result.
type mergedUnit struct {
	id       string
	fields   map[string]any
	conflict bool
}

func (m *merger) merge(path string) (*MergeResult, error) {
	res := &MergeResult{}
	units := map[string]mergedUnit{}
	var dropped []string // comments of segments left out
	for _, id := range m.allIDs() {
		fields, conflict := m.unit(id)
		if fields == nil {
			dropped = append(dropped, m.droppedComments(id, dropped)...)
			continue
		}
		units[id] = mergedUnit{id: id, fields: fields, conflict: conflict}
	}
	order := m.order(units)
	var texts []unitText
	for n, id := range order {
		u := units[id]
		switch {
		case u.conflict && m.isSource:
			res.Reextract = true
		case !m.isSource && (u.conflict || hasConflictKey(u.fields)):
			res.Conflicts = append(res.Conflicts, id)
		}
		t, err := m.unitText(u, n == len(order)-1)
		if err != nil {
			return nil, fmt.Errorf("%s: segment %q: %w", path, id, err)
		}
		texts = append(texts, m.withTail(t, id))
	}
	rest := m.strayTails(order)
	if len(dropped) > 0 {
		rest += strings.Join(dropped, "\n") + "\n"
	}
	if rest != "" {
		texts = append(texts, unitText{text: rest, last: true})
	}
	header, reextract, err := m.header(res.Reextract)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res.Reextract = reextract
	res.Data = join(header, texts)
	if err := m.check(path, res.Data, order, units); err != nil {
		return nil, err
	}
	return res, nil
}

// allIDs lists every id of the three versions: ours, then theirs, then
// base.
func (m *merger) allIDs() []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range []*version{&m.ours, &m.theirs, &m.base} {
		for _, id := range v.ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// order is the reading order of the merged units: the two sides' orders
// merged, then units kept on one side only, then the units that became
// obsolete in this merge, at the end as a sync puts them.
func (m *merger) order(units map[string]mergedUnit) []string {
	seq, _ := merge3Seq(m.base.ids, m.ours.ids, m.theirs.ids)
	var active, obsolete []string
	seen := map[string]bool{}
	add := func(id string) {
		u, ok := units[id]
		if !ok || seen[id] {
			return
		}
		seen[id] = true
		if u.fields["obsolete"] == true {
			if o := m.ours.unit(id); o == nil || !o.Obsolete {
				obsolete = append(obsolete, id)
				return
			}
		}
		active = append(active, id)
	}
	for _, ids := range [][]string{seq, m.ours.ids, m.theirs.ids} {
		for _, id := range ids {
			add(id)
		}
	}
	return append(active, obsolete...)
}

// check reads the merged file back: it must parse, and hold the merged
// units in order. A merge that cannot be written faithfully is an error,
// never a file that says something else.
func (m *merger) check(path string, data []byte, order []string, units map[string]mergedUnit) error {
	f, err := Parse(path, data, m.isSource)
	if err != nil {
		return fmt.Errorf("the merged file does not read back: %w", err)
	}
	if len(f.Units) != len(order) {
		return fmt.Errorf("%s: the merged file reads back with %d segments, not %d", path, len(f.Units), len(order))
	}
	for i, u := range f.Units {
		if !reflect.DeepEqual(fieldsOf(u, m.isSource), units[order[i]].fields) {
			return fmt.Errorf("%s: segment %q does not read back as merged", path, order[i])
		}
	}
	return nil
}

// withTail adds to a merged unit's text the tables of the translator's own
// that follow it ([notes]…), as the sides left them: the side that changed
// them, or ours when both did.
func (m *merger) withTail(t unitText, id string) unitText {
	tail := m.tailOf(id)
	if tail == "" {
		return t
	}
	t.text = strings.TrimRight(t.text, " \t\r\n") + "\n\n" + tail
	t.last = !strings.HasSuffix(tail, "\n\n")
	return t
}

func (m *merger) tailOf(id string) string {
	var tails [3]string
	for i, v := range []*version{&m.base, &m.ours, &m.theirs} {
		if u := v.unit(id); u != nil {
			tails[i] = u.tail
		}
	}
	if tails[1] == tails[0] {
		return tails[2]
	}
	return tails[1]
}

// strayTails are the tables of a translator's own that followed segments
// the merge no longer has and that no merged segment carries: kept at the
// end, as a sync keeps them.
func (m *merger) strayTails(order []string) string {
	kept := map[string]bool{}
	for _, id := range order {
		kept[m.tailOf(id)] = true
	}
	var b strings.Builder
	for _, v := range []*version{&m.ours, &m.theirs} {
		for _, u := range v.file.Units {
			if u.tail != "" && !kept[u.tail] && !slices.Contains(order, u.ID) {
				kept[u.tail] = true
				b.WriteString(strings.TrimRight(u.tail, " \t\r\n") + "\n\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n") + map[bool]string{true: "\n", false: ""}[b.Len() > 0]
}
