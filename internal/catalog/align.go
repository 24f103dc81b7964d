package catalog

import "sort"

// exactCells bounds the table of an exact longest-common-subsequence
// alignment: a range of a·b ≤ exactCells texts is aligned exactly; a
// larger one is first cut at anchors, so an article of any size aligns in
// about linear time and memory.
const exactCells = 1 << 16

// align pairs the equal elements (texts, ids) of two lists in order, as a
// longest common subsequence would: the common head and tail first; then, in a range too
// large for an exact table, texts found exactly once on both sides
// (patience diff's anchors, the longest increasing run of them) cut it
// into smaller ranges; a range with no such text pairs each text with its
// next unused occurrence on the other side. It returns the matched index
// pairs in order.
func align[T comparable](a, b []T) [][2]int {
	var pairs [][2]int
	alignRange(a, b, 0, len(a), 0, len(b), &pairs)
	return pairs
}

func alignRange[T comparable](a, b []T, a0, a1, b0, b1 int, pairs *[][2]int) {
	for a0 < a1 && b0 < b1 && a[a0] == b[b0] {
		*pairs = append(*pairs, [2]int{a0, b0})
		a0, b0 = a0+1, b0+1
	}
	var tail [][2]int
	for a0 < a1 && b0 < b1 && a[a1-1] == b[b1-1] {
		a1, b1 = a1-1, b1-1
		tail = append(tail, [2]int{a1, b1})
	}
	switch {
	case a0 == a1 || b0 == b1:
	case (a1-a0)*(b1-b0) <= exactCells:
		*pairs = append(*pairs, lcs(a[a0:a1], b[b0:b1], a0, b0)...)
	default:
		anchors := uniqueAnchors(a, b, a0, a1, b0, b1)
		if len(anchors) == 0 {
			*pairs = append(*pairs, greedyPairs(a, b, a0, a1, b0, b1)...)
			break
		}
		pa, pb := a0, b0
		for _, p := range anchors {
			alignRange(a, b, pa, p[0], pb, p[1], pairs)
			*pairs = append(*pairs, p)
			pa, pb = p[0]+1, p[1]+1
		}
		alignRange(a, b, pa, a1, pb, b1, pairs)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		*pairs = append(*pairs, tail[k])
	}
}

// lcs aligns two short lists exactly; the pairs are offset by a0, b0.
func lcs[T comparable](a, b []T, a0, b0 int) [][2]int {
	table := make([][]int32, len(a)+1)
	for i := range table {
		table[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	var pairs [][2]int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			pairs = append(pairs, [2]int{a0 + i, b0 + j})
			i++
			j++
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pairs
}

// uniqueAnchors pairs the texts found exactly once in a[a0:a1] and once
// in b[b0:b1], and keeps the longest run of pairs in order on both sides.
func uniqueAnchors[T comparable](a, b []T, a0, a1, b0, b1 int) [][2]int {
	type seen struct{ inA, inB, at int }
	count := map[T]*seen{}
	for i := a0; i < a1; i++ {
		s := count[a[i]]
		if s == nil {
			s = &seen{}
			count[a[i]] = s
		}
		s.inA++
		s.at = i
	}
	var cand [][2]int // in b's order
	for j := b0; j < b1; j++ {
		if s := count[b[j]]; s != nil {
			s.inB++
		}
	}
	for j := b0; j < b1; j++ {
		if s := count[b[j]]; s != nil && s.inA == 1 && s.inB == 1 {
			cand = append(cand, [2]int{s.at, j})
		}
	}
	return increasingRun(cand)
}

// increasingRun returns the longest run of pairs (already increasing in
// their second index) whose first index increases too: patience sorting,
// n log n.
func increasingRun(cand [][2]int) [][2]int {
	var tops []int // index into cand of the smallest tail of each length
	prev := make([]int, len(cand))
	for k, c := range cand {
		n := sort.Search(len(tops), func(i int) bool { return cand[tops[i]][0] >= c[0] })
		prev[k] = -1
		if n > 0 {
			prev[k] = tops[n-1]
		}
		if n == len(tops) {
			tops = append(tops, k)
		} else {
			tops[n] = k
		}
	}
	if len(tops) == 0 {
		return nil
	}
	run := make([][2]int, len(tops))
	for k, i := tops[len(tops)-1], len(tops)-1; k >= 0; k, i = prev[k], i-1 {
		run[i] = cand[k]
	}
	return run
}

// greedyPairs pairs each text of b[b0:b1], in order, with the first unused
// occurrence in a[a0:a1] after the last one paired.
func greedyPairs[T comparable](a, b []T, a0, a1, b0, b1 int) [][2]int {
	at := map[T][]int{}
	for i := a0; i < a1; i++ {
		at[a[i]] = append(at[a[i]], i)
	}
	var pairs [][2]int
	last := a0 - 1
	for j := b0; j < b1; j++ {
		q := at[b[j]]
		for len(q) > 0 && q[0] <= last {
			q = q[1:]
		}
		if len(q) > 0 {
			last = q[0]
			pairs = append(pairs, [2]int{last, j})
			q = q[1:]
		}
		at[b[j]] = q
	}
	return pairs
}
