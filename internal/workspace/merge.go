package workspace

import (
	"bytes"
	"fmt"
	"maps"
	"slices"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/interchange"
)

// MergeOptions say what to merge back.
type MergeOptions struct {
	Paths  []string // XLIFF (.xlf, .xliff) and PO (.po) files, and OmegaT project folders
	Force  bool     // take the file's translation in conflicts
	DryRun bool     // decide everything, write nothing
}

// A MergeItem is what merging one unit of a file did, or would do: every
// unit that changes, and every one that could not be taken, with both
// versions.
type MergeItem struct {
	Path     string `json:"file"` // the merge file or project folder
	Lang     string `json:"lang"`
	Slug     string `json:"slug"`
	ID       string `json:"id"`
	Outcome  string `json:"outcome"` // applied, skipped, conflict
	What     string `json:"what"`    // the new status, or why not
	Mosty    string `json:"mosty"`   // mosty's translation before the merge
	FileText string `json:"file_text"`
}

// The outcomes of MergeItem.
const (
	MergeApplied  = "applied"
	MergeSkipped  = "skipped"
	MergeConflict = "conflict"
)

// A MergeResult is a whole merge: its items and the files it wrote (or,
// in a dry run, would write).
type MergeResult struct {
	Items     []MergeItem `json:"items"`
	Unchanged int         `json:"unchanged"` // units the files leave as mosty has them
	Files     []string    `json:"files"`     // translators' files changed, relative to the workspace
	// Renumbered counts the units of files exported before placeholders
	// were numbered per segment, read in today's numbering.
	Renumbered int `json:"renumbered"`
}

// Refused counts the items skipped or in conflict.
func (r *MergeResult) Refused() int {
	n := 0
	for _, it := range r.Items {
		if it.Outcome != MergeApplied {
			n++
		}
	}
	return n
}

// Merge reads translations back from CAT tools' files into the
// translators' files. It decides every unit first (catalog.DecideMerge:
// states honoured, nothing guessed, three ways against the export's
// record when mosty has it), then writes the files that change — unless
// DryRun. Nothing is written when a file cannot be read. Entries that lost
// their ids (PO tools that drop msgctxt) are matched by their Polish when
// exactly one segment has it.
func (w *Workspace) Merge(opts MergeOptions) (*MergeResult, error) {
	batches, err := w.readMergeFiles(opts.Paths)
	if err != nil {
		return nil, err
	}
	m := &merger{w: w, force: opts.Force, files: map[string]*catalog.File{}, orig: map[string][]byte{}, res: &MergeResult{Items: []MergeItem{}, Files: []string{}}}
	for _, b := range batches {
		if err := m.batch(b); err != nil {
			return nil, err
		}
	}
	writes := m.writes()
	for _, pw := range writes {
		m.res.Files = append(m.res.Files, w.Rel(pw.path))
	}
	if opts.DryRun {
		return m.res, nil
	}
	for _, pw := range writes {
		if err := writeFile(pw.path, pw.data); err != nil {
			return m.res, err
		}
	}
	// What was merged is now common to mosty and the file: merging the
	// same file again is then no change, and later work in mosty is newer.
	for _, b := range m.merged {
		if err := w.SaveExportBase(b); err != nil {
			return m.res, err
		}
	}
	return m.res, nil
}

// merger is one merge's state: the translators' files read so far, as
// read and as changed.
type merger struct {
	w        *Workspace
	force    bool
	files    map[string]*catalog.File // lang/slug → file; nil when there is none
	orig     map[string][]byte
	bySource map[string]map[string][]catalog.Ref // lang → Polish → units, built when needed
	merged   map[string]*catalog.ExportBase      // export records updated with what was applied
	res      *MergeResult
}

func (m *merger) file(lang, slug string) (*catalog.File, error) {
	key := lang + "/" + slug
	if f, ok := m.files[key]; ok {
		return f, nil
	}
	f, data, err := m.w.LoadLocale(lang, slug)
	if err != nil {
		return nil, err
	}
	m.files[key], m.orig[key] = f, data
	return f, nil
}

// batch decides every translation of one merge file.
func (m *merger) batch(b mergeBatch) error {
	base, err := m.w.exportBase(b.exportID)
	if err != nil {
		return err
	}
	if base != nil && base.Lang != b.lang {
		base = nil
	}
	for _, t := range b.ts {
		item := MergeItem{Path: b.path, Lang: b.lang, Slug: t.Slug, ID: t.ID, FileText: t.Translation}
		if t.Slug == "" {
			ref, why, err := m.matchBySource(b.lang, t.Source, base)
			if err != nil {
				return err
			}
			if why != "" {
				item.Slug, item.ID = "?", "?"
				m.refuse(item, MergeSkipped, why+": "+oneLine(t.Source))
				continue
			}
			item.Slug, item.ID, t.Slug, t.ID = ref.Slug, ref.ID, ref.Slug, ref.ID
		}
		if err := m.unit(item, t, base, b.lang); err != nil {
			return err
		}
	}
	return nil
}

