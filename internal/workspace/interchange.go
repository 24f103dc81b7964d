package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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

// An Export is what an export wrote: its id, how many segments of how
// many articles its record in .mosty/exports/ holds (none for tmx and
// go-i18n, which are not merged back), and for OmegaT the project
// folder's files.
type Export struct {
	ID                 string
	Recorded           bool
	Segments, Articles int
	Files              map[string][]byte // omegat: the project's files by slash path; a path ending in "/" is a folder
}

// Export writes the translators' file of a language in a CAT tool's
// format to out, an article at a time as it is made (an OmegaT project,
// in x.Files, is made whole), with what the translator should see next to
// each segment: the previous Polish of fuzzy ones, close matches from the
// memory, glossary terms and the translator's own comments and keys. It
// keeps what it wrote in .mosty/exports/, written as it goes, so merge can
// compare three ways; the record is in place once the whole file is
// written to out, and only then.
func (w *Workspace) Export(opts ExportOptions, out io.Writer) (*Export, error) {
	slugs, err := w.Select(opts.Slugs)
	if err != nil {
		return nil, err
	}
	if opts.Format == "tmx" {
		// A TMX file holds every language: it needs no Lang, and is not
		// merged back.
		return &Export{}, w.writeTMX(out, slugs)
	}
	lang, err := w.TargetLanguage(opts.Lang)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(Formats, opts.Format) {
		return nil, fmt.Errorf("format %q: mosty exports %s", opts.Format, strings.Join(Formats, ", "))
	}
	o := w.newOp()
	defer o.close()
	x := &Export{ID: w.exportID(opts.Format, lang, slugs, opts.Statuses)}
	e := docExport{o: o, id: x.ID, lang: lang, slugs: slugs, opts: opts}
	dw := w.docWriter(opts.Format, lang, out)
	if opts.Format == "go-i18n" {
		// Not merged back: no record.
		return x, writeDocs(dw, e.each(nil))
	}
	head := catalog.NewExportBase(x.ID, lang, opts.Format, w.Now())
	err = w.record(head, func(rec *catalog.ExportBaseWriter) error {
		if err := writeDocs(dw, e.each(rec)); err != nil {
			return err
		}
		if l, ok := dw.(*docList); ok {
			var err error
			if x.Files, err = o.omegatProject(lang, l.docs); err != nil {
				return err
			}
		}
		x.Recorded, x.Segments, x.Articles = true, rec.Segments(), rec.Articles()
		return nil
	})
	return x, err
}

// docWriter is the writer of a format's file to out; for OmegaT, the
// list the project is made from.
func (w *Workspace) docWriter(format, lang string, out io.Writer) interchange.DocWriter {
	switch format {
	case "xliff":
		return interchange.NewXLIFF2Writer(out, w.Config.SourceLanguage, lang)
	case "xliff12":
		return interchange.NewXLIFF12Writer(out, w.Config.SourceLanguage, lang)
	case "po":
		return interchange.NewPOWriter(out, lang)
	case "go-i18n":
		return interchange.NewGoI18nWriter(out)
	}
	return &docList{}
}

// exportID names an export: its time, and a short hash of what it
// covers, so two exports made at once differ.
func (w *Workspace) exportID(format, lang string, slugs []string, statuses []catalog.Status) string {
	at := w.Now().UTC()
	h := sha256.Sum256(fmt.Appendf(nil, "%s %s %v %v %d", format, lang, slugs, statuses, at.UnixNano()))
	return at.Format("20060102T150405Z") + "-" + hex.EncodeToString(h[:3])
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

// writeTMX writes every done translation of the articles, all
// languages, an article at a time.
func (w *Workspace) writeTMX(out io.Writer, slugs []string) error {
	tw := interchange.NewTMXWriter(out, w.Config.SourceLanguage, w.Config.TargetLanguages)
	for _, slug := range slugs {
		src, err := w.loadSource(slug)
		if err != nil {
			return err
		}
		u, err := w.tmxUnits(slug, src)
		if err != nil {
			return err
		}
		if err := tw.Units(u); err != nil {
			return &WriteError{err}
		}
	}
	if err := tw.Close(); err != nil {
		return &WriteError{err}
	}
	return nil
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
