package catalog

import (
	"encoding/json"
	"fmt"
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
