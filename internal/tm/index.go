package tm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/mosty-dev/mosty/internal/bindec"
)

// An index is a memory kept in a file, read in part: WriteIndex writes
// it, OpenIndex reads its header, and a lookup (Index.Layered) reads
// only the trigram postings and entries it needs. Its layout, all
// numbers little-endian:
//
//	"MOSTYTMI", version (4 bytes), header length (4), header, CRC-32 of the header (4)
//	sections at the offsets the header gives:
//	  records   a fixed record per entry: data offset (8), length (4), next of its group (4), CRC of its data (4), flags (4),
//	            CRC of the record's 24 bytes before it (4)
//	  data      per entry: source, translation, origin, each a uvarint length then bytes
//	  exact     a hash table of normalised sources → group heads (see hashTable)
//	  shapes    the same of sources with numbers as "#", for the heads whose shape differs
//	  sgrams    the sorted trigrams of sources: trigram (8), postings offset (8), count (4), CRC (4)
//	  spost     postings: ascending entry ids (4 each), heads only
//	  tgrams    the same of translations
//	  tpost
//
// Entries are in the order of the files, then as each file gives them;
// every entry is kept, and those that repeat an earlier entry's
// normalised source and translation are chained to it (next): only the
// first of each group, its head, is in the lookup tables, as Add keeps
// only the first. A file's entries can then be masked and the next of
// each group found.
const (
	indexMagic   = "MOSTYTMI"
	indexVersion = 2 // 1 had no record CRC: such an index is made again
	recordSize   = 28
	dictSize     = 24
	pairSize     = 12
	flagHead     = 1
)

// sections of an index, in file order.
const (
	secRecords = iota
	secData
	secExact
	secExactPairs
	secShape
	secShapePairs
	secSGrams
	secSPost
	secTGrams
	secTPost
	numSections
)

// An IndexedFile is one file's entries, as WriteIndex writes them and
// Index.Files lists them; Stamp is how the caller recognises its version.
type IndexedFile struct {
	Name    string
	Stamp   string
	Entries []Entry
	count   int
}

// Len is the number of entries the index holds of the file.
func (f IndexedFile) Len() int { return max(f.count, len(f.Entries)) }

// An Index is a memory file opened: its header read, its lookup tables'
// directories and trigram dictionaries in memory, the rest read as
// needed.
type Index struct {
	r      io.ReaderAt
	checks string
	files  []IndexedFile
	first  []int32 // each file's first entry, and the number of entries
	n      int
	heads  int
	sec    [numSections]section
	exact  hashTable
	shape  hashTable
	sdict  []dictEntry
	tdict  []dictEntry

	// What lookups read is kept, up to a budget: an export looks up
	// thousands of sentences that share trigrams and candidates.
	postings    sync.Map // postingKey → []int32
	entries     sync.Map // int32 → keptEntry
	postingsLen atomic.Int64
	entriesLen  atomic.Int64
}

type postingKey struct {
	sec int
	g   gram
}

// What an Index keeps of what it read: postings of up to maxKeptIDs ids
// in all (4 bytes each), and maxKeptEntries entries.
const (
	maxKeptIDs     = 16 << 20
	maxKeptEntries = 200_000
)

type section struct{ off, len int64 }

type hashTable struct {
	bits   int
	starts []uint32
	crcs   []uint32
	pairs  section
}

type dictEntry struct {
	g     gram
	off   int64
	count int32
	crc   uint32
}

// ErrDamaged is the error of an index that is not as WriteIndex wrote
// it.
var ErrDamaged = errors.New("tm index damaged")

func damaged(what string) error { return fmt.Errorf("%w: %s", ErrDamaged, what) }

