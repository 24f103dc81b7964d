package workspace

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/par"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/tm"
)

// The memory of a language is kept in .mosty/tm-<lang>.idx, an index
// (tm.WriteIndex) of the translated segments of every locale file of the
// language, by the file's stamp, with the checks fingerprint (what decides
// which translations pass the QA checks: the glossary, the checks made
// errors). A command reads of it only what its lookups need; the files
// changed since it was written are read and held in memory beside it
// (tm.Index.Layered). It is written again when more than 1/tmRewriteShare
// of the files changed, or the checks fingerprint did: an import costs the
// same in a small archive and a large one, the rewrite's cost spread over
// the imports before it. An earlier mosty kept the memory as lines in
// tm-<lang> (or JSON in tm-<lang>.json): read once to make the index, then
// removed.
//
// The index and the delta are caches, written by commands with or without
// the workspace lock (tm lookup, export, serve take none), each write
// whole or not at all (safefile: a temporary file renamed); a lock
// holder's cleaning after a crash removes only temporary files, so it can
// make such a write fail, never leave half of one: the memory is then
// made from the files and the next command writes the cache again.
var tmRewriteShare = 20 // a variable so tests can set it

func (w *Workspace) tmIndexPath(lang string) string { return w.Path(".mosty", "tm-"+lang+".idx") }

// A memoryFile is a locale file of the memory, by its article's slug.
type memoryFile struct {
	slug  string
	stamp string // st formatted
	st    index.Stamp
}

// buildMemory makes the translation memory of lang from every translated
// or reviewed segment of the files in stamps (not one a git merge left in
// two versions: catalog.Unit.Usable) that passes the QA checks
// without an error (a forbidden term, a missing placeholder: never
// memory), through the index in .mosty/, and from the memories imported
// into memory/ (held in memory: they are few).
func (w *Workspace) buildMemory(lang string, stamps stampSet, checks *qa.Checker) (*tm.Memory, error) {
	var files []memoryFile
	for _, slug := range stamps.slugs() {
		if st := stamps.locale(slug, lang); st != index.Missing {
			files = append(files, memoryFile{slug, index.FormatStamps([]index.Stamp{st}), st})
		}
	}
	imported, err := w.importedEntries(lang, checks)
	if err != nil {
		return nil, err
	}
	fingerprint := checksFingerprint(checks)
	x, closer := openTMIndex(w.tmIndexPath(lang))
	if x != nil && x.Checks() == fingerprint {
		if sources, ok := memorySources(x, files); ok {
			if err := w.readDelta(lang, sources, files, fingerprint, checks); err != nil {
				closer()
				return nil, err
			}
			sources = append(sources, tm.Source{Name: MemoryDir, Entries: imported})
			m, err := x.Layered(sources, func() (*tm.Memory, error) { return w.remakeMemory(lang, files, imported, checks) })
			if err == nil {
				return m, nil // it holds the index's file: Close
			}
		}
	}
	m, err := w.rewriteMemory(lang, files, imported, checks, x)
	if closer != nil {
		closer()
	}
	return m, err
}

// readDelta reads the entries of the sources the index does not hold as
// they are now, through .mosty/tm-<lang>.delta: the entries of those files
// by their stamps (the format of an earlier mosty's memory cache, see
// tmCache), written again when a file was read. Each file changed since
// the index was written is read once, not by every command until the
// index is written again.
func (w *Workspace) readDelta(lang string, sources []tm.Source, files []memoryFile, fingerprint string, checks *qa.Checker) error {
	path := w.Path(".mosty", "tm-"+lang+".delta")
	cache, _ := loadTMCache(path)
	next := tmCache{Checks: fingerprint, Files: map[string]tmCacheFile{}}
	read := false
	for i, s := range sources {
		if s.Indexed {
			continue
		}
		c, ok := cache.Files[s.Name]
		if !ok || c.Stamp != files[i].st || cache.Checks != fingerprint {
			entries, err := w.memoryOf(lang, s.Name, checks)
			if err != nil {
				return err
			}
			c, read = tmCacheFile{Stamp: files[i].st, Entries: entries}, true
		}
		sources[i].Entries = c.Entries
		next.Files[s.Name] = c
	}
	if read || len(next.Files) != len(cache.Files) {
		// A cache: losing it costs reading the files again; no sync.
		safefile.WriteFunc(path, safefile.Options{}, func(b *bufio.Writer) error {
			writeTMCache(b, next)
			return nil
		})
	}
	return nil
}

