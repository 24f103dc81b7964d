// Package extsort sorts more records than a process should hold: it
// keeps a run of at most RunLen records in memory, sorts it and writes it
// to a temporary file, and merges the runs' files, FanIn at a time, with
// a heap (a k-way merge). Records that compare equal keep the order they
// were added in. Records that fit in one run never touch the disk.
//
// It must not hold more than one run, and one record per merged run, in
// memory; it writes only its own temporary files, named as
// safefile.Clean knows them (a killed process's are removed by the next
// command), and removes them when its Stream is closed.
package extsort

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"slices"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// A Codec writes records to runs and reads them back.
type Codec[T any] struct {
	Append func(b []byte, v T) []byte // appends v's encoding to b
	Decode func(b []byte) (T, error)  // the record encoded in b; it must not keep b
}

// Options bound the memory a sort holds.
type Options struct {
	RunLen int // records in memory at once (default 1<<14)
	FanIn  int // runs merged at once (default 64, at least 2)
}

func (o Options) withDefaults() Options {
	if o.RunLen < 1 {
		o.RunLen = 1 << 14
	}
	if o.FanIn < 2 {
		o.FanIn = 64
	}
	return o
}

// A Sorter takes records (Add) and gives them back sorted (Sort).
type Sorter[T any] struct {
	dir   string
	cmp   func(a, b T) int
	codec Codec[T]
	opts  Options
	buf   []T
	runs  []string // the runs' files, in the order they were written
	enc   []byte
}

// New returns a sorter by cmp whose runs go to temporary files in dir
// ("" for the system's).
func New[T any](dir string, cmp func(a, b T) int, codec Codec[T], opts Options) *Sorter[T] {
	if dir == "" {
		dir = os.TempDir()
	}
	return &Sorter[T]{dir: dir, cmp: cmp, codec: codec, opts: opts.withDefaults()}
}

// Add adds a record; a full run is sorted and written to disk.
func (s *Sorter[T]) Add(v T) error {
	s.buf = append(s.buf, v)
	if len(s.buf) < s.opts.RunLen {
		return nil
	}
	return s.spill()
}

// spill sorts the records in memory and writes them as a run.
func (s *Sorter[T]) spill() error {
	slices.SortStableFunc(s.buf, s.cmp)
	path, err := s.writeRun(func(yield func(T) bool) {
		for _, v := range s.buf {
			if !yield(v) {
				return
			}
		}
	})
	clear(s.buf)
	s.buf = s.buf[:0]
	if err != nil {
		return err
	}
	s.runs = append(s.runs, path)
	return nil
}

// writeRun writes records to a new run file and returns its path.
func (s *Sorter[T]) writeRun(records func(yield func(T) bool)) (string, error) {
	path := filepath.Join(s.dir, safefile.TempName("sort-run"))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	records(func(v T) bool {
		s.enc = s.codec.Append(s.enc[:0], v)
		err = writeRecord(w, s.enc)
		return err == nil
	})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}

// Sort ends the adding and returns the records in order. Records that
// compare equal come in the order they were added. The sorter is not
// used after; closing the stream removes its files.
func (s *Sorter[T]) Sort() (*Stream[T], error) {
	if len(s.runs) == 0 {
		slices.SortStableFunc(s.buf, s.cmp)
		st := &Stream[T]{mem: s.buf}
		s.buf = nil
		return st, nil
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			s.Discard()
			return nil, err
		}
	}
	s.buf = nil
	for len(s.runs) > s.opts.FanIn {
		if err := s.mergeLevel(); err != nil {
			s.Discard()
			return nil, err
		}
	}
	st, err := s.merge(s.runs)
	s.runs = nil
	return st, err
}

// mergeLevel merges the runs FanIn at a time, keeping their order: ties
// stay in the order they were added.
func (s *Sorter[T]) mergeLevel() error {
	var next []string
	for i := 0; i < len(s.runs); i += s.opts.FanIn {
		group := s.runs[i:min(i+s.opts.FanIn, len(s.runs))]
		st, err := s.merge(group)
		if err != nil {
			s.runs = append(next, s.runs[i+len(group):]...)
			return err
		}
		path, err := s.writeRun(st.All)
		if err == nil {
			err = st.Err()
		}
		st.Close()
		if err != nil {
			os.Remove(path)
			s.runs = append(next, s.runs[i+len(group):]...)
			return err
		}
		next = append(next, path)
	}
	s.runs = next
	return nil
}

// Discard removes the sorter's files without sorting.
func (s *Sorter[T]) Discard() {
	for _, p := range s.runs {
		os.Remove(p)
	}
	s.runs, s.buf = nil, nil
}

// errTooLong is a run whose record claims more bytes than a record has.
var errTooLong = errors.New("extsort: a record longer than any written")
