package web

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/internal/tm"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// store is the server's only way to the workspace: it reads the files
// afresh whenever their size, time or inode changed, and writes through
// the workspace's atomic, locked update. Its caches are keyed by those
// stamps, so an edit made outside the server is what the next read
// returns.
type store struct {
	dir string
	ws  *workspace.Workspace // settings only; operations open their own

	writeMu sync.Mutex // one writer in this process; the file lock keeps out others
	// lockWait is how long a save waits for another mosty process (a
	// sync, a merge) to release the workspace.
	lockWait time.Duration

	memMu      sync.Mutex // held while a memory is built
	mu         sync.Mutex
	files      *lru[cachedFile]         // parsed locale files by path, the last used
	articles   *lru[cachedArticle]      // extracted sources by slug, the last used
	summaries  map[string]cachedSummary // the start page's lines, by locale file ("ru/slug"); see summaries.go
	unsaved    int                      // lines kept since the summaries were saved
	savedWhole bool                     // they were saved with a line for every article
	memories   map[string]*cachedMemory // by language
	queues     map[string]*queue        // saves waiting, by "lang/slug"
	gloss      cachedGlossary
}

// How many parsed locale files and extracted articles the store keeps:
// those of the articles people have open, not the archive's.
const (
	keepFiles    = 512
	keepArticles = 64
)

// stamp identifies a file's version on disk without reading it: its
// size, time and inode (mosty writes a file by renaming a new one over
// it, so a save gives it a new inode even within one tick of the clock).
type stamp struct {
	size, mtime int64
	ino         uint64
}

// cachedFile is a parsed locale file and the bytes it was parsed from:
// a request reads the file again and parses it only when they differ.
type cachedFile struct {
	data []byte
	file *catalog.File // shared: never changed after it is cached
}

// cachedSummary is what the start page shows of one locale file, kept
// while the file's stamp is the same: a line for every article of the
// archive without reading its files again. For a translators' file it
// was made under the checks' key (workspace.ChecksKey); for the
// source's, head is its header.
type cachedSummary struct {
	st     stamp
	key    string
	noFile bool // a language with no translators' file yet: st is the source's
	sum    languageSummary
	head   articleHead
}

// articleHead is what the start page shows of an article's header.
type articleHead struct {
	title, date, category string
}

type cachedArticle struct {
	stamp stamp // of sources/<slug>.meta.toml
	src   stamp // of the locale file of the source language
	art   *article.Article
}

// A cachedMemory is a language's memory as last built, with the requests
// using it: one replaced is closed (its index file) once none does.
type cachedMemory struct {
	built    time.Time
	mem      *tm.Memory
	users    int  // under store.mu
	replaced bool // under store.mu
}

// memoryTTL is how long a language's translation memory is used before
// it is built again from the files (through the workspace's own cache).
const memoryTTL = 10 * time.Second

func openStore(dir string) (*store, error) {
	w, err := workspace.Open(dir)
	if err != nil {
		return nil, err
	}
	return &store{dir: dir, ws: w, lockWait: 5 * time.Second, files: newLRU[cachedFile](keepFiles),
		articles: newLRU[cachedArticle](keepArticles), summaries: loadSummaries(w.Path(".mosty", summariesName)),
		memories: map[string]*cachedMemory{}, queues: map[string]*queue{}}, nil
}

// settings are the workspace's languages and name.
func (s *store) sourceLang() string { return s.ws.Config.SourceLanguage }
func (s *store) targets() []string  { return s.ws.Config.TargetLanguages }
func (s *store) siteName() string   { return s.ws.Config.SiteName }
func (s *store) checkErrors() []string {
	return s.ws.Config.Check.Errors
}

func statStamp(path string) (stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	st := stamp{size: info.Size(), mtime: info.ModTime().UnixNano()}
	if sys, ok := info.Sys().(*syscall.Stat_t); ok {
		st.ino = sys.Ino
	}
	return st, nil
}

// slugs lists the articles (workspace.Articles).
func (s *store) slugs() ([]string, error) { return s.ws.Articles() }

