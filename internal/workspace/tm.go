package workspace

import (
	"encoding/json"
	"maps"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/tm"
)

// tmCache keeps each locale file's translated segments by the file's size
// and time, so the memory is built without reading unchanged files.
type tmCache struct {
	Files map[string]tmCacheFile `json:"files"`
}

type tmCacheFile struct {
	Stamp   fileStamp  `json:"stamp"`
	Entries []tm.Entry `json:"entries"`
}

// buildMemory makes the translation memory of lang from every translated
// or reviewed segment of the files in stamps, reading only the files that
// changed since the cache in .mosty/ was written.
func (w *Workspace) buildMemory(lang string, stamps stampSet) (*tm.Memory, error) {
	path := w.Path(".mosty", "tm-"+lang+".json")
	var cache tmCache
	if data, err := safefile.Read(path, maxCacheFile); err == nil {
		json.Unmarshal(data, &cache)
	}
	next := tmCache{Files: map[string]tmCacheFile{}}
	m := tm.New()
	for _, slug := range stamps.slugs() {
		rel := "locales/" + lang + "/" + slug + ".toml"
		st, ok := stamps.of(slug)[rel]
		if !ok {
			continue
		}
		c, ok := cache.Files[rel]
		if !ok || c.Stamp != st {
			var err error
			if c, err = w.memoryOf(lang, slug, st); err != nil {
				return nil, err
			}
		}
		next.Files[rel] = c
		for _, e := range c.Entries {
			m.Add(e)
		}
	}
	if !maps.EqualFunc(cache.Files, next.Files, func(a, b tmCacheFile) bool { return a.Stamp == b.Stamp }) {
		if data, err := json.Marshal(next); err == nil {
			writeFile(path, data) // a cache: losing it costs reading the files again
		}
	}
	return m, nil
}

// memoryOf reads the done segments of one translators' file.
func (w *Workspace) memoryOf(lang, slug string, st fileStamp) (tmCacheFile, error) {
	c := tmCacheFile{Stamp: st}
	f, _, err := w.LoadLocale(lang, slug)
	if err != nil || f == nil {
		return c, err
	}
	for _, u := range f.Active() {
		if u.Status.Done() && u.Translation != "" {
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
	lang, err := w.TargetLanguage(lang)
	if err != nil {
		return nil, err
	}
	m, err := w.newOp().memory(lang)
	if err != nil {
		return nil, err
	}
	return m.Lookup(text, min, 10), nil
}
