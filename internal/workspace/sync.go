package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
)

// SyncOptions tune a sync.
type SyncOptions struct {
	Prune bool     // drop obsolete segments, translations and all
	Slugs []string // only these articles; all when empty
	Full  bool     // check every article, not only those whose files changed
}

// A FileChange is one locale file a sync wrote.
type FileChange struct {
	Slug, Lang, Path string
	Created          bool
	Changes          catalog.Changes // for translators' files
}

// A SyncReport says what a sync did.
type SyncReport struct {
	Checked int          // articles looked at
	Skipped int          // articles whose files had not changed since the last sync
	Written []FileChange // files written, in order
}

// pendingWrite is a file a sync will write once every article is planned.
type pendingWrite struct {
	path string
	data []byte
}

// articlePlan is what syncing one article will write.
type articlePlan struct {
	slug    string
	source  string // the original's file name in sources/
	writes  []pendingWrite
	changes []FileChange
}

// Sync brings every locale file up to date with the sources: articles
// whose sources or rules changed are extracted again, and the new
// segments are merged into every language's file (see catalog.Merge for
// the rules). It plans every article before writing any file: a mistake in
// one hand-edited file stops it with nothing written.
func (w *Workspace) Sync(opts SyncOptions) (*SyncReport, error) {
	w.forgetMemories()
	idx := w.loadIndex()
	stamps, err := w.stampAll()
	if err != nil {
		return nil, err
	}
	w.tmMu.Lock()
	w.opStamps = stamps
	w.tmMu.Unlock()
	report := &SyncReport{}
	var plans []articlePlan
	for _, slug := range stamps.slugs() {
		if len(opts.Slugs) > 0 && !slices.Contains(opts.Slugs, slug) {
			continue
		}
		if !opts.Full && !opts.Prune && idx.fresh(slug, stamps.of(slug)) {
			report.Skipped++
			continue
		}
		report.Checked++
		m, err := readMeta(w.metaPath(slug))
		if err != nil {
			return nil, err
		}
		p, err := w.planArticle(m, nil, opts.Prune)
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

// apply writes planned files, then records the articles in the index.
// Files are written by a few workers: each atomic write waits for its
// data to reach the disk, and those waits overlap.
func (w *Workspace) apply(plans []articlePlan, report *SyncReport, idx *index) error {
	var writes []pendingWrite
	for _, p := range plans {
		writes = append(writes, p.writes...)
		report.Written = append(report.Written, p.changes...)
	}
	errs := make([]error, len(writes))
	parallel(len(writes), 8, func(i int) { errs[i] = writeFile(writes[i].path, writes[i].data) })
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, p := range plans {
		idx.set(p.slug, w.stampArticle(p.slug, p.source))
	}
	return w.saveIndex(idx)
}

// planArticle works out the locale files of one article. a is the
// article when the caller has just extracted it; nil to extract it again
// only when its source or the rules changed since the source file was
// written.
func (w *Workspace) planArticle(m SourceMeta, a *article.Article, prune bool) (articlePlan, error) {
	plan := articlePlan{slug: m.Slug, source: m.File}
	src := w.Config.SourceLanguage
	oldSrc, oldData, err := w.LoadLocale(src, m.Slug)
	if err != nil {
		return plan, err
	}
	version := w.extractorVersion()
	if a == nil {
		source, err := w.ReadSource(m)
		if err != nil {
			return plan, hint.Wrap(err, "restore the original from sources/, or import the article again")
		}
		if sum := source.Sum(); sum != m.SHA256 {
			// The original was replaced by hand: record its new bytes.
			m.SHA256 = sum
			if err := plan.addMeta(w, m); err != nil {
				return plan, err
			}
		}
		if oldSrc == nil || oldSrc.Header.SourceSHA256 != m.SHA256 || oldSrc.Header.Extractor != version {
			if a, err = w.Extract(source); err != nil {
				return plan, fmt.Errorf("%s: %w", w.Rel(w.Path("sources", m.File)), err)
			}
		}
	}
	srcFile := oldSrc
	lastSource := map[string]string{}
	if oldSrc != nil {
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
		srcFile.Header = sourceHeader(m, a, src, version)
		srcFile.SetUnits(catalog.AssignIDs(prev, catalog.SourceUnits(a)))
	}
	plan.add(src, m.Slug, srcFile.Path, oldData, srcFile.Bytes(), catalog.Changes{})
	g, err := w.Glossary()
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
		c := t.Merge(srcFile.Units, lastSource, prune)
		if err := w.prefill(t, lang); err != nil {
			return plan, err
		}
		showTerms(t, g, lang)
		plan.add(lang, m.Slug, t.Path, data, t.Bytes(), c)
	}
	return plan, nil
}

// addMeta records rewriting an article's metadata.
func (p *articlePlan) addMeta(w *Workspace, m SourceMeta) error {
	data, err := encodeMeta(m)
	if err != nil {
		return err
	}
	p.writes = append(p.writes, pendingWrite{path: w.metaPath(m.Slug), data: data})
	return nil
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
