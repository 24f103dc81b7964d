package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/interchange"
)

// Formats mosty exports.
var Formats = []string{"xliff", "xliff12", "po", "tmx", "go-i18n", "omegat"}

// ExportOptions say what to export.
type ExportOptions struct {
	Format   string
	Lang     string           // a target language, as TargetLanguage reads it
	Slugs    []string         // none: every article
	Statuses []catalog.Status // only segments in these; none: all
}

// An Export is what an export made — a file's bytes, or for OmegaT a
// project folder's files — and the record of what it wrote, to be stored
// with SaveExportBase once the file is written, so merge can compare
// three ways.
type Export struct {
	ID    string
	Data  []byte            // the file (every format but omegat)
	Files map[string][]byte // the project's files by slash path; a path ending in "/" is a folder
	Base  *catalog.ExportBase
}

// Export writes the translators' files of a language in a CAT tool's
// format, with what the translator should see next to each segment: the
// previous Polish of fuzzy ones, close matches from the memory, glossary
// terms and the translator's own comments and keys.
func (w *Workspace) Export(opts ExportOptions) (*Export, error) {
	slugs, err := w.Select(opts.Slugs)
	if err != nil {
		return nil, err
	}
	if opts.Format == "tmx" {
		// A TMX file holds every language: it needs no Lang, and is not
		// merged back.
		var b bytes.Buffer
		err := w.writeTMX(&b, slugs)
		return &Export{Data: b.Bytes()}, err
	}
	lang, err := w.TargetLanguage(opts.Lang)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(Formats, opts.Format) {
		return nil, fmt.Errorf("format %q: mosty exports %s", opts.Format, strings.Join(Formats, ", "))
	}
	o := w.newOp()
	x := &Export{ID: w.exportID(opts.Format, lang, slugs, opts.Statuses)}
	x.Base = catalog.NewExportBase(x.ID, lang, opts.Format, w.Now())
	docs, err := o.exportDocs(x, lang, slugs, opts)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch opts.Format {
	case "xliff":
		err = interchange.WriteXLIFF2(&b, docs, w.Config.SourceLanguage, lang)
	case "xliff12":
		err = interchange.WriteXLIFF12(&b, docs, w.Config.SourceLanguage, lang)
	case "po":
		err = interchange.WritePO(&b, docs, lang)
	case "go-i18n":
		x.Base = nil // not merged back
		err = interchange.WriteGoI18n(&b, docs)
	case "omegat":
		x.Files, err = o.omegatProject(lang, docs)
	}
	x.Data = b.Bytes()
	return x, err
}

// exportID names an export: its time, and a short hash of what it
// covers, so two exports made at once differ.
func (w *Workspace) exportID(format, lang string, slugs []string, statuses []catalog.Status) string {
	at := w.Now().UTC()
	h := sha256.Sum256(fmt.Appendf(nil, "%s %s %v %v %d", format, lang, slugs, statuses, at.UnixNano()))
	return at.Format("20060102T150405Z") + "-" + hex.EncodeToString(h[:3])
}

// exportDocs makes the articles' documents and records each exported
// unit in x.Base.
func (o *op) exportDocs(x *Export, lang string, slugs []string, opts ExportOptions) ([]interchange.Doc, error) {
	w := o.w
	withContext := opts.Format == "xliff" || opts.Format == "xliff12" || opts.Format == "po"
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
		d := interchange.Doc{Slug: slug, Title: src.Header.Title, SourceLang: w.Config.SourceLanguage, Lang: lang, ExportID: x.ID, Context: map[string]interchange.Context{}}
		for _, u := range t.Active() {
			if len(opts.Statuses) > 0 && !slices.Contains(opts.Statuses, u.Status) {
				continue
			}
			// A segment a git merge left in two versions goes out for
			// review, both versions in a note, and is recorded so.
			u, note := u.ForReview()
			d.Units = append(d.Units, u)
			x.Base.Add(slug, u.ID, exported(u, opts.Format))
			var c interchange.Context
			if withContext {
				if c, err = o.unitContext(slug, lang, u); err != nil {
					return nil, err
				}
			}
			if note != "" {
				c.Notes = append([]string{note}, c.Notes...)
			}
			if withContext || note != "" {
				d.Context[u.ID] = c
			}
		}
		if len(d.Units) > 0 {
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// exported is a unit as the file says it: an OmegaT project offers only
// done translations as translations (fuzzy ones go to its tm/ as
// matches).
func exported(u catalog.Unit, format string) catalog.Exported {
	e := catalog.Exported{Source: u.Source, Translation: u.Translation, Status: u.Status}
	if format == "omegat" && !u.Status.Done() {
		e.Translation, e.Status = "", catalog.New
	}
	return e
}

// writeTMX writes every done translation of the articles, all languages.
func (w *Workspace) writeTMX(b *bytes.Buffer, slugs []string) error {
	var units []interchange.TMXUnit
	for _, slug := range slugs {
		src, err := w.loadSource(slug)
		if err != nil {
			return err
		}
		u, err := w.tmxUnits(slug, src)
		if err != nil {
			return err
		}
		units = append(units, u...)
	}
	return interchange.WriteTMX(b, units, w.Config.SourceLanguage, w.Config.TargetLanguages)
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
			if i, ok := index[u.ID]; ok && u.Usable() {
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
