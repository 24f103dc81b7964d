package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// fileShape is what a locale file decodes to before its units are read.
type fileShape struct {
	Article Header           `toml:"article"`
	Segment []map[string]any `toml:"segment"`
}

// knownKeys are the segment keys mosty reads; others go to Unit.Extra.
var knownKeys = map[string]bool{
	"id": true, "kind": true, "block": true, "source": true, "previous_source": true,
	"translation": true, "status": true, "obsolete": true,
}

// Parse reads a locale file's bytes. path is only used in errors. Every
// mistake is a *SyntaxError naming the line and column, with a hint where
// one is typical.
func Parse(path string, data []byte, isSource bool) (*File, error) {
	var shape fileShape
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&shape); err != nil {
		return nil, syntaxError(path, err)
	}
	starts, err := segmentStarts(data)
	if err != nil {
		return nil, syntaxError(path, err)
	}
	if len(starts) != len(shape.Segment) {
		return nil, &SyntaxError{Path: path, Msg: fmt.Sprintf("found %d [[segment]] headers but %d segments", len(starts), len(shape.Segment))}
	}
	f := &File{Path: path, Header: shape.Article, headerSet: shape.Article, headerRead: true, IsSource: isSource}
	end := len(data)
	if len(starts) > 0 {
		end = starts[0]
	}
	f.headerRaw = string(data[:end])
	seen := map[string]int{}
	for i, m := range shape.Segment {
		to := len(data)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		line := 1 + bytes.Count(data[:starts[i]], []byte("\n"))
		u, err := unitOf(m)
		if err != nil {
			return nil, &SyntaxError{Path: path, Line: line, Column: 1, Msg: fmt.Sprintf("segment %d: %v", i+1, err)}
		}
		if prev, dup := seen[u.ID]; dup {
			return nil, &SyntaxError{Path: path, Line: line, Column: 1,
				Msg: fmt.Sprintf("segment id %q is used twice (first at line %d)", u.ID, prev), Advice: "ids are mosty's: restore the one you changed"}
		}
		seen[u.ID] = line
		u.raw = string(data[starts[i]:to])
		asRead := u
		asRead.Extra = maps.Clone(u.Extra)
		u.read = &asRead
		f.Units = append(f.Units, u)
	}
	return f, nil
}

// unitOf reads one decoded [[segment]] table.
func unitOf(m map[string]any) (Unit, error) {
	var u Unit
	str := func(key string) (string, error) {
		v, ok := m[key]
		if !ok {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("%s must be a string in quotes, not %v", key, v)
		}
		return s, nil
	}
	var err error
	for _, k := range []struct {
		key string
		dst *string
	}{{"id", &u.ID}, {"kind", &u.Kind}, {"source", &u.Source}, {"previous_source", &u.PreviousSource}, {"translation", &u.Translation}} {
		if *k.dst, err = str(k.key); err != nil {
			return u, err
		}
	}
	if u.ID == "" {
		return u, errors.New("no id: every [[segment]] needs the id mosty gave it")
	}
	status, err := str("status")
	if err != nil {
		return u, err
	}
	u.Status = Status(status)
	if u.Status == "" {
		u.Status = New
	}
	if !u.Status.valid() {
		return u, fmt.Errorf("status %q is not one of new, fuzzy, translated, reviewed", status)
	}
	if v, ok := m["block"]; ok {
		n, ok := v.(int64)
		if !ok {
			return u, fmt.Errorf("block must be a number, not %v", v)
		}
		u.Block = int(n)
	}
	if v, ok := m["obsolete"]; ok {
		b, ok := v.(bool)
		if !ok {
			return u, fmt.Errorf("obsolete must be true or false, not %v", v)
		}
		u.Obsolete = b
	}
	for k, v := range m {
		if !knownKeys[k] {
			if u.Extra == nil {
				u.Extra = map[string]any{}
			}
			u.Extra[k] = v
		}
	}
	return u, nil
}

// segmentStarts returns the byte offset where each [[segment]] table
// starts: its header line, or the comment lines right above it, which
// belong to it.
func segmentStarts(data []byte) ([]int, error) {
	var p unstable.Parser
	p.Reset(data)
	var starts []int
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.ArrayTable {
			continue
		}
		k := e.Key()
		if !k.Next() || string(k.Node().Data) != "segment" || !k.IsLast() {
			return nil, fmt.Errorf("unexpected table [[%s]]: a locale file holds [article] and [[segment]] tables only", k.Node().Data)
		}
		at := int(k.Node().Raw.Offset)
		starts = append(starts, commentBlockStart(data, lineStart(data, at)))
	}
	return starts, p.Error()
}

func lineStart(data []byte, at int) int {
	return bytes.LastIndexByte(data[:at], '\n') + 1
}

// commentBlockStart moves from a line start up over the comment lines
// directly above it.
func commentBlockStart(data []byte, at int) int {
	for at > 0 {
		prev := lineStart(data, at-1)
		if !strings.HasPrefix(strings.TrimSpace(string(data[prev:at])), "#") {
			break
		}
		at = prev
	}
	return at
}

// syntaxError turns a go-toml error into a SyntaxError with position and
// a hint for the mistakes translators make.
func syntaxError(path string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return &SyntaxError{Path: path, Line: row, Column: col, Msg: strings.TrimPrefix(de.Error(), "toml: "), Advice: hintFor(de.Error())}
	}
	var pe *unstable.ParserError
	if errors.As(err, &pe) {
		return &SyntaxError{Path: path, Msg: pe.Error()}
	}
	return &SyntaxError{Path: path, Msg: err.Error()}
}

func hintFor(msg string) string {
	switch {
	case strings.Contains(msg, "expected newline") || strings.Contains(msg, "expected key") || strings.Contains(msg, "invalid character"):
		return `a quote inside a translation must be written \" (or use „…” or «…»)`
	case strings.Contains(msg, "unterminated") || strings.Contains(msg, "new lines") || strings.Contains(msg, "newline not allowed"):
		return "every translation starts and ends with a straight double quote on the same line"
	case strings.Contains(msg, "already exists") || strings.Contains(msg, "duplicate"):
		return "each key appears once per [[segment]]"
	}
	return ""
}
