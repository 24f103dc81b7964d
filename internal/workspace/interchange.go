package workspace

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/interchange"
	"github.com/mosty-dev/mosty/internal/safefile"
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

// A WriteError is an error of the writer an export writes its file to,
// for the caller to name the file; any other error of Export is about
// the workspace and names its file itself.
type WriteError struct{ Err error }

func (e *WriteError) Error() string { return e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

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

// writeDocs writes every document each makes, then ends the file; an
// error of the writer is a WriteError.
func writeDocs(dw interchange.DocWriter, each func(emit func(interchange.Doc) error) error) error {
	err := each(func(d interchange.Doc) error {
		if err := dw.Doc(d); err != nil {
			return &WriteError{err}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := dw.Close(); err != nil {
		return &WriteError{err}
	}
	return nil
}

// docList is a DocWriter that keeps the documents, for an OmegaT
// project, whose files are made from all of them.
type docList struct{ docs []interchange.Doc }

func (l *docList) Doc(d interchange.Doc) error { l.docs = append(l.docs, d); return nil }
func (l *docList) Close() error                { return nil }

// record writes an export's record to .mosty/exports/ as fill makes it,
// and puts it in place when fill succeeds. An error of fill comes back as
// it is; one of the record's file names it.
func (w *Workspace) record(head *catalog.ExportBase, fill func(rec *catalog.ExportBaseWriter) error) error {
	var failed error
	err := safefile.WriteFunc(w.exportBasePath(head.ID), safefile.Options{Sync: true}, func(b *bufio.Writer) error {
		rec := catalog.NewExportBaseWriter(b, head)
		if failed = fill(rec); failed != nil {
			if rec.Err() != nil {
				failed = nil // the record's own file failed: WriteFunc names it
				return rec.Err()
			}
			return failed
		}
		return rec.Close()
	})
	if failed != nil {
		return failed
	}
	return err
}

// exportID names an export: its time, and a short hash of what it
// covers, so two exports made at once differ.
func (w *Workspace) exportID(format, lang string, slugs []string, statuses []catalog.Status) string {
	at := w.Now().UTC()
	h := sha256.Sum256(fmt.Appendf(nil, "%s %s %v %v %d", format, lang, slugs, statuses, at.UnixNano()))
	return at.Format("20060102T150405Z") + "-" + hex.EncodeToString(h[:3])
}

// A docExport makes an export's documents, an article at a time.
type docExport struct {
	o     *op
	id    string
	lang  string
	slugs []string
	opts  ExportOptions
}

// each makes the articles' documents and gives each with units to emit,
// recording its units in rec (when not nil) after emit took it.
func (e docExport) each(rec *catalog.ExportBaseWriter) func(emit func(interchange.Doc) error) error {
	return func(emit func(interchange.Doc) error) error {
		for _, slug := range e.slugs {
			d, units, err := e.doc(slug)
			if err != nil {
				return err
			}
			if len(d.Units) == 0 {
				continue
			}
			if err := emit(d); err != nil {
				return err
			}
			if rec != nil {
				if err := rec.Article(slug, units); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// doc makes an article's document and the record of its units as
// exported.
func (e docExport) doc(slug string) (interchange.Doc, map[string]catalog.Exported, error) {
	w, opts, lang := e.o.w, e.opts, e.lang
	withContext := opts.Format == "xliff" || opts.Format == "xliff12" || opts.Format == "po"
	d := interchange.Doc{Slug: slug, SourceLang: w.Config.SourceLanguage, Lang: lang, ExportID: e.id, Context: map[string]interchange.Context{}}
	src, err := w.loadSource(slug)
	if err != nil {
		return d, nil, err
	}
	d.Title = src.Header.Title
	t, _, err := w.LoadLocale(lang, slug)
	if err != nil {
		return d, nil, err
	}
	if t == nil {
		t = catalog.NewTarget("", src, lang)
		t.Merge(src.Units, nil, false)
	}
	units := map[string]catalog.Exported{}
	for _, u := range t.Active() {
		if len(opts.Statuses) > 0 && !slices.Contains(opts.Statuses, u.Status) {
			continue
		}
		// A segment a git merge left in two versions goes out for
		// review, both versions in a note, and is recorded so.
		u, note := u.ForReview()
		d.Units = append(d.Units, u)
		units[u.ID] = exported(u, opts.Format)
		var c interchange.Context
		if withContext {
			if c, err = e.o.unitContext(slug, lang, u); err != nil {
				return d, nil, err
			}
		}
		if note != "" {
			c.Notes = append([]string{note}, c.Notes...)
		}
		if withContext || note != "" {
			d.Context[u.ID] = c
		}
	}
	return d, units, nil
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
