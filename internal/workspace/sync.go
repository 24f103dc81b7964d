package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/langtag"
)

// SyncOptions tune a sync.
type SyncOptions struct {
	Prune bool     // drop obsolete segments, translations and all
	Slugs []string // only these articles (each must exist); all when empty
	// Full checks every article and extracts each again from its
	// original, not only those whose files or mosty's rules changed.
	Full bool
}

// A FileChange is one locale file a sync wrote.
type FileChange struct {
	Slug, Lang, Path string
	Created          bool
	Changes          catalog.Changes // for translators' files
}

// A SyncReport says what a sync did.
type SyncReport struct {
	Checked int             // articles looked at
	Skipped int             // articles whose files had not changed since the last sync
	Written []FileChange    // files written, in order
	Failed  []*ArticleError // articles left as they were: their original could not be read or extracted
}

// An ArticleError is one article an operation had to leave out; the
// others went on.
type ArticleError struct {
	Slug string
	Err  error // names the file
}

func (e *ArticleError) Error() string { return e.Err.Error() }
func (e *ArticleError) Unwrap() error { return e.Err }

// pendingWrite is a file a sync will write once every article is planned.
type pendingWrite struct {
	path string
	data []byte
}

// articlePlan is what syncing one article will write.
type articlePlan struct {
	slug   string
	meta   SourceMeta     // the article's metadata, as it will be
	header catalog.Header // its Polish file's, as it will be
	// listDate is the date its site's list gave it, when it was fetched
	// from one (see index.Entry.ListDate).
	listDate string
	writes   []pendingWrite
	changes  []FileChange
	replaced string // an earlier original of the article, to remove once written
}

