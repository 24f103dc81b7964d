package tm

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// The index as the first IndexWriter's predecessor made it, all in RAM:
// the reference the scratch-file writer must equal byte for byte.
// WriteIndex writes the memory of files, sorted by name, as an index;
// checks says what decided which entries are memory (OpenIndex gives it
// back).
func writeIndexRef(w io.Writer, checks string, files []IndexedFile) error {
	if !slices.IsSortedFunc(files, func(a, b IndexedFile) int { return cmp.Compare(a.Name, b.Name) }) {
		return errors.New("tm index: files not sorted by name")
	}
	var n int
	for _, f := range files {
		n += len(f.Entries)
	}
	if n >= 1<<31-1 {
		return errors.New("tm index: too many entries")
	}
	var (
		records = make([]byte, 0, n*recordSize)
		data    bytes.Buffer
		next    = make([]int32, n)
		heads   []int32
		last    = map[[2]string]int32{} // a group's latest entry
		exact   []pair
		shapes  []pair
		sgrams  = map[gram][]int32{}
		tgrams  = map[gram][]int32{}
		all     []Entry
	)
	for _, f := range files {
		all = append(all, f.Entries...)
	}
	flags := make([]uint32, n)
	for i, e := range all {
		next[i] = -1
		nrm := normalize(e.Source)
		key := [2]string{nrm, e.Translation}
		if j, ok := last[key]; ok {
			next[j] = int32(i)
			last[key] = int32(i)
			continue
		}
		last[key] = int32(i)
		flags[i] = flagHead
		heads = append(heads, int32(i))
		exact = append(exact, pair{hashString(nrm), uint32(i)})
		if sh := shape(nrm); sh != nrm {
			shapes = append(shapes, pair{hashString(sh), uint32(i)})
		}
		for _, g := range trigrams(nrm) {
			sgrams[g] = append(sgrams[g], int32(i))
		}
		for _, g := range trigrams(normalize(e.Translation)) {
			tgrams[g] = append(tgrams[g], int32(i))
		}
	}
	for i, e := range all {
		start := data.Len()
		var buf []byte
		for _, s := range []string{e.Source, e.Translation, e.Origin} {
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
		data.Write(buf)
		records = binary.LittleEndian.AppendUint64(records, uint64(start))
		records = binary.LittleEndian.AppendUint32(records, uint32(len(buf)))
		records = binary.LittleEndian.AppendUint32(records, uint32(next[i]))
		records = binary.LittleEndian.AppendUint32(records, crc32.ChecksumIEEE(buf))
		records = binary.LittleEndian.AppendUint32(records, flags[i])
		records = binary.LittleEndian.AppendUint32(records, crc32.ChecksumIEEE(records[len(records)-recordSize+4:]))
	}
	exactDir, exactPairs, exactBits := writeHashTableRef(exact)
	shapeDir, shapePairs, shapeBits := writeHashTableRef(shapes)
	sdict, spost := writePostingsRef(sgrams)
	tdict, tpost := writePostingsRef(tgrams)
	secs := [numSections][]byte{records, data.Bytes(), exactDir, exactPairs, shapeDir, shapePairs, sdict, spost, tdict, tpost}

	var h []byte
	h = appendString(h, checks)
	h = binary.AppendUvarint(h, uint64(n))
	h = binary.AppendUvarint(h, uint64(len(heads)))
	h = binary.AppendUvarint(h, uint64(len(files)))
	for _, f := range files {
		h = appendString(h, f.Name)
		h = appendString(h, f.Stamp)
		h = binary.AppendUvarint(h, uint64(len(f.Entries)))
	}
	h = binary.AppendUvarint(h, uint64(exactBits))
	h = binary.AppendUvarint(h, uint64(shapeBits))
	// Offsets follow the header, whose length depends on them: fix the
	// header's length first with the widest offsets.
	fixed := len(h) + numSections*(2*binary.MaxVarintLen64+4)
	off := uint64(len(indexMagic) + 8 + fixed + 4)
	for k, s := range secs {
		h = binary.AppendUvarint(h, off)
		h = binary.AppendUvarint(h, uint64(len(s)))
		var crc uint32 // of a section read whole; the others' parts carry their own
		if readWhole[k] {
			crc = crc32.ChecksumIEEE(s)
		}
		h = binary.LittleEndian.AppendUint32(h, crc)
		off += uint64(len(s))
	}
	h = append(h, make([]byte, fixed-len(h))...) // padding to the fixed length
	var head []byte
	head = append(head, indexMagic...)
	head = binary.LittleEndian.AppendUint32(head, indexVersion)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(h)))
	head = append(head, h...)
	head = binary.LittleEndian.AppendUint32(head, crc32.ChecksumIEEE(h))
	if _, err := w.Write(head); err != nil {
		return err
	}
	for _, s := range secs {
		if _, err := w.Write(s); err != nil {
			return err
		}
	}
	return nil
}

