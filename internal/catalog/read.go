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
// one is typical. Tables of the translator's own ([notes]…) are kept in
// place; what could not be kept (a renamed [article] table) is refused.
func Parse(path string, data []byte, isSource bool) (*File, error) {
	return parse(path, data, isSource, false)
}

// parse is Parse; bare reads segment tables without the [article] table a
// file has (a merge's fragment, an empty base).
func parse(path string, data []byte, isSource, bare bool) (*File, error) {
	var shape fileShape
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&shape); err != nil {
		return nil, syntaxError(path, err)
	}
	l, serr := scanLayout(data, bare)
	if serr != nil {
		serr.Path = path
		return nil, serr
	}
	if len(l.units) != len(shape.Segment) {
		return nil, &SyntaxError{Path: path, Msg: fmt.Sprintf("found %d [[segment]] headers but %d segments", len(l.units), len(shape.Segment))}
	}
	if !bare {
		if err := checkHeader(path, data, shape.Article); err != nil {
			return nil, err
		}
	}
	f := &File{Path: path, Header: shape.Article, headerSet: shape.Article, headerRead: true, IsSource: isSource}
	f.headerRaw = string(data[:l.headerEnd])
	seen := make(map[string]int, len(l.units))
	f.Units = make([]Unit, 0, len(l.units))
	for i, m := range shape.Segment {
		sp := l.units[i]
		u, err := unitOf(m)
		if err != nil {
			return nil, &SyntaxError{Path: path, Line: sp.line, Column: 1, Msg: fmt.Sprintf("segment %d: %v", i+1, err)}
		}
		if prev, dup := seen[u.ID]; dup {
			return nil, &SyntaxError{Path: path, Line: sp.line, Column: 1,
				Msg: fmt.Sprintf("segment id %q is used twice (first at line %d)", u.ID, prev), Advice: "ids are mosty's: restore the one you changed"}
		}
		seen[u.ID] = sp.line
		u.raw, u.tail = string(data[sp.start:sp.tail]), string(data[sp.tail:sp.end])
		asRead := u
		asRead.Extra = maps.Clone(u.Extra)
		u.read = &asRead
		f.Units = append(f.Units, u)
	}
	return f, nil
}

// checkHeader refuses an [article] table without the slug and language
// mosty wrote there.
func checkHeader(path string, data []byte, h Header) error {
	missing := []string{}
	if h.Slug == "" {
		missing = append(missing, "slug")
	}
	if h.Lang == "" {
		missing = append(missing, "lang")
	}
	if len(missing) == 0 {
		return nil
	}
	line := 1 + bytes.Count(data[:max(0, bytes.Index(data, []byte("[article]")))], []byte("\n"))
	return &SyntaxError{Path: path, Line: line, Column: 1, Msg: "the [article] table has no " + strings.Join(missing, " or "),
		Advice: "put back the slug and lang mosty wrote under [article] (the file's name and folder say what they were)"}
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
