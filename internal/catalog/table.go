package catalog

import (
	"bytes"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tableText is the bytes of one TOML table cut at its top-level keys:
// the one model of a table's text that both the writer's in-place edits
// (editTable) and the three-way merge (splice) work on, so that a table
// is cut, and a value replaced in its line, one way.
type tableText struct {
	kind unstable.Kind // Table or ArrayTable: the table's header
	name string        // the header's name, dotted parts joined by "."
	head string        // up to the first key: comment lines and the [table] line
	// headerEnd is where the header line ends in head, where a key goes
	// in a table that has none.
	headerEnd int
	keys      []string           // the top-level keys, in order
	spans     map[string]string  // a key's lines: comment lines above it, the key and its value, a comment after it
	lines     map[string]keyLine // where the key's line is in its span
	tail      string             // the blank lines at the end
	rest      string             // the tables after this one (a sub-table, a table of the translator's own)
	spread    bool               // a dotted key is spread over two places: its lines are in one span, and cannot be merged
}

// keyLine locates a key = value line in its span: the line's start, the
// value's start and end, the end of the line after the comment on it,
// and that comment.
type keyLine struct {
	start, valueStart, valueEnd, end int
	comment                          string
	// simple says the key is one plain key on one line, whose value can
	// be replaced in place; a dotted key (meta.a = 1) is not.
	simple bool
}

// splitTable cuts the first table of raw at its keys; the tables after it
// go to rest. ok is false for bytes that are not TOML, or a table whose
// keys cannot be cut cleanly.
func splitTable(raw string) (tableText, bool) {
	t, starts, lines, cut, ok := scanTable(raw)
	if !ok {
		return t, false
	}
	t.rest, raw = raw[cut:], raw[:cut]
	end := len(strings.TrimRight(raw, " \t\r\n"))
	if i := strings.IndexByte(raw[end:], '\n'); i >= 0 {
		end += i + 1 // the last line's end belongs to it
	}
	body := raw[:end]
	t.tail = raw[end:]
	if len(starts) == 0 {
		t.head, t.headerEnd = body, min(t.headerEnd, len(body))
		return t, true
	}
	t.head = body[:starts[0]]
	for i, k := range t.keys {
		end := len(body)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		kl := lines[k]
		if starts[i] > end || kl.end > end {
			return t, false
		}
		t.spans[k] = body[starts[i]:end]
		t.lines[k] = kl.moved(starts[i])
	}
	return t, true
}

// scanTable reads raw's first table: its header, its keys in order, where
// each key's lines start (its comment block) and its key = value line (as
// offsets in raw), and where the next table starts (cut).
func scanTable(raw string) (t tableText, starts []int, lines map[string]keyLine, cut int, ok bool) {
	data := []byte(raw)
	t = tableText{spans: map[string]string{}, lines: map[string]keyLine{}}
	lines, cut = map[string]keyLine{}, len(raw)
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
			if t.headerEnd > 0 || len(starts) > 0 {
				return t, starts, lines, commentBlockStart(data, lineStart(data, keyOffset(e))), true
			}
			t.kind, t.name, t.headerEnd = e.Kind, strings.Join(keyParts(e), "."), lineEnd(data, keyOffset(e))
			continue
		}
		if e.Kind != unstable.KeyValue {
			continue
		}
		k := e.Key()
		k.Next()
		name := string(k.Node().Data)
		if kl, seen := lines[name]; seen {
			// A dotted key continuing the one before, or spread over two
			// places: its lines stay with the key before, and it cannot
			// be edited in place.
			kl.simple = false
			lines[name] = kl
			t.spread = t.spread || t.keys[len(t.keys)-1] != name
			continue
		}
		kl := keyLine{start: lineStart(data, int(k.Node().Raw.Offset)), simple: !k.Next(),
			valueStart: valueStart(data, e), valueEnd: int(e.Raw.Offset + e.Raw.Length)}
		kl.end = lineEnd(data, kl.valueEnd)
		kl.comment = strings.TrimSpace(raw[kl.valueEnd:kl.end])
		t.keys = append(t.keys, name)
		lines[name] = kl
		starts = append(starts, commentBlockStart(data, kl.start))
	}
	return t, starts, lines, cut, p.Error() == nil
}

// moved is the line's offsets from off on.
func (kl keyLine) moved(off int) keyLine {
	kl.start -= off
	kl.valueStart -= off
	kl.valueEnd -= off
	kl.end -= off
	return kl
}

// single reports whether the text was one table whose keys each have one
// place: what the three-way merge can put together key by key.
func (t tableText) single() bool { return t.rest == "" && !t.spread }

// String is the table's text again.
func (t tableText) String() string {
	var b strings.Builder
	b.WriteString(t.head)
	for _, k := range t.keys {
		b.WriteString(t.spans[k])
	}
	b.WriteString(t.tail)
	b.WriteString(t.rest)
	return b.String()
}

// withValue is key k's lines with value (a TOML rendering) in place of
// its value: the key's spelling, the spacing, the comments above it and
// after it stay. ok is false when the table has no such key on a line of
// its own.
func (t tableText) withValue(k, value string) (string, bool) {
	kl, ok := t.lines[k]
	if !ok || !kl.simple {
		return "", false
	}
	span := t.spans[k]
	return span[:kl.start] + t.valueLine(k, value) + span[kl.end:], true
}

// valueLine is key k's line (to its end, the comment after the value
// included) with value in place of its value.
func (t tableText) valueLine(k, value string) string {
	kl, span := t.lines[k], t.spans[k]
	return span[kl.start:kl.valueStart] + value + span[kl.valueEnd:kl.end]
}

// valueStart is where the value of a key = value expression begins: after
// the last key part, the "=" and blanks.
func valueStart(text []byte, e *unstable.Node) int {
	k := e.Key()
	end := 0
	for k.Next() {
		r := k.Node().Raw
		end = int(r.Offset + r.Length)
	}
	i := end + bytes.IndexByte(text[end:], '=') + 1
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// lineEnd is the offset after the newline ending the line at off.
func lineEnd(text []byte, off int) int {
	if i := bytes.IndexByte(text[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(text)
}
