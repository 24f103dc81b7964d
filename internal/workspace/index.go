package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/index"
)

// articleIndex is the index in .mosty/index (see internal/index): what
// says which article a page is, for import to look up without reading
// every article's metadata, and the stamps of each article's files at its
// last sync, so that a sync of a large workspace looks only at articles
// whose files changed. It is a cache: deleting it costs reading every
// article's metadata once, and one full sync.
type articleIndex struct {
	*index.Index
	// version is the pipeline fingerprint and the hints version the
	// stamps were made under: with another, every article is to be synced
	// (and with another pipeline fingerprint, extracted again: the Polish
	// files say so).
	version string
	// sources is sources/ as the index last saw it: when the folder
	// changed since (another tool, a git pull), the index reads the
	// metadata that changed again.
	sources string
	saved   string // the token it was loaded or last saved with
}

func (w *Workspace) indexPath() string { return w.Path(".mosty", "index") }

// loadIndex reads the index and brings it up to date with sources/. A
// missing or damaged index is made again from the articles' files.
func (w *Workspace) loadIndex() (*articleIndex, error) {
	x, token, err := index.Load(w.indexPath(), maxCacheFile)
	if errors.Is(err, index.ErrInvalid) {
		x, token, err = index.New(), "", nil
	}
	if err != nil {
		return nil, err
	}
	ai := &articleIndex{Index: x, saved: token}
	ai.version, ai.sources, _ = strings.Cut(token, "\n")
	if v := w.pipelineFingerprint() + "/" + hintsFingerprint(); ai.version != v {
		for _, slug := range ai.Slugs() {
			e, _ := ai.Get(slug)
			e.Stamps = nil
			ai.Put(e)
		}
		ai.version = v
	}
	now, err := dirStamp(w.Path("sources"))
	if err != nil {
		return nil, err
	}
	if now != ai.sources {
		if err := w.refreshIndex(ai); err != nil {
			return nil, err
		}
		ai.sources = now
	}
	return ai, nil
}

// refreshIndex reads again the metadata of the articles whose metadata
// file is not as the index last saw it, and forgets the articles whose
// metadata is gone.
func (w *Workspace) refreshIndex(ai *articleIndex) error {
	seen := map[string]bool{}
	var todo []string
	err := eachFile(w.Path("sources"), func(name string, st index.Stamp) {
		slug, ok := slugOfMeta(name)
		if !ok {
			return
		}
		seen[slug] = true
		e, ok := ai.Get(slug)
		if !ok || e.Stamps == nil || e.Stamps[stampMeta] != st {
			todo = append(todo, slug)
		}
	})
	if err != nil {
		return err
	}
	for _, slug := range ai.Slugs() {
		if !seen[slug] {
			ai.Remove(slug)
		}
	}
	for _, slug := range todo {
		m, err := readMeta(w.metaPath(slug))
		if err != nil {
			return err
		}
		var h catalog.Header
		if f, _, err := w.LoadLocale(w.Config.SourceLanguage, slug); err == nil && f != nil {
			h = f.Header
		}
		old, _ := ai.Get(slug)
		ai.Put(indexEntry(m, h, old.ListDate, nil))
	}
	return nil
}

// indexEntry is what the index keeps of an article: m its metadata, h the
// header of its Polish file.
func indexEntry(m SourceMeta, h catalog.Header, listDate string, stamps articleStamps) index.Entry {
	return index.Entry{Slug: m.Slug, Origin: m.Origin, FinalURL: m.FinalURL, Canonical: m.Canonical, SHA256: m.SHA256,
		Title: h.Title, Date: h.Date, ListDate: listDate, Stamps: stamps}
}

// fresh reports whether an article's files are as its last sync left
// them.
func (ai *articleIndex) fresh(slug string, now articleStamps) bool {
	e, ok := ai.Get(slug)
	return ok && e.Stamps != nil && slices.Equal(e.Stamps, now)
}

// save writes the index when it or sources/ changed.
func (w *Workspace) saveIndex(ai *articleIndex) error {
	now, err := dirStamp(w.Path("sources"))
	if err != nil {
		return err
	}
	token := ai.version + "\n" + now
	if !ai.Changed() && token == ai.saved {
		return nil
	}
	if err := ai.Save(w.indexPath(), token); err != nil {
		return err
	}
	os.Remove(w.Path(".mosty", "index.json")) // an earlier mosty's index, if any
	ai.saved, ai.sources = token, now
	return nil
}

// dirStamp tells whether a folder's list of files changed: creating,
// removing or renaming a file in it changes its time.
func dirStamp(dir string) (string, error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "none", nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano()), nil
}
