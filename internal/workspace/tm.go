package workspace

import (
	"encoding/json"
	"os"
	"path/filepath"

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
// again.
type tmCache struct {
	Checks string                 `json:"checks"`
	Files  map[string]tmCacheFile `json:"files"`
}

type tmCacheFile struct {
	Stamp   index.Stamp `json:"stamp"`
	Entries []tm.Entry  `json:"entries"`
}

// buildMemory makes the translation memory of lang from every translated
// or reviewed segment of the files in stamps (not one a git merge left in
// two versions: catalog.Unit.Usable) that passes the QA checks
// without an error (a forbidden term, a missing placeholder: never
// memory), reading only the files that changed since the cache in .mosty/
// was written, and from the memories imported into memory/.
func (w *Workspace) buildMemory(lang string, stamps stampSet, checks *qa.Checker) (*tm.Memory, error) {
	path := w.Path(".mosty", "tm-"+lang+".json")
	var cache tmCache
	if data, err := safefile.Read(path, maxCacheFile); err == nil {
		json.Unmarshal(data, &cache)
	}
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
	if cache.Checks != next.Checks || read > len(next.Files)/100 || len(next.Files) < len(cache.Files) {
		if data, err := json.Marshal(next); err == nil && os.MkdirAll(filepath.Dir(path), 0o755) == nil {
			safefile.Write(path, data, safefile.Options{}) // a cache: losing it costs reading the files again; no sync
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
