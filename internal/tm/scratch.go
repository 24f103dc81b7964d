package tm

import (
	"bufio"
	"bytes"
	"container/heap"
	"io"
	"sort"
)

// A Scratch is a temporary file the caller hands IndexWriter: written in
// order, then read at offsets, and discarded by Close. Making an index
// of millions of entries keeps what grows with them in scratch files,
// not in memory.
type Scratch interface {
	io.Writer
	io.ReaderAt
	io.Closer
}

// MemScratch is a Scratch in memory, for an index small enough to make
// in RAM (and for tests).
func MemScratch() (Scratch, error) { return &memScratch{}, nil }

type memScratch struct{ bytes.Buffer }

func (m *memScratch) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(m.Len()) {
		return 0, io.EOF
	}
	n := copy(p, m.Bytes()[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m *memScratch) Close() error { m.Reset(); return nil }

// scratchFile is a scratch written through a buffer, with its length.
type scratchFile struct {
	f   Scratch
	w   *bufio.Writer
	len int64
}

func newScratchFile(make func() (Scratch, error)) (*scratchFile, error) {
	f, err := make()
	if err != nil {
		return nil, err
	}
	return &scratchFile{f: f, w: bufio.NewWriterSize(f, 64<<10)}, nil
}

// openScratch makes *f with make unless it is made.
func openScratch(f **scratchFile, make func() (Scratch, error)) error {
	if *f != nil {
		return nil
	}
	var err error
	*f, err = newScratchFile(make)
	return err
}

func (s *scratchFile) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.len += int64(n)
	return n, err
}

// reader reads length bytes from off, once the writes are flushed.
func (s *scratchFile) reader(off, length int64) *bufio.Reader {
	return bufio.NewReaderSize(io.NewSectionReader(s.f, off, length), 32<<10)
}

func (s *scratchFile) flush() error { return s.w.Flush() }

func (s *scratchFile) close() {
	if s != nil {
		s.f.Close()
	}
}

// sortRunBytes is how many bytes of records a sorter holds before it
// writes them, sorted, as a run to its scratch file; a variable so that
// tests can make runs of a few records.
var sortRunBytes = 4 << 20

// A sorter sorts fixed-size records by their bytes, holding at most
// sortRunBytes of them: more are written as sorted runs to a scratch
// file and merged as they are read back. Records are encoded big-endian,
// so that the order of their bytes is the order of their numbers.
type sorter struct {
	size    int
	buf     []byte
	scratch func() (Scratch, error)
	file    *scratchFile
	runs    []int64 // each run's end in file
}

func newSorter(size int, scratch func() (Scratch, error)) *sorter {
	return &sorter{size: size, scratch: scratch}
}

func (s *sorter) add(rec []byte) error {
	s.buf = append(s.buf, rec...)
	if len(s.buf) >= sortRunBytes {
		return s.spill()
	}
	return nil
}

// spill writes the records held as a sorted run.
func (s *sorter) spill() error {
	if err := openScratch(&s.file, s.scratch); err != nil {
		return err
	}
	sort.Sort(records{s.buf, s.size})
	if _, err := s.file.Write(s.buf); err != nil {
		return err
	}
	s.runs = append(s.runs, s.file.len)
	s.buf = s.buf[:0]
	return nil
}

// each calls f with every record in order; rec is only valid during
// the call.
func (s *sorter) each(f func(rec []byte) error) error {
	if s.file == nil {
		sort.Sort(records{s.buf, s.size})
		for i := 0; i < len(s.buf); i += s.size {
			if err := f(s.buf[i : i+s.size]); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if err := s.file.flush(); err != nil {
		return err
	}
	h := &runHeap{}
	start := int64(0)
	for _, end := range s.runs {
		c := &runCursor{r: s.file.reader(start, end-start), rec: make([]byte, s.size)}
		if ok, err := c.next(); err != nil {
			return err
		} else if ok {
			h.cursors = append(h.cursors, c)
		}
		start = end
	}
	heap.Init(h)
	for h.Len() > 0 {
		c := h.cursors[0]
		if err := f(c.rec); err != nil {
			return err
		}
		ok, err := c.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

func (s *sorter) close() { s.file.close() }

// records sorts fixed-size records in place.
type records struct {
	b    []byte
	size int
}

func (r records) Len() int { return len(r.b) / r.size }
func (r records) Less(i, j int) bool {
	return bytes.Compare(r.b[i*r.size:(i+1)*r.size], r.b[j*r.size:(j+1)*r.size]) < 0
}
func (r records) Swap(i, j int) {
	var tmp [32]byte
	a, b := r.b[i*r.size:(i+1)*r.size], r.b[j*r.size:(j+1)*r.size]
	copy(tmp[:], a)
	copy(a, b)
	copy(b, tmp[:r.size])
}

// A runCursor is the next record of a sorted run.
type runCursor struct {
	r   *bufio.Reader
	rec []byte
}

func (c *runCursor) next() (bool, error) {
	if _, err := io.ReadFull(c.r, c.rec); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return true, nil
}

// runHeap merges runs: the cursor with the least record first. Records
// are unique (they end in an entry's id), so ties never happen.
type runHeap struct{ cursors []*runCursor }

func (h *runHeap) Len() int           { return len(h.cursors) }
func (h *runHeap) Less(i, j int) bool { return bytes.Compare(h.cursors[i].rec, h.cursors[j].rec) < 0 }
func (h *runHeap) Swap(i, j int)      { h.cursors[i], h.cursors[j] = h.cursors[j], h.cursors[i] }
func (h *runHeap) Push(x any)         { h.cursors = append(h.cursors, x.(*runCursor)) }
func (h *runHeap) Pop() any {
	c := h.cursors[len(h.cursors)-1]
	h.cursors = h.cursors[:len(h.cursors)-1]
	return c
}
