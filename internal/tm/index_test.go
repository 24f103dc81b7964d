package tm

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// words make random sentences that share words, trigrams, numbers and
// whole sentences, so that every path of a lookup is taken.
var words = strings.Fields("dom domu Kraków krakowski miasto miasta rada radny <x1/> 12 1,5 2024 wczoraj dziś ulica ulicy nowy nowa i w na z")

func randomSentence(r *rand.Rand) string {
	n := 1 + r.IntN(7)
	var b []string
	for range n {
		b = append(b, words[r.IntN(len(words))])
	}
	return strings.Join(b, " ")
}

// common are sentences many files hold, as an archive's repeat.
var common = []string{"Kraków dziś", "rada miasta 12", "nowa ulica", "w domu", "dom"}

func randomEntries(r *rand.Rand, name string) []Entry {
	var out []Entry
	for i := range r.IntN(6) {
		s := randomSentence(r)
		if r.IntN(3) == 0 {
			s = common[r.IntN(len(common))]
		}
		if r.IntN(4) == 0 { // the same sentence written otherwise
			s = strings.ToUpper(s) + "  "
		}
		t := fmt.Sprintf("t%d", r.IntN(3))
		if r.IntN(2) == 0 {
			t = randomSentence(r)
		}
		out = append(out, Entry{Source: s, Translation: t, Origin: fmt.Sprintf("%s/%d", name, i)})
	}
	return out
}

// writeIndex writes files as an index and opens it.
func writeIndex(t testing.TB, checks string, files []IndexedFile) *Index {
	x, _ := writeIndexBytes(t, checks, files)
	return x
}

