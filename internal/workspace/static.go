package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// staticFiles lists the files of the workspace's static/ folder, as slash
// paths from it: pictures and other files the site serves as they are
// (an imported article's /uploads/… images). The build copies them to the
// same paths in its output.
func (w *Workspace) staticFiles() ([]string, error) {
	root := w.Path("static")
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err == nil {
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return out, err
}

// addStatic puts the static files among the files a build writes.
func (w *Workspace) addStatic(names []string, files map[string][]byte) error {
	for _, name := range names {
		data, err := safefile.Read(w.Path("static", filepath.FromSlash(name)), maxSiteFile)
		if err != nil {
			return err
		}
		files[name] = data
	}
	return nil
}

// AddStaticFile puts a file into static/ under name (a slash path) unless
// one is there already, which is kept. The caller holds the lock.
func (w *Workspace) AddStaticFile(name string, data []byte) error {
	path := w.Path("static", filepath.FromSlash(name))
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	return writeFile(path, data)
}
