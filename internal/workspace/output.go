package workspace

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"

	"github.com/mosty-dev/mosty/internal/par"
	"github.com/mosty-dev/mosty/internal/site"
)

// The built site's files are written atomically — renamed over the old
// ones, so that a web server never serves half a page — from temporary
// files in .mosty/tmp, so that a killed build leaves nothing in the output
// folder to deploy by mistake; they are not synced: the site can always be
// built again, and a sync per page would make a build of thousands of
// pages wait on the disk. A file whose bytes are already right is not
// written, so it keeps its time.

// A stager writes the files of a build under temporary names and puts
// them all in place at the end, or none: a build that finds an article it
// cannot publish writes nothing. The temporary names follow from the
// files' names, so only the names staged are kept.
type stager struct {
	out    string
	dryRun bool
	tmpDir string // "" when .mosty/tmp is on another file system than out: beside each file
	id     string // this build's, in every temporary name

	mu        sync.Mutex
	staged    *stageLog // the names staged, relative to out
	written   int       // how many
	unchanged int
}

func (w *Workspace) newStager(out string, dryRun bool) (*stager, error) {
	var id [6]byte
	_, _ = rand.Read(id[:])
	s := &stager{out: out, dryRun: dryRun, id: hex.EncodeToString(id[:])}
	if dryRun {
		return s, nil
	}
	tmp := w.Path(".mosty", "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	if sameFileSystem(tmp, out) {
		s.tmpDir = tmp
	}
	var err error
	s.staged, err = newStageLog(filepath.Join(tmp, "."+s.id+"-staged.mosty-"+s.id+".tmp"))
	return s, err
}

// tmpPath is where a file of the site is staged: a name safefile.Clean
// knows for mosty's, so the command after a killed build removes it.
func (s *stager) tmpPath(name string) string {
	if s.tmpDir == "" {
		path := outPath(s.out, name)
		return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".mosty-"+s.id+".tmp")
	}
	sum := sha256.Sum256([]byte(name))
	return filepath.Join(s.tmpDir, "."+hex.EncodeToString(sum[:8])+".mosty-"+s.id+".tmp")
}

// newTemp is where a file of the site is staged, its folder made: beside
// the file itself when .mosty/tmp is on another file system than the
// output, where the page's folder may not exist yet.
func (s *stager) newTemp(name string) (string, error) {
	tmp := s.tmpPath(name)
	if s.tmpDir == "" {
		if err := os.MkdirAll(filepath.Dir(tmp), 0o755); err != nil {
			return "", err
		}
	}
	return tmp, nil
}

// stage writes the files whose bytes differ from those in place.
func (s *stager) stage(files map[string][]byte) error {
	for name, data := range files {
		if err := s.put(name, data); err != nil {
			return err
		}
	}
	return nil
}

// put stages one file when its bytes differ from those in place.
func (s *stager) put(name string, data []byte) error {
	if s.dryRun {
		return nil
	}
	path := outPath(s.out, name)
	if same(path, data) {
		s.keptUnchanged()
		return nil
	}
	tmp, err := s.newTemp(name)
	if err != nil {
		return err
	}
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return s.record(name)
}

// keptUnchanged notes a file whose bytes were already right.
func (s *stager) keptUnchanged() {
	s.mu.Lock()
	s.unchanged++
	s.mu.Unlock()
}

// record notes a staged file.
func (s *stager) record(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.written++
	return s.staged.add(name)
}

// putStream stages a file that write produces a piece at a time.
func (s *stager) putStream(name string, write func(io.Writer) error) error {
	f, err := s.create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.abort()
		return err
	}
	return f.Close()
}

// create stages a file written a piece at a time: it is staged when
// closed, unless its bytes are those in place.
func (s *stager) create(name string) (*stagedFile, error) {
	if s.dryRun {
		return &stagedFile{s: s, name: name, bw: bufio.NewWriterSize(io.Discard, 4<<10)}, nil
	}
	tmp, err := s.newTemp(name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &stagedFile{s: s, name: name, tmp: tmp, f: f, bw: bufio.NewWriterSize(f, 64<<10)}, nil
}

// A stagedFile is a file of the site being staged (stager.create).
type stagedFile struct {
	s         *stager
	name, tmp string
	f         *os.File // nil in a dry run
	bw        *bufio.Writer
}

func (f *stagedFile) Write(p []byte) (int, error) { return f.bw.Write(p) }

// Close stages the file.
func (f *stagedFile) Close() error {
	if f.f == nil {
		return nil
	}
	err := f.bw.Flush()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.tmp)
		return err
	}
	s := f.s
	if sameFiles(f.tmp, outPath(s.out, f.name)) {
		os.Remove(f.tmp)
		s.keptUnchanged()
		return nil
	}
	return s.record(f.name)
}

// abort removes a file that could not be written whole.
func (f *stagedFile) abort() {
	if f.f != nil {
		f.f.Close()
		os.Remove(f.tmp)
	}
}

