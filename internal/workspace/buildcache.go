package workspace

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/site"
)

// builtArticle is what a build keeps of one article between builds: the
// stamps of its inputs, and what the listings, feeds, sitemaps and the
// editors' report need of it — a few fields per language, never its
// pages. Its files follow from its versions (site.Version.Files).
type builtArticle struct {
	Stamps   articleStamps
	Versions []site.Version // the source language first, then the targets; Summary is not kept
	Coverage []counts       // per target language, in the build's order
	Stale    []staleUnit    // fuzzy segments whose Polish changed after translation
	// rest is the cache line's fields after the stamps while they are not
	// read yet (see buildCache.parse): a build that finds nothing changed
	// compares stamps only.
	rest string
}

// counts are a translators' file's coverage: segments and words by
// status (new, fuzzy, translated, reviewed), then obsolete segments,
// segments in conflict, and the words of those marked done.
type counts [11]int32

var statuses = [4]catalog.Status{catalog.New, catalog.Fuzzy, catalog.Translated, catalog.Reviewed}

func countsOf(c catalog.Coverage) counts {
	var n counts
	for i, s := range statuses {
		n[i], n[4+i] = int32(c.Segments[s]), int32(c.Words[s])
	}
	n[8], n[9], n[10] = int32(c.Obsolete), int32(c.Conflicts), int32(c.ConflictedDone())
	return n
}

func (n counts) coverage() catalog.Coverage {
	c := catalog.Coverage{Segments: map[catalog.Status]int{}, Words: map[catalog.Status]int{}, Obsolete: int(n[8]), Conflicts: int(n[9])}
	for i, s := range statuses {
		if n[i] != 0 || n[4+i] != 0 { // as catalog counts: a status no segment has is not there
			c.Segments[s], c.Words[s] = int(n[i]), int(n[4+i])
		}
	}
	return c.WithConflictedDone(int(n[10]))
}

// A staleUnit is a segment the editors' report lists as stale.
type staleUnit struct {
	Lang, ID, Source, PreviousSource, Translation string
}

// files are the pages of the published versions of the article slug.
func (b *builtArticle) files(slug, sourceLang string) []string {
	var out []string
	vs := b.versions(slug)
	for i := range vs {
		out = append(out, vs[i].Files(sourceLang)...)
	}
	return out
}

// versions are the article's versions, read from its cache line when the
// build keeps it as a line (see compact).
func (b *builtArticle) versions(slug string) []site.Version {
	if b.rest == "" {
		return b.Versions
	}
	var read builtArticle
	read.parseRest(slug, b.rest) // the cache was checked whole (buildCache.parse), or the line written by compact
	return read.Versions
}

// compact keeps the article as its cache line's fields after the stamps,
// a third of the memory of its fields: a build holds every article's.
func (b *builtArticle) compact() {
	if b.rest == "" {
		b.rest = b.fields()
	}
	b.Versions, b.Coverage, b.Stale = nil, nil, nil
}

// articleCoverage is the article's coverage as the report takes it.
func (b *builtArticle) articleCoverage(slug string, targets []string) catalog.ArticleCoverage {
	if b.rest != "" {
		var read builtArticle
		read.parseRest(slug, b.rest)
		b = &read
	}
	a := catalog.ArticleCoverage{Slug: slug, Coverage: map[string]catalog.Coverage{}, Stale: map[string][]catalog.Unit{}}
	if len(b.Versions) > 0 {
		a.Title = b.Versions[0].Title
	}
	for i, lang := range targets {
		if i < len(b.Coverage) {
			a.Coverage[lang] = b.Coverage[i].coverage()
		}
	}
	for _, u := range b.Stale {
		a.Stale[u.Lang] = append(a.Stale[u.Lang], catalog.Unit{ID: u.ID, Source: u.Source, PreviousSource: u.PreviousSource,
			Translation: u.Translation, Status: catalog.Fuzzy})
	}
	return a
}

