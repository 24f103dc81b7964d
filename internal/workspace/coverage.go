package workspace

import (
	"fmt"
	"slices"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
)

// Coverage measures every article's translators' files in langs (read
// with TargetLanguages: all targets when empty): segments and words by
// status, and the stale segments. A language whose file is missing counts
// as all new. An article whose files did not change since the last build
// is not read again: the build's cache has its counts.
func (w *Workspace) Coverage(langs []string) ([]catalog.ArticleCoverage, error) {
	return collect(func(use func(catalog.ArticleCoverage) error) error { return w.CoverageEach(langs, use) })
}

// CoverageEach measures the articles as Coverage does and gives each to
// use as soon as it is measured, in the order of their slugs; an error of
// use stops it and comes back.
func (w *Workspace) CoverageEach(langs []string, use func(catalog.ArticleCoverage) error) error {
	langs, err := w.TargetLanguages(langs)
	if err != nil {
		return err
	}
	stamps, err := w.newOp().listing()
	if err != nil {
		return err
	}
	cache := w.readBuildCache()
	if !cache.parse(nil) {
		cache.Articles = nil // damaged: every article is read
	}
	built := cache.Articles
	targets := w.Config.TargetLanguages
	for _, slug := range stamps.slugs() {
		if b, ok := built[slug]; ok && slices.Equal(b.Stamps, stamps.of(slug)) && len(b.Coverage) == len(targets) {
			a := b.articleCoverage(slug, targets)
			for lang := range a.Coverage {
				if !slices.Contains(langs, lang) {
					delete(a.Coverage, lang)
					delete(a.Stale, lang)
				}
			}
			if err := use(a); err != nil {
				return err
			}
			continue
		}
		src, err := w.loadSource(slug)
		if err != nil {
			return err
		}
		targets := map[string]*catalog.File{}
		for _, lang := range langs {
			if targets[lang], _, err = w.LoadLocale(lang, slug); err != nil {
				return err
			}
		}
		if err := use(coverageOf(src, targets, langs)); err != nil {
			return err
		}
	}
	return nil
}

// loadSource reads an article's Polish file, which every reader of its
// translations needs; a missing one is an error saying how to make it.
func (w *Workspace) loadSource(slug string) (*catalog.File, error) {
	f, _, err := w.LoadLocale(w.Config.SourceLanguage, slug)
	if err == nil && f == nil {
		err = hint.Wrap(fmt.Errorf("%s is missing", w.Rel(w.LocalePath(w.Config.SourceLanguage, slug))), "run mosty sync to extract the article again")
	}
	return f, err
}

// coverageOf measures an article's translators' files as a sync would
// leave them: each merged, in memory, with the Polish file, so a
// translation made from other Polish (a file older than the Polish)
// counts as fuzzy, never as done. A language whose file is missing counts
// as all new.
func coverageOf(src *catalog.File, targets map[string]*catalog.File, langs []string) catalog.ArticleCoverage {
	st := catalog.ArticleCoverage{Slug: src.Header.Slug, Title: src.Header.Title, Coverage: map[string]catalog.Coverage{}, Stale: map[string][]catalog.Unit{}}
	for _, lang := range langs {
		t := catalog.NewTarget("", src, lang)
		if f := targets[lang]; f != nil {
			t.Units = slices.Clone(f.Units)
		}
		t.Merge(src.Units, nil, false)
		st.Coverage[lang] = t.Coverage()
		for _, u := range t.Units {
			if u.Status == catalog.Fuzzy && u.PreviousSource != "" && !u.Obsolete {
				u.Extra = nil // only the texts are reported
				st.Stale[lang] = append(st.Stale[lang], u)
			}
		}
	}
	return st
}
