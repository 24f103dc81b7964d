package catalog

import (
	"errors"
	"reflect"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
)

// A unitText is a merged segment table's bytes.
type unitText struct {
	text string
	// last says the bytes ended their file, so no blank line is in them
	// to part them from a table that follows.
	last bool
}

// errNoText is a merged table that no way of writing reads back as merged.
var errNoText = errors.New("the merged segment cannot be written so that it reads back the same")

// unitText writes a merged unit: a version's bytes when they say exactly
// what was merged and the other side did not touch them, else the
// versions' lines spliced key by key, else mosty's own rendering with
// every comment line of both sides.
func (m *merger) unitText(u mergedUnit, final bool) (unitText, error) {
	vs := [3]*version{&m.base, &m.ours, &m.theirs}
	var raws [3]string
	var units [3]*Unit
	for i, v := range vs {
		units[i] = v.unit(u.id)
		raws[i] = raws[0] // a missing version has no opinion: as base
		if units[i] != nil {
			raws[i] = units[i].raw
		}
	}
	body := func(i int) string { return strings.TrimRight(raws[i], " \t\r\n") }
	var whole []int // the sides whose bytes can stand for the merge
	for _, i := range []int{1, 2} {
		other := 3 - i
		if units[i] != nil && reflect.DeepEqual(vs[i].fields[vs[i].byID[u.id]], u.fields) &&
			(body(other) == body(0) || body(other) == body(i)) {
			whole = append(whole, i)
		}
	}
	if len(whole) > 0 {
		// Of two, the one that ends its file when the merge does, for the
		// blank lines after it.
		i := whole[0]
		if len(whole) == 2 && vs[2].isLast(u.id) == final && vs[1].isLast(u.id) != final {
			i = 2
		}
		return unitText{text: raws[i], last: vs[i].isLast(u.id)}, nil
	}
	primary := 1
	if units[1] == nil {
		primary = 2
	}
	if sides, values, ok := m.splitVersions(raws, units); ok {
		text := splice(sides, values, u.fields, sides[primary].tail)
		if m.readsAs(text, u.fields) {
			return unitText{text: text, last: vs[primary].isLast(u.id)}, nil
		}
	}
	nu, err := unitOf(u.fields)
	if err != nil {
		return unitText{}, err
	}
	text := commentText(raws) + (&File{IsSource: m.isSource}).unitText(nu)
	if !m.readsAs(text, u.fields) {
		return unitText{}, errNoText
	}
	return unitText{text: text, last: true}, nil
}

// splitVersions cuts the three versions of a table at their keys; a
// missing version is taken as base, a missing base as empty.
func (m *merger) splitVersions(raws [3]string, units [3]*Unit) ([3]tableText, [3]map[string]any, bool) {
	var sides [3]tableText
	var values [3]map[string]any
	for i, raw := range raws {
		t, ok := splitTable(raw)
		if !ok || !t.single() {
			return sides, values, false
		}
		sides[i] = t
		switch {
		case units[i] != nil:
			values[i] = fieldsOf(*units[i], m.isSource)
		case i > 0:
			values[i] = values[0]
		}
	}
	return sides, values, true
}

// readsAs reports whether text is one segment table with the keys want.
func (m *merger) readsAs(text string, want map[string]any) bool {
	f, err := parse("", []byte(text), m.isSource, true)
	return err == nil && len(f.Units) == 1 && strings.TrimSpace(f.headerRaw) == "" &&
		reflect.DeepEqual(fieldsOf(f.Units[0], m.isSource), want)
}

// isLast reports whether the unit with id ends its file.
func (v *version) isLast(id string) bool {
	return len(v.ids) > 0 && v.ids[len(v.ids)-1] == id
}