// racyStamp is how recent a file's change may be for its stamp not to
// be trusted (see summary).
const racyStamp = 2 * time.Second

// mustLoad is load for a file that must be there: none is
// os.ErrNotExist.
func (s *store) mustLoad(lang, slug string) (*catalog.File, error) {
	f, err := s.load(lang, slug)
	if err == nil && f == nil {
		err = os.ErrNotExist
	}
	return f, err
}

// load returns a locale file as it is on disk now; nil when it does not
// exist. The file is shared with other requests: do not change it.
func (s *store) load(lang, slug string) (*catalog.File, error) {
	path := s.ws.LocalePath(lang, slug)
	data, err := safefile.Read(path, workspace.MaxLocaleFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	c, ok := s.files.get(path)
	s.mu.Unlock()
	if ok && bytes.Equal(c.data, data) {
		return c.file, nil
	}
	f, data, err := s.ws.LoadLocale(lang, slug)
	if err != nil || f == nil {
		return f, err
	}
	s.mu.Lock()
	s.files.put(path, cachedFile{data: data, file: f})
	s.mu.Unlock()
	return f, nil
}

// update changes one locale file under the workspace lock: it reads the
// file afresh, lets edit change it, and writes it atomically when its
// bytes changed. edit must leave the file as it was when it returns an
// error: then nothing of it is written.
//
// Saves to one file that arrive while it is being written wait and then
// go in together, each edit applied in turn to the file as the ones
// before it left it, with one write for all: clients saving at once share
// one write and one sync to disk instead of queueing for one each.
func (s *store) update(lang, slug string, edit func(*catalog.File) error) error {
	key := lang + "/" + slug
	done := make(chan error, 1)
	s.mu.Lock()
	q := s.queues[key]
	if q == nil {
		q = &queue{}
		s.queues[key] = q
	}
	q.edits = append(q.edits, pendingEdit{edit, done})
	lead := !q.running
	q.running = true
	s.mu.Unlock()
	if lead {
		s.flush(key, q, lang, slug)
	}
	return <-done
}

// queue is the saves waiting for one file.
type queue struct {
	edits   []pendingEdit
	running bool // a goroutine is writing the file and will take these too
}

type pendingEdit struct {
	edit func(*catalog.File) error
	done chan error
}

// flush writes batches of a file's waiting edits until none is left.
func (s *store) flush(key string, q *queue, lang, slug string) {
	for {
		s.mu.Lock()
		batch := q.edits
		q.edits = nil
		if len(batch) == 0 {
			q.running = false
			delete(s.queues, key)
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		errs, err := s.write(lang, slug, batch)
		for i, p := range batch {
			if err != nil {
				p.done <- err
			} else {
				p.done <- errs[i]
			}
		}
	}
}

// write applies a batch of edits to a file under the lock, in one
// atomic write; errs are each edit's own refusals, err a failure of all.
func (s *store) write(lang, slug string, batch []pendingEdit) (errs []error, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	errs = make([]error, len(batch))
	found := false
	err = s.ws.UpdateLocale(lang, slug, func(f *catalog.File) {
		found = true
		for i, p := range batch {
			errs[i] = p.edit(f)
		}
	})
	if err == nil && !found {
		err = errNoFile
	}
	return errs, err
}

// lock takes the workspace's write lock, waiting up to lockWait for
// another mosty process to finish.
func (s *store) lock() (func(), error) {
	deadline := time.Now().Add(s.lockWait)
	for {
		unlock, err := s.ws.Lock()
		if err == nil {
			return unlock, nil
		}
		if !errors.Is(err, workspace.ErrLocked) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// glossary reads glossary.toml, and gives the key of the checks made
// with it (workspace.ChecksKey).
func (s *store) glossary() (*glossary.Glossary, string, error) {
	path := s.ws.Path("glossary.toml")
	data, err := safefile.Read(path, workspace.MaxLocaleFile)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, "", err
	}
	s.mu.Lock()
	c := s.gloss
	s.mu.Unlock()
	if c.g != nil && bytes.Equal(c.data, data) {
		return c.g, c.key, nil
	}
	g, err := glossary.Load(path, s.sourceLang())
	if err != nil {
		return nil, "", err
	}
	c = cachedGlossary{data: data, g: g, key: s.ws.ChecksKey(data)}
	s.mu.Lock()
	s.gloss = c
	s.mu.Unlock()
	return g, c.key, nil
}

// cachedGlossary is glossary.toml as last read: the same *Glossary while
// its bytes stay the same, and the key of what was checked with it.
type cachedGlossary struct {
	data []byte
	g    *glossary.Glossary
	key  string
}

// summary returns the start page's line for the locale file lang/slug
// if one was kept for its stamp st, made under key ("" for the source's).
// A line is not kept for a file changed in the last racyStamp: another
// change within the same tick of the file system's clock, of the same
// size, would leave its stamp as it was (git's racy index).
func (s *store) summary(file string, st stamp, key string) (cachedSummary, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.summaries[file]
	return c, ok && c.st == st && c.key == key
}

// keepSummary keeps the start page's line for the locale file lang/slug.
func (s *store) keepSummary(file string, c cachedSummary) {
	if time.Since(time.Unix(0, c.st.mtime)) < racyStamp {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.summaries[file] = c
	s.unsaved++
}

// memory returns lang's translation memory, built again from the files
// (through the workspace's cache of them) when it is older than
// memoryTTL: a save shows up in the matches a few seconds later. The
// caller calls release when done with it.
func (s *store) memory(lang string) (m *tm.Memory, release func(), err error) {
	s.memMu.Lock() // one build at a time; the others wait for it
	defer s.memMu.Unlock()
	s.mu.Lock()
	c, ok := s.memories[lang]
	if ok && time.Since(c.built) < memoryTTL {
		c.users++
		s.mu.Unlock()
		return c.mem, s.releaser(c), nil
	}
	s.mu.Unlock()
	w, err := workspace.Open(s.dir) // a fresh operation: no memory kept from the last
	if err != nil {
		return nil, nil, err
	}
	if m, err = w.Memory(lang); err != nil {
		return nil, nil, err
	}
	c = &cachedMemory{built: time.Now(), mem: m, users: 1}
	s.mu.Lock()
	if old := s.memories[lang]; old != nil {
		old.replaced = true
		if old.users == 0 {
			old.mem.Close()
		}
	}
	s.memories[lang] = c
	s.mu.Unlock()
	return m, s.releaser(c), nil
}

// releaser is the release of one use of c.
func (s *store) releaser(c *cachedMemory) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if c.users--; c.users == 0 && c.replaced {
				c.mem.Close()
			}
		})
	}
}

// article extracts an article's original, for the markup behind its
// placeholders; kept while the source and its Polish locale file are
// unchanged.
func (s *store) article(slug string) (*article.Article, error) {
	meta, err := statStamp(s.ws.Path("sources", slug+".meta.toml"))
	if err != nil {
		return nil, err
	}
	src, err := statStamp(s.ws.LocalePath(s.sourceLang(), slug))
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	c, ok := s.articles.get(slug)
	s.mu.Unlock()
	if ok && c.stamp == meta && c.src == src {
		return c.art, nil
	}
	w, err := workspace.Open(s.dir)
	if err != nil {
		return nil, err
	}
	a, err := w.Article(slug)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.articles.put(slug, cachedArticle{stamp: meta, src: src, art: a})
	s.mu.Unlock()
	return a, nil
}

// preview renders an article's pages as mosty build would.
func (s *store) preview(slug string) (*site.Article, error) {
	w, err := workspace.Open(s.dir)
	if err != nil {
		return nil, err
	}
	return w.Preview(slug)
}

// rel is a path relative to the workspace, for messages.
func (s *store) rel(lang, slug string) string {
	return filepath.ToSlash(s.ws.Rel(s.ws.LocalePath(lang, slug)))
}
