package workspace

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/par"
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

// ErrBuildProblems is returned when translations cannot be published as
// they are; the report lists them and nothing was written.
var ErrBuildProblems = errors.New("some translations cannot be published")

// Build writes the localised site. Articles whose files changed since the
// last build (all, when mosty, its settings or the templates changed) are
// rendered one at a time on all cores and their pages staged in
// .mosty/tmp; only when every article could be published is anything put
// in place. The build keeps a few fields of each article (see
// builtArticle), never every page, and writes the listings, feeds and
// sitemaps again only when an article changed. It removes only files the
// output folder's manifest proves are mosty's (see outdir.go).
func (w *Workspace) Build(opts BuildOptions) (*BuildReport, error) {
	b, err := w.newBuild(opts)
	if err != nil {
		return nil, err
	}
	b.plan()
	if !opts.DryRun && !opts.Clean && !b.changed && !anyMissing(b.out, append(slices.Clone(b.old.Shared), "report.html", manifestName)) && !b.staticStale() {
		// Nothing to write, nothing to remove, and the folder is known to
		// be mosty's. A cache whose stamps of the output's folders are
		// not theirs now gets them, so the next build need not look for
		// missing pages again.
		if b.next.Dirs = b.dirStamps(); !maps.Equal(b.next.Dirs, b.old.Dirs) {
			return b.rep, w.saveBuildCache(b.next)
		}
		return b.rep, nil
	}
	if !b.readOld() {
		b.plan() // the cache was damaged: every article is rendered
	}
	if !opts.DryRun {
		if err := b.prepareOut(); err != nil {
			return nil, err
		}
	}
	st, err := w.newStager(b.out, opts.DryRun)
	if err != nil {
		return nil, err
	}
	if err := b.render(st); err != nil {
		st.discard()
		w.doneWriting()
		return b.rep, err
	}
	if opts.DryRun {
		return b.rep, nil
	}
	if err := b.write(st); err != nil {
		// What was put in place is whole and in the manifest; what was
		// not is removed.
		st.discard()
		w.doneWriting()
		return nil, err
	}
	slices.Sort(b.rep.Removed)
	b.next.Dirs = b.dirStamps()
	return b.rep, w.saveBuildCache(b.next)
}

// A build is one run of Build.
type build struct {
	w       *Workspace
	o       *op
	opts    BuildOptions
	out     string
	cfg     site.Config
	old     *buildCache // the last build's
	next    *buildCache // this one's
	stamps  stampSet
	slugs   []string // the articles, sorted
	todo    []string // those to render
	changed bool     // an article was rendered, added or removed: the listings change
	owned   owned
	static  []string // the workspace's static/ files, sorted
	rep     *BuildReport
	// filesOf is the last article isMade read the files of: the names
	// it is asked about come an article at a time.
	filesOf struct {
		slug  string
		files []string
	}
}

func (w *Workspace) newBuild(opts BuildOptions) (*build, error) {
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
	b := &build{w: w, o: w.newOp(), opts: opts, out: out, old: w.loadBuildCache(global), rep: &BuildReport{Out: out}, cfg: cfg, static: static}
	b.next = &buildCache{Global: global, Articles: map[string]*builtArticle{}, Shared: b.old.Shared}
	if b.stamps, err = b.o.listing(); err != nil {
		return nil, err
	}
	b.slugs = b.stamps.slugs()
	return b, nil
}