// header merges the [article] tables. In a source file, two sides that
// extracted the article differently (their source_sha256 or extractor
// differ from base and from each other, or a key conflicts) clear
// source_sha256 so that the next sync extracts again; so does reextract,
// set when segments conflicted. In a translators' file a conflicting key
// keeps ours: sync sets these keys from the Polish file.
func (m *merger) header(reextract bool) (string, bool, error) {
	var values [3]map[string]any
	for i, v := range []*version{&m.base, &m.ours, &m.theirs} {
		h, err := headerFields(v.file.headerRaw)
		if err != nil {
			return "", false, err
		}
		values[i] = h
	}
	want, conflicts := mergeKeys(values[0], values[1], values[2])
	if m.isSource && (len(conflicts) > 0 || extractedTwice(values)) {
		reextract = true
	}
	if m.isSource && reextract {
		delete(want, "source_sha256")
	}
	text, err := m.headerText(values, want)
	return text, reextract, err
}

// extractedTwice reports whether both sides extracted the article anew,
// differently.
func extractedTwice(h [3]map[string]any) bool {
	stamp := func(i int) [2]any { return [2]any{h[i]["source_sha256"], h[i]["extractor"]} }
	return stamp(1) != stamp(0) && stamp(2) != stamp(0) && stamp(1) != stamp(2)
}

// headerFields reads the [article] table of a file's header bytes.
func headerFields(raw string) (map[string]any, error) {
	var shape struct {
		Article map[string]any `toml:"article"`
	}
	if err := toml.Unmarshal([]byte(raw), &shape); err != nil {
		return nil, err
	}
	if shape.Article == nil {
		shape.Article = map[string]any{}
	}
	return shape.Article, nil
}

// headerText writes the merged header, as unitText writes a segment.
func (m *merger) headerText(values [3]map[string]any, want map[string]any) (string, error) {
	raws := [3]string{m.base.file.headerRaw, m.ours.file.headerRaw, m.theirs.file.headerRaw}
	reads := func(text string) bool {
		h, err := headerFields(text)
		return err == nil && reflect.DeepEqual(h, want)
	}
	body := func(i int) string { return strings.TrimRight(raws[i], " \t\r\n") }
	for _, i := range []int{1, 2} {
		if other := 3 - i; reflect.DeepEqual(values[i], want) && (body(other) == body(0) || body(other) == body(i)) {
			return raws[i], nil
		}
	}
	if strings.TrimSpace(raws[0]) == "" {
		// Both sides made the file: the base is an empty table, so that
		// what each side wrote around the keys counts as added.
		raws[0] = "[article]\n"
	}
	var sides [3]tableText
	ok := true
	for i, raw := range raws {
		sides[i], ok = splitTable(raw)
		if ok = ok && sides[i].single(); !ok {
			break
		}
	}
	if ok {
		if text := splice(sides, values, want, sides[1].tail); reads(text) {
			return text, nil
		}
	}
	var h Header
	data, err := toml.Marshal(want)
	if err == nil {
		err = toml.Unmarshal(data, &h)
	}
	f := &File{Header: h, IsSource: m.isSource}
	var sb strings.Builder
	f.writeHeader(&sb)
	if err != nil || !reads(sb.String()) {
		return "", errors.New("the merged [article] table cannot be written so that it reads back the same")
	}
	return sb.String() + "\n", nil
}

// join puts the merged file together, with a blank line between tables
// where a table that ended its file is now followed by another.
func join(header string, units []unitText) []byte {
	var b strings.Builder
	b.WriteString(header)
	if header != "" && len(units) > 0 && !strings.HasSuffix(header, "\n") {
		b.WriteByte('\n')
	}
	for i, u := range units {
		t := u.text
		switch final := i == len(units)-1; {
		case final && !u.last:
			t = strings.TrimRight(t, "\r\n") + "\n"
		case !final && !strings.HasSuffix(t, "\n"):
			t += "\n\n"
		case !final && u.last && !strings.HasSuffix(t, "\n\n"):
			t += "\n"
		}
		b.WriteString(t)
	}
	return []byte(b.String())
}
