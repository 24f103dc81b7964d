package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/internal/report"
	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/locales"
)

// BuildOptions tune a build.
type BuildOptions struct {
	Out   string      // output folder; "" for public/ in the workspace
	Clean bool        // remove files in Out that the build did not make
	Rules *site.Rules // overrides mosty.toml's [build] rules
	// DryRun decides and renders everything but writes nothing: the
	// problems are what mosty check reports.
	DryRun bool
}

// BuildReport says what a build did.
type BuildReport struct {
	Out       string
	Versions  []site.Version // every article in every language, published or not
	Problems  []site.Problem
	Written   []string // files written, relative to Out
	Unchanged int      // files whose bytes were already right
	Removed   []string // files removed: unpublished pages, and with Clean, strays
	Reused    int      // articles whose inputs had not changed since the last build
}

// ErrBuildProblems is returned when translations cannot be published as
// they are; the report lists them and nothing was written.
var ErrBuildProblems = errors.New("some translations cannot be published")

// Build writes the localised site.
func (w *Workspace) Build(opts BuildOptions) (*BuildReport, error) {
	out := opts.Out
	if out == "" {
		out = w.Path("public")
	}
	rules := w.Config.Build
	if opts.Rules != nil {
		rules = *opts.Rules
	}
	if err := rules.Check(); err != nil {
		return nil, err
	}
	cfg, err := w.siteConfig(rules)
	if err != nil {
		return nil, err
	}
	static := slices.Sorted(maps.Keys(cfg.Assets))
	global, err := w.buildFingerprint(rules, out, static)
	if err != nil {
		return nil, err
	}
	cache := w.loadBuildCache(global)
	var owned map[string]bool
	if !opts.DryRun {
		if err := w.checkOut(out); err != nil {
			return nil, err
		}
		m, err := readManifest(out)
		if err != nil {
			return nil, err
		}
		if owned, err = w.proveOwned(out, m, cache, opts.Clean); err != nil {
			return nil, err
		}
	}
	o := w.newOp()
	stamps, err := o.listing()
	if err != nil {
		return nil, err
	}
	rep := &BuildReport{Out: out}
	files := map[string][]byte{}
	keep := map[string]bool{} // files of reused articles
	next := &buildCache{Global: global, Articles: map[string]*cachedArticle{}, Static: static}
	var todo []string
	for _, slug := range stamps.slugs() {
		c, ok := cache.Articles[slug]
		if ok && !opts.DryRun && maps.Equal(c.Stamps, stamps.of(slug)) && allExist(out, c.Files) {
			rep.Reused++
			for _, f := range c.Files {
				keep[f] = true
			}
			next.Articles[slug] = c
			continue
		}
		todo = append(todo, slug)
	}
	built, err := o.buildArticles(todo, cfg)
	if err != nil {
		return nil, err
	}
	for i, b := range built {
		art := b.art
		rep.Problems = append(rep.Problems, art.Problems...)
		next.Articles[todo[i]] = &cachedArticle{Stamps: stamps.of(todo[i]), Versions: art.Versions,
			Files: slices.Sorted(maps.Keys(art.Files)), Coverage: b.coverage}
		maps.Copy(files, art.Files)
	}
	for _, slug := range stamps.slugs() {
		if c, ok := next.Articles[slug]; ok {
			rep.Versions = append(rep.Versions, c.Versions...)
		}
	}
	for _, p := range rep.Problems {
		if !p.Warning {
			return rep, ErrBuildProblems
		}
	}
	if opts.DryRun {
		return rep, nil
	}
	indexes, err := site.Indexes(rep.Versions, cfg)
	if err != nil {
		return nil, err
	}
	maps.Copy(files, indexes)
	if err := w.addStatic(static, files); err != nil {
		return nil, err
	}
	if len(todo) > 0 || !allExist(out, []string{"report.html"}) {
		var articles []catalog.ArticleCoverage
		for _, slug := range slices.Sorted(maps.Keys(next.Articles)) {
			articles = append(articles, next.Articles[slug].Coverage)
		}
		var b bytes.Buffer
		if err := report.HTML(&b, w.Config.SiteName, articles, w.Config.TargetLanguages); err != nil {
			return nil, err
		}
		files["report.html"] = b.Bytes()
	}
	if err := w.startWriting(out, owned); err != nil {
		return nil, err
	}
	if err := w.writeSite(out, files, keep, owned, cache, opts.Clean, rep); err != nil {
		return nil, err
	}
	if err := os.Remove(w.buildingPath()); err != nil {
		return nil, err
	}
	return rep, w.saveBuildCache(next)
}