// OpenIndex reads an index's header from r, of size bytes; an index that
// is not one, or damaged, is an error wrapping ErrDamaged.
func OpenIndex(r io.ReaderAt, size int64) (*Index, error) {
	pre := make([]byte, len(indexMagic)+8)
	if _, err := r.ReadAt(pre, 0); err != nil {
		return nil, damaged("no header")
	}
	if string(pre[:len(indexMagic)]) != indexMagic {
		return nil, damaged("not an index")
	}
	if v := binary.LittleEndian.Uint32(pre[8:]); v != indexVersion {
		return nil, damaged(fmt.Sprintf("version %d", v))
	}
	hl := int64(binary.LittleEndian.Uint32(pre[12:]))
	if hl > size-int64(len(pre))-4 {
		return nil, damaged("header length")
	}
	h := make([]byte, hl+4)
	if _, err := r.ReadAt(h, int64(len(pre))); err != nil {
		return nil, damaged("header")
	}
	if crc32.ChecksumIEEE(h[:hl]) != binary.LittleEndian.Uint32(h[hl:]) {
		return nil, damaged("header checksum")
	}
	x := &Index{r: r}
	d := bindec.Decoder{B: h[:hl]}
	x.checks = d.String()
	x.n, x.heads = d.Int(), d.Int()
	nf := d.Int()
	// A file takes at least 3 bytes of the header: the table grows as it is
	// read, not by the count it claims.
	if d.Bad || nf > len(d.B)/3 || x.n > int(size/recordSize) || x.heads > x.n {
		return nil, damaged("header")
	}
	total := 0
	for i := range nf {
		f := IndexedFile{Name: d.String(), Stamp: d.String(), count: d.Int()}
		if d.Bad || total+f.count > x.n || (i > 0 && f.Name <= x.files[i-1].Name) {
			return nil, damaged("file table")
		}
		x.files = append(x.files, f)
		x.first = append(x.first, int32(total))
		total += f.count
	}
	x.first = append(x.first, int32(total))
	x.exact.bits, x.shape.bits = d.Int(), d.Int()
	var crcs [numSections]uint32
	for k := range x.sec {
		x.sec[k] = section{int64(d.Uint()), int64(d.Uint())}
		crcs[k] = d.Uint32()
		if s := x.sec[k]; d.Bad || s.off < 0 || s.len < 0 || s.off > size || s.len > size-s.off {
			return nil, damaged("section table")
		}
	}
	if d.Bad || total != x.n || x.sec[secRecords].len != int64(x.n)*recordSize || x.exact.bits > 24 || x.shape.bits > 24 {
		return nil, damaged("header")
	}
	var err error
	if x.exact, err = x.readHashTable(secExact, secExactPairs, x.exact.bits, crcs[secExact]); err != nil {
		return nil, err
	}
	if x.shape, err = x.readHashTable(secShape, secShapePairs, x.shape.bits, crcs[secShape]); err != nil {
		return nil, err
	}
	if x.sdict, err = x.readDict(secSGrams, secSPost, crcs[secSGrams]); err != nil {
		return nil, err
	}
	if x.tdict, err = x.readDict(secTGrams, secTPost, crcs[secTGrams]); err != nil {
		return nil, err
	}
	return x, nil
}

// readSection reads a section read whole, checking its CRC.
func (x *Index) readSection(k int, crc uint32) ([]byte, error) {
	b := make([]byte, x.sec[k].len)
	if _, err := x.r.ReadAt(b, x.sec[k].off); err != nil && !(err == io.EOF && len(b) == 0) {
		return nil, damaged("short section")
	}
	if crc32.ChecksumIEEE(b) != crc {
		return nil, damaged("section checksum")
	}
	return b, nil
}