// unit decides one translation.
func (m *merger) unit(item MergeItem, t interchange.Translation, base *catalog.ExportBase, lang string) error {
	f, err := m.file(lang, t.Slug)
	if err != nil {
		return err
	}
	i := -1
	if f != nil {
		i = f.UnitIndex(t.ID)
	}
	switch {
	case f == nil:
		m.refuse(item, MergeSkipped, "no such article in this workspace")
		return nil
	case i < 0:
		m.refuse(item, MergeSkipped, "the segment is no longer in the article")
		return nil
	}
	in := catalog.Incoming{ID: t.ID, Source: t.Source, Translation: t.Translation, Status: t.Status, State: t.State, Base: t.Base}
	d := catalog.DecideMerge(f.Units[i], in, base.Of(t.Slug, t.ID), lang, m.force)
	item.Mosty, item.What = f.Units[i].Translation, d.Reason
	if d.Renumbered {
		m.res.Renumbered++
		item.FileText = d.In.Translation
	}
	switch d.Outcome {
	case catalog.Unchanged:
		m.res.Unchanged++
		return nil
	case catalog.Apply:
		item.Outcome = MergeApplied
		f.Units[i] = d.Unit
		m.agreed(base, t.Slug, d.In)
	case catalog.Skipped:
		item.Outcome = MergeSkipped
		if d.Unit.ID != "" {
			f.Units[i] = d.Unit // a suggestion kept
		}
	case catalog.Conflict:
		item.Outcome = MergeConflict
	}
	m.res.Items = append(m.res.Items, item)
	return nil
}

// agreed records in the export's record that mosty took the file's
// version of a unit, as it was decided.
func (m *merger) agreed(base *catalog.ExportBase, slug string, in catalog.Incoming) {
	if base == nil {
		return
	}
	base.Add(slug, in.ID, catalog.Exported{Source: in.Source, Translation: in.Translation, Status: in.Status})
	if m.merged == nil {
		m.merged = map[string]*catalog.ExportBase{}
	}
	m.merged[base.ID] = base
}

func (m *merger) refuse(item MergeItem, outcome, why string) {
	item.Outcome, item.What = outcome, why
	m.res.Items = append(m.res.Items, item)
}

// matchBySource finds the one unit with this Polish: among the export's
// units when mosty has its record, else among the language's segments.
// why says what went wrong when there is not exactly one.
// A Polish whose placeholders an earlier mosty numbered across the
// paragraph is looked up in today's numbering too.
func (m *merger) matchBySource(lang, source string, base *catalog.ExportBase) (catalog.Ref, string, error) {
	lookup := func(source string) ([]catalog.Ref, error) {
		if base != nil {
			return base.BySource(source), nil
		}
		idx, err := m.sourceIndex(lang)
		return idx[source], err
	}
	refs, err := lookup(source)
	if today, _ := article.Renumber(source); len(refs) == 0 && err == nil && today != source {
		refs, err = lookup(today)
	}
	if err != nil {
		return catalog.Ref{}, "", err
	}
	switch len(refs) {
	case 1:
		return refs[0], "", nil
	case 0:
		return catalog.Ref{}, "no msgctxt, and no segment has this Polish", nil
	}
	return catalog.Ref{}, fmt.Sprintf("no msgctxt, and %d segments have this Polish", len(refs)), nil
}

// sourceIndex maps each Polish sentence of lang's translators' files to
// the segments that have it.
func (m *merger) sourceIndex(lang string) (map[string][]catalog.Ref, error) {
	if idx, ok := m.bySource[lang]; ok {
		return idx, nil
	}
	slugs, err := m.w.Articles()
	if err != nil {
		return nil, err
	}
	idx := map[string][]catalog.Ref{}
	for _, slug := range slugs {
		f, err := m.file(lang, slug)
		if err != nil {
			return nil, err
		}
		if f == nil {
			continue
		}
		for _, u := range f.Active() {
			idx[u.Source] = append(idx[u.Source], catalog.Ref{Slug: slug, ID: u.ID})
		}
	}
	if m.bySource == nil {
		m.bySource = map[string]map[string][]catalog.Ref{}
	}
	m.bySource[lang] = idx
	return idx, nil
}

// writes are the translators' files whose bytes the merge changed.
func (m *merger) writes() []pendingWrite {
	var out []pendingWrite
	for _, key := range slices.Sorted(maps.Keys(m.files)) {
		f := m.files[key]
		if f == nil {
			continue
		}
		if data := f.Bytes(); !bytes.Equal(data, m.orig[key]) {
			out = append(out, pendingWrite{path: f.Path, data: data})
		}
	}
	return out
}
