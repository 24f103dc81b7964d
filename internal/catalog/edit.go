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

// keySpan is where a key = value line of a table is.
type keySpan struct {
	line, valueStart, valueEnd, lineEnd int
	simple                              bool // one plain key, not dotted
	comment                             string
}

// tableKeys finds the keys of the first table whose header is
// [[name]] or [name] (ArrayTable or Table as kind says) in text, up to the
// next table header; insertAt is where a new key goes when no anchor is
// found. ok is false when there is no such table.
func tableKeys(text []byte, kind unstable.Kind, name string) (keys map[string]keySpan, insertAt int, ok bool) {
	var p unstable.Parser
	p.Reset(text)
	keys = map[string]keySpan{}
	in := false
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			if in {
				return keys, insertAt, true
			}
			if parts := keyParts(e); e.Kind == kind && len(parts) == 1 && parts[0] == name {
				in = true
				insertAt = lineEnd(text, keyOffset(e))
			}
		case unstable.KeyValue:
			if !in {
				continue
			}
			k := e.Key()
			k.Next()
			first := k.Node()
			sp := keySpan{line: lineStart(text, int(first.Raw.Offset)), simple: !k.Next()}
			sp.valueStart = valueStart(text, e)
			sp.valueEnd = int(e.Raw.Offset + e.Raw.Length)
			sp.lineEnd = lineEnd(text, sp.valueEnd)
			sp.comment = strings.TrimSpace(string(text[sp.valueEnd:sp.lineEnd]))
			if _, dup := keys[string(first.Data)]; dup {
				sp.simple = false // a dotted key spread over lines
			}
			keys[string(first.Data)] = sp
			insertAt = sp.lineEnd
		}
	}
	return keys, insertAt, in && p.Error() == nil
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

// patch replaces text[from:to].
type patch struct {
	from, to int
	with     string
}

// editTable applies edits to a table in place: a changed value replaces
// the old one and keeps the key's spelling, spacing and trailing comment;
// a removed key's line goes, its trailing comment staying as a line of
// its own; a new key goes after its anchor. Everything else stays byte
// for byte. ok is false when a key to change is dotted or spread over
// several lines: then the caller renders the table itself.
func editTable(text string, kind unstable.Kind, name string, edits []keyEdit) (string, bool) {
	b := []byte(text)
	keys, insertAt, ok := tableKeys(b, kind, name)
	if !ok {
		return "", false
	}
	var patches []patch
	for _, e := range edits {
		sp, has := keys[e.key]
		switch {
		case has && !sp.simple:
			return "", false
		case has && e.value == "":
			with := ""
			if sp.comment != "" {
				with = string(b[sp.line:sp.line+indent(b[sp.line:])]) + sp.comment + "\n"
			}
			patches = append(patches, patch{sp.line, sp.lineEnd, with})
		case has:
			patches = append(patches, patch{sp.valueStart, sp.valueEnd, e.value})
		case e.value != "":
			at := insertAt
			for _, a := range slices.Backward(e.after) {
				if s, ok := keys[a]; ok {
					at = s.lineEnd
					break
				}
			}
			line := bareOrQuotedKey(e.key) + " = " + e.value + "\n"
			if at > 0 && b[at-1] != '\n' {
				line = "\n" + line
			}
			patches = append(patches, patch{at, at, line})
		}
	}
	return applyPatches(b, patches), true
}

func indent(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " \t"))
}

// applyPatches applies non-overlapping patches; insertions at one offset
// keep their order.
func applyPatches(b []byte, patches []patch) string {
	slices.SortStableFunc(patches, func(x, y patch) int { return x.from - y.from })
	var out strings.Builder
	at := 0
	for _, p := range patches {
		out.Write(b[at:p.from])
		out.WriteString(p.with)
		at = p.to
	}
	out.Write(b[at:])
	return out.String()
}
