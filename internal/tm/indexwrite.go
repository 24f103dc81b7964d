package tm

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"

	"github.com/mosty-dev/mosty/internal/bindec"
)

// WriteIndex writes the memory of files, sorted by name, as an index;
// checks says what decided which entries are memory (OpenIndex gives it
// back). It holds the index in memory while making it: an IndexWriter
// with scratch files makes a large one.
func WriteIndex(w io.Writer, checks string, files []IndexedFile) error {
	iw := NewIndexWriter(checks, MemScratch)
	defer iw.Close()
	for _, f := range files {
		if err := iw.Add(f.Name, f.Stamp, f.Entries); err != nil {
			return err
		}
	}
	_, err := iw.WriteTo(w)
	return err
}

// An IndexWriter makes an index a file at a time (Add), holding only
// what does not grow with the entries: the entries, their lookup tables
// and postings go to scratch files, sorted and merged there, so that the
// index of millions of entries is made in a few tens of megabytes. The
// index is the same, byte for byte, whatever the scratch.
type IndexWriter struct {
	checks  string
	scratch func() (Scratch, error)
	files   []IndexedFile // names, stamps and counts
	n       int
	err     error // the first error, returned by every later call

	data *scratchFile // the data section: each entry's source, translation and origin
	keys *sorter      // per entry: hash of its normalised source and translation (8), id (4), data offset (8), length (4)

	done  bool
	out   [numSections]*scratchFile // the sections made in scratch files
	mem   [numSections][]byte       // and those made in memory
	heads int
	bits  [2]int // of the exact and shape tables
}

const keySize = 24

// NewIndexWriter starts an index; scratch makes its scratch files.
func NewIndexWriter(checks string, scratch func() (Scratch, error)) *IndexWriter {
	return &IndexWriter{checks: checks, scratch: scratch, keys: newSorter(keySize, scratch)}
}

// Add adds a file's entries; files come sorted by name.
func (iw *IndexWriter) Add(name, stamp string, entries []Entry) error {
	if iw.err != nil {
		return iw.err
	}
	if iw.done {
		return errors.New("tm index: Add after WriteTo")
	}
	if k := len(iw.files); k > 0 && iw.files[k-1].Name > name {
		return iw.fail(errors.New("tm index: files not sorted by name"))
	}
	if iw.n+len(entries) >= 1<<31-1 {
		return iw.fail(errors.New("tm index: too many entries"))
	}
	if err := openScratch(&iw.data, iw.scratch); err != nil {
		return iw.fail(err)
	}
	iw.files = append(iw.files, IndexedFile{Name: name, Stamp: stamp, count: len(entries)})
	var buf, key []byte
	for _, e := range entries {
		start := iw.data.len
		buf = buf[:0]
		for _, s := range []string{e.Source, e.Translation, e.Origin} {
			buf = appendString(buf, s)
		}
		if _, err := iw.data.Write(buf); err != nil {
			return iw.fail(err)
		}
		key = binary.BigEndian.AppendUint64(key[:0], groupHash(normalize(e.Source), e.Translation))
		key = binary.BigEndian.AppendUint32(key, uint32(iw.n))
		key = binary.BigEndian.AppendUint64(key, uint64(start))
		key = binary.BigEndian.AppendUint32(key, uint32(len(buf)))
		if err := iw.keys.add(key); err != nil {
			return iw.fail(err)
		}
		iw.n++
	}
	return nil
}

func (iw *IndexWriter) fail(err error) error {
	if iw.err == nil {
		iw.err = err
	}
	return err
}

// groupHash is the hash of an entry's group: its normalised source and
// its translation. Entries of the same hash are compared before they are
// taken for one group.
var groupHash = func(normalized, translation string) uint64 { // a variable so that tests can make hashes collide
	h := fnv.New64a()
	h.Write([]byte(normalized))
	h.Write([]byte{0})
	h.Write([]byte(translation))
	return h.Sum64()
}