// writeIndexBytes writes files as an index and opens it, reading the
// bytes it returns (a test may damage them).
func writeIndexBytes(t testing.TB, checks string, files []IndexedFile) (*Index, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteIndex(&buf, checks, files); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	x, err := OpenIndex(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return x, b
}

// smallFiles are two files whose second repeats an entry of the first.
func smallFiles() []IndexedFile {
	return []IndexedFile{
		{Name: "a", Stamp: "1", Entries: []Entry{
			{Source: "Rada miasta obradowała.", Translation: "Городской совет заседал.", Origin: "a/1"},
			{Source: "Dom stoi.", Translation: "Дом стоит.", Origin: "a/2"},
		}},
		{Name: "b", Stamp: "1", Entries: []Entry{
			{Source: "Dom stoi.", Translation: "Дом стоит.", Origin: "b/1"}, // a/2's group
			{Source: "Ulica jest nowa.", Translation: "Улица новая.", Origin: "b/2"},
		}},
	}
}

// plain is the memory New and Add make of sources.
func plain(sources []Source, indexed map[string][]Entry) *Memory {
	m := New()
	for _, s := range sources {
		entries := s.Entries
		if s.Indexed {
			entries = indexed[s.Name]
		}
		for _, e := range entries {
			m.Add(e)
		}
	}
	return m
}

func noRebuild() (*Memory, error) { return nil, errors.New("index damaged in a test") }

// TestLayeredEqualsPlain: a memory kept in an index, with some of its
// files changed, removed or new held in memory, answers every lookup,
// search and listing as the memory New makes of the same files.
func TestLayeredEqualsPlain(t *testing.T) {
	defer func(v int) { maxVisited = v }(maxVisited)
	for seed := range uint64(300) {
		maxVisited = []int{200_000, 12}[seed%2] // every posting, or the rarest only
		r := rand.New(rand.NewPCG(seed, 7))
		var files []IndexedFile
		indexed := map[string][]Entry{}
		for i := range r.IntN(12) {
			name := fmt.Sprintf("a%02d", i*2)
			f := IndexedFile{Name: name, Stamp: "1", Entries: randomEntries(r, name)}
			files = append(files, f)
			indexed[name] = f.Entries
		}
		x := writeIndex(t, "c", files)
		// The files now: each kept, changed or removed, and new ones.
		var sources []Source
		for i := range 2*len(files) + 1 {
			name := fmt.Sprintf("a%02d", i)
			_, old := indexed[name]
			switch k := r.IntN(5); {
			case old && k < 3:
				sources = append(sources, Source{Name: name, Indexed: true})
			case old && k == 3: // removed
			case k < 2 || old:
				sources = append(sources, Source{Name: name, Entries: randomEntries(r, name)})
			}
		}
		sources = append(sources, Source{Name: "memory/", Entries: randomEntries(r, "memory/x.tmx")})
		want := plain(sources, indexed)
		got, err := x.Layered(sources, noRebuild)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if got.Len() != want.Len() {
			t.Fatalf("seed %d: Len %d, want %d", seed, got.Len(), want.Len())
		}
		if g, w := got.Entries(), want.Entries(); !slices.Equal(g, w) {
			t.Fatalf("seed %d: Entries\n got %v\nwant %v", seed, g, w)
		}
		var queries []string
		for _, e := range want.Entries() {
			queries = append(queries, e.Source, strings.ReplaceAll(e.Source, "12", "13"), e.Translation)
		}
		for range 20 {
			queries = append(queries, randomSentence(r), words[r.IntN(len(words))][:1])
		}
		for _, q := range queries {
			for _, min := range []int{0, 50, 90} {
				if g, w := got.Lookup(q, min, 5), want.Lookup(q, min, 5); !reflect.DeepEqual(g, w) {
					t.Fatalf("seed %d: Lookup(%q, %d)\n got %v\nwant %v", seed, q, min, g, w)
				}
			}
			if g, w := got.Search(q, 0), want.Search(q, 0); !reflect.DeepEqual(g, w) {
				t.Fatalf("seed %d: Search(%q)\n got %v\nwant %v", seed, q, g, w)
			}
		}
		if err := got.Err(); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzIndex opens any bytes as an index and looks up in it: an error or
// answers, never a panic; damage met in a lookup makes the memory again
// (here: an empty one).
func FuzzIndex(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	var files []IndexedFile
	for i := range 4 {
		name := fmt.Sprintf("a%d", i)
		files = append(files, IndexedFile{Name: name, Stamp: "1", Entries: randomEntries(r, name)})
	}
	var buf bytes.Buffer
	if err := WriteIndex(&buf, "c", files); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(indexMagic))
	f.Add(hugeFileTable(64 << 10))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := OpenIndex(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("an error not ErrDamaged: %v", err)
			}
			return
		}
		var sources []Source
		for i, file := range x.Files() {
			if i%2 == 0 {
				sources = append(sources, Source{Name: file.Name, Indexed: true})
			} else {
				sources = append(sources, Source{Name: file.Name, Entries: []Entry{{Source: "dom 12", Translation: "t"}}})
			}
		}
		m, err := x.Layered(sources, func() (*Memory, error) { return New(), nil })
		if err != nil {
			return
		}
		for _, q := range []string{"dom", "dom 12", "Kraków dziś", "z"} {
			m.Lookup(q, 0, 5)
			m.Search(q, 0)
		}
		m.Entries()
		for i := range x.Files() {
			x.FileEntries(i)
		}
	})
}

// BenchmarkIndexLookup100k looks up close matches among 100,000 segments
// kept in an index file, against the same memory made by New: a lookup
// ("lookup"), and what a command pays for its first lookup ("open": the
// index opened, one file of 1,000 changed, and a lookup reading the file;
// "make": the memory made whole from its entries, as a command made it
// before, and a lookup).
func BenchmarkIndexLookup100k(b *testing.B) {
	m, queries := memory100k(b)
	entries := m.Entries()
	var files []IndexedFile
	sources := make([]Source, 0, 1000)
	for i := 0; i < len(entries); i += 100 {
		name := fmt.Sprintf("f%04d", i/100)
		files = append(files, IndexedFile{Name: name, Stamp: "1", Entries: entries[i : i+100]})
		sources = append(sources, Source{Name: name, Indexed: true})
	}
	sources[500] = Source{Name: sources[500].Name, Entries: entries[50_000:50_100]}
	path := filepath.Join(b.TempDir(), "tm.idx")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := WriteIndex(w, "c", files); err != nil {
		b.Fatal(err)
	}
	w.Flush()
	info, _ := f.Stat()
	open := func() *Memory {
		x, err := OpenIndex(f, info.Size())
		if err != nil {
			b.Fatal(err)
		}
		d, err := x.Layered(sources, noRebuild)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	d := open()
	lookups := map[string]func(string) []Match{
		"lookup/memory": func(q string) []Match { return m.Lookup(q, 75, 5) },
		// Past the answers kept (Lookup's memo), with the postings and
		// entries read kept as an export's lookups find them.
		"lookup/disk": func(q string) []Match { out, _ := d.layeredLookup(q, 75, 5); return out },
	}
	for name, lookup := range lookups {
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if len(lookup(queries[i%len(queries)])) == 0 {
					b.Fatal("no match for a close sentence")
				}
				i++
			}
		})
	}
	b.Run("open/disk", func(b *testing.B) {
		for b.Loop() {
			open().Lookup(queries[0], 75, 5)
		}
	})
	b.Run("open/make", func(b *testing.B) {
		for b.Loop() {
			m := New()
			for _, e := range entries {
				m.Add(e)
			}
			m.Lookup(queries[0], 75, 5)
		}
	})
}