// buildCache is .mosty/build: the last build's fingerprint, the files of
// no one article it made (indexes, feeds, sitemaps), the stamps of the
// output's language folders it left, and its articles.
type buildCache struct {
	Global   string
	Shared   []string
	Dirs     map[string]index.Stamp // language → its folder in the output, when the build that left it was not racy (see dirStamps)
	Articles map[string]*builtArticle
	// read says Articles are the lines of the file at the path, which
	// eachArticle reads again after forget.
	read bool
}

// The cache's first line; version 1 had no line of folder stamps.
const (
	buildCacheHeader   = "mosty-build 2"
	buildCacheHeaderV1 = "mosty-build 1"
)

func (w *Workspace) buildCachePath() string { return w.Path(".mosty", "build") }

// loadBuildCache reads the last build's cache. A missing or unreadable
// one is empty; one made with other settings keeps what was written (to
// remove what is no longer published) but no article's stamps, so every
// page is rendered again.
func (w *Workspace) loadBuildCache(global string) *buildCache {
	c := w.readBuildCache()
	if c.Global != global {
		for _, b := range c.Articles {
			b.Stamps = nil
		}
		c.Global = global
	}
	return c
}

// readBuildCache reads .mosty/build as the last build left it, each
// article's stamps only (parse reads the rest); a missing or damaged one
// is empty. Besides the build, status reads it: the coverage of an
// article whose files did not change since.
func (w *Workspace) readBuildCache() *buildCache {
	empty := &buildCache{Articles: map[string]*builtArticle{}}
	if info, err := os.Stat(w.buildCachePath()); err != nil || !info.Mode().IsRegular() || info.Size() > maxCacheFile {
		return empty // none, or not a file mosty reads (safefile.Read's rule)
	}
	f, err := os.Open(w.buildCachePath())
	if err != nil {
		return empty
	}
	defer f.Close()
	return readBuildCacheFrom(f)
}

// readBuildCacheFrom reads a build cache as readBuildCache does.
func readBuildCacheFrom(r io.Reader) *buildCache {
	c := &buildCache{Articles: map[string]*builtArticle{}}
	err := scanBuildCache(r, c, func(slug string, b *builtArticle) error {
		c.Articles[slug] = b
		return nil
	})
	if err != nil {
		return &buildCache{Articles: map[string]*builtArticle{}}
	}
	c.read = true
	return c
}

// errBadCache is what scanBuildCache returns for a cache that is not as
// a build writes it.
var errBadCache = errors.New("damaged build cache")

// scanBuildCache reads a cache's first lines into c and calls each with
// every article's slug and stamps (the rest of its line unread).
func scanBuildCache(r io.Reader, c *buildCache, each func(slug string, b *builtArticle) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	if !sc.Scan() {
		return errBadCache
	}
	version := sc.Text()
	if version != buildCacheHeader && version != buildCacheHeaderV1 || !sc.Scan() {
		return errBadCache
	}
	c.Global = cacheUnescape(sc.Text())
	if version == buildCacheHeader {
		if !sc.Scan() {
			return errBadCache
		}
		var ok bool
		if c.Dirs, ok = parseDirs(sc.Text()); !ok {
			return errBadCache
		}
	}
	if !sc.Scan() {
		return errBadCache
	}
	c.Shared = splitField(sc.Text(), sepItem)
	for sc.Scan() {
		slug, b, ok := parseStamped(sc.Text())
		if !ok {
			return errBadCache
		}
		if err := each(slug, b); err != nil {
			return err
		}
	}
	return sc.Err()
}

// forget lets go of the articles' lines: a build keeps what it reuses
// in its own cache, and reads the others again (eachArticle) only to
// remove what they made.
func (c *buildCache) forget() { c.Articles = nil }