// WriteTo writes the index to w; it can be called again, to write the
// same bytes.
func (iw *IndexWriter) WriteTo(w io.Writer) (int64, error) {
	if iw.err != nil {
		return 0, iw.err
	}
	if !iw.done {
		if err := iw.finish(); err != nil {
			return 0, iw.fail(err)
		}
		iw.done = true
	}
	cw := &countWriter{w: w}
	if _, err := cw.Write(iw.header()); err != nil {
		return cw.n, err
	}
	for k := range numSections {
		if f := iw.out[k]; f != nil {
			if _, err := io.Copy(cw, io.NewSectionReader(f.f, 0, f.len)); err != nil {
				return cw.n, err
			}
		} else if _, err := cw.Write(iw.mem[k]); err != nil {
			return cw.n, err
		}
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Close discards the scratch files.
func (iw *IndexWriter) Close() error {
	iw.data.close()
	iw.keys.close()
	for _, f := range iw.out {
		f.close()
	}
	iw.done, iw.err = true, errors.New("tm index: writer closed")
	return nil
}

// finish makes the sections: it finds the groups of entries (heads and
// their chains), then reads the entries again in order to write their
// records and, for the heads, their lookup keys and trigrams.
func (iw *IndexWriter) finish() error {
	if err := openScratch(&iw.data, iw.scratch); err != nil {
		return err
	}
	if err := iw.data.flush(); err != nil {
		return err
	}
	iw.out[secData] = iw.data
	heads := make([]uint64, (iw.n+63)/64)
	nexts := newSorter(8, iw.scratch)
	defer nexts.close()
	if err := iw.groups(heads, nexts); err != nil {
		return err
	}
	exact, shapes := newSorter(12, iw.scratch), newSorter(12, iw.scratch)
	defer exact.close()
	defer shapes.close()
	sgrams, tgrams := newPostingsBuilder(iw.scratch), newPostingsBuilder(iw.scratch)
	defer sgrams.close()
	defer tgrams.close()
	nshapes := 0
	err := iw.records(heads, nexts, func(id int32, e Entry) error {
		iw.heads++
		nrm := normalize(e.Source)
		if err := exact.add(pairKey(hashString(nrm), id)); err != nil {
			return err
		}
		if sh := shape(nrm); sh != nrm {
			nshapes++
			if err := shapes.add(pairKey(hashString(sh), id)); err != nil {
				return err
			}
		}
		if err := sgrams.add(trigrams(nrm), id); err != nil {
			return err
		}
		return tgrams.add(trigrams(normalize(e.Translation)), id)
	})
	if err != nil {
		return err
	}
	if iw.bits[0], err = iw.hashTable(exact, iw.heads, secExact); err != nil {
		return err
	}
	if iw.bits[1], err = iw.hashTable(shapes, nshapes, secShape); err != nil {
		return err
	}
	if err := iw.postings(sgrams, secSGrams); err != nil {
		return err
	}
	return iw.postings(tgrams, secTGrams)
}

func pairKey(h uint64, id int32) []byte {
	b := binary.BigEndian.AppendUint64(make([]byte, 0, 12), h)
	return binary.BigEndian.AppendUint32(b, uint32(id))
}

// groups reads the entries by group hash and marks the head of each
// group (its first entry) in heads, and hands nexts each entry's next in
// its group: id (4), next (4).
func (iw *IndexWriter) groups(heads []uint64, nexts *sorter) error {
	type member struct {
		key  [2]string // normalised source, translation; read only when a hash is shared
		last uint32
	}
	var (
		hash  uint64
		first []byte // the group's first key, until a second shares its hash
		group []member
		buf   []byte
	)
	read := func(k []byte) ([2]string, error) {
		off, n := int64(binary.BigEndian.Uint64(k[12:])), binary.BigEndian.Uint32(k[20:])
		if cap(buf) < int(n) {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := iw.data.f.ReadAt(buf, off); err != nil {
			return [2]string{}, err
		}
		e, err := decodeEntry(buf)
		return [2]string{normalize(e.Source), e.Translation}, err
	}
	add := func(k []byte) error {
		id := binary.BigEndian.Uint32(k[8:])
		key, err := read(k)
		if err != nil {
			return err
		}
		for i := range group {
			if group[i].key == key {
				b := binary.BigEndian.AppendUint32(make([]byte, 0, 8), group[i].last)
				group[i].last = id
				return nexts.add(binary.BigEndian.AppendUint32(b, id))
			}
		}
		group = append(group, member{key, id})
		heads[id/64] |= 1 << (id % 64)
		return nil
	}
	return iw.keys.each(func(k []byte) error {
		h := binary.BigEndian.Uint64(k)
		if first == nil || h != hash {
			hash, group = h, group[:0]
			first = append(first[:0], k...)
			id := binary.BigEndian.Uint32(k[8:])
			heads[id/64] |= 1 << (id % 64) // alone until another shares its hash
			return nil
		}
		if len(group) == 0 { // a second entry of this hash: the first's key is needed
			id := binary.BigEndian.Uint32(first[8:])
			heads[id/64] &^= 1 << (id % 64)
			if err := add(first); err != nil {
				return err
			}
		}
		return add(k)
	})
}

// decodeEntry reads an entry as the data section holds it.
func decodeEntry(b []byte) (Entry, error) {
	d := bindec.Decoder{B: b}
	e := Entry{Source: d.String(), Translation: d.String(), Origin: d.String()}
	if d.Bad || len(d.B) != 0 {
		return Entry{}, damaged("entry")
	}
	return e, nil
}

// records writes the records section, reading the data section in order,
// and hands head each head entry.
func (iw *IndexWriter) records(heads []uint64, nexts *sorter, head func(int32, Entry) error) error {
	recs, err := newScratchFile(iw.scratch)
	if err != nil {
		return err
	}
	iw.out[secRecords] = recs
	r := &entryReader{r: iw.data.reader(0, iw.data.len)}
	var rec []byte
	id := uint32(0)
	write := func(next uint32) error {
		off, raw, err := r.next()
		if err != nil {
			return fmt.Errorf("tm index: reading entry %d back: %w", id, err)
		}
		isHead := heads[id/64]&(1<<(id%64)) != 0
		flags := uint32(0)
		if isHead {
			flags = flagHead
		}
		rec = binary.LittleEndian.AppendUint64(rec[:0], uint64(off))
		rec = binary.LittleEndian.AppendUint32(rec, uint32(len(raw)))
		rec = binary.LittleEndian.AppendUint32(rec, next)
		rec = binary.LittleEndian.AppendUint32(rec, crc32.ChecksumIEEE(raw))
		rec = binary.LittleEndian.AppendUint32(rec, flags)
		rec = binary.LittleEndian.AppendUint32(rec, crc32.ChecksumIEEE(rec)) // of the 24 bytes before it
		if _, err := recs.Write(rec); err != nil {
			return err
		}
		id++
		if !isHead {
			return nil
		}
		e, err := decodeEntry(raw)
		if err != nil {
			return err
		}
		return head(int32(id-1), e)
	}
	none := uint32(0xFFFFFFFF) // -1: the last of its group
	err = nexts.each(func(k []byte) error {
		for id < binary.BigEndian.Uint32(k) {
			if err := write(none); err != nil {
				return err
			}
		}
		return write(binary.BigEndian.Uint32(k[4:]))
	})
	for err == nil && id < uint32(iw.n) {
		err = write(none)
	}
	if err != nil {
		return err
	}
	return recs.flush()
}

// An entryReader reads the entries of a data section in order.
type entryReader struct {
	r   *bufio.Reader
	off int64
	buf []byte
}

// next is the next entry's offset and bytes, valid until the next call.
func (er *entryReader) next() (int64, []byte, error) {
	b := er.buf[:0]
	for range 3 {
		n, err := binary.ReadUvarint(er.r)
		if err != nil {
			return 0, nil, err
		}
		b = binary.AppendUvarint(b, n)
		start := len(b)
		b = append(b, make([]byte, n)...)
		if _, err := io.ReadFull(er.r, b[start:]); err != nil {
			return 0, nil, err
		}
	}
	off := er.off
	er.buf, er.off = b, er.off+int64(len(b))
	return off, b, nil
}

// hashTable writes the pairs of a sorter, count of them, as a hash table
// of 2^bits buckets: its directory (in memory: the first pair of each
// bucket, one past the last, then each bucket's CRC) and the pairs
// sorted by hash and id (in a scratch file). A bucket is the hash's top
// bits.
func (iw *IndexWriter) hashTable(pairs *sorter, count, sec int) (bits int, err error) {
	for 1<<bits < count/8 && bits < 24 {
		bits++
	}
	body, err := newScratchFile(iw.scratch)
	if err != nil {
		return 0, err
	}
	iw.out[sec+1] = body
	starts := make([]uint32, 1<<bits+1)
	crcs := make([]uint32, 1<<bits)
	k, b := uint32(0), 0
	var out []byte
	err = pairs.each(func(p []byte) error {
		h := binary.BigEndian.Uint64(p)
		for ; b < bucketOf(h, bits); b++ {
			starts[b+1] = k
		}
		out = binary.LittleEndian.AppendUint64(out[:0], h)
		out = binary.LittleEndian.AppendUint32(out, binary.BigEndian.Uint32(p[8:]))
		crcs[b] = crc32.Update(crcs[b], crc32.IEEETable, out)
		k++
		_, err := body.Write(out)
		return err
	})
	if err != nil {
		return 0, err
	}
	for ; b < 1<<bits; b++ {
		starts[b+1] = k
	}
	if err := body.flush(); err != nil {
		return 0, err
	}
	var dir []byte
	for _, s := range starts {
		dir = binary.LittleEndian.AppendUint32(dir, s)
	}
	for _, c := range crcs {
		dir = binary.LittleEndian.AppendUint32(dir, c)
	}
	iw.mem[sec] = dir
	return bits, nil
}

// postings writes a trigram dictionary (in memory: one entry per
// trigram) and its postings (in a scratch file).
func (iw *IndexWriter) postings(p *postingsBuilder, sec int) error {
	post, err := newScratchFile(iw.scratch)
	if err != nil {
		return err
	}
	iw.out[sec+1] = post
	if iw.mem[sec], err = p.finish(post); err != nil {
		return err
	}
	return post.flush()
}

// header is the index's magic, version, header and CRC, with the
// sections' offsets and lengths.
func (iw *IndexWriter) header() []byte {
	var h []byte
	h = appendString(h, iw.checks)
	h = binary.AppendUvarint(h, uint64(iw.n))
	h = binary.AppendUvarint(h, uint64(iw.heads))
	h = binary.AppendUvarint(h, uint64(len(iw.files)))
	for _, f := range iw.files {
		h = appendString(h, f.Name)
		h = appendString(h, f.Stamp)
		h = binary.AppendUvarint(h, uint64(f.count))
	}
	h = binary.AppendUvarint(h, uint64(iw.bits[0]))
	h = binary.AppendUvarint(h, uint64(iw.bits[1]))
	// Offsets follow the header, whose length depends on them: fix the
	// header's length first with the widest offsets.
	fixed := len(h) + numSections*(2*binary.MaxVarintLen64+4)
	off := uint64(len(indexMagic) + 8 + fixed + 4)
	for k := range numSections {
		length := uint64(len(iw.mem[k]))
		if f := iw.out[k]; f != nil {
			length = uint64(f.len)
		}
		h = binary.AppendUvarint(h, off)
		h = binary.AppendUvarint(h, length)
		var crc uint32 // of a section read whole; the others' parts carry their own
		if readWhole[k] {
			crc = crc32.ChecksumIEEE(iw.mem[k])
		}
		h = binary.LittleEndian.AppendUint32(h, crc)
		off += length
	}
	h = append(h, make([]byte, fixed-len(h))...) // padding to the fixed length
	var head []byte
	head = append(head, indexMagic...)
	head = binary.LittleEndian.AppendUint32(head, indexVersion)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(h)))
	head = append(head, h...)
	return binary.LittleEndian.AppendUint32(head, crc32.ChecksumIEEE(h))
}

// readWhole marks the sections OpenIndex reads whole.
var readWhole = [numSections]bool{secExact: true, secShape: true, secSGrams: true, secTGrams: true}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func bucketOf(h uint64, bits int) int {
	if bits == 0 {
		return 0
	}
	return int(h >> (64 - bits))
}
