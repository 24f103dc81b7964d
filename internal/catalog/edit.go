package catalog

import (
	"bytes"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// A keyEdit sets one key of a table: value is its TOML rendering, ""
// removes the key. A key the table lacks goes after the last of after
// that it has.
type keyEdit struct {
	key, value string
	after      []string
}

// editTable applies edits to the first table of text, which must be
// [[name]] or [name] (ArrayTable or Table as kind says), in place: a
// changed value replaces the old one and keeps the key's spelling,
// spacing and trailing comment; a removed key's line goes, its trailing
// comment staying as a line of its own; a new key goes after its anchor.
// Everything else — the tables after it included — stays byte for byte.
// ok is false when a key to change is dotted or spread over several
// places: then the caller renders the table itself.
func editTable(text string, kind unstable.Kind, name string, edits []keyEdit) (string, bool) {
	t, ok := splitTable(text)
	if !ok || t.kind != kind || t.name != name || !t.edit(edits) {
		return "", false
	}
	return t.String(), true
}

// edit applies edits to t's spans (see editTable).
func (t *tableText) edit(edits []keyEdit) bool {
	lines := map[string]string{}   // a key's line as it becomes
	added := map[string][]string{} // new lines after the key's ("" after the header line)
	for _, e := range edits {
		kl, has := t.lines[e.key]
		span := t.spans[e.key]
		switch {
		case has && !kl.simple:
			return false
		case has && e.value == "":
			lines[e.key] = ""
			if kl.comment != "" {
				lines[e.key] = span[kl.start:kl.start+indent([]byte(span[kl.start:]))] + kl.comment + "\n"
			}
		case has:
			lines[e.key] = t.valueLine(e.key, e.value)
		case e.value != "":
			at := t.anchor(e.after)
			added[at] = append(added[at], bareOrQuotedKey(e.key)+" = "+e.value+"\n")
		}
	}
	if len(added[""]) > 0 {
		t.head = replaceLine(t.head, t.headerEnd, t.headerEnd, "", added[""])
	}
	for _, k := range t.keys {
		kl := t.lines[k]
		line, changed := lines[k]
		if !changed {
			line = t.spans[k][kl.start:kl.end]
		}
		if changed || len(added[k]) > 0 {
			t.spans[k] = replaceLine(t.spans[k], kl.start, kl.end, line, added[k])
		}
	}
	return true
}

// anchor is the key a new key goes after: the last of after that the
// table has, else its last key, else "" for the header line.
func (t *tableText) anchor(after []string) string {
	for _, a := range slices.Backward(after) {
		if _, ok := t.lines[a]; ok {
			return a
		}
	}
	if n := len(t.keys); n > 0 {
		return t.keys[n-1]
	}
	return ""
}

// replaceLine replaces text[from:to] with line and the new lines after
// it, starting them on a line of their own.
func replaceLine(text string, from, to int, line string, added []string) string {
	before := text[:from] + line
	if len(added) > 0 && before != "" && !strings.HasSuffix(before, "\n") {
		before += "\n"
	}
	return before + strings.Join(added, "") + text[to:]
}

func indent(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " \t"))
}
