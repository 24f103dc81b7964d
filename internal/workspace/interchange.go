package workspace

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/interchange"
)

// Formats mosty exports.
var Formats = []string{"xliff", "xliff12", "po", "tmx", "go-i18n"}

// Export writes the translators' files of lang (all articles, or slugs)
// in a CAT tool's format. A TMX file holds every language: lang is not
// needed for it, and not used.
func (w *Workspace) Export(format, lang string, slugs []string) ([]byte, error) {
	slugs, err := w.Select(slugs)
	if err != nil {
		return nil, err
	}
	if format == "tmx" {
		return w.exportTMX(slugs)
	}
	if lang, err = w.TargetLanguage(lang); err != nil {
		return nil, err
	}
	var docs []interchange.Doc
	for _, slug := range slugs {
		src, err := w.loadSource(slug)
		if err != nil {
			return nil, err
		}
		t, _, err := w.LoadLocale(lang, slug)
		if err != nil {
			return nil, err
		}
		if t == nil {
			t = catalog.NewTarget("", src, lang)
			t.Merge(src.Units, nil, false)
		}
		docs = append(docs, interchange.Doc{Slug: slug, Title: src.Header.Title, SourceLang: w.Config.SourceLanguage, Lang: lang, Units: t.Active()})
	}
	var b bytes.Buffer
	switch format {
	case "xliff":
		err = interchange.WriteXLIFF2(&b, docs, w.Config.SourceLanguage, lang)
	case "xliff12":
		err = interchange.WriteXLIFF12(&b, docs, w.Config.SourceLanguage, lang)
	case "po":
		err = interchange.WritePO(&b, docs, lang)
	case "go-i18n":
		err = interchange.WriteGoI18n(&b, docs)
	default:
		return nil, fmt.Errorf("format %q: mosty exports %s", format, strings.Join(Formats, ", "))
	}
	return b.Bytes(), err
}

// exportTMX writes every translated sentence of slugs in every language.
func (w *Workspace) exportTMX(slugs []string) ([]byte, error) {
	var tmx []interchange.TMXUnit
	for _, slug := range slugs {
		src, err := w.loadSource(slug)
		if err != nil {
			return nil, err
		}
		units, err := w.tmxUnits(slug, src)
		if err != nil {
			return nil, err
		}
		tmx = append(tmx, units...)
	}
	var b bytes.Buffer
	err := interchange.WriteTMX(&b, tmx, w.Config.SourceLanguage, w.Config.TargetLanguages)
	return b.Bytes(), err
}

// tmxUnits are an article's sentences with every done translation.
func (w *Workspace) tmxUnits(slug string, src *catalog.File) ([]interchange.TMXUnit, error) {
	units := make([]interchange.TMXUnit, 0, len(src.Units))
	index := map[string]int{}
	for _, u := range src.Units {
		index[u.ID] = len(units)
		units = append(units, interchange.TMXUnit{ID: slug + "/" + u.ID, Kind: u.Kind, Texts: map[string]string{w.Config.SourceLanguage: u.Source}})
	}
	for _, lang := range w.Config.TargetLanguages {
		t, _, err := w.LoadLocale(lang, slug)
		if err != nil || t == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		for _, u := range t.Active() {
			if i, ok := index[u.ID]; ok && u.Status.Done() && u.Translation != "" {
				units[i].Texts[lang] = u.Translation
			}
		}
	}
	var out []interchange.TMXUnit
	for _, u := range units {
		if len(u.Texts) > 1 {
			out = append(out, u)
		}
	}
	return out, nil
}

// A MergeChange is one segment a merge changed, or could not.
type MergeChange struct {
	Lang, Slug, ID string
	What           string // "translated", "reviewed", "fuzzy: the Polish changed meanwhile"…
	Conflict       bool   // not applied: listed for a person to decide
}

// MergeFiles reads XLIFF (.xlf, .xliff) and PO (.po) files back into the
// translators' files, by id. A translation lands as it is when the
// segment's Polish is the one it was made from, and as fuzzy when the
// Polish changed meanwhile. A reviewed translation, or one changed in
// mosty since the export, is never overwritten silently: it is a
// conflict, skipped unless force. Nothing is written when a file cannot be
// read.
func (w *Workspace) MergeFiles(paths []string, force bool) ([]MergeChange, error) {
	type batch struct {
		lang string
		ts   []interchange.Translation
	}
	var batches []batch
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var lang string
		var ts []interchange.Translation
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlf", ".xliff":
			lang, ts, err = interchange.ReadXLIFF(bytes.NewReader(data))
		case ".po":
			lang, ts, err = interchange.ReadPO(bytes.NewReader(data))
		default:
			return nil, hint.Wrap(fmt.Errorf("%s: not an .xlf, .xliff or .po file", p), "mosty merges XLIFF and PO; TMX and go-i18n files are for export")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		ours, err := w.TargetLanguage(lang)
		if err != nil {
			return nil, fmt.Errorf("%s: its language: %w", p, err)
		}
		batches = append(batches, batch{ours, ts})
	}
	files := map[string]*catalog.File{}
	orig := map[string][]byte{}
	var changes []MergeChange
	for _, bt := range batches {
		for _, t := range bt.ts {
			key := bt.lang + "/" + t.Slug
			f, ok := files[key]
			if !ok {
				var data []byte
				var err error
				if f, data, err = w.LoadLocale(bt.lang, t.Slug); err != nil {
					return nil, err
				}
				files[key], orig[key] = f, data
			}
			c := MergeChange{Lang: bt.lang, Slug: t.Slug, ID: t.ID}
			if f == nil {
				c.What, c.Conflict = "no such article in this workspace", true
				changes = append(changes, c)
				continue
			}
			in := catalog.Incoming{ID: t.ID, Source: t.Source, Translation: t.Translation, Status: t.Status, Base: t.Base}
			if v, ok := f.MergeBack(in, force); ok {
				c.What, c.Conflict = v.What, v.Conflict
				changes = append(changes, c)
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(files)) {
		f := files[key]
		if f == nil {
			continue
		}
		if out := f.Bytes(); !bytes.Equal(out, orig[key]) {
			if err := writeFile(f.Path, out); err != nil {
				return changes, err
			}
		}
	}
	return changes, nil
}