// memorySources lists files as sources of a memory layered on x: those x
// holds with the same stamp taken from it. ok is false when too many
// differ: the index is to be written again.
func memorySources(x *tm.Index, files []memoryFile) (sources []tm.Source, ok bool) {
	held := map[string]string{}
	for _, f := range x.Files() {
		held[f.Name] = f.Stamp
	}
	differ := 0
	for _, f := range files {
		st, in := held[f.slug]
		sources = append(sources, tm.Source{Name: f.slug, Indexed: in && st == f.stamp})
		if !in || st != f.stamp {
			differ++
		}
		delete(held, f.slug)
	}
	differ += len(held) // removed
	return sources, differ*tmRewriteShare <= max(len(files), len(x.Files()))
}

// openTMIndex opens the index at path; nil when there is none or it is
// damaged. close closes its file.
func openTMIndex(path string) (x *tm.Index, close func()) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	info, err := f.Stat()
	if err == nil && info.Mode().IsRegular() {
		if x, err = tm.OpenIndex(f, info.Size()); err == nil {
			return x, func() { f.Close() }
		}
	}
	f.Close()
	return nil, nil
}

// rewriteMemory writes lang's index again, each file's entries taken
// from the old index or an earlier mosty's cache when the file is as they
// recorded it, or read; and returns the memory layered on it.
func (w *Workspace) rewriteMemory(lang string, files []memoryFile, imported []tm.Entry, checks *qa.Checker, old *tm.Index) (*tm.Memory, error) {
	fingerprint := checksFingerprint(checks)
	var held []tm.IndexedFile // the old index's files, sorted by name
	if old != nil && old.Checks() == fingerprint {
		held = old.Files()
	}
	legacy := map[string]func() ([]tm.Entry, error){} // an earlier mosty's cache's entries by slug and stamp
	legacyPath := w.Path(".mosty", "tm-"+lang)
	if cache, _ := loadTMCache(legacyPath); cache.Checks == fingerprint {
		for rel, f := range cache.Files {
			slug := strings.TrimSuffix(strings.TrimPrefix(rel, "locales/"+lang+"/"), ".toml")
			entries := f.Entries
			legacy[slug+"\t"+index.FormatStamps([]index.Stamp{f.Stamp})] = func() ([]tm.Entry, error) { return entries, nil }
		}
	}
	entriesOf := func(f memoryFile) ([]tm.Entry, error) {
		if i, ok := slices.BinarySearchFunc(held, f.slug, func(h tm.IndexedFile, slug string) int { return strings.Compare(h.Name, slug) }); ok && held[i].Stamp == f.stamp {
			if entries, err := old.FileEntries(i); err == nil {
				return entries, nil
			}
		}
		if get, ok := legacy[f.slug+"\t"+f.stamp]; ok {
			return get()
		}
		return w.memoryOf(lang, f.slug, checks)
	}
	iw := tm.NewIndexWriter(fingerprint, w.tmScratch)
	defer iw.Close()
	if err := eachMemoryFile(files, entriesOf, func(f memoryFile, entries []tm.Entry) error {
		return iw.Add(f.slug, f.stamp, entries)
	}); err != nil {
		return nil, err
	}
	path := w.tmIndexPath(lang)
	// An index can be made again: losing it costs reading the files; no sync.
	err := safefile.WriteFunc(path, safefile.Options{}, func(b *bufio.Writer) error {
		_, err := iw.WriteTo(b)
		return err
	})
	if err == nil {
		os.Remove(legacyPath)
		os.Remove(legacyPath + ".json")
		os.Remove(w.Path(".mosty", "tm-"+lang+".delta")) // what it held is in the index
		if x, closer := openTMIndex(path); x != nil {
			sources := make([]tm.Source, len(files), len(files)+1)
			for i, f := range files {
				sources[i] = tm.Source{Name: f.slug, Indexed: true}
			}
			sources = append(sources, tm.Source{Name: MemoryDir, Entries: imported})
			if m, err := x.Layered(sources, func() (*tm.Memory, error) { return w.remakeMemory(lang, files, imported, checks) }); err == nil {
				return m, nil // it holds the index's file: Close
			}
			closer()
		}
	}
	// Not written (a read-only workspace): the memory is made whole.
	m := tm.New()
	if err := eachMemoryFile(files, entriesOf, func(_ memoryFile, entries []tm.Entry) error {
		for _, e := range entries {
			m.Add(e)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, e := range imported {
		m.Add(e)
	}
	return m, nil
}

// memoryBatch is how many files eachMemoryFile reads at once.
const memoryBatch = 256

// eachMemoryFile reads the entries of files on all cores, a batch at a
// time, and hands them to use in the order of files.
func eachMemoryFile(files []memoryFile, read func(memoryFile) ([]tm.Entry, error), use func(memoryFile, []tm.Entry) error) error {
	entries := make([][]tm.Entry, memoryBatch)
	errs := make([]error, memoryBatch)
	for start := 0; start < len(files); start += memoryBatch {
		batch := files[start:min(start+memoryBatch, len(files))]
		par.Do(len(batch), runtime.GOMAXPROCS(0), func(i int) { entries[i], errs[i] = read(batch[i]) })
		for i, f := range batch {
			if errs[i] != nil {
				return errs[i]
			}
			if err := use(f, entries[i]); err != nil {
				return err
			}
			entries[i] = nil
		}
	}
	return nil
}

// tmScratch makes a scratch file for the index writer in .mosty, removed
// as soon as it is open, so that nothing is left of it whatever happens
// to the command (and a name a lock holder's cleaning recognises for the
// instant between); where .mosty cannot be written, in memory.
func (w *Workspace) tmScratch() (tm.Scratch, error) {
	path := w.Path(".mosty", safefile.TempName("tm-scratch"))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return tm.MemScratch()
	}
	os.Remove(path)
	return f, nil
}

// remakeMemory makes lang's memory again from its files when its index
// turned out damaged while in use, and writes the index again.
func (w *Workspace) remakeMemory(lang string, files []memoryFile, imported []tm.Entry, checks *qa.Checker) (*tm.Memory, error) {
	os.Remove(w.tmIndexPath(lang))
	return w.rewriteMemory(lang, files, imported, checks, nil)
}

// memoryOf reads the done segments of one translators' file that pass
// the checks.
func (w *Workspace) memoryOf(lang, slug string, checks *qa.Checker) ([]tm.Entry, error) {
	f, _, err := w.LoadLocale(lang, slug)
	if err != nil || f == nil {
		return nil, err
	}
	var out []tm.Entry
	for _, u := range f.Active() {
		if u.Usable() && !qa.HasErrors(checks.Unit(slug, lang, u)) {
			out = append(out, tm.Entry{Source: u.Source, Translation: u.Translation, Origin: slug + "/" + u.ID})
		}
	}
	return out, nil
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
	defer m.Close()
	matches := m.Lookup(text, min, 10)
	return matches, memoryErr(lang, m)
}

// Search finds the memory entries of lang holding phrase in their Polish
// or their translation (concordance), up to limit.
func (w *Workspace) Search(lang, phrase string, limit int) ([]tm.Entry, error) {
	m, err := w.memoryFor(lang)
	if err != nil {
		return nil, err
	}
	defer m.Close()
	entries := m.Search(phrase, limit)
	return entries, memoryErr(lang, m)
}

// memoryErr is the error of a memory whose index turned out damaged while
// in use and could not be made again (tm.Memory.Err): its lookups found
// nothing, which is not to pass for "no match".
func memoryErr(lang string, m *tm.Memory) error {
	if err := m.Err(); err != nil {
		return fmt.Errorf("translation memory of %q: %w", lang, err)
	}
	return nil
}

// memoryFor is Memory for a language as a person names it (TargetLanguage).
func (w *Workspace) memoryFor(tag string) (*tm.Memory, error) {
	lang, err := w.TargetLanguage(tag)
	if err != nil {
		return nil, err
	}
	return w.Memory(lang)
}
