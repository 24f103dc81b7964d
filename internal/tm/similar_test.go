package tm

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"testing"

	"github.com/agnivade/levenshtein"
)

// similarityOf is similarity as it was made first: the edit distance of
// the whole texts, by the levenshtein package.
func similarityOf(a, b string) int {
	longer := max(len([]rune(a)), len([]rune(b)))
	if longer == 0 {
		return 100
	}
	return int(100 * (1 - float64(levenshtein.ComputeDistance(a, b))/float64(longer)))
}

// randomText is a short text from few letters (so texts share parts),
// digits, Polish and Russian letters and bytes that are not UTF-8.
func randomText(r *rand.Rand) string {
	alphabet := []string{"a", "b", "ab", " ", "1", "2", ".", ",", "ą", "ż", "я", "ё", "\xc3", "\xa9", "\xe2\x82", "12,5", "zdanie "}
	var b []byte
	for range r.IntN(12) {
		b = append(b, alphabet[r.IntN(len(alphabet))]...)
	}
	return string(b)
}

// TestSimilarity: similarity and similarAtLeast give what the whole
// edit distance gives, on texts that share beginnings and ends, differ
// in numbers, hold multi-byte letters and bytes that are not UTF-8.
func TestSimilarity(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 40_000 {
		a, b := randomText(r), randomText(r)
		if r.IntN(3) == 0 { // a shared beginning and end
			p, s := randomText(r), randomText(r)
			a, b = p+a+s, p+b+s
		}
		want := similarityOf(a, b)
		if got := similarity(a, b); got != want {
			t.Fatalf("similarity(%q, %q) = %d, want %d", a, b, got, want)
		}
		d := levenshtein.ComputeDistance(a, b)
		for k := range 8 {
			if got := distance(a, b, k); got != d && (d <= k || got <= k) {
				t.Fatalf("distance(%q, %q, %d) = %d, the distance is %d", a, b, k, got, d)
			}
		}
		for _, minScore := range []int{-5, 0, 1, 50, 75, 99, 100, 101} {
			got, ok := similarAtLeast(a, b, minScore)
			if ok != (want >= minScore) || ok && got != want {
				t.Fatalf("similarAtLeast(%q, %q, %d) = %d, %v; similarity %d", a, b, minScore, got, ok, want)
			}
		}
	}
}

// TestShape: shape replaces the numbers as the regular expression of
// numbers does.
func TestShape(t *testing.T) {
	re := regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	r := rand.New(rand.NewPCG(3, 4))
	for _, s := range []string{"", "1", "a1b", "1.2.3", "1..2", "1,", ",1", "1,2,x", "v 12,5 i 1.000.000.", "٣ arabic", "1.2,3 4"} {
		if got, want := shape(s), re.ReplaceAllString(s, "#"); got != want {
			t.Errorf("shape(%q) = %q, want %q", s, got, want)
		}
	}
	for range 100_000 {
		s := randomText(r)
		if got, want := shape(s), re.ReplaceAllString(s, "#"); got != want {
			t.Fatalf("shape(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLookupLimitCuts: a lookup with a limit, which stops comparing a
// candidate once it cannot be among the first limit, returns the first
// limit matches of the same lookup without one — in memory and from an
// index — on sentences that differ in their numbers, repeat, and have
// several translations.
func TestLookupLimitCuts(t *testing.T) {
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 11))
		var files []IndexedFile
		var sources []Source
		for i := range 1 + r.IntN(8) {
			name := fmt.Sprintf("a%02d", i)
			entries := randomEntries(r, name)
			for k := range r.IntN(8) { // the same sentence with other numbers
				entries = append(entries, Entry{Source: fmt.Sprintf("rada miasta %d dom %d,%d", r.IntN(30), r.IntN(3), k), Translation: fmt.Sprint(k), Origin: fmt.Sprintf("%s/n%d", name, k)})
			}
			files = append(files, IndexedFile{Name: name, Stamp: "1", Entries: entries})
			sources = append(sources, Source{Name: name, Indexed: true})
		}
		indexed := map[string][]Entry{}
		for _, f := range files {
			indexed[f.Name] = f.Entries
		}
		mem := plain(sources, indexed)
		layered, err := writeIndex(t, "c", files).Layered(sources, noRebuild)
		if err != nil {
			t.Fatal(err)
		}
		queries := []string{"rada miasta 7 dom 1,1", "rada miasta dom", randomSentence(r)}
		for _, e := range mem.Entries() {
			queries = append(queries, e.Source)
		}
		for _, q := range queries {
			for _, minScore := range []int{0, 40, 75, 95} {
				for name, m := range map[string]*Memory{"memory": mem, "index": layered} {
					all := m.Lookup(q, minScore, 0)
					for limit := 1; limit <= 4; limit++ {
						want := all[:min(limit, len(all))]
						if got := m.Lookup(q, minScore, limit); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
							t.Fatalf("seed %d, %s: Lookup(%q, %d, %d)\n got %v\nwant %v", seed, name, q, minScore, limit, got, want)
						}
					}
				}
			}
		}
	}
}
