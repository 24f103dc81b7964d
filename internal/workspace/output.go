package workspace

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// writeSite writes files whose bytes changed, removes the pages an
// article no longer has, and with clean every file the build did not
// make.
func (w *Workspace) writeSite(out string, files map[string][]byte, shared, keep map[string]bool, old *buildCache, clean bool, rep *BuildReport) error {
	names := slices.Sorted(maps.Keys(files))
	// Files the last build made may be on disk; compare before writing so
	// an unchanged page keeps its time. Others are new: no read.
	before := map[string]bool{}
	for _, c := range old.Articles {
		for _, f := range c.Files {
			before[f] = true
		}
	}
	dirs := newDirMaker()
	written := make([]bool, len(names))
	errs := make([]error, len(names))
	// File creation waits on the disk more than on the CPU: 8 at a time.
	parallel(len(names), 8, func(i int) {
		path := filepath.Join(out, filepath.FromSlash(names[i]))
		if before[names[i]] || shared[names[i]] {
			if have, err := os.ReadFile(path); err == nil && bytes.Equal(have, files[names[i]]) {
				return
			}
		}
		if errs[i] = dirs.make(filepath.Dir(path)); errs[i] == nil {
			errs[i] = w.writeOutput(path, files[names[i]])
		}
		written[i] = true
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, name := range names {
		if written[i] {
			rep.Written = append(rep.Written, name)
		} else {
			rep.Unchanged++
		}
	}
	made := func(name string) bool { _, ok := files[name]; return ok || keep[name] }
	for _, c := range old.Articles {
		for _, f := range c.Files {
			if !made(f) {
				if err := os.Remove(filepath.Join(out, filepath.FromSlash(f))); err == nil {
					rep.Removed = append(rep.Removed, f)
				}
			}
		}
	}
	if clean {
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			if name := filepath.ToSlash(rel); !made(name) && name != "report.html" {
				rep.Removed = append(rep.Removed, name)
				return os.Remove(p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	removeEmptyDirs(out)
	slices.Sort(rep.Removed)
	return nil
}

// writeOutput writes a file of the built site atomically — renamed over
// the old one, so a web server never serves half a page — from a
// temporary file in .mosty/tmp, so that a killed build leaves nothing in
// the output folder to deploy by mistake. It does not sync: the site can
// always be built again, and a sync per page would make a build of
// thousands of pages wait on the disk.
func (w *Workspace) writeOutput(path string, data []byte) error {
	return safefile.Write(path, data, safefile.Options{TempDir: w.Path(".mosty", "tmp")})
}

// dirMaker makes each output folder once, however many files go in it.
type dirMaker struct {
	mu   sync.Mutex
	made map[string]bool
}

func newDirMaker() *dirMaker { return &dirMaker{made: map[string]bool{}} }

func (d *dirMaker) make(dir string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.made[dir] = true
	return nil
}

func removeEmptyDirs(root string) {
	var dirs []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != root {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i]) // fails, harmlessly, on a folder with files
	}
}

func allExist(out string, files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			return false
		}
	}
	return true
}
