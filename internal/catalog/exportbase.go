package catalog

import (
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// An ExportBase is what one export wrote, kept so that merging its file
// back can compare three ways: what was exported, what mosty has now, and
// what the file says.
type ExportBase struct {
	ID     string                         `json:"id"`
	Lang   string                         `json:"lang"`
	Format string                         `json:"format"`
	Time   time.Time                      `json:"time"`
	Units  map[string]map[string]Exported `json:"units"` // slug → segment id → as exported
}

// NewExportBase starts an export's record.
func NewExportBase(id, lang, format string, at time.Time) *ExportBase {
	return &ExportBase{ID: id, Lang: lang, Format: format, Time: at.UTC().Truncate(time.Second), Units: map[string]map[string]Exported{}}
}

// Add records a unit as exported.
func (b *ExportBase) Add(slug, id string, e Exported) {
	if b.Units[slug] == nil {
		b.Units[slug] = map[string]Exported{}
	}
	b.Units[slug][id] = e
}

// Of returns a unit as exported; nil when the export did not have it.
func (b *ExportBase) Of(slug, id string) *Exported {
	if b == nil {
		return nil
	}
	if e, ok := b.Units[slug][id]; ok {
		return &e
	}
	return nil
}

// A Ref names a unit: its article and id.
type Ref struct{ Slug, ID string }

// BySource finds the units exported with this Polish, for an entry that
// lost its id (PO tools that drop msgctxt): exactly one is a match.
func (b *ExportBase) BySource(source string) []Ref {
	var out []Ref
	for slug, units := range b.Units {
		for id, e := range units {
			if e.Source == source {
				out = append(out, Ref{slug, id})
			}
		}
	}
	return out
}

// Encode is the record as JSON.
func (b *ExportBase) Encode() ([]byte, error) { return json.Marshal(b) }

// DecodeExportBase reads a record written by Encode.
func DecodeExportBase(data []byte) (*ExportBase, error) {
	var b ExportBase
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("an export record: %w", err)
	}
	return &b, nil
}

// An ExportBaseWriter writes an export's record an article at a time,
// the bytes Encode writes of the whole record when the articles come in
// the order of their slugs (DecodeExportBase reads it either way), so
// that an export of 100,000 articles never holds its record whole.
type ExportBaseWriter struct {
	w    io.Writer
	n    int // articles written
	segs int // segments written
	err  error
}

// NewExportBaseWriter starts the record of b (its units are not
// written: Article writes them).
func NewExportBaseWriter(w io.Writer, b *ExportBase) *ExportBaseWriter {
	head, err := json.Marshal(ExportBase{ID: b.ID, Lang: b.Lang, Format: b.Format, Time: b.Time, Units: map[string]map[string]Exported{}})
	x := &ExportBaseWriter{w: w, err: err}
	if err == nil {
		// head ends in "{}}": the empty units and the record's end.
		x.write(head[:len(head)-2])
	}
	return x
}

// Articles and Segments are how many the record holds so far.
func (x *ExportBaseWriter) Articles() int { return x.n }

// Segments: see Articles.
func (x *ExportBaseWriter) Segments() int { return x.segs }

// Article records an article's units as exported; one without units is
// left out, as Add leaves it.
func (x *ExportBaseWriter) Article(slug string, units map[string]Exported) error {
	if len(units) == 0 || x.err != nil {
		return x.err
	}
	key, err := json.Marshal(slug)
	if err != nil {
		return err
	}
	value, err := json.Marshal(units)
	if err != nil {
		return err
	}
	if x.n > 0 {
		x.write([]byte{','})
	}
	x.write(key)
	x.write([]byte{':'})
	x.write(value)
	x.n++
	x.segs += len(units)
	return x.err
}

// Err is the first error of the writer underneath; nil when none.
func (x *ExportBaseWriter) Err() error { return x.err }

// Close ends the record.
func (x *ExportBaseWriter) Close() error {
	x.write([]byte("}}"))
	return x.err
}

func (x *ExportBaseWriter) write(p []byte) {
	if x.err == nil {
		_, x.err = x.w.Write(p)
	}
}
