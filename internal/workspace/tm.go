package workspace

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/tm"
)

// Keys pre-filling adds to a translators' unit; they say where the text
// came from and how close the match was, so the translator can judge it.
const (
	keyMatch      = "tm_match"      // percentage of the match the translation was taken from
	keyOrigin     = "tm_origin"     // "slug/id" of that match
	keyNote       = "tm_note"       // what to check, such as numbers that differ
	keySuggestion = "tm_suggestion" // a close match's translation, offered, not filled in
	keySuggestMa  = "tm_suggestion_match"
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

// forgetMemories drops the memories and glossary read so far: an
// operation that may follow changes to the files starts with this.
func (w *Workspace) forgetMemories() {
	w.tmMu.Lock()
	w.memories, w.opStamps, w.glossary = nil, nil, nil
	w.tmMu.Unlock()
}

// Memory returns the translation memory of lang: every translated or
// reviewed segment of the workspace. It is built once per operation.
func (w *Workspace) Memory(lang string) (*tm.Memory, error) {
	w.tmMu.Lock()
	defer w.tmMu.Unlock()
	if m, ok := w.memories[lang]; ok {
		return m, nil
	}
	stamps := w.opStamps // what the operation listed already
	if stamps == nil {
		var err error
		if stamps, err = w.stampAll(); err != nil {
			return nil, err
		}
	}
	path := w.Path(".mosty", "tm-"+lang+".json")
	var cache tmCache
	if data, err := os.ReadFile(path); err == nil {
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
			f, _, err := w.LoadLocale(lang, slug)
			if err != nil {
				return nil, err
			}
			c = tmCacheFile{Stamp: st}
			for _, u := range f.Active() {
				if u.Status.Done() && u.Translation != "" {
					c.Entries = append(c.Entries, tm.Entry{Source: u.Source, Translation: u.Translation, Origin: slug + "/" + u.ID})
				}
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
	if w.memories == nil {
		w.memories = map[string]*tm.Memory{}
	}
	w.memories[lang] = m
	return m, nil
}

// prefill offers the memory's matches for the units of a translators'
// file that have nothing written yet. An exact match fills the
// translation with status fuzzy — never translated until a person
// confirms it — with its origin and match percentage, and a note when
// its numbers could not be carried over; a close match is offered in
// tm_suggestion.
func (w *Workspace) prefill(f *catalog.File, lang string) error {
	var todo []int
	for i, u := range f.Units {
		if !u.Obsolete && u.Status == catalog.New && u.Translation == "" && u.Extra[keySuggestion] == nil {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 || !w.Config.TM.Prefill {
		return nil
	}
	m, err := w.Memory(lang)
	if err != nil {
		return err
	}
	for _, i := range todo {
		u := &f.Units[i]
		matches := m.Lookup(u.Source, w.Config.TM.MinMatch, 1)
		if len(matches) == 0 {
			continue
		}
		best := matches[0]
		if u.Extra == nil {
			u.Extra = map[string]any{}
		}
		if best.Score == 100 {
			text, ok := tm.AdjustNumbers(best.Source, u.Source, best.Translation)
			u.Translation, u.Status = text, catalog.Fuzzy
			u.Extra[keyMatch], u.Extra[keyOrigin] = int64(best.Score), best.Origin
			if !ok {
				u.Extra[keyNote] = "numbers differ from the match: check them"
			}
			continue
		}
		u.Extra[keySuggestion], u.Extra[keySuggestMa], u.Extra[keyOrigin] = best.Translation, int64(best.Score), best.Origin
	}
	return nil
}

// Lookup shows the memory's best matches for a sentence.
func (w *Workspace) Lookup(lang, text string, min int) ([]tm.Match, error) {
	if !slices.Contains(w.Config.TargetLanguages, lang) {
		return nil, fmt.Errorf("%q is not a target language of this workspace (%s)", lang, strings.Join(w.Config.TargetLanguages, ", "))
	}
	w.forgetMemories()
	m, err := w.Memory(lang)
	if err != nil {
		return nil, err
	}
	return m.Lookup(text, min, 10), nil
}