// A pair is a hash and the entry it was made of.
type pair struct {
	hash uint64
	id   uint32
}

// writeHashTable writes pairs as a hash table of 2^bits buckets: its
// directory, the first pair of each bucket (and one past the last) then
// each bucket's CRC, and the pairs sorted by hash and id. A bucket is
// the hash's top bits.
func writeHashTableRef(pairs []pair) (dir, body []byte, bits int) {
	for 1<<bits < len(pairs)/8 && bits < 24 {
		bits++
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.hash != b.hash {
			if a.hash < b.hash {
				return -1
			}
			return 1
		}
		return int(a.id) - int(b.id)
	})
	starts := make([]uint32, 1<<bits+1)
	k := 0
	for b := range 1 << bits {
		starts[b] = uint32(k)
		for k < len(pairs) && bucketOf(pairs[k].hash, bits) == b {
			body = binary.LittleEndian.AppendUint64(body, pairs[k].hash)
			body = binary.LittleEndian.AppendUint32(body, pairs[k].id)
			k++
		}
	}
	starts[1<<bits] = uint32(k)
	for _, s := range starts {
		dir = binary.LittleEndian.AppendUint32(dir, s)
	}
	for b := range 1 << bits {
		dir = binary.LittleEndian.AppendUint32(dir, crc32.ChecksumIEEE(body[starts[b]*pairSize:starts[b+1]*pairSize]))
	}
	return dir, body, bits
}

// writePostings writes the trigram dictionary, sorted, and the postings.
func writePostingsRef(index map[gram][]int32) (dict, post []byte) {
	grams := make([]gram, 0, len(index))
	for g := range index {
		grams = append(grams, g)
	}
	slices.Sort(grams)
	for _, g := range grams {
		start := len(post)
		for _, id := range index[g] {
			post = binary.LittleEndian.AppendUint32(post, uint32(id))
		}
		dict = binary.LittleEndian.AppendUint64(dict, uint64(g))
		dict = binary.LittleEndian.AppendUint64(dict, uint64(start))
		dict = binary.LittleEndian.AppendUint32(dict, uint32(len(index[g])))
		dict = binary.LittleEndian.AppendUint32(dict, crc32.ChecksumIEEE(post[start:]))
	}
	return dict, post
}

// randomFiles are up to 40 files of random entries, sorted by name.
func randomFiles(r *rand.Rand) []IndexedFile {
	var files []IndexedFile
	for i := range r.IntN(40) {
		name := fmt.Sprintf("f%03d", i)
		files = append(files, IndexedFile{Name: name, Stamp: fmt.Sprint(r.IntN(100)), Entries: randomEntries(r, name)})
	}
	return files
}

// small sets the budgets of the writer's sorters and postings to a few
// records, so that every index of a test is made of many runs.
func small(t *testing.T) {
	oldSort, oldPost := sortRunBytes, postingRunIDs
	sortRunBytes, postingRunIDs = 3*keySize, 7
	t.Cleanup(func() { sortRunBytes, postingRunIDs = oldSort, oldPost })
}

// collide makes groupHash give a few values only, so that entries of
// different groups share a hash and must be told apart by their text.
func collide(t *testing.T) {
	old := groupHash
	groupHash = func(n, tr string) uint64 { return uint64(len(n)+len(tr)) % 3 }
	t.Cleanup(func() { groupHash = old })
}