// siteOutput hands the files of the site's listings to the stager, and
// keeps their names.
type siteOutput struct {
	s    *stager
	made []string
}

func (o *siteOutput) Put(name string, data []byte) error {
	o.made = append(o.made, name)
	return o.s.put(name, data)
}

func (o *siteOutput) Create(name string) (io.WriteCloser, error) {
	o.made = append(o.made, name)
	f, err := o.s.create(name)
	if err != nil {
		return nil, err // not a nil *stagedFile in a WriteCloser
	}
	return f, nil
}

// commit puts the staged files in place, a batch at a time; a file it
// could not put in place stays staged, for discard.
func (s *stager) commit() error {
	if s.dryRun {
		return nil
	}
	err := s.staged.each(func(names []string) error {
		dirs := newDirMaker()
		errs := make([]error, len(names))
		par.Do(len(names), 8, func(i int) {
			path := outPath(s.out, names[i])
			if errs[i] = dirs.make(filepath.Dir(path)); errs[i] == nil {
				errs[i] = os.Rename(s.tmpPath(names[i]), path)
			}
		})
		return errors.Join(errs...)
	})
	if err == nil {
		s.staged.close()
	}
	return err
}

// discard removes the staged files not put in place.
func (s *stager) discard() {
	if s.dryRun {
		return
	}
	_ = s.staged.each(func(names []string) error {
		for _, name := range names {
			os.Remove(s.tmpPath(name))
		}
		return nil
	})
	s.staged.close()
}

// doneWriting says no build is writing any more (see startWriting).
func (w *Workspace) doneWriting() error {
	if err := os.Remove(w.buildingPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// sameFileSystem reports whether two folders are on one file system, so
// that a file renamed from one to the other moves without a copy.
func sameFileSystem(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return false
	}
	sa, ok1 := ia.Sys().(*syscall.Stat_t)
	sb, ok2 := ib.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && sa.Dev == sb.Dev
}

func outPath(out, name string) string { return filepath.Join(out, filepath.FromSlash(name)) }

// same reports whether the file at path holds data, reading it a piece
// at a time: a sitemap can be tens of megabytes.
func same(path string, data []byte) bool {
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false // never opened: a FIFO would hang (safefile.Read's rule)
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
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

// missingPages lists the articles, among slugs, whose folder in a
// language of langs they are published in is missing from out: one listing of
// each language's folder, not a look at every page (a page deleted by
// hand from a folder that is still there is made again by the next build
// that renders the article, or with --clean).
func missingPages(out string, slugs []string, langs map[string]bool, versions func(slug string) []site.Version) []string {
	dirs := map[string]map[string]bool{} // language → its folders
	var missing []string
	for _, slug := range slugs {
		for _, v := range versions(slug) {
			if !v.Published || !langs[v.Lang] {
				continue
			}
			if dirs[v.Lang] == nil {
				dirs[v.Lang] = listDirs(filepath.Join(out, v.Lang))
			}
			if !dirs[v.Lang][slug] {
				missing = append(missing, slug)
				break
			}
		}
	}
	return missing
}

// listDirs is the names of the folders in dir (those it could read).
func listDirs(dir string) map[string]bool {
	out := map[string]bool{}
	_ = eachEntry(dir, func(_ *os.File, e fs.DirEntry) {
		if e.IsDir() {
			out[e.Name()] = true
		}
	})
	return out
}

func anyMissing(out string, names []string) bool {
	return slices.ContainsFunc(names, func(name string) bool {
		_, err := os.Stat(outPath(out, name))
		return err != nil
	})
}

// A stageLog is the list of a build's staged files, kept on disk in
// .mosty/tmp (a name the cleaning after a crash knows): 500,000 names
// are not held in memory. Names end in a NUL, which no file name holds.
type stageLog struct {
	f *os.File
	w *bufio.Writer
}

func newStageLog(path string) (*stageLog, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &stageLog{f: f, w: bufio.NewWriter(f)}, nil
}

func (l *stageLog) add(name string) error {
	l.w.WriteString(name)
	return l.w.WriteByte(0)
}

// stageBatch is how many names each reads at a time.
const stageBatch = 4096

// each hands the names to fn in the order they were added, a batch at a
// time, every batch whatever fn returns, and returns fn's errors.
func (l *stageLog) each(fn func(names []string) error) error {
	if l.f == nil {
		return nil // closed
	}
	if err := l.w.Flush(); err != nil {
		return err
	}
	if _, err := l.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReader(l.f)
	batch := make([]string, 0, stageBatch)
	var errs []error
	for {
		name, err := r.ReadString(0)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if batch = append(batch, name[:len(name)-1]); len(batch) == stageBatch {
			errs = append(errs, fn(batch))
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		errs = append(errs, fn(batch))
	}
	return errors.Join(errs...)
}

// close removes the log; it may be called more than once.
func (l *stageLog) close() {
	if l.f != nil {
		l.f.Close()
		os.Remove(l.f.Name())
		l.f = nil
	}
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
