package workspace

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/tm"
)

// tmCache keeps each locale file's translated segments by the file's size
// and time, so the memory is built without reading unchanged files. Checks
// fingerprints what decides which translations pass the QA checks (the
// glossary, the checks made errors): when it changes, every file is read
// again. It is .mosty/tm-<lang>, a line per file and per entry (see
// writeTMCache); an earlier mosty kept it as JSON in tm-<lang>.json.
type tmCache struct {
	Checks string                 `json:"checks"`
	Files  map[string]tmCacheFile `json:"files"`
}

type tmCacheFile struct {
	Stamp   index.Stamp `json:"stamp"`
	Entries []tm.Entry  `json:"entries"`
}

const tmCacheHeader = "mosty-tm 1"

// readTMCache reads a memory cache; a damaged one is empty, so every file
// is read again.
func readTMCache(r io.Reader) tmCache {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	if !sc.Scan() || sc.Text() != tmCacheHeader || !sc.Scan() {
		return tmCache{}
	}
	c := tmCache{Checks: cacheUnescape(sc.Text()), Files: map[string]tmCacheFile{}}
	var file string // the file whose entries follow, in cur
	var cur tmCacheFile
	for sc.Scan() {
		kind, rest, _ := strings.Cut(sc.Text(), "\t")
		f := strings.Split(rest, "\t")
		switch {
		case kind == "F" && len(f) == 2:
			st, ok := index.ParseStamps(f[1])
			if !ok || len(st) != 1 {
				return tmCache{}
			}
			if file != "" {
				c.Files[file] = cur
			}
			file, cur = cacheUnescape(f[0]), tmCacheFile{Stamp: st[0]}
		case kind == "E" && len(f) == 3 && file != "":
			cur.Entries = append(cur.Entries, tm.Entry{Source: cacheUnescape(f[0]), Translation: cacheUnescape(f[1]), Origin: cacheUnescape(f[2])})
		default:
			return tmCache{}
		}
	}
	if sc.Err() != nil {
		return tmCache{}
	}
	if file != "" {
		c.Files[file] = cur
	}
	return c
}

// loadTMCache reads the cache at path, or the JSON one an earlier mosty
// left beside it (then legacy is set: it is to be written again); none,
// or one that is not a regular file, is empty.
func loadTMCache(path string) (c tmCache, legacy bool) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		f, err := os.Open(path)
		if err != nil {
			return tmCache{}, false
		}
		defer f.Close()
		return readTMCache(f), false
	}
	data, err := safefile.Read(path+".json", maxCacheFile)
	if err != nil {
		return tmCache{}, false
	}
	if json.Unmarshal(data, &c) != nil {
		c = tmCache{} // damaged: every file is read again
	}
	return c, true
}

// writeTMCache writes c as readTMCache reads it, the files in order.
func writeTMCache(b *bufio.Writer, c tmCache) {
	b.WriteString(tmCacheHeader + "\n" + cacheEscaper.Replace(c.Checks) + "\n")
	for _, rel := range sortedKeys(c.Files) {
		f := c.Files[rel]
		b.WriteString("F\t" + cacheEscaper.Replace(rel) + "\t" + index.FormatStamps([]index.Stamp{f.Stamp}) + "\n")
		for _, e := range f.Entries {
			b.WriteString("E\t" + cacheEscaper.Replace(e.Source) + "\t" + cacheEscaper.Replace(e.Translation) + "\t" + cacheEscaper.Replace(e.Origin) + "\n")
		}
	}
}

// buildMemory makes the translation memory of lang from every translated
// or reviewed segment of the files in stamps (not one a git merge left in
// two versions: catalog.Unit.Usable) that passes the QA checks
// without an error (a forbidden term, a missing placeholder: never
// memory), reading only the files that changed since the cache in .mosty/
// was written, and from the memories imported into memory/.
func (w *Workspace) buildMemory(lang string, stamps stampSet, checks *qa.Checker) (*tm.Memory, error) {
	path := w.Path(".mosty", "tm-"+lang)
	cache, legacy := loadTMCache(path)
	next := tmCache{Checks: w.checksFingerprint(), Files: map[string]tmCacheFile{}}
	if cache.Checks != next.Checks {
		cache.Files = nil
	}
	m := tm.New()
	read := 0 // files read, not taken from the cache
	for _, slug := range stamps.slugs() {
		rel := "locales/" + lang + "/" + slug + ".toml"
		st := stamps.locale(slug, lang)
		if st == index.Missing {
			continue
		}
		c, ok := cache.Files[rel]
		if !ok || c.Stamp != st {
			var err error
			if c, err = w.memoryOf(lang, slug, st, checks); err != nil {
				return nil, err
			}
			read++
		}
		next.Files[rel] = c
		for _, e := range c.Entries {
			m.Add(e)
		}
	}
	if err := w.addImported(m, lang, checks); err != nil {
		return nil, err
	}
	// Written again when enough changed to be worth it: rewriting the
	// memory of a large archive for the one article an import changed
	// costs more than reading that article's file next time.
	if legacy || cache.Checks != next.Checks || read > len(next.Files)/100 || len(next.Files) < len(cache.Files) {
		if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
			// A cache: losing it costs reading the files again; no sync.
			err := safefile.WriteFunc(path, safefile.Options{}, func(b *bufio.Writer) error {
				writeTMCache(b, next)
				return nil
			})
			if err == nil {
				os.Remove(path + ".json") // an earlier mosty's cache, if any
			}
		}
	}
	return m, nil
}

// memoryOf reads the done segments of one translators' file that pass
// the checks.
func (w *Workspace) memoryOf(lang, slug string, st index.Stamp, checks *qa.Checker) (tmCacheFile, error) {
	c := tmCacheFile{Stamp: st}
	f, _, err := w.LoadLocale(lang, slug)
	if err != nil || f == nil {
		return c, err
	}
	for _, u := range f.Active() {
		if u.Usable() && !qa.HasErrors(checks.Unit(slug, lang, u)) {
			c.Entries = append(c.Entries, tm.Entry{Source: u.Source, Translation: u.Translation, Origin: slug + "/" + u.ID})
		}
	}
	return c, nil
}

// prefill fills a translators' file from the memory of its language, as
// mosty.toml's [tm] says (see tm.Prefill).
func (o *op) prefill(f *catalog.File, lang string) error {
	if !o.w.Config.TM.Prefill {
		return nil
	}
	return tm.Prefill(f, o.w.Config.TM.MinMatch, func() (*tm.Memory, error) { return o.memory(lang) })
}

// Lookup shows the memory's best matches for a sentence in lang, a target
// language as TargetLanguage reads it.
func (w *Workspace) Lookup(lang, text string, min int) ([]tm.Match, error) {
	m, err := w.memoryFor(lang)
	if err != nil {
		return nil, err
	}
	return m.Lookup(text, min, 10), nil
}

// Search finds the memory entries of lang holding phrase in their Polish
// or their translation (concordance), up to limit.
func (w *Workspace) Search(lang, phrase string, limit int) ([]tm.Entry, error) {
	m, err := w.memoryFor(lang)
	if err != nil {
		return nil, err
	}
	return m.Search(phrase, limit), nil
}

// memoryFor is Memory for a language as a person names it (TargetLanguage).
func (w *Workspace) memoryFor(tag string) (*tm.Memory, error) {
	lang, err := w.TargetLanguage(tag)
	if err != nil {
		return nil, err
	}
	return w.Memory(lang)
}
