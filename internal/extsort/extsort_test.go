package extsort

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// rec is a test record: a key to sort by, and the place it was added in
// (which the sort must keep among equal keys).
type rec struct {
	key string
	seq int
}

var recCodec = Codec[rec]{
	Append: func(b []byte, r rec) []byte {
		b = binary.AppendUvarint(b, uint64(r.seq))
		return append(b, r.key...)
	},
	Decode: func(b []byte) (rec, error) {
		seq, n := binary.Uvarint(b)
		if n <= 0 {
			return rec{}, errors.New("bad record")
		}
		return rec{seq: int(seq), key: string(b[n:])}, nil
	},
}

func byKey(a, b rec) int { return strings.Compare(a.key, b.key) }

// sortAll sorts recs with opts in dir and returns them as the stream
// gave them, checking that the stream rewound gives them again.
func sortAll(t *testing.T, dir string, recs []rec, opts Options) []rec {
	t.Helper()
	s := New(dir, byKey, recCodec, opts)
	for _, r := range recs {
		if err := s.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Sort()
	if err != nil {
		t.Fatal(err)
	}
	var out []rec
	for r := range st.All {
		out = append(out, r)
	}
	if err := st.Err(); err != nil {
		t.Fatal(err)
	}
	if err := st.Rewind(); err != nil {
		t.Fatal(err)
	}
	var again []rec
	for r := range st.All {
		again = append(again, r)
	}
	if !slices.Equal(again, out) || st.Err() != nil {
		t.Errorf("rewound, the stream gave %v (%v), not %v", again, st.Err(), out)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func recsOf(keys ...string) []rec {
	var out []rec
	for i, k := range keys {
		out = append(out, rec{key: k, seq: i})
	}
	return out
}

func TestSort(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		opts Options
	}{
		{"none", nil, Options{RunLen: 2}},
		{"in memory", []string{"c", "a", "b"}, Options{}},
		{"one full run", []string{"c", "a", "b"}, Options{RunLen: 3}},
		{"runs", []string{"e", "d", "c", "b", "a"}, Options{RunLen: 2}},
		{"ties across runs", []string{"b", "a", "b", "a", "b", "a", "b"}, Options{RunLen: 2}},
		{"levels of merges", []string{"j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "a"}, Options{RunLen: 1, FanIn: 2}},
		{"empty keys", []string{"", "x", "", ""}, Options{RunLen: 1, FanIn: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			recs := recsOf(tc.keys...)
			want := slices.Clone(recs)
			slices.SortStableFunc(want, byKey)
			got := sortAll(t, dir, recs, tc.opts)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
			if left, _ := os.ReadDir(dir); len(left) > 0 {
				t.Errorf("%d files left in the folder", len(left))
			}
		})
	}
}

// TestSortProperty: on random records with many equal keys, the sort
// gives what slices.SortStableFunc gives, whatever the run length and
// fan-in.
func TestSortProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	for i := range 200 {
		n := r.IntN(300)
		keys := make([]string, n)
		for k := range keys {
			keys[k] = fmt.Sprint(r.IntN(1 + n/4)) // ties
		}
		opts := Options{RunLen: 1 + r.IntN(40), FanIn: 2 + r.IntN(5)}
		recs := recsOf(keys...)
		want := slices.Clone(recs)
		slices.SortStableFunc(want, byKey)
		if got := sortAll(t, dir, recs, opts); !slices.Equal(got, want) {
			t.Fatalf("case %d (%d records, %+v): got %v, want %v", i, n, opts, got, want)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("%d files left in the folder", len(left))
	}
}

// TestSortDamagedRun: a run cut short is an error naming its file, not
// records lost in silence; the files go on Close all the same.
func TestSortDamagedRun(t *testing.T) {
	dir := t.TempDir()
	s := New(dir, byKey, recCodec, Options{RunLen: 2})
	for _, r := range recsOf("d", "c", "b", "a") {
		if err := s.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	info, err := os.Stat(s.runs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(s.runs[0], info.Size()-1); err != nil {
		t.Fatal(err)
	}
	st, err := s.Sort()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range st.All {
		n++
	}
	if st.Err() == nil || !errors.Is(st.Err(), io.ErrUnexpectedEOF) {
		t.Errorf("after %d records: error %v, want one saying the run is cut short", n, st.Err())
	}
	st.Close()
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("%d files left in the folder", len(left))
	}
}

// FuzzReadRecord: any bytes read as a run give records or an error,
// never a panic or a huge allocation; what was read, written again,
// reads the same.
func FuzzReadRecord(f *testing.F) {
	f.Add([]byte("\x03abc\x00\x01x"))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"))
	f.Add([]byte("\x05ab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		var recs [][]byte
		for {
			b, err := readRecord(r, nil)
			if err != nil {
				break
			}
			recs = append(recs, b)
		}
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		for _, b := range recs {
			writeRecord(w, b)
		}
		w.Flush()
		r = bufio.NewReader(&out)
		for i, want := range recs {
			got, err := readRecord(r, nil)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("record %d read again: %q, %v; want %q", i, got, err, want)
			}
		}
	})
}
