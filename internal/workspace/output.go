package workspace

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// The built site's files are written atomically — a temporary file in
// the same folder, renamed over the old one, so that a web server never
// serves half a page — but not synced to disk: the site can always be
// built again from the workspace, and a sync per page would make a build
// of thousands of pages wait on the disk. A file whose bytes are already
// right is not written, so it keeps its time.

// A stager writes the pages of a build beside the old ones under
// temporary names, and puts them all in place at the end, or none: a
// build that finds an article it cannot publish writes nothing.
type stager struct {
	out    string
	dryRun bool
	suffix string // of the temporary files: this build's
	dirs   *dirMaker

	mu        sync.Mutex
	written   []string // staged, relative to out
	unchanged int
}

func newStager(out string, dryRun bool) *stager {
	return &stager{out: out, dryRun: dryRun, suffix: fmt.Sprintf(".%x.tmp", rand.Uint64()), dirs: newDirMaker()}
}

// stage writes the files whose bytes differ from those in place.
func (s *stager) stage(files map[string][]byte) error {
	if s.dryRun {
		return nil
	}
	for name, data := range files {
		path := outPath(s.out, name)
		if same(path, data) {
			s.mu.Lock()
			s.unchanged++
			s.mu.Unlock()
			continue
		}
		if err := s.dirs.make(filepath.Dir(path)); err != nil {
			return err
		}
		if err := os.WriteFile(path+s.suffix, data, 0o644); err != nil {
			return err
		}
		s.mu.Lock()
		s.written = append(s.written, name)
		s.mu.Unlock()
	}
	return nil
}

// commit puts the staged files in place.
func (s *stager) commit() error {
	errs := make([]error, len(s.written))
	parallel(len(s.written), 8, func(i int) {
		path := outPath(s.out, s.written[i])
		errs[i] = os.Rename(path+s.suffix, path)
	})
	return errors.Join(errs...)
}

// discard removes the staged files.
func (s *stager) discard() {
	for _, name := range s.written {
		os.Remove(outPath(s.out, name) + s.suffix)
	}
	s.written = nil
}

func outPath(out, name string) string { return filepath.Join(out, filepath.FromSlash(name)) }

// same reports whether the file at path holds data, reading it a piece
// at a time: a sitemap can be tens of megabytes.
func same(path string, data []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || info.Size() != int64(len(data)) {
		return false
	}
	piece := make([]byte, min(len(data), 256<<10))
	for off := 0; off < len(data); {
		n, err := io.ReadFull(f, piece[:min(len(piece), len(data)-off)])
		if err != nil || !bytes.Equal(piece[:n], data[off:off+n]) {
			return false
		}
		off += n
	}
	return true
}

// writeIfChanged writes a file of the site when its bytes differ from
// those in place, and says whether it did.
func writeIfChanged(out, name string, data []byte) (bool, error) {
	path := outPath(out, name)
	if same(path, data) {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	return true, writeOutput(path, data)
}

// writeStreamIfChanged writes a file of the site that write produces a
// piece at a time, when its bytes differ from those in place.
func writeStreamIfChanged(out, name string, write func(io.Writer) error) (bool, error) {
	path := outPath(out, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	tmp := fmt.Sprintf("%s.%x.tmp", path, rand.Uint64())
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp) // fails, harmlessly, once renamed
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	if sameFiles(tmp, path) {
		return false, nil
	}
	return true, os.Rename(tmp, path)
}

// sameFiles reports whether two files hold the same bytes.
func sameFiles(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil || ia.Size() != ib.Size() {
		return false
	}
	fa, err1 := os.Open(a)
	fb, err2 := os.Open(b)
	if err1 != nil || err2 != nil {
		return false
	}
	defer fa.Close()
	defer fb.Close()
	ra, rb := bufio.NewReader(fa), bufio.NewReader(fb)
	pa, pb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(ra, pa)
		nb, errb := io.ReadFull(rb, pb)
		if na != nb || !bytes.Equal(pa[:na], pb[:nb]) {
			return false
		}
		if erra != nil || errb != nil {
			return erra == errb || (erra == io.ErrUnexpectedEOF && errb == io.ErrUnexpectedEOF)
		}
	}
}

// writeOutput writes a file of the site atomically, unsynced.
func writeOutput(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.%x.tmp", path, rand.Uint64())
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// removeOutput removes a file of the site, and the folders it leaves
// empty.
func removeOutput(out, name string) error {
	path := outPath(out, name)
	if err := os.Remove(path); err != nil {
		return err
	}
	for dir := filepath.Dir(path); dir != out && len(dir) > len(out); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty
		}
	}
	return nil
}

// removeStrays removes every file under out that made does not name.
func removeStrays(out string, made map[string]bool) ([]string, error) {
	var removed []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if name := filepath.ToSlash(rel); !made[name] {
			removed = append(removed, name)
			return os.Remove(p)
		}
		return nil
	})
	removeEmptyDirs(out)
	return removed, err
}

// missingPages lists the articles, among slugs, with a page missing from
// out, looked for a few at a time.
func missingPages(out string, slugs []string, files func(slug string) []string) []string {
	missing := make([]bool, len(slugs))
	parallel(len(slugs), 8, func(i int) { missing[i] = anyMissing(out, files(slugs[i])) })
	var outSlugs []string
	for i, m := range missing {
		if m {
			outSlugs = append(outSlugs, slugs[i])
		}
	}
	return outSlugs
}

func anyMissing(out string, names []string) bool {
	return slices.ContainsFunc(names, func(name string) bool {
		_, err := os.Stat(outPath(out, name))
		return err != nil
	})
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