// Sync brings every locale file up to date with the sources: articles
// whose sources or rules changed (all with Full) are extracted again, and
// the new segments are merged into every language's file (see
// catalog.Merge for the rules). It plans every article before writing any
// file: a mistake in one hand-edited file stops it with nothing written.
// An article whose original cannot be read or extracted is left as it
// was and listed in the report's Failed; the others are synced.
func (w *Workspace) Sync(opts SyncOptions) (*SyncReport, error) {
	want, err := w.Select(opts.Slugs)
	if err != nil {
		return nil, err
	}
	o := w.newOp()
	defer o.close()
	idx, err := w.loadIndex()
	if err != nil {
		return nil, err
	}
	stamps, err := o.listing()
	if err != nil {
		return nil, err
	}
	report := &SyncReport{}
	var plans []articlePlan
	for _, slug := range stamps.slugs() {
		if _, ok := slices.BinarySearch(want, slug); !ok {
			continue
		}
		if !opts.Full && !opts.Prune && idx.fresh(slug, stamps.of(slug)) {
			report.Skipped++
			continue
		}
		report.Checked++
		p, err := o.syncArticle(slug, opts)
		var ae *ArticleError
		if errors.As(err, &ae) {
			report.Failed = append(report.Failed, ae)
			continue
		}
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	if err := w.apply(plans, report, idx); err != nil {
		return nil, err
	}
	return report, nil
}

// syncArticle plans one article of a sync: extracted again when its
// original or the pipeline fingerprint changed, or always with Full.
func (o *op) syncArticle(slug string, opts SyncOptions) (articlePlan, error) {
	w := o.w
	m, err := readMeta(w.metaPath(slug))
	if err != nil {
		return articlePlan{}, &ArticleError{Slug: slug, Err: err}
	}
	oldSrc, _, err := w.LoadLocale(w.Config.SourceLanguage, slug)
	if err != nil {
		return articlePlan{}, err
	}
	source, err := w.ReadSource(m)
	if err != nil {
		return articlePlan{}, &ArticleError{Slug: slug, Err: hint.Wrap(err, "restore the original in sources/, or import the article again")}
	}
	var meta []pendingWrite
	if sum := source.Sum(); sum != m.SHA256 {
		// The original was replaced by hand: record its new bytes.
		m.SHA256 = sum
		data, err := encodeMeta(m)
		if err != nil {
			return articlePlan{}, err
		}
		meta = append(meta, pendingWrite{path: w.metaPath(m.Slug), data: data})
	}
	var a *article.Article
	if opts.Full || oldSrc == nil || oldSrc.Header.SourceSHA256 != m.SHA256 || oldSrc.Header.Extractor != o.fingerprint() {
		if a, err = o.extract(source); err != nil {
			return articlePlan{}, &ArticleError{Slug: slug, Err: fmt.Errorf("%s: %w", w.Rel(w.Path("sources", m.File)), err)}
		}
	}
	plan, err := o.planArticle(m, a, opts.Prune)
	plan.writes = append(meta, plan.writes...)
	return plan, err
}

// apply writes planned files and saves the index.
func (w *Workspace) apply(plans []articlePlan, report *SyncReport, idx *articleIndex) error {
	if err := w.write(plans, report, idx); err != nil {
		return err
	}
	return w.saveIndex(idx)
}

// write writes planned files as one durable batch (see durable.Batch: a
// crash leaves each file old or new, and the batch waits on the disk
// once), then records the articles in the index. The batch puts the
// originals in place first, then their metadata, then the locale files
// that record the originals' checksums: a kill between any two renames
// leaves no file recording bytes that are not on disk, so the next
// command sees what is missing and writes it again.
func (w *Workspace) write(plans []articlePlan, report *SyncReport, idx *articleIndex) error {
	b := w.batch()
	for phase := range 3 {
		for _, p := range plans {
			for _, wr := range p.writes {
				if w.writePhase(wr.path) == phase {
					b.Add(wr.path, wr.data, 0o644)
				}
			}
		}
	}
	for _, p := range plans {
		report.Written = append(report.Written, p.changes...)
	}
	if err := b.Commit(); err != nil {
		return err
	}
	for _, p := range plans {
		listDate := p.listDate
		if listDate == "" {
			old, _ := idx.Get(p.slug)
			listDate = old.ListDate
		}
		idx.Put(indexEntry(p.meta, p.header, listDate, w.stampArticle(p.slug, p.meta.File)))
	}
	return nil
}

// writePhase orders a plan's writes: an original in sources/ (0), its
// metadata (1), a locale file (2).
func (w *Workspace) writePhase(path string) int {
	switch {
	case filepath.Dir(path) != w.Path("sources"):
		return 2
	case strings.HasSuffix(path, metaSuffix):
		return 1
	}
	return 0
}

// planArticle works out the locale files of one article: the Polish file
// from a, the article just extracted (nil to keep the Polish file as it
// is), and every translators' file merged with it, pre-filled from the
// memory and annotated with the glossary's terms (and, in Russian, the
// names of the Polish with their Russian forms).
func (o *op) planArticle(m SourceMeta, a *article.Article, prune bool) (articlePlan, error) {
	w := o.w
	plan := articlePlan{slug: m.Slug, meta: m}
	src := w.Config.SourceLanguage
	oldSrc, oldData, err := w.LoadLocale(src, m.Slug)
	if err != nil {
		return plan, err
	}
	if oldSrc == nil && a == nil {
		return plan, fmt.Errorf("%s: nothing extracted", m.Slug) // syncArticle extracts when the file is missing
	}
	srcFile := oldSrc
	lastSource := map[string]string{}
	if oldSrc != nil {
		oldSrc.RenumberPlaceholders() // a file of an earlier mosty: see catalog
		for _, u := range oldSrc.Units {
			lastSource[u.ID] = u.Source
		}
	}
	if a != nil {
		var prev []catalog.Unit
		if oldSrc == nil {
			srcFile = &catalog.File{Path: w.LocalePath(src, m.Slug), IsSource: true}
		} else {
			prev = oldSrc.Units
		}
		srcFile.Header = sourceHeader(m, a, src, o.fingerprint())
		srcFile.SetUnits(catalog.AssignIDs(prev, catalog.SourceUnits(a)))
	}
	plan.header = srcFile.Header
	plan.add(src, m.Slug, srcFile.Path, oldData, srcFile.Bytes(), catalog.Changes{})
	g, err := o.glossary()
	if err != nil {
		return plan, err
	}
	for _, lang := range w.Config.TargetLanguages {
		t, data, err := w.LoadLocale(lang, m.Slug)
		if err != nil {
			return plan, err
		}
		if t == nil {
			t = catalog.NewTarget(w.LocalePath(lang, m.Slug), srcFile, lang)
		}
		t.Header.Title, t.Header.Date, t.Header.Category, t.Header.Origin =
			srcFile.Header.Title, srcFile.Header.Date, srcFile.Header.Category, srcFile.Header.Origin
		renumbered := t.RenumberPlaceholders()
		c := t.Merge(srcFile.Units, lastSource, prune)
		c.Renumbered = renumbered
		if err := o.prefill(t, lang); err != nil {
			return plan, err
		}
		g.Annotate(t, lang)
		if _, ru := langtag.Match(lang, []string{"ru"}); ru && !w.noNameHints {
			o.names.Annotate(t, g)
		}
		plan.add(lang, m.Slug, t.Path, data, t.Bytes(), c)
	}
	return plan, nil
}

// add records a file to write when its bytes differ from what is on disk.
func (p *articlePlan) add(lang, slug, path string, old, data []byte, c catalog.Changes) {
	if old != nil && bytes.Equal(old, data) {
		return
	}
	p.writes = append(p.writes, pendingWrite{path: path, data: data})
	p.changes = append(p.changes, FileChange{Slug: slug, Lang: lang, Path: path, Created: old == nil, Changes: c})
}

func sourceHeader(m SourceMeta, a *article.Article, lang, version string) catalog.Header {
	h := catalog.Header{Slug: m.Slug, Lang: lang, Title: a.Title, Category: a.Category,
		Origin: m.Origin, SourceSHA256: m.SHA256, Extractor: version}
	if !a.Date.IsZero() {
		h.Date = a.Date.Format("2006-01-02")
	}
	return h
}