// eachArticle calls fn with every article of the cache, its line read
// whole again from the file at path (after forget, the lines are no
// longer held); a cache that was not read (none, or damaged) has none.
func (c *buildCache) eachArticle(path string, fn func(slug string, b *builtArticle) error) error {
	if !c.read {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	err = scanBuildCache(f, &buildCache{}, func(slug string, b *builtArticle) error {
		if b.rest != "" && !b.parseRest(slug, b.rest) {
			return errBadCache
		}
		b.rest = ""
		return fn(slug, b)
	})
	if err != nil {
		return hint.Wrap(fmt.Errorf("%s: %w", path, err), "build again: a build without its cache renders every article")
	}
	return nil
}

// parse reads the fields that readBuildCache left unread, of the
// articles keep says (all when keep is nil), and checks the others'
// without keeping them: a build keeps only what it reuses, and reads an
// old line again for the files it made (builtArticle.files). It reports
// whether every line was as a build writes them; a cache with one damaged
// line is not used.
func (c *buildCache) parse(keep func(slug string) bool) bool {
	for slug, b := range c.Articles {
		if b.rest == "" {
			continue
		}
		if keep != nil && !keep(slug) {
			var check builtArticle
			if !check.parseRest(slug, b.rest) {
				return false
			}
			continue
		}
		if !b.parseRest(slug, b.rest) {
			return false
		}
		b.rest = ""
	}
	return true
}

// parseDirs reads "lang:size:mtime" items.
func parseDirs(s string) (map[string]index.Stamp, bool) {
	dirs := map[string]index.Stamp{}
	for _, item := range splitField(s, sepItem) {
		lang, st, _ := strings.Cut(item, ":")
		stamps, ok := index.ParseStamps(st)
		if !ok || len(stamps) != 1 || lang == "" {
			return nil, false
		}
		dirs[lang] = stamps[0]
	}
	return dirs, true
}

func formatDirs(dirs map[string]index.Stamp) string {
	var items []string
	for _, lang := range sortedKeys(dirs) {
		items = append(items, cacheEscaper.Replace(lang+":"+index.FormatStamps([]index.Stamp{dirs[lang]})))
	}
	return strings.Join(items, sepItem)
}

// Separators inside a line: between the items of a list, and between an
// item's fields. Escaped where they occur in text.
const (
	sepItem  = "\x1e"
	sepField = "\x1f"
)

var (
	cacheEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`, sepItem, `\i`, sepField, `\f`)
	cacheUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r", `\i`, sepItem, `\f`, sepField)
)

// cacheUnescape undoes cacheEscaper; most fields hold no escape, and are
// returned as they are without the replacer's copies.
func cacheUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return cacheUnescaper.Replace(s)
}

func splitField(s, sep string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, sep)
	for i := range parts {
		parts[i] = cacheUnescape(parts[i])
	}
	return parts
}

// A line is slug, stamps, date, category, versions, coverage and stale
// segments, tab-separated.
func (b *builtArticle) line(slug string) string {
	rest := b.rest // read from the cache, or compact: as it was
	if rest == "" {
		rest = b.fields()
	}
	return cacheEscaper.Replace(slug) + "\t" + index.FormatStamps(b.Stamps) + "\t" + rest
}

// fields are a line's fields after the stamps.
func (b *builtArticle) fields() string {
	var s strings.Builder
	var date, category string
	if len(b.Versions) > 0 {
		category = b.Versions[0].Category
		if d := b.Versions[0].Date; !d.IsZero() {
			date = d.Format(time.DateOnly)
		}
	}
	s.WriteString(date + "\t" + cacheEscaper.Replace(category) + "\t")
	for i, v := range b.Versions {
		if i > 0 {
			s.WriteString(sepItem)
		}
		pub := "0"
		if v.Published {
			pub = "1"
		}
		s.WriteString(strings.Join([]string{v.Lang, pub, strconv.FormatFloat(v.Coverage, 'g', -1, 64),
			strconv.Itoa(v.Fallbacks), strconv.Itoa(v.Previous), cacheEscaper.Replace(v.Title)}, sepField))
	}
	s.WriteByte('\t')
	for i, c := range b.Coverage {
		if i > 0 {
			s.WriteString(sepItem)
		}
		for k, n := range c {
			if k > 0 {
				s.WriteString(sepField)
			}
			s.WriteString(strconv.Itoa(int(n)))
		}
	}
	s.WriteByte('\t')
	if len(b.Stale) > 0 {
		stale, _ := json.Marshal(b.Stale) // strings only: it always encodes
		s.WriteString(cacheEscaper.Replace(string(stale)))
	}
	return s.String()
}

// parseStamped reads a line's slug and stamps, and keeps the rest for
// parseRest.
func parseStamped(line string) (string, *builtArticle, bool) {
	slug, line, ok1 := strings.Cut(line, "\t")
	stamps, rest, ok2 := strings.Cut(line, "\t")
	st, ok3 := index.ParseStamps(stamps)
	if !ok1 || !ok2 || !ok3 || rest == "" {
		return "", nil, false
	}
	return cacheUnescape(slug), &builtArticle{Stamps: st, rest: rest}, true
}

// parseRest reads a line's fields after the stamps: date, category,
// versions, coverage and stale segments.
func (b *builtArticle) parseRest(slug, rest string) bool {
	f := strings.Split(rest, "\t")
	if len(f) != 5 {
		return false
	}
	b.Versions, b.Coverage, b.Stale = nil, nil, nil
	var date time.Time
	if f[0] != "" {
		var err error
		if date, err = time.Parse(time.DateOnly, f[0]); err != nil {
			return false
		}
	}
	category := cacheUnescape(f[1])
	for _, item := range strings.Split(f[2], sepItem) {
		v := strings.Split(item, sepField)
		if len(v) != 6 {
			return false
		}
		cov, err1 := strconv.ParseFloat(v[2], 64)
		fb, err2 := strconv.Atoi(v[3])
		prev, err3 := strconv.Atoi(v[4])
		if err1 != nil || err2 != nil || err3 != nil {
			return false
		}
		b.Versions = append(b.Versions, site.Version{Slug: slug, Lang: v[0], Published: v[1] == "1", Coverage: cov,
			Fallbacks: fb, Previous: prev, Title: cacheUnescape(v[5]), Category: category, Date: date})
	}
	for _, item := range splitField(f[3], sepItem) {
		var c counts
		for k, n := range strings.Split(item, sepField) {
			v, err := strconv.Atoi(n)
			if err != nil || k >= len(c) {
				return false
			}
			c[k] = int32(v)
		}
		b.Coverage = append(b.Coverage, c)
	}
	if f[4] != "" && json.Unmarshal([]byte(cacheUnescape(f[4])), &b.Stale) != nil {
		return false
	}
	return true
}

// saveBuildCache writes the cache a line at a time, atomically; a cache
// needs no sync to disk.
func (w *Workspace) saveBuildCache(c *buildCache) error {
	os.Remove(w.Path(".mosty", "build.json")) // an earlier mosty's cache, if any
	return safefile.WriteFunc(w.buildCachePath(), safefile.Options{}, func(b *bufio.Writer) error {
		c.write(b)
		return nil
	})
}

// write writes the cache as readBuildCache reads it.
func (c *buildCache) write(b *bufio.Writer) {
	b.WriteString(buildCacheHeader + "\n" + cacheEscaper.Replace(c.Global) + "\n" + formatDirs(c.Dirs) + "\n")
	for i, s := range c.Shared {
		if i > 0 {
			b.WriteString(sepItem)
		}
		b.WriteString(cacheEscaper.Replace(s))
	}
	b.WriteByte('\n')
	for _, slug := range sortedKeys(c.Articles) {
		b.WriteString(c.Articles[slug].line(slug))
		b.WriteByte('\n')
	}
}
