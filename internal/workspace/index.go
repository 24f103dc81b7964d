package workspace

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// index remembers, per article, the size and modification time of its
// files at the last sync, so that a sync of a large workspace looks only
// at articles whose files changed. It is a cache under .mosty/: deleting
// it costs one full sync, nothing else.
type index struct {
	Version  string                          `json:"version"`
	Hints    string                          `json:"hints,omitempty"` // the hints version of the files' hints
	Articles map[string]map[string]fileStamp `json:"articles"`
	changed  bool
}

type fileStamp struct {
	Size  int64 `json:"size"`
	MTime int64 `json:"mtime"`
}

func (w *Workspace) indexPath() string { return w.Path(".mosty", "index.json") }

// loadIndex reads the index; a missing or unreadable one, or one made
// with other rules or by a mosty that writes other hints, is empty: every
// article is looked at again. Hints alone only make sync write the
// translators' files again; the pipeline fingerprint in the Polish files
// decides whether an article is extracted again.
func (w *Workspace) loadIndex() *index {
	idx := &index{Version: w.pipelineFingerprint(), Hints: hintsFingerprint(), Articles: map[string]map[string]fileStamp{}}
	data, err := safefile.Read(w.indexPath(), maxCacheFile)
	if err != nil {
		return idx
	}
	var stored index
	if json.Unmarshal(data, &stored) != nil || stored.Version != idx.Version || stored.Hints != idx.Hints || stored.Articles == nil {
		idx.changed = true // record the new versions even if no article changes
		return idx
	}
	idx.Articles = stored.Articles
	return idx
}

func (w *Workspace) saveIndex(idx *index) error {
	if !idx.changed {
		return nil
	}
	data, err := json.Marshal(idx)
	if err != nil {
		return err
	}
	return writeFile(w.indexPath(), data)
}

func (idx *index) fresh(slug string, now map[string]fileStamp) bool {
	old, ok := idx.Articles[slug]
	return ok && maps.Equal(old, now)
}

func (idx *index) set(slug string, now map[string]fileStamp) {
	if !maps.Equal(idx.Articles[slug], now) {
		idx.Articles[slug] = now
		idx.changed = true
	}
}

// stampSet is the stamps of every article's files in sources/ and
// locales/<lang>/, by slug, then by path relative to the workspace; read
// with one directory listing per folder.
type stampSet map[string]map[string]fileStamp

func (w *Workspace) stampAll() (stampSet, error) {
	s := stampSet{}
	dirs := []string{"sources"}
	for _, l := range w.Languages() {
		dirs = append(dirs, "locales/"+l)
	}
	for _, d := range dirs {
		entries, err := os.ReadDir(w.Path(d))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			slug, ext, ok := strings.Cut(e.Name(), ".")
			if !ok || e.IsDir() || !articleFile(d, ext) {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue // removed meanwhile
			}
			if s[slug] == nil {
				s[slug] = map[string]fileStamp{}
			}
			s[slug][d+"/"+e.Name()] = fileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
		}
	}
	return s, nil
}

// articleFile reports whether a file in dir with extension ext is one of
// an article's: its original, its metadata or a locale file.
func articleFile(dir, ext string) bool {
	if dir == "sources" {
		return ext == "meta.toml" || ext == "html" || ext == "txt" || ext == "md"
	}
	return ext == "toml"
}

// slugs lists the articles, sorted: those with sources/<slug>.meta.toml,
// as Articles does.
func (s stampSet) slugs() []string {
	var out []string
	for slug, files := range s {
		if _, ok := files["sources/"+slug+metaSuffix]; ok {
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out
}

// stampArticle stamps one article's files, as stampAll would.
func (w *Workspace) stampArticle(slug, source string) map[string]fileStamp {
	out := map[string]fileStamp{}
	paths := []string{"sources/" + source, "sources/" + slug + metaSuffix}
	for _, l := range w.Languages() {
		paths = append(paths, "locales/"+l+"/"+slug+".toml")
	}
	for _, p := range paths {
		if info, err := os.Stat(w.Path(p)); err == nil {
			out[p] = fileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
		}
	}
	return out
}

// of returns the stamps of one article's files; a missing file has none.
func (s stampSet) of(slug string) map[string]fileStamp {
	return s[slug]
}