// plan sorts the articles into those whose pages stand and those to
// render. It compares stamps only, and looks for pages deleted by hand in
// the folders of the output that changed since the last build.
func (b *build) plan() {
	b.todo, b.next.Articles = nil, map[string]*builtArticle{}
	var reused []string
	for _, slug := range b.slugs {
		c, ok := b.old.Articles[slug]
		if st := b.stamps.of(slug); ok && !b.opts.DryRun && slices.Equal(c.Stamps, st) {
			reused = append(reused, slug)
			c.Stamps = st // the same, held once
			b.next.Articles[slug] = c
			continue
		}
		b.todo = append(b.todo, slug)
	}
	// Unchanged articles whose folder was deleted by hand are made again.
	if changed := b.changedDirs(); len(changed) > 0 && b.readOld() {
		versions := func(slug string) []site.Version { return b.next.Articles[slug].versions(slug) }
		for _, slug := range missingPages(b.out, reused, changed, versions) {
			delete(b.next.Articles, slug)
			b.todo = append(b.todo, slug)
		}
	} else if len(changed) > 0 {
		b.plan() // the cache was damaged: every article is rendered
		return
	}
	slices.Sort(b.todo)
	b.rep.Reused = len(b.next.Articles)
	b.changed = len(b.todo) > 0
	for slug := range b.old.Articles {
		if _, ok := b.stamps.by[slug]; !ok || b.stamps.of(slug)[stampMeta] == index.Missing {
			b.changed = true // an article is gone
		}
	}
}

// readOld checks the rest of every line of the last build's cache (see
// buildCache.parse), keeping the lines of the articles whose pages stand
// as they are (compact), and reports whether it could; a damaged cache is
// dropped, so every article is rendered again.
func (b *build) readOld() bool {
	if b.old.parse(func(string) bool { return false }) {
		return true
	}
	b.old = &buildCache{Global: b.old.Global, Articles: map[string]*builtArticle{}}
	return false
}

// changedDirs is the languages whose folder in the output is not as the
// last build left it — or whose stamp it could not trust.
func (b *build) changedDirs() map[string]bool {
	changed := map[string]bool{}
	now := b.dirStamps()
	for _, lang := range b.w.Languages() {
		if st, ok := b.old.Dirs[lang]; !ok || now[lang] != st {
			changed[lang] = true
		}
	}
	return changed
}

// racyDir is how recent a folder's change may be for its stamp not to be
// kept: on a file system whose times are coarse, a folder removed within
// the same tick as the build's last change would leave it the same time
// (as git does with its index).
const racyDir = 2 * time.Second

// dirStamps are the stamps of the output's language folders that changed
// longer than racyDir ago. A folder whose stamp is unchanged had no page
// folder removed or added.
func (b *build) dirStamps() map[string]index.Stamp {
	out := map[string]index.Stamp{}
	for _, lang := range b.w.Languages() {
		info, err := os.Stat(filepath.Join(b.out, lang))
		if err != nil || !info.IsDir() || time.Since(info.ModTime()) < racyDir {
			continue
		}
		out[lang] = index.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
	}
	return out
}

// prepareOut checks the output folder, reads which of its files are
// mosty's, and records that a build is writing there.
func (b *build) prepareOut() error {
	if err := b.w.checkOut(b.out); err != nil {
		return err
	}
	m, err := readManifest(b.out)
	if err != nil {
		return err
	}
	if b.owned, err = b.w.proveOwned(b.out, m, b.old, b.opts.Clean); err != nil {
		return err
	}
	if err := b.owned.each(func(string) error { return nil }); err != nil {
		return err // a manifest that cannot be read whole: before anything is written
	}
	if err := b.w.startWriting(b.out); err != nil {
		return err
	}
	b.old.forget()
	return nil
}

// render renders the articles to render and stages their pages, or
// stages nothing when one cannot be published.
func (b *build) render(st *stager) error {
	built, err := b.o.renderArticles(b.todo, b.cfg, st)
	if err != nil {
		return err
	}
	for i, slug := range b.todo {
		b.next.Articles[slug] = built[i].record
		for _, v := range built[i].record.versions(slug) {
			b.rep.AddVersion(v)
		}
		b.rep.Problems = append(b.rep.Problems, built[i].problems...)
	}
	if hasErrors(b.rep.Problems) {
		return ErrBuildProblems
	}
	for slug, c := range b.next.Articles {
		b.rep.Published += len(c.files(slug, b.cfg.SourceLang))
	}
	return nil
}

