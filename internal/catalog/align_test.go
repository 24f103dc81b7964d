package catalog

import (
	"fmt"
	"math/rand"
	"testing"
)

// checkPairs fails unless pairs match equal texts, in order on both sides.
func checkPairs(t *testing.T, a, b []string, pairs [][2]int) {
	t.Helper()
	for k, p := range pairs {
		if a[p[0]] != b[p[1]] {
			t.Fatalf("pair %v: %q and %q", p, a[p[0]], b[p[1]])
		}
		if k > 0 && (p[0] <= pairs[k-1][0] || p[1] <= pairs[k-1][1]) {
			t.Fatalf("pairs out of order: %v then %v", pairs[k-1], p)
		}
	}
}

// TestAlignIsExactOnSmallRanges: where the table fits, align finds a
// longest common subsequence, like the exact table over the whole lists.
func TestAlignIsExactOnSmallRanges(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for n := range 300 {
		a := make([]string, r.Intn(60))
		b := make([]string, r.Intn(60))
		for i := range a {
			a[i] = fmt.Sprint(r.Intn(6))
		}
		for i := range b {
			b[i] = fmt.Sprint(r.Intn(6))
		}
		got := align(a, b)
		checkPairs(t, a, b, got)
		if want := lcs(a, b, 0, 0); len(got) != len(want) {
			t.Fatalf("case %d: %d pairs, an LCS has %d", n, len(got), len(want))
		}
	}
}

// TestAlignLarge: articles too large for the exact table still keep every
// unchanged sentence paired when a few sentences change, repeated ones
// included.
func TestAlignLarge(t *testing.T) {
	const n = 5000
	tests := []struct {
		name string
		a, b func(i int) string
	}{
		{"distinct, ends changed", func(i int) string { return fmt.Sprint("s", i) }, func(i int) string {
			if i == 0 || i == n-1 {
				return "new"
			}
			return fmt.Sprint("s", i)
		}},
		{"one sentence repeated, ends changed", func(int) string { return "same" }, func(i int) string {
			if i == 0 || i == n-1 {
				return fmt.Sprint("new", i)
			}
			return "same"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := make([]string, n), make([]string, n)
			for i := range n {
				a[i], b[i] = tt.a(i), tt.b(i)
			}
			pairs := align(a, b)
			checkPairs(t, a, b, pairs)
			if len(pairs) != n-2 {
				t.Errorf("%d pairs, want %d", len(pairs), n-2)
			}
		})
	}
}

func TestIncreasingRun(t *testing.T) {
	got := increasingRun([][2]int{{5, 0}, {1, 1}, {2, 2}, {9, 3}, {3, 4}, {4, 5}})
	want := [][2]int{{1, 1}, {2, 2}, {3, 4}, {4, 5}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
