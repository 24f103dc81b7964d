package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/mosty-dev/mosty/internal/catalog"
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

// buildCache remembers, per article, the stamps of its inputs and what the
// build made of them, so a rebuild renders only what changed.
type buildCache struct {
	Global   string                    `json:"global"`
	Articles map[string]*cachedArticle `json:"articles"`
	Shared   []string                  `json:"shared"` // the files of no one article: indexes, feeds, sitemaps
}

type cachedArticle struct {
	Stamps   map[string]fileStamp    `json:"stamps"`
	Versions []site.Version          `json:"versions"`
	Files    []string                `json:"files"`
	Coverage catalog.ArticleCoverage `json:"coverage"` // for the editors' report
}

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
	tmpl, err := render.LoadTemplates(w.Path("templates"))
	if err != nil {
		return nil, err
	}
	bundle, err := locales.Bundle()
	if err != nil {
		return nil, err
	}
	cfg := site.Config{SiteName: w.Config.SiteName, BaseURL: baseURL(w.Config.BaseURL), SourceLang: w.Config.SourceLanguage,
		Targets: w.Config.TargetLanguages, Rules: rules, Layout: w.Config.Site, Templates: tmpl, Bundle: bundle}
	global, err := w.buildKey(rules, out)
	if err != nil {
		return nil, err
	}
	cache := w.loadBuildCache(global)
	stamps, err := w.stampAll()
	if err != nil {
		return nil, err
	}
	rep := &BuildReport{Out: out}
	files := map[string][]byte{}
	keep := map[string]bool{} // files of reused articles
	next := &buildCache{Global: global, Articles: map[string]*cachedArticle{}}
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
	built, err := w.buildArticles(todo, cfg)
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
	shared := map[string]bool{"report.html": true} // files of no one article
	err = site.Indexes(rep.Versions, cfg, func(name string, data []byte) error {
		files[name], shared[name] = data, true
		return nil
	})
	if err != nil {
		return nil, err
	}
	next.Shared = slices.Sorted(maps.Keys(shared))
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
	if err := w.writeSite(out, files, shared, keep, cache, opts.Clean, rep); err != nil {
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
func (w *Workspace) buildArticles(slugs []string, cfg site.Config) ([]builtArticle, error) {
	out := make([]builtArticle, len(slugs))
	errs := make([]error, len(slugs))
	parallel(len(slugs), runtime.GOMAXPROCS(0), func(i int) {
		out[i].art, out[i].coverage, errs[i] = w.buildArticle(slugs[i], cfg)
	})
	return out, errors.Join(errs...)
}

// buildArticle reads one article's source and locale files and lets the
// site package decide and render it.
func (w *Workspace) buildArticle(slug string, cfg site.Config) (*site.Article, catalog.ArticleCoverage, error) {
	var cov catalog.ArticleCoverage
	m, err := readMeta(w.metaPath(slug))
	if err != nil {
		return nil, cov, err
	}
	src, err := w.ReadSource(m)
	if err != nil {
		return nil, cov, err
	}
	a, err := w.Extract(src)
	if err != nil {
		return nil, cov, fmt.Errorf("%s: %w", w.Rel(w.Path("sources", m.File)), err)
	}
	a.Slug = slug
	pl, _, err := w.LoadLocale(w.Config.SourceLanguage, slug)
	if err != nil {
		return nil, cov, err
	}
	if pl == nil {
		return nil, cov, fmt.Errorf("%s is missing: run mosty sync", w.Rel(w.LocalePath(w.Config.SourceLanguage, slug)))
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

// writeSite writes files whose bytes changed, removes the pages an
// article no longer has, and with clean every file the build did not
// make.
func (w *Workspace) writeSite(out string, files map[string][]byte, shared, keep map[string]bool, old *buildCache, clean bool, rep *BuildReport) error {
	names := slices.Sorted(maps.Keys(files))
	// Files the last build made may be on disk; compare before writing so
	// an unchanged page keeps its time. Others are new: no read.
	before := map[string]bool{}
	for _, c := range old.Articles {
		for _, f := range c.Files {
			before[f] = true
		}
	}
	dirs := newDirMaker()
	written := make([]bool, len(names))
	errs := make([]error, len(names))
	// File creation waits on the disk more than on the CPU: 8 at a time.
	parallel(len(names), 8, func(i int) {
		path := filepath.Join(out, filepath.FromSlash(names[i]))
		if before[names[i]] || shared[names[i]] {
			if have, err := os.ReadFile(path); err == nil && bytes.Equal(have, files[names[i]]) {
				return
			}
		}
		if errs[i] = dirs.make(filepath.Dir(path)); errs[i] == nil {
			errs[i] = writeOutput(path, files[names[i]])
		}
		written[i] = true
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, name := range names {
		if written[i] {
			rep.Written = append(rep.Written, name)
		} else {
			rep.Unchanged++
		}
	}
	made := func(name string) bool { _, ok := files[name]; return ok || keep[name] }
	var stale []string
	for _, c := range old.Articles {
		stale = append(stale, c.Files...)
	}
	for _, f := range append(stale, old.Shared...) {
		if !made(f) {
			if err := os.Remove(filepath.Join(out, filepath.FromSlash(f))); err == nil {
				rep.Removed = append(rep.Removed, f)
			}
		}
	}
	if clean {
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			if name := filepath.ToSlash(rel); !made(name) && name != "report.html" {
				rep.Removed = append(rep.Removed, name)
				return os.Remove(p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	removeEmptyDirs(out)
	slices.Sort(rep.Removed)
	return nil
}

// writeOutput writes a file of the built site atomically — a temporary
// file in the same folder, renamed over the old one, so a web server never
// serves half a page — but without syncing it to disk: the site can always
// be built again from the workspace, and a sync per page would make a
// build of thousands of pages wait on the disk.
func writeOutput(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.%x.tmp", path, rand.Uint64())
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// dirMaker makes each output folder once, however many files go in it.
type dirMaker struct {
	mu   sync.Mutex
	made map[string]bool
}

func newDirMaker() *dirMaker { return &dirMaker{made: map[string]bool{}} }

func (d *dirMaker) make(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.made[dir] = true
	return nil
}

func removeEmptyDirs(root string) {
	var dirs []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i]) // fails, harmlessly, on a folder with files
	}
}

func allExist(out string, files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			return false
		}
	}
	return true
}

// buildKey fingerprints what every page depends on: the settings, the
// templates, the rules, mosty's extraction and the output folder.
func (w *Workspace) buildKey(rules site.Rules, out string) (string, error) {
	h := sha256.New()
	cfg, err := os.ReadFile(w.Path(ConfigFile))
	if err != nil {
		return "", err
	}
	h.Write(cfg)
	fmt.Fprintf(h, "%+v|%s|%s|%s", rules, w.extractorVersion(), render.Version, out)
	for _, name := range render.TemplateNames {
		if data, err := os.ReadFile(w.Path("templates", name)); err == nil {
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

func (w *Workspace) buildCachePath() string { return w.Path(".mosty", "build.json") }

func (w *Workspace) loadBuildCache(global string) *buildCache {
	c := &buildCache{Global: global, Articles: map[string]*cachedArticle{}}
	data, err := os.ReadFile(w.buildCachePath())
	if err != nil {
		return c
	}
	var stored buildCache
	if json.Unmarshal(data, &stored) == nil && stored.Articles != nil {
		if stored.Global != global {
			// Other settings or templates: every page is rendered again,
			// but what the last build wrote is still known, to remove
			// what is no longer published.
			for _, a := range stored.Articles {
				a.Stamps = nil
			}
		}
		c.Articles = stored.Articles
	}
	return c
}

func (w *Workspace) saveBuildCache(c *buildCache) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(w.buildCachePath()); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return writeFile(w.buildCachePath(), data)
}

// baseURL ends the site's address with exactly one slash.
func baseURL(u string) string {
	return strings.TrimRight(u, "/") + "/"
}