// shared stages what depends on every article — the listings, feeds,
// sitemaps and robots.txt, and the editors' report — when an article
// changed or one of those files is missing.
func (b *build) shared(st *stager) error {
	if !b.changed && !anyMissing(b.out, append(slices.Clone(b.old.Shared), "report.html")) {
		return nil
	}
	versions := func(yield func(*site.Version) bool) {
		for _, slug := range b.slugs {
			vs := b.next.Articles[slug].versions(slug)
			for i := range vs {
				if !yield(&vs[i]) {
					return
				}
			}
		}
	}
	out := &siteOutput{s: st}
	if err := site.Indexes(versions, b.cfg, b.summarize, out); err != nil {
		return err
	}
	slices.Sort(out.made)
	b.next.Shared = out.made
	return b.report(st)
}

// write stages what depends on every article and the static files, and
// puts the site in place (finish).
func (b *build) write(st *stager) error {
	if err := b.shared(st); err != nil {
		return err
	}
	if err := b.copyStatic(st); err != nil {
		return err
	}
	return b.finish(st)
}

// finish writes the manifest with every file the build leaves, puts the
// staged files in place, removes what the build no longer makes (with
// Clean, every file of mosty's it did not make), writes the manifest of
// what is left, and says the build is done. The manifest is written a
// name at a time and read back the same way: the build never holds the
// names of every file of the site.
func (b *build) finish(st *stager) error {
	err := b.w.writeManifest(b.out, func(add func(string)) error {
		for name := range b.made {
			add(name)
		}
		return b.owned.each(func(name string) error {
			if !b.isMade(name) {
				add(name)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if err := st.commit(); err != nil {
		return err
	}
	b.rep.Written, b.rep.Unchanged = b.rep.Written+st.written, b.rep.Unchanged+st.unchanged
	removed, err := b.removeUnmade()
	if err != nil {
		return err
	}
	if err := b.pruneManifest(removed); err != nil {
		return err
	}
	return b.w.doneWriting()
}

// pruneManifest writes the manifest again without the files removed
// and those of mosty's that are gone.
func (b *build) pruneManifest(removed map[string]bool) error {
	m, err := readManifest(b.out)
	if err != nil {
		return err
	}
	return b.w.writeManifest(b.out, func(add func(string)) error {
		return m.each(func(name string) error {
			if b.isMade(name) || !removed[name] && exists(outPath(b.out, name)) {
				add(name)
			}
			return nil
		})
	})
}

// exists reports whether there is a file or link at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// made yields every file of the site the build leaves: the articles' in
// slug order, then the listings', then the report.
func (b *build) made(yield func(string) bool) {
	for _, slug := range b.slugs {
		c, ok := b.next.Articles[slug]
		if !ok {
			continue
		}
		for _, f := range c.files(slug, b.cfg.SourceLang) {
			if !yield(f) {
				return
			}
		}
	}
	for _, f := range append(slices.Clone(b.next.Shared), "report.html") {
		if !yield(f) {
			return
		}
	}
}

// isMade reports whether the build leaves the file name.
func (b *build) isMade(name string) bool {
	if name == "report.html" {
		return true
	}
	if _, ok := slices.BinarySearch(b.next.Shared, name); ok {
		return true
	}
	slug, ok := site.PageSlug(name)
	if !ok {
		return false
	}
	if slug != b.filesOf.slug {
		c, ok := b.next.Articles[slug]
		if !ok {
			return false
		}
		b.filesOf.slug, b.filesOf.files = slug, c.files(slug, b.cfg.SourceLang)
	}
	return slices.Contains(b.filesOf.files, name)
}

// removeUnmade removes the files of mosty's (b.owned) the last build
// made that this one did not — pages no longer published, articles gone,
// listing pages no longer needed — and with Clean every other file of
// mosty's it did not make. The last build's articles are read again
// from its cache, a line at a time; a file it names that the output
// folder's manifest does not list is not mosty's there (the last build
// may have gone to another folder), and stays.
func (b *build) removeUnmade() (map[string]bool, error) {
	gone := map[string]bool{} // made by the last build, not by this one
	err := b.old.eachArticle(b.w.buildCachePath(), func(slug string, old *builtArticle) error {
		for _, f := range old.files(slug, b.cfg.SourceLang) {
			if !b.isMade(f) {
				gone[f] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, f := range b.old.Shared {
		if !b.isMade(f) {
			gone[f] = true
		}
	}
	removed := map[string]bool{}
	err = b.owned.each(func(name string) error {
		if (gone[name] || b.opts.Clean) && !removed[name] && !b.isMade(name) && removeOutput(b.out, name) {
			removed[name] = true
			b.rep.Removed = append(b.rep.Removed, name)
		}
		return nil
	})
	return removed, err
}

// summarize finds the summary of a version the feeds show, rendering its
// article again: only the few newest articles of each feed need it.
func (b *build) summarize(v *site.Version) (string, error) {
	art, _, err := b.o.buildArticle(v.Slug, b.cfg)
	if err != nil {
		return "", err
	}
	for _, av := range art.Versions {
		if av.Lang == v.Lang {
			return av.Summary, nil
		}
	}
	return "", nil
}

// report stages the editors' report, written one article at a time.
func (b *build) report(st *stager) error {
	targets := b.cfg.Targets
	articles := func(yield func(catalog.ArticleCoverage) bool) {
		for _, slug := range b.slugs {
			if !yield(b.next.Articles[slug].articleCoverage(slug, targets)) {
				return
			}
		}
	}
	return st.putStream("report.html", func(w io.Writer) error {
		return report.HTML(w, b.w.Config.SiteName, articles, targets)
	})
}

// rendered is one article the build decided and rendered: what it keeps
// of it, and what cannot be published as it is.
type rendered struct {
	record   *builtArticle
	problems []site.Problem
}

// renderArticles renders articles on all cores and stages their pages;
// results come back in the order of slugs. Only one article's pages are
// in memory per core.
func (o *op) renderArticles(slugs []string, cfg site.Config, st *stager) ([]rendered, error) {
	out := make([]rendered, len(slugs))
	errs := make([]error, len(slugs))
	var mu sync.Mutex
	failed := false
	par.Do(len(slugs), runtime.GOMAXPROCS(0), func(i int) {
		art, cov, err := o.buildArticle(slugs[i], cfg)
		if err != nil {
			errs[i] = err
			return
		}
		rec := recordOf(art, cov, o.stampsOf(slugs[i]), cfg.Targets)
		rec.compact()
		out[i] = rendered{record: rec, problems: art.Problems}
		mu.Lock()
		stop := failed || hasErrors(art.Problems)
		failed = stop
		mu.Unlock()
		if !stop { // once an article cannot be published, nothing will be written
			errs[i] = st.stage(art.Files)
		}
	})
	err := errors.Join(errs...)
	if errors.Is(err, site.ErrStale) {
		err = hint.Wrap(err, staleHint)
	}
	return out, err
}

func hasErrors(ps []site.Problem) bool {
	return slices.ContainsFunc(ps, func(p site.Problem) bool { return !p.Warning })
}

// stampsOf is an article's stamps as the op listed them.
func (o *op) stampsOf(slug string) articleStamps {
	s, _ := o.listing()
	return s.of(slug)
}

// recordOf is what the build keeps of a rendered article. Its strings are
// copies: a title cut from a page would keep the whole page in memory.
func recordOf(art *site.Article, cov catalog.ArticleCoverage, stamps articleStamps, targets []string) *builtArticle {
	b := &builtArticle{Stamps: stamps, Versions: slices.Clone(art.Versions)}
	slug, category := strings.Clone(art.Slug), strings.Clone(b.Versions[0].Category)
	for i := range b.Versions {
		v := &b.Versions[i]
		v.Slug, v.Category, v.Title, v.Summary = slug, category, strings.Clone(v.Title), ""
	}
	for _, lang := range targets {
		b.Coverage = append(b.Coverage, countsOf(cov.Coverage[lang]))
		for _, u := range cov.Stale[lang] {
			b.Stale = append(b.Stale, staleUnit{Lang: lang, ID: strings.Clone(u.ID), Source: strings.Clone(u.Source),
				PreviousSource: strings.Clone(u.PreviousSource), Translation: strings.Clone(u.Translation)})
		}
	}
	return b
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
		Targets: w.Config.TargetLanguages, Rules: rules, Layout: w.Config.Site, Templates: tmpl, Bundle: bundle, Assets: assets,
		TempDir: w.Path(".mosty", "tmp")}, nil
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

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
