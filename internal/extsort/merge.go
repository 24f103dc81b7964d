package extsort

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxRecord is the longest record a run may hold: a length beyond it is
// a damaged run, not an allocation to make.
const maxRecord = 16 << 20

// writeRecord writes one record: its length (uvarint), then its bytes.
func writeRecord(w *bufio.Writer, rec []byte) error {
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(rec)))]); err != nil {
		return err
	}
	_, err := w.Write(rec)
	return err
}

// readRecord reads one record into buf's storage; io.EOF at the end of
// the run, io.ErrUnexpectedEOF for a record cut short.
func readRecord(r *bufio.Reader, buf []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err // io.EOF before a record; ErrUnexpectedEOF or overflow within its length
	}
	if n > maxRecord {
		return nil, errTooLong
	}
	if uint64(cap(buf)) >= n {
		buf = buf[:n]
	} else {
		buf = make([]byte, n)
	}
	if _, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf, nil
}

// A Stream gives the sorted records, one at a time.
type Stream[T any] struct {
	mem   []T // the records, when they fit in one run
	at    int // the next of mem
	h     mergeHeap[T]
	all   []*run[T] // every run, those at their end too (Rewind)
	files []*os.File
	paths []string
	err   error
}

// Next returns the next record, or false at the end or on an error
// (Err).
func (st *Stream[T]) Next() (T, bool) {
	var zero T
	if st.err != nil {
		return zero, false
	}
	if st.h.cmp == nil {
		if st.at == len(st.mem) {
			return zero, false
		}
		st.at++
		return st.mem[st.at-1], true
	}
	if len(st.h.runs) == 0 {
		return zero, false
	}
	top := st.h.runs[0]
	v := top.head
	if err := top.advance(); errors.Is(err, io.EOF) {
		heap.Pop(&st.h)
	} else if err != nil {
		st.err = err
		return zero, false
	} else {
		heap.Fix(&st.h, 0)
	}
	return v, true
}

// All yields the records Next returns.
func (st *Stream[T]) All(yield func(T) bool) {
	for {
		v, ok := st.Next()
		if !ok || !yield(v) {
			return
		}
	}
}

// Rewind starts the stream again from its first record: a stream can be
// read more than once.
func (st *Stream[T]) Rewind() error {
	st.at, st.err = 0, nil
	if st.h.cmp == nil {
		return nil
	}
	st.h.runs = st.h.runs[:0]
	for i, f := range st.files {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			st.err = err
			return err
		}
		st.all[i].r.Reset(f)
		if err := st.all[i].advance(); errors.Is(err, io.EOF) {
			continue
		} else if err != nil {
			st.err = err
			return err
		}
		st.h.runs = append(st.h.runs, st.all[i])
	}
	heap.Init(&st.h)
	return nil
}

// Err is the error that ended the stream early, if any.
func (st *Stream[T]) Err() error { return st.err }

// Close closes and removes the stream's files.
func (st *Stream[T]) Close() error {
	var errs []error
	for _, f := range st.files {
		errs = append(errs, f.Close())
	}
	for _, p := range st.paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	st.files, st.paths, st.mem, st.h.runs, st.all = nil, nil, nil, nil, nil
	return errors.Join(errs...)
}

// merge opens runs' files and merges them; the stream owns them.
func (s *Sorter[T]) merge(paths []string) (*Stream[T], error) {
	st := &Stream[T]{paths: paths, h: mergeHeap[T]{cmp: s.cmp}}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			st.Close()
			return nil, err
		}
		st.files = append(st.files, f)
		r := &run[T]{order: i, r: bufio.NewReaderSize(f, 16<<10), decode: s.codec.Decode, path: p}
		st.all = append(st.all, r)
		if err := r.advance(); errors.Is(err, io.EOF) {
			continue
		} else if err != nil {
			st.Close()
			return nil, err
		}
		st.h.runs = append(st.h.runs, r)
	}
	heap.Init(&st.h)
	return st, nil
}

// A run is one sorted file being merged, and its next record.
type run[T any] struct {
	order  int // its place among the runs: ties go to the earlier
	r      *bufio.Reader
	decode func([]byte) (T, error)
	path   string
	buf    []byte
	head   T
}

// advance reads the run's next record into head; io.EOF at its end.
func (r *run[T]) advance() error {
	b, err := readRecord(r.r, r.buf)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return err
		}
		return fmt.Errorf("%s: %w", r.path, err)
	}
	r.buf = b
	if r.head, err = r.decode(b); err != nil {
		return fmt.Errorf("%s: %w", r.path, err)
	}
	return nil
}

// mergeHeap orders runs by their next record, ties by their order.
type mergeHeap[T any] struct {
	cmp  func(a, b T) int
	runs []*run[T]
}

func (h *mergeHeap[T]) Len() int { return len(h.runs) }
func (h *mergeHeap[T]) Less(i, j int) bool {
	if c := h.cmp(h.runs[i].head, h.runs[j].head); c != 0 {
		return c < 0
	}
	return h.runs[i].order < h.runs[j].order
}
func (h *mergeHeap[T]) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *mergeHeap[T]) Push(x any)    { h.runs = append(h.runs, x.(*run[T])) }
func (h *mergeHeap[T]) Pop() any {
	last := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return last
}
