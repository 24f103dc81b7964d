package workspace

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// writeSite writes files whose bytes changed and removes the pages an
// article no longer has, and the copies of files gone from static/ that
// the last build made (the build cache says it copied them, the folder's
// manifest that they are mosty's); with clean, also every other file
// owned (files the folder's manifest or the build cache prove mosty
// wrote) that the build did not make. Files of anyone else are never
// touched. The
// manifest is written first with every file the build may leave, then
// with what the folder holds of mosty's at the end.
func (w *Workspace) writeSite(out string, files map[string][]byte, keep, owned map[string]bool, old *buildCache, clean bool, rep *BuildReport) error {
	names := slices.Sorted(maps.Keys(files))
	made := func(name string) bool { _, ok := files[name]; return ok || keep[name] || name == "report.html" }
	mine := maps.Clone(owned)
	for _, name := range names {
		mine[name] = true
	}
	if err := w.writeManifest(out, mine); err != nil {
		return err
	}
	// Files a build made may be on disk; compare before writing so an
	// unchanged page keeps its time. Others are new: no read.
	dirs := newDirMaker()
	written := make([]bool, len(names))
	errs := make([]error, len(names))
	// File creation waits on the disk more than on the CPU: 8 at a time.
	parallel(len(names), 8, func(i int) {
		path := filepath.Join(out, filepath.FromSlash(names[i]))
		if owned[names[i]] || made(names[i]) {
			if have, err := safefile.Read(path, maxSiteFile); err == nil && bytes.Equal(have, files[names[i]]) {
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
	gone := map[string]bool{}
	for _, c := range old.Articles {
		for _, f := range c.Files {
			gone[f] = true
		}
	}
	for _, f := range old.Static {
		if owned[f] {
			gone[f] = true
		}
	}
	if clean {
		maps.Copy(gone, owned)
	}
	for _, f := range slices.Sorted(maps.Keys(gone)) {
		if !made(f) && removeOutput(out, f) {
			rep.Removed = append(rep.Removed, f)
			delete(mine, f)
		}
	}
	for f := range mine {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			delete(mine, f)
		}
	}
	return w.writeManifest(out, mine)
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

func allExist(out string, files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			return false
		}
	}
	return true
}