func (x *Index) readHashTable(dirSec, pairsSec, bits int, crc uint32) (hashTable, error) {
	t := hashTable{bits: bits, pairs: x.sec[pairsSec]}
	b, err := x.readSection(dirSec, crc)
	if err != nil {
		return t, err
	}
	nb := 1 << bits
	if len(b) != (2*nb+1)*4 {
		return t, damaged("hash table size")
	}
	t.starts, t.crcs = make([]uint32, nb+1), make([]uint32, nb)
	for i := range t.starts {
		t.starts[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	for i := range t.crcs {
		t.crcs[i] = binary.LittleEndian.Uint32(b[4*(nb+1+i):])
	}
	if t.starts[0] != 0 || int64(t.starts[nb])*pairSize != t.pairs.len || !slices.IsSorted(t.starts) {
		return t, damaged("hash table directory")
	}
	return t, nil
}

func (x *Index) readDict(dictSec, postSec int, crc uint32) ([]dictEntry, error) {
	b, err := x.readSection(dictSec, crc)
	if err != nil {
		return nil, err
	}
	if len(b)%dictSize != 0 {
		return nil, damaged("dictionary size")
	}
	out := make([]dictEntry, len(b)/dictSize)
	post := x.sec[postSec]
	for i := range out {
		e := b[i*dictSize:]
		out[i] = dictEntry{g: gram(binary.LittleEndian.Uint64(e)), off: int64(binary.LittleEndian.Uint64(e[8:])), count: int32(binary.LittleEndian.Uint32(e[16:])), crc: binary.LittleEndian.Uint32(e[20:])}
		d := out[i]
		if d.off < 0 || d.count < 0 || int64(d.count) > int64(x.heads) || d.off > post.len || int64(d.count)*4 > post.len-d.off || (i > 0 && out[i-1].g >= d.g) {
			return nil, damaged("dictionary")
		}
	}
	return out, nil
}

// Checks is what the writer said decided which entries are memory.
func (x *Index) Checks() string { return x.checks }

// Files are the files the index holds, by name, with their stamps.
func (x *Index) Files() []IndexedFile { return x.files }

// FileEntries reads the entries of the index's i-th file.
func (x *Index) FileEntries(i int) ([]Entry, error) {
	out := make([]Entry, 0, x.first[i+1]-x.first[i])
	for id := x.first[i]; id < x.first[i+1]; id++ {
		e, err := x.readEntry(id)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// A record is an entry's fixed part.
type record struct {
	off  int64
	len  uint32
	next int32
	crc  uint32
	head bool
}

func (x *Index) record(id int32) (record, error) {
	if id < 0 || int(id) >= x.n {
		return record{}, damaged("entry id")
	}
	var b [recordSize]byte
	if _, err := x.r.ReadAt(b[:], x.sec[secRecords].off+int64(id)*recordSize); err != nil {
		return record{}, damaged("short record")
	}
	if crc32.ChecksumIEEE(b[:recordSize-4]) != binary.LittleEndian.Uint32(b[recordSize-4:]) {
		return record{}, damaged("record checksum")
	}
	r := record{off: int64(binary.LittleEndian.Uint64(b[:])), len: binary.LittleEndian.Uint32(b[8:]), next: int32(binary.LittleEndian.Uint32(b[12:])),
		crc: binary.LittleEndian.Uint32(b[16:]), head: binary.LittleEndian.Uint32(b[20:])&flagHead != 0}
	data := x.sec[secData]
	if r.off < 0 || r.off > data.len || int64(r.len) > data.len-r.off || (r.next != -1 && (r.next <= id || int(r.next) >= x.n)) {
		return record{}, damaged("record")
	}
	return r, nil
}

func (x *Index) entry(id int32) (Entry, error) {
	k, err := x.keptEntry(id)
	return k.e, err
}

// A keptEntry is an entry read, with its source normalised: a lookup
// compares the normalised text, and meets the same entries again.
type keptEntry struct {
	e    Entry
	norm string
}

// keptEntry reads an entry, or finds it among those read.
func (x *Index) keptEntry(id int32) (keptEntry, error) {
	if k, ok := x.entries.Load(id); ok {
		return k.(keptEntry), nil
	}
	e, err := x.readEntry(id)
	if err != nil {
		return keptEntry{}, err
	}
	k := keptEntry{e, normalize(e.Source)}
	if x.entriesLen.Add(1) <= maxKeptEntries {
		x.entries.Store(id, k)
	}
	return k, nil
}

func (x *Index) readEntry(id int32) (Entry, error) {
	r, err := x.record(id)
	if err != nil {
		return Entry{}, err
	}
	return x.entryAt(r)
}

func (x *Index) entryAt(r record) (Entry, error) {
	b := make([]byte, r.len)
	if _, err := x.r.ReadAt(b, x.sec[secData].off+r.off); err != nil && !(err == io.EOF && len(b) == 0) {
		return Entry{}, damaged("short entry")
	}
	if crc32.ChecksumIEEE(b) != r.crc {
		return Entry{}, damaged("entry checksum")
	}
	return decodeEntry(b)
}

// bucket lists the ids of the pairs of t with hash h, ascending.
func (x *Index) bucket(t *hashTable, h uint64) ([]int32, error) {
	b := bucketOf(h, t.bits)
	lo, hi := t.starts[b], t.starts[b+1]
	buf := make([]byte, int(hi-lo)*pairSize)
	if _, err := x.r.ReadAt(buf, t.pairs.off+int64(lo)*pairSize); err != nil && len(buf) > 0 {
		return nil, damaged("short hash bucket")
	}
	if crc32.ChecksumIEEE(buf) != t.crcs[b] {
		return nil, damaged("hash bucket checksum")
	}
	var ids []int32
	for i := 0; i < len(buf); i += pairSize {
		if binary.LittleEndian.Uint64(buf[i:]) == h {
			id := int32(binary.LittleEndian.Uint32(buf[i+8:]))
			if id < 0 || int(id) >= x.n {
				return nil, damaged("hash bucket")
			}
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// lookupGram finds g in a dictionary.
func lookupGram(dict []dictEntry, g gram) (dictEntry, bool) {
	i, ok := slices.BinarySearchFunc(dict, g, func(d dictEntry, g gram) int {
		switch {
		case d.g < g:
			return -1
		case d.g > g:
			return 1
		}
		return 0
	})
	if !ok {
		return dictEntry{}, false
	}
	return dict[i], true
}

// count is how many heads hold g.
func count(dict []dictEntry, g gram) int {
	d, _ := lookupGram(dict, g)
	return int(d.count)
}

// posting reads the heads holding g, ascending; the caller must not
// change them.
func (x *Index) posting(dict []dictEntry, postSec int, g gram) ([]int32, error) {
	k := postingKey{postSec, g}
	if ids, ok := x.postings.Load(k); ok {
		return ids.([]int32), nil
	}
	ids, err := x.readPosting(dict, postSec, g)
	if err == nil && x.postingsLen.Add(int64(len(ids))) <= maxKeptIDs {
		x.postings.Store(k, ids)
	}
	return ids, err
}

func (x *Index) readPosting(dict []dictEntry, postSec int, g gram) ([]int32, error) {
	d, ok := lookupGram(dict, g)
	if !ok || d.count == 0 {
		return nil, nil
	}
	buf := make([]byte, int(d.count)*4)
	if _, err := x.r.ReadAt(buf, x.sec[postSec].off+d.off); err != nil {
		return nil, damaged("short posting")
	}
	if crc32.ChecksumIEEE(buf) != d.crc {
		return nil, damaged("posting checksum")
	}
	ids := make([]int32, d.count)
	for i := range ids {
		ids[i] = int32(binary.LittleEndian.Uint32(buf[4*i:]))
		if ids[i] < 0 || int(ids[i]) >= x.n || (i > 0 && ids[i] <= ids[i-1]) {
			return nil, damaged("posting")
		}
	}
	return ids, nil
}

// fileOf is the index of the file holding entry id.
func (x *Index) fileOf(id int32) int {
	i, _ := slices.BinarySearch(x.first, id+1)
	return i - 1
}