// TestLayeredConcurrent: lookups on one memory with an index from several
// goroutines at once (a build extracts articles on all cores with one
// memory) answer as one at a time.
func TestLayeredConcurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var files []IndexedFile
	var sources []Source
	indexed := map[string][]Entry{}
	for i := range 20 {
		name := fmt.Sprintf("a%02d", i)
		f := IndexedFile{Name: name, Stamp: "1", Entries: randomEntries(r, name)}
		files = append(files, f)
		indexed[name] = f.Entries
		sources = append(sources, Source{Name: name, Indexed: i%5 != 0})
		if i%5 == 0 {
			sources[i].Entries = randomEntries(r, name)
		}
	}
	got, err := writeIndex(t, "c", files).Layered(sources, noRebuild)
	if err != nil {
		t.Fatal(err)
	}
	want := plain(sources, indexed)
	var queries []string
	for range 50 {
		queries = append(queries, randomSentence(r))
	}
	errs := make(chan string, 4*len(queries))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, q := range queries {
				if g, w := got.Lookup(q, 0, 5), want.Lookup(q, 0, 5); !reflect.DeepEqual(g, w) {
					errs <- fmt.Sprintf("Lookup(%q): %v, want %v", q, g, w)
				}
				if g, w := got.Search(q, 0), want.Search(q, 0); !reflect.DeepEqual(g, w) {
					errs <- fmt.Sprintf("Search(%q): %v, want %v", q, g, w)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLayeredRebuildFails: when the index turns out damaged in a lookup
// and making the memory again fails too, the memory finds nothing (never
// a panic) and Err says both why.
func TestLayeredRebuildFails(t *testing.T) {
	files := smallFiles()[:1]
	for _, tc := range []struct {
		name string
		use  func(m *Memory) int
	}{
		{"lookup", func(m *Memory) int { return len(m.Lookup("Rada miasta obradowała.", 0, 5)) }},
		{"search", func(m *Memory) int { return len(m.Search("miasta", 0)) }},
		{"entries", func(m *Memory) int { return len(m.Entries()) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, b := writeIndexBytes(t, "c", files)
			for i := x.sec[secData].off; i < x.sec[secData].off+x.sec[secData].len; i++ {
				b[i] ^= 0xff // every entry's data: its checksum fails when read
			}
			m, err := x.Layered([]Source{{Name: "a", Indexed: true}}, noRebuild)
			if err != nil {
				t.Fatal(err)
			}
			if n := tc.use(m); n != 0 {
				t.Errorf("%d found in a memory that could not be made again", n)
			}
			if err := m.Err(); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "index damaged in a test") {
				t.Errorf("Err = %v, want the damage and the rebuild's error", err)
			}
			if n := tc.use(m); n != 0 { // asked again: the same, rebuild not called again
				t.Errorf("%d found asked again", n)
			}
		})
	}
}

// TestIndexRecordDamaged: a record's group chain (next) and head flag
// are checked as its data is: damaged, the index is an error or the
// memory made again, never a wrong answer (an entry dropped, or the
// wrong one in place of a masked entry).
func TestIndexRecordDamaged(t *testing.T) {
	files := smallFiles()
	indexed := map[string][]Entry{}
	for _, f := range files {
		indexed[f.Name] = f.Entries
	}
	both := []Source{{Name: "a", Indexed: true}, {Name: "b", Indexed: true}}
	for _, tc := range []struct {
		name      string
		id, field int // the record and the offset in it of the field changed
		v         uint32
		sources   []Source
	}{
		{"head flag cleared", 3, 20, 0, both},         // b/2 is a head: said not
		{"head flag set on a repeat", 2, 20, 1, both}, // b/1 repeats a/2
		// a changed (masked): b/1 is its group's first now, not b/2.
		{"next points elsewhere", 1, 12, 3, []Source{{Name: "a"}, {Name: "b", Indexed: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, b := writeIndexBytes(t, "c", files)
			binary.LittleEndian.PutUint32(b[x.sec[secRecords].off+int64(tc.id)*recordSize+int64(tc.field):], tc.v)
			want := plain(tc.sources, indexed)
			m, err := x.Layered(tc.sources, func() (*Memory, error) { return want, nil })
			if err != nil {
				if !errors.Is(err, ErrDamaged) {
					t.Fatalf("an error not ErrDamaged: %v", err)
				}
				return
			}
			if g, w := m.Entries(), want.Entries(); !slices.Equal(g, w) {
				t.Errorf("entries\n got %v\nwant %v", g, w)
			}
			for _, q := range []string{"Dom stoi.", "Ulica jest nowa.", "Rada miasta obradowała."} {
				if g, w := m.Lookup(q, 0, 5), want.Lookup(q, 0, 5); !reflect.DeepEqual(g, w) {
					t.Errorf("lookup %q\n got %v\nwant %v", q, g, w)
				}
			}
		})
	}
}

// rawIndex is an index file of header h (its CRC right), and nothing
// else.
func rawIndex(h []byte) []byte {
	b := []byte(indexMagic)
	b = binary.LittleEndian.AppendUint32(b, indexVersion)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(h)))
	b = append(b, h...)
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(h))
}

