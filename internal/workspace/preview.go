package workspace

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/locales"
)

// Article reads an article's original from sources/ and extracts it as
// sync and build do, with its blocks' markup behind each placeholder.
func (w *Workspace) Article(slug string) (*article.Article, error) {
	m, err := readMeta(w.metaPath(slug))
	if err != nil {
		return nil, err
	}
	src, err := w.ReadSource(m)
	if err != nil {
		return nil, err
	}
	a, err := w.Extract(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", w.Rel(w.Path("sources", m.File)), err)
	}
	a.Slug = slug
	return a, nil
}

// Preview renders one article's pages as mosty build would, except that
// every language gets its pages whatever its coverage (the Polish shown
// where a translation is missing), so a translator sees work in progress.
// It writes nothing.
func (w *Workspace) Preview(slug string) (*site.Article, error) {
	rules := w.Config.Build
	rules.MinCoverage, rules.Missing = 0, "fallback"
	tmpl, err := render.LoadTemplates(w.Path("templates"))
	if err != nil {
		return nil, err
	}
	bundle, err := locales.Bundle()
	if err != nil {
		return nil, err
	}
	cfg := site.Config{SiteName: w.Config.SiteName, BaseURL: baseURL(w.Config.BaseURL), SourceLang: w.Config.SourceLanguage,
		Targets: w.Config.TargetLanguages, Rules: rules, Templates: tmpl, Bundle: bundle}
	art, _, err := w.buildArticle(slug, cfg)
	return art, err
}
