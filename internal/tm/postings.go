package tm

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"hash/crc32"
	"io"
	"maps"
	"slices"
)

// postingRunIDs is how many entry ids a postings builder holds before it
// writes them as a run to its scratch file; a variable so that tests can
// make runs of a few ids.
var postingRunIDs = 2 << 20

// A postingsBuilder collects the trigram postings of an index: the ids
// of the entries holding each trigram, ascending. Ids come in ascending
// order; past postingRunIDs held, the postings are written as a run
// (trigrams sorted, each with its ids) and the runs are merged at the
// end, a trigram's ids taken from each run in order.
type postingsBuilder struct {
	cur     map[gram][]int32
	held    int
	scratch func() (Scratch, error)
	file    *scratchFile
	runs    []int64 // each run's end in file
}

func newPostingsBuilder(scratch func() (Scratch, error)) *postingsBuilder {
	return &postingsBuilder{cur: map[gram][]int32{}, scratch: scratch}
}

func (p *postingsBuilder) add(grams []gram, id int32) error {
	for _, g := range grams {
		p.cur[g] = append(p.cur[g], id)
	}
	p.held += len(grams)
	if p.held >= postingRunIDs {
		return p.spill()
	}
	return nil
}

// spill writes the postings held as a run: per trigram, in order, the
// trigram (8 bytes), the number of ids (uvarint) and the ids, each the
// difference from the one before (uvarint).
func (p *postingsBuilder) spill() error {
	if err := openScratch(&p.file, p.scratch); err != nil {
		return err
	}
	var b []byte
	for _, g := range slices.Sorted(maps.Keys(p.cur)) {
		ids := p.cur[g]
		b = binary.LittleEndian.AppendUint64(b[:0], uint64(g))
		b = binary.AppendUvarint(b, uint64(len(ids)))
		last := int32(0)
		for _, id := range ids {
			b = binary.AppendUvarint(b, uint64(id-last))
			last = id
		}
		if _, err := p.file.Write(b); err != nil {
			return err
		}
	}
	p.runs = append(p.runs, p.file.len)
	p.cur, p.held = map[gram][]int32{}, 0
	return nil
}

// finish writes the postings to post (little-endian ids) and returns the
// dictionary: per trigram, sorted, the trigram (8), its postings' offset
// in post (8), their count (4) and CRC (4).
func (p *postingsBuilder) finish(post io.Writer) (dict []byte, err error) {
	var off int64
	emit := func(g gram, ids func(yield func(int32) bool) error) error {
		crc, n, b := uint32(0), 0, make([]byte, 4)
		var werr error
		err := ids(func(id int32) bool {
			binary.LittleEndian.PutUint32(b, uint32(id))
			if _, werr = post.Write(b); werr != nil {
				return false
			}
			crc = crc32.Update(crc, crc32.IEEETable, b)
			n++
			return true
		})
		if werr != nil {
			return werr
		}
		if err != nil {
			return err
		}
		dict = binary.LittleEndian.AppendUint64(dict, uint64(g))
		dict = binary.LittleEndian.AppendUint64(dict, uint64(off))
		dict = binary.LittleEndian.AppendUint32(dict, uint32(n))
		dict = binary.LittleEndian.AppendUint32(dict, crc)
		off += int64(4 * n)
		return nil
	}
	if p.file == nil {
		for _, g := range slices.Sorted(maps.Keys(p.cur)) {
			if err := emit(g, slicePosting(p.cur[g])); err != nil {
				return nil, err
			}
		}
		return dict, nil
	}
	if p.held > 0 {
		if err := p.spill(); err != nil {
			return nil, err
		}
	}
	if err := p.file.flush(); err != nil {
		return nil, err
	}
	return dict, p.merge(emit)
}

// merge reads the runs back and hands emit each trigram, in order, with
// its ids from every run, in the order of the runs.
func (p *postingsBuilder) merge(emit func(gram, func(func(int32) bool) error) error) error {
	h := &gramHeap{}
	start := int64(0)
	for i, end := range p.runs {
		c := &gramCursor{r: p.file.reader(start, end-start), run: i}
		if err := c.next(); err != nil {
			return err
		}
		if !c.done {
			h.cursors = append(h.cursors, c)
		}
		start = end
	}
	heap.Init(h)
	for h.Len() > 0 {
		g := h.cursors[0].g
		err := emit(g, func(yield func(int32) bool) error {
			for h.Len() > 0 && h.cursors[0].g == g {
				c := h.cursors[0]
				if err := c.ids(yield); err != nil {
					return err
				}
				if err := c.next(); err != nil {
					return err
				}
				if c.done {
					heap.Pop(h)
				} else {
					heap.Fix(h, 0)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *postingsBuilder) close() { p.file.close() }

func slicePosting(ids []int32) func(func(int32) bool) error {
	return func(yield func(int32) bool) error {
		for _, id := range ids {
			if !yield(id) {
				return io.ErrShortWrite
			}
		}
		return nil
	}
}

// A gramCursor is the next trigram of a run, its ids not yet read.
type gramCursor struct {
	r     *bufio.Reader
	run   int
	g     gram
	count uint64
	done  bool
}

func (c *gramCursor) next() error {
	var b [8]byte
	if _, err := io.ReadFull(c.r, b[:]); err == io.EOF {
		c.done = true
		return nil
	} else if err != nil {
		return err
	}
	c.g = gram(binary.LittleEndian.Uint64(b[:]))
	var err error
	c.count, err = binary.ReadUvarint(c.r)
	return err
}

// ids reads the trigram's ids and hands them to yield.
func (c *gramCursor) ids(yield func(int32) bool) error {
	last := int32(0)
	for range c.count {
		d, err := binary.ReadUvarint(c.r)
		if err != nil {
			return err
		}
		last += int32(d)
		if !yield(last) {
			return io.ErrShortWrite
		}
	}
	return nil
}

// gramHeap orders cursors by trigram, then run: a trigram's ids come
// from the earlier runs first, so they stay ascending.
type gramHeap struct{ cursors []*gramCursor }

func (h *gramHeap) Len() int { return len(h.cursors) }
func (h *gramHeap) Less(i, j int) bool {
	a, b := h.cursors[i], h.cursors[j]
	return a.g < b.g || a.g == b.g && a.run < b.run
}
func (h *gramHeap) Swap(i, j int) { h.cursors[i], h.cursors[j] = h.cursors[j], h.cursors[i] }
func (h *gramHeap) Push(x any)    { h.cursors = append(h.cursors, x.(*gramCursor)) }
func (h *gramHeap) Pop() any {
	c := h.cursors[len(h.cursors)-1]
	h.cursors = h.cursors[:len(h.cursors)-1]
	return c
}
