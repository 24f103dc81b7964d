package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

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
		if safefile.IsTemp(d.Name()) {
			return nil // a killed mosty's, never published (cleanLeftovers removes it)
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

// AddStaticFile puts a file into static/ under name (a slash path) unless
// one is there already, which is kept. The caller holds the lock.
func (w *Workspace) AddStaticFile(name string, data []byte) error {
	path := w.Path("static", filepath.FromSlash(name))
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	return writeFile(path, data)
}

// copyStatic stages the static files whose bytes differ from the site's
// copies and counts them among the files the build makes (its Shared
// list), so that a file deleted from static/ is removed from the site as
// an unpublished page is.
func (b *build) copyStatic(st *stager) error {
	for _, name := range b.static {
		data, err := safefile.Read(b.w.Path("static", filepath.FromSlash(name)), maxSiteFile)
		if err != nil {
			return err
		}
		if err := st.put(name, data); err != nil {
			return err
		}
	}
	shared := append(slices.Clone(b.next.Shared), b.static...)
	slices.Sort(shared)
	b.next.Shared = slices.Compact(shared)
	return nil
}

// staticStale says whether a static file's copy in the site is missing or
// older than the file: then a build with no article changed still has
// something to write.
func (b *build) staticStale() bool {
	for _, name := range b.static {
		src, err := os.Stat(b.w.Path("static", filepath.FromSlash(name)))
		if err != nil {
			return true
		}
		dst, err := os.Stat(outPath(b.out, name))
		if err != nil || dst.Size() != src.Size() || src.ModTime().After(dst.ModTime()) {
			return true
		}
	}
	return false
}
