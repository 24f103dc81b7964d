package workspace

import (
	"bufio"
	"slices"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/interchange"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// A WriteError is an error of the writer an export writes its file to,
// for the caller to name the file; any other error of Export is about
// the workspace and names its file itself.
type WriteError struct{ Err error }

func (e *WriteError) Error() string { return e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

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
	ru := isRussian(lang)
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
			if c, err = e.o.unitContext(slug, lang, ru, u); err != nil {
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
