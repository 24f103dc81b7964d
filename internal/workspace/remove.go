package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// RemovedDir is where retired articles' files are kept.
const RemovedDir = "removed"

// A Removal is an article retired: where its files went.
type Removal struct {
	Slug  string   `json:"slug"`
	Dir   string   `json:"dir"`   // relative to the workspace: removed/<slug>/
	Files []string `json:"files"` // as they were, relative to the workspace
}

// Remove retires an article: its original, its metadata and every
// translators' file move, keeping their paths, to removed/<slug>/ (or
// removed/<slug>-2/… when that is taken), from where copying them back
// restores the article with its translations. The metadata goes last: an
// interrupted removal leaves the article in place.
func (w *Workspace) Remove(slug string) (*Removal, error) {
	slugs, err := w.Select([]string{slug})
	if err != nil {
		return nil, err
	}
	slug = slugs[0]
	m, err := readMeta(w.metaPath(slug))
	if err != nil {
		return nil, err
	}
	files, err := w.articleFiles(slug, m)
	if err != nil {
		return nil, err
	}
	r := &Removal{Slug: slug, Dir: w.removalDir(slug)}
	for _, rel := range files {
		dst := w.Path(filepath.FromSlash(r.Dir), filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return r, err
		}
		if err := os.Rename(w.Path(filepath.FromSlash(rel)), dst); err != nil {
			return r, fmt.Errorf("moving %s to %s: %w", rel, r.Dir, err)
		}
		r.Files = append(r.Files, rel)
	}
	return r, nil
}

// articleFiles lists an article's files, relative and slash-separated:
// the translators' files, the original, then the metadata.
func (w *Workspace) articleFiles(slug string, m SourceMeta) ([]string, error) {
	var out []string
	for _, lang := range w.Languages() {
		rel := "locales/" + lang + "/" + slug + ".toml"
		if _, err := os.Stat(w.Path(filepath.FromSlash(rel))); err == nil {
			out = append(out, rel)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if m.File != "" {
		if _, err := os.Stat(w.Path("sources", m.File)); err == nil {
			out = append(out, "sources/"+m.File)
		}
	}
	return append(out, "sources/"+slug+metaSuffix), nil
}

// removalDir is a folder under removed/ not used yet.
func (w *Workspace) removalDir(slug string) string {
	dir := RemovedDir + "/" + slug
	for i := 2; ; i++ {
		if _, err := os.Stat(w.Path(filepath.FromSlash(dir))); errors.Is(err, fs.ErrNotExist) {
			return dir
		}
		dir = RemovedDir + "/" + slug + "-" + strconv.Itoa(i)
	}
}