func TestIndexWriterSameBytes(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup []func(*testing.T)
	}{
		{"in memory", nil},
		{"in runs", []func(*testing.T){small}},
		{"hashes shared", []func(*testing.T){collide}},
		{"hashes shared, in runs", []func(*testing.T){small, collide}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range tt.setup {
				f(t)
			}
			for seed := range uint64(150) {
				files := randomFiles(rand.New(rand.NewPCG(seed, 7)))
				var want, got bytes.Buffer
				if err := writeIndexRef(&want, "checks", files); err != nil {
					t.Fatal(err)
				}
				iw := NewIndexWriter("checks", tempScratch(t))
				for _, f := range files {
					if err := iw.Add(f.Name, f.Stamp, f.Entries); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := iw.WriteTo(&got); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d: the index differs from the one made in RAM (%d bytes, want %d)", seed, got.Len(), want.Len())
				}
				var again bytes.Buffer // safefile may run a write twice
				if _, err := iw.WriteTo(&again); err != nil || !bytes.Equal(again.Bytes(), want.Bytes()) {
					t.Fatalf("seed %d: written again: %v, same bytes %v", seed, err, bytes.Equal(again.Bytes(), want.Bytes()))
				}
				iw.Close()
			}
		})
	}
}

// tempScratch makes scratch files in the test's folder, removed at once
// as the workspace's are.
func tempScratch(t *testing.T) func() (Scratch, error) {
	dir := t.TempDir()
	n := 0
	return func() (Scratch, error) {
		n++
		f, err := osCreate(fmt.Sprintf("%s/scratch-%d", dir, n))
		return f, err
	}
}

func TestIndexWriterLookups(t *testing.T) {
	small(t)
	collide(t)
	r := rand.New(rand.NewPCG(3, 3))
	files := randomFiles(r)
	x := writeIndex(t, "c", files)
	m := New()
	for _, f := range files {
		for _, e := range f.Entries {
			m.Add(e)
		}
	}
	sources := make([]Source, len(files))
	for i, f := range files {
		sources[i] = Source{Name: f.Name, Indexed: true}
	}
	l, err := x.Layered(sources, noRebuild)
	if err != nil {
		t.Fatal(err)
	}
	for range 200 {
		q := randomSentence(r)
		if got, want := l.Lookup(q, 50, 5), m.Lookup(q, 50, 5); !slices.Equal(got, want) {
			t.Fatalf("lookup %q: %v, want %v", q, got, want)
		}
	}
}

func TestIndexWriterErrors(t *testing.T) {
	t.Run("files out of order", func(t *testing.T) {
		iw := NewIndexWriter("", MemScratch)
		defer iw.Close()
		if err := iw.Add("b", "", nil); err != nil {
			t.Fatal(err)
		}
		if err := iw.Add("a", "", nil); err == nil {
			t.Fatal("a file out of order was taken")
		}
		if _, err := iw.WriteTo(io.Discard); err == nil {
			t.Fatal("an index was written after a failed Add")
		}
	})
	t.Run("scratch cannot be made", func(t *testing.T) {
		small(t)
		full := errors.New("disk full")
		for allowed := range 8 {
			made := 0
			iw := NewIndexWriter("", func() (Scratch, error) {
				if made == allowed {
					return nil, full
				}
				made++
				return MemScratch()
			})
			files := randomFiles(rand.New(rand.NewPCG(1, 1)))
			var err error
			for _, f := range files {
				if err = iw.Add(f.Name, f.Stamp, f.Entries); err != nil {
					break
				}
			}
			if err == nil {
				_, err = iw.WriteTo(io.Discard)
			}
			if !errors.Is(err, full) {
				t.Errorf("scratch %d refused: got %v, want the scratch's error", allowed, err)
			}
			iw.Close()
		}
	})
}

// The sorter gives its records in order, held or in runs.
func TestSorter(t *testing.T) {
	for _, budget := range []int{4 << 20, 12, 36} {
		t.Run(fmt.Sprint(budget), func(t *testing.T) {
			old := sortRunBytes
			sortRunBytes = budget
			defer func() { sortRunBytes = old }()
			r := rand.New(rand.NewPCG(uint64(budget), 1))
			s := newSorter(12, MemScratch)
			var want [][]byte
			for i := range 1000 {
				rec := binary.BigEndian.AppendUint64(nil, r.Uint64N(50))
				rec = binary.BigEndian.AppendUint32(rec, uint32(i))
				want = append(want, rec)
				if err := s.add(rec); err != nil {
					t.Fatal(err)
				}
			}
			slices.SortFunc(want, bytes.Compare)
			var got [][]byte
			if err := s.each(func(rec []byte) error { got = append(got, slices.Clone(rec)); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, want, bytes.Equal) {
				t.Fatal("records out of order or lost")
			}
		})
	}
}

func osCreate(name string) (Scratch, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	os.Remove(name)
	return f, nil
}