// builtArticle is one article the build decided and rendered, with the
// coverage of its translators' files for the editors' report.
type builtArticle struct {
	art      *site.Article
	coverage catalog.ArticleCoverage
}

// buildArticles builds articles on all cores; results come back in the
// order of slugs.
func (o *op) buildArticles(slugs []string, cfg site.Config) ([]builtArticle, error) {
	out := make([]builtArticle, len(slugs))
	errs := make([]error, len(slugs))
	parallel(len(slugs), runtime.GOMAXPROCS(0), func(i int) {
		out[i].art, out[i].coverage, errs[i] = o.buildArticle(slugs[i], cfg)
	})
	err := errors.Join(errs...)
	if errors.Is(err, site.ErrStale) {
		err = hint.Wrap(err, staleHint)
	}
	return out, err
}

// staleHint says how to bring Polish files up to date with their
// originals and this mosty: sync --full extracts every article again.
const staleHint = `run "mosty sync --full": it extracts every article again with this mosty and keeps every translation`

// buildArticle reads one article's source and locale files and lets the
// site package decide and render it.
func (o *op) buildArticle(slug string, cfg site.Config) (*site.Article, catalog.ArticleCoverage, error) {
	w := o.w
	var cov catalog.ArticleCoverage
	a, m, err := o.article(slug)
	if err != nil {
		return nil, cov, err
	}
	pl, err := w.loadSource(slug)
	if err != nil {
		return nil, cov, err
	}
	in := site.Input{Article: a, Source: pl, Targets: map[string]*catalog.File{}, Updated: m.Imported}
	if u, err := url.Parse(m.FinalURL); err == nil && m.FinalURL != "" {
		in.Base = u
	}
	for _, lang := range w.Config.TargetLanguages {
		if in.Targets[lang], _, err = w.LoadLocale(lang, slug); err != nil {
			return nil, cov, err
		}
	}
	cov = coverageOf(pl, in.Targets, w.Config.TargetLanguages)
	pl.Path = w.Rel(pl.Path)
	art, err := site.BuildArticle(in, cfg)
	return art, cov, err
}

// siteConfig is what every page of the site shares, with rules.
func (w *Workspace) siteConfig(rules site.Rules) (site.Config, error) {
	tmpl, err := render.LoadTemplates(w.Path("templates"))
	if err != nil {
		return site.Config{}, err
	}
	bundle, err := locales.Bundle()
	if err != nil {
		return site.Config{}, err
	}
	static, err := w.staticFiles()
	if err != nil {
		return site.Config{}, err
	}
	assets := map[string]bool{}
	for _, name := range static {
		assets[name] = true
	}
	return site.Config{SiteName: w.Config.SiteName, BaseURL: baseURL(w.Config.BaseURL), SourceLang: w.Config.SourceLanguage,
		Targets: w.Config.TargetLanguages, Rules: rules, Templates: tmpl, Bundle: bundle, Assets: assets}, nil
}

// article reads an article's original from sources/ and extracts it.
func (o *op) article(slug string) (*article.Article, SourceMeta, error) {
	w := o.w
	m, err := readMeta(w.metaPath(slug))
	if err != nil {
		return nil, m, err
	}
	src, err := w.ReadSource(m)
	if err != nil {
		return nil, m, err
	}
	a, err := o.extract(src)
	if err != nil {
		return nil, m, fmt.Errorf("%s: %w", w.Rel(w.Path("sources", m.File)), err)
	}
	a.Slug = slug
	return a, m, nil
}

// baseURL ends the site's address with exactly one slash.
func baseURL(u string) string {
	return strings.TrimRight(u, "/") + "/"
}
