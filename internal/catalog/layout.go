package catalog

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// A layout is where the parts of a locale file are: the header (all
// before the first [[segment]]: comments, the [article] table, tables of
// the translator's own), and per [[segment]] table the bytes of the table
// and of the tables of the translator's own that follow it ([notes]…),
// which are kept with it.
type layout struct {
	headerEnd int
	units     []unitSpan
}

// unitSpan is one [[segment]] table: data[start:tail] is the table (with
// the comment lines right above it and its [segment.x] sub-tables),
// data[tail:end] the other tables that follow it.
type unitSpan struct {
	start, tail, end int
	line             int // of the [[segment]] header
}

// lineCounter gives the line of increasing offsets in one pass.
type lineCounter struct {
	data      []byte
	off, line int
}

func (c *lineCounter) at(off int) int {
	if c.line == 0 {
		c.line = 1
	}
	if off > c.off {
		c.line += bytes.Count(c.data[c.off:off], []byte("\n"))
		c.off = off
	}
	return c.line
}

// scanLayout finds a file's parts. It refuses what it could not keep: no
// [article] table (renamed?) unless bare, an [article] table after the
// segments, and a [segment.x] sub-table or [[segment.x]] separated from
// its segment by another table, each naming the line.
func scanLayout(data []byte, bare bool) (*layout, *SyntaxError) {
	var p unstable.Parser
	p.Reset(data)
	lines := &lineCounter{data: data}
	l := &layout{headerEnd: len(data)}
	article, foreign := 0, 0 // lines of the [article] table and of the first other table
	inTail := false
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.Table && e.Kind != unstable.ArrayTable {
			continue
		}
		keys := keyParts(e)
		at := lineStart(data, keyOffset(e))
		line := lines.at(at)
		isSegment := keys[0] == "segment"
		switch {
		case e.Kind == unstable.ArrayTable && len(keys) == 1 && isSegment:
			start := commentBlockStart(data, at)
			if len(l.units) == 0 {
				l.headerEnd = start
			} else {
				l.closeLast(start)
			}
			l.units = append(l.units, unitSpan{start: start, tail: -1, line: line})
			inTail = false
		case isSegment && (len(l.units) == 0 || inTail):
			return nil, &SyntaxError{Line: line, Column: 1, Msg: fmt.Sprintf("[%s] is not right under its [[segment]]", strings.Join(keys, ".")),
				Advice: "a table belonging to a segment goes directly under that segment's keys, before any other table"}
		case isSegment:
			// A sub-table of the segment above: part of it.
		case e.Kind == unstable.ArrayTable:
			return nil, &SyntaxError{Line: line, Column: 1, Msg: fmt.Sprintf("unexpected table [[%s]]: a locale file holds [article] and [[segment]] tables, and tables of your own", strings.Join(keys, ".")),
				Advice: "is it a misspelt [[segment]]? Notes of your own go in a table such as [notes]"}
		case e.Kind == unstable.Table && len(keys) == 1 && keys[0] == "article":
			if len(l.units) > 0 {
				return nil, &SyntaxError{Line: line, Column: 1, Msg: "the [article] table comes after the segments",
					Advice: "move the [article] table back to the top of the file"}
			}
			article = line
		default:
			if foreign == 0 {
				foreign = line
			}
			if n := len(l.units); n > 0 && !inTail {
				l.units[n-1].tail = commentBlockStart(data, at)
				inTail = true
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, &SyntaxError{Msg: err.Error()}
	}
	l.closeLast(len(data))
	if article == 0 && !bare {
		return nil, noArticle(foreign)
	}
	return l, nil
}

func (l *layout) closeLast(end int) {
	if n := len(l.units); n > 0 {
		u := &l.units[n-1]
		if u.tail < 0 {
			u.tail = end
		}
		u.end = end
	}
}

func noArticle(foreign int) *SyntaxError {
	e := &SyntaxError{Line: 1, Column: 1, Msg: "no [article] table",
		Advice: "a locale file starts with the [article] table mosty wrote (slug, lang…): restore it"}
	if foreign > 0 {
		e.Line, e.Msg = foreign, "no [article] table: was it renamed to this one?"
		e.Advice = "name the table [article] again; keys of your own go in a table of another name"
	}
	return e
}

// keyOffset is where an expression's key starts.
func keyOffset(e *unstable.Node) int {
	k := e.Key()
	k.Next()
	return int(k.Node().Raw.Offset)
}

// keyParts is a table header's dotted key.
func keyParts(e *unstable.Node) []string {
	var out []string
	for k := e.Key(); k.Next(); {
		out = append(out, string(k.Node().Data))
	}
	return out
}

func lineStart(data []byte, at int) int {
	return bytes.LastIndexByte(data[:at], '\n') + 1
}

// commentBlockStart moves from a line start up over the comment lines
// directly above it.
func commentBlockStart(data []byte, at int) int {
	for at > 0 {
		prev := lineStart(data, at-1)
		if !bytes.HasPrefix(bytes.TrimSpace(data[prev:at]), []byte("#")) {
			break
		}
		at = prev
	}
	return at
}
