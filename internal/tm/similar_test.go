package tm

import (
	"math/rand/v2"
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
	for range 200_000 {
		a, b := randomText(r), randomText(r)
		if r.IntN(3) == 0 { // a shared beginning and end
			p, s := randomText(r), randomText(r)
			a, b = p+a+s, p+b+s
		}
		want := similarityOf(a, b)
		if got := similarity(a, b); got != want {
			t.Fatalf("similarity(%q, %q) = %d, want %d", a, b, got, want)
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