// hugeFileTable is a header of hl bytes whose file table claims a file
// per byte, all of them empty (and unnamed).
func hugeFileTable(hl int) []byte {
	h := appendString(nil, "")
	h = binary.AppendUvarint(h, 0)             // entries
	h = binary.AppendUvarint(h, 0)             // heads
	h = binary.AppendUvarint(h, uint64(hl-16)) // files
	return rawIndex(append(h, make([]byte, hl-len(h))...))
}

// TestOpenIndexFileTable: a file table is read as far as the bytes there
// allow, in name order (a second unnamed file is damage), never
// allocated by the count it claims.
func TestOpenIndexFileTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a file per byte claimed", hugeFileTable(4 << 20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := OpenIndex(bytes.NewReader(tc.data), int64(len(tc.data)))
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("err %v, want ErrDamaged", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*uint64(len(tc.data))+1<<16 {
				t.Errorf("%d bytes allocated to open %d bytes", alloc, len(tc.data))
			}
		})
	}
}

// TestMemoryClose: Close closes the index's file (twice is nothing); a
// lookup after finds nothing and says so, never taking the closed file
// for damage (which would make the memory again).
func TestMemoryClose(t *testing.T) {
	_, b := writeIndexBytes(t, "c", smallFiles())
	path := filepath.Join(t.TempDir(), "tm.idx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	x, err := OpenIndex(f, int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	m, err := x.Layered([]Source{{Name: "a", Indexed: true}, {Name: "b", Indexed: true}}, func() (*Memory, error) {
		t.Error("made again after Close")
		return New(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Lookup("Dom stoi.", 100, 1); len(got) != 1 {
		t.Fatalf("before Close found %v", got)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Errorf("closed twice: %v", err)
	}
	if _, err := f.Stat(); err == nil {
		t.Error("the index's file is still open")
	}
	if got := m.Lookup("Ulica jest nowa.", 100, 1); len(got) != 0 || m.Err() == nil {
		t.Errorf("after Close found %v, Err %v", got, m.Err())
	}
}
