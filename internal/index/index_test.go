package index

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scan is the full scan the lookups must agree with: every entry tested
// against the key.
func scan(entries map[string]Entry, match func(Entry) bool) []string {
	var out []string
	for slug, e := range entries {
		if match(e) {
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out
}

// randomEntry makes entries that share origins, URLs, checksums and
// titles often, so lookups with several answers and changes of key are
// common.
func randomEntry(rng *rand.Rand) Entry {
	n := func(k int) int { return rng.IntN(k) }
	e := Entry{Slug: fmt.Sprintf("a-%d", n(40)), Origin: fmt.Sprintf("https://www.site.example/a/%d/", n(30)),
		SHA256: fmt.Sprintf("%064d", n(20)), Title: []string{"Rozmowy", "rozmowy ", "Forum", "Targi  2018", ""}[n(5)],
		Date: []string{"2017-12-13", "2018-04-01", ""}[n(3)]}
	if n(2) == 0 {
		e.FinalURL = fmt.Sprintf("http://site.example/a/%d#x", n(30))
	}
	if n(3) == 0 {
		e.Canonical = fmt.Sprintf("https://site.example/a/%d", n(30))
	}
	if n(4) == 0 {
		e.Origin = fmt.Sprintf("/home/u/art\t%d.html", n(5)) // a file, with a tab in its name
	}
	for range n(3) * 2 {
		e.Stamps = append(e.Stamps, Stamp{Size: int64(n(3)) - 1, MTime: rng.Int64()})
	}
	return e
}

// TestLookupsAgreeWithScan: after any sequence of puts and removes (and a
// save and load on the way), every lookup gives what a scan of all
// entries gives: the first ones answered by the index's own scan of its
// entries and lines, the others by its tables.
func TestLookupsAgreeWithScan(t *testing.T) {
	for seed := range uint64(50) {
		rng := rand.New(rand.NewPCG(seed, 1))
		x, model := New(), map[string]Entry{}
		for step := range 300 {
			switch e := randomEntry(rng); {
			case rng.IntN(4) == 0:
				x.Remove(e.Slug)
				delete(model, e.Slug)
			default:
				x.Put(e)
				model[e.Slug] = e
			}
			if step == 75 || step == 200 {
				x.lookup() // tables made now are kept up to date by later puts
			}
			if step == 150 {
				path := filepath.Join(t.TempDir(), "index")
				if err := x.Save(path, "tok"); err != nil {
					t.Fatal(err)
				}
				var tok string
				var err error
				if x, tok, err = Load(path, 1<<20); err != nil || tok != "tok" {
					t.Fatalf("load: %v (token %q)", err, tok)
				}
			}
		}
		if d := cmp.Diff(scan(model, func(Entry) bool { return true }), x.Slugs()); d != "" {
			t.Fatalf("seed %d: slugs (-scan +index):\n%s", seed, d)
		}
		for slug, want := range model {
			if got, _ := x.Get(slug); !equal(got, want) {
				t.Fatalf("seed %d: %s is %+v, want %+v", seed, slug, got, want)
			}
		}
		for range 100 {
			q := randomEntry(rng)
			checks := []struct {
				name string
				got  []string
				want func(Entry) bool
			}{
				{"origin", x.ByOrigin(q.Origin), func(e Entry) bool { return e.Origin == q.Origin }},
				{"url", x.ByURL(q.FinalURL + q.Canonical), func(e Entry) bool {
					u := NormalURL(q.FinalURL + q.Canonical)
					return u != "" && (NormalURL(e.Origin) == u || NormalURL(e.FinalURL) == u || NormalURL(e.Canonical) == u)
				}},
				{"canonical", x.ByCanonical(q.Canonical + q.FinalURL), func(e Entry) bool {
					u := NormalURL(q.Canonical + q.FinalURL)
					return u != "" && NormalURL(e.Canonical) == u
				}},
				{"sum", x.BySum(q.SHA256), func(e Entry) bool { return e.SHA256 == q.SHA256 }},
				{"title+date", x.ByTitleDate(q.Title, q.Date), func(e Entry) bool {
					return e.Title != "" && titleDateKey(e.Title, e.Date) == titleDateKey(q.Title, q.Date)
				}},
			}
			for _, c := range checks {
				if d := cmp.Diff(scan(model, c.want), c.got, cmp.Comparer(func(a, b []string) bool { return len(a)+len(b) == 0 || slices.Equal(a, b) })); d != "" {
					t.Fatalf("seed %d: by %s for %+v (-scan +index):\n%s", seed, c.name, q, d)
				}
			}
		}
	}
}

func TestNormalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Site.example/a/b/", "//site.example/a/b"},
		{"http://site.example/a/b#top", "//site.example/a/b"},
		{"HTTPS://site.example", "//site.example/"},
		{"https://site.example/a?id=1", "//site.example/a?id=1"},
		{"/home/u/art.html", "/home/u/art.html"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalURL(tt.in); got != tt.want {
			t.Errorf("NormalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	x, tok, err := Load(filepath.Join(dir, "missing"), 1<<20)
	if err != nil || x.Len() != 0 || tok != "" {
		t.Errorf("a missing index: %d entries, %q, %v", x.Len(), tok, err)
	}
	for name, data := range map[string]string{
		"other version": "mosty-index 0\n\n",
		"short line":    header + "\ntok\na\tb\n",
		"no slug":       header + "\ntok\n\t\t\t\t\t\t\t\t\n",
		"bad stamps":    header + "\ntok\na\t\t\t\t\t\t\t\t1:x\n",
	} {
		p := filepath.Join(dir, "index")
		os.WriteFile(p, []byte(data), 0o644)
		if _, _, err := Load(p, 1<<20); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestLoadReadsWhatIsAsked: a loaded index reads the entries asked for,
// not every line: a lookup by origin and a Get read one entry; a save
// writes the others as they were loaded.
func TestLoadReadsWhatIsAsked(t *testing.T) {
	x := New()
	for i := range 100 {
		x.Put(Entry{Slug: fmt.Sprintf("a-%03d", i), Origin: fmt.Sprintf("/src/a\t%d.html", i), SHA256: "00", Title: "T", Date: "2018-04-01",
			Stamps: []Stamp{{Size: int64(i), MTime: 1}}})
	}
	y := saveLoad(t, x)
	if got := y.ByOrigin("/src/a\t7.html"); !slices.Equal(got, []string{"a-007"}) {
		t.Fatalf("by origin: %v", got)
	}
	e, _ := y.Get("a-007")
	e.Title = "Nowy"
	y.Put(e)
	if len(y.entries) != 1 || len(y.lines) != 99 {
		t.Errorf("%d entries read, %d lines kept; want 1 and 99", len(y.entries), len(y.lines))
	}
	z := saveLoad(t, y)
	want := all(x)
	want["a-007"] = e
	if d := cmp.Diff(want, all(z)); d != "" {
		t.Errorf("saved and loaded again (-want +got):\n%s", d)
	}
}

// TestStampsSyntax: the check made of every line on load agrees with
// ParseStamps.
func TestStampsSyntax(t *testing.T) {
	for _, s := range []string{"", "1:2", "-1:0,10:20", "+1:2", "1:2,", "1:2,3", "1", ":", "1:", ":1", "1,2", "1:2:3", "--1:2", "1:-",
		"a:1", "1:2,,3:4", "9223372036854775807:1", "9223372036854775808:1", "1:-9223372036854775808", "00000000000000000001:2", " 1:2"} {
		_, want := ParseStamps(s)
		if got := stampsSyntax(s); got != want {
			t.Errorf("stampsSyntax(%q) = %v, ParseStamps reads it: %v", s, got, want)
		}
	}
}

// saveLoad saves x and loads it again.
func saveLoad(t *testing.T, x *Index) *Index {
	t.Helper()
	path := filepath.Join(t.TempDir(), "index")
	if err := x.Save(path, "tok"); err != nil {
		t.Fatal(err)
	}
	y, _, err := Load(path, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return y
}
