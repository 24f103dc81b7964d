package catalog

import "slices"

// lcsPairs aligns two sequences of lengths n and m on their longest
// common subsequence, eq(i, j) telling whether the first's element i
// equals the second's element j, and returns the matched index pairs in
// order.
func lcsPairs(n, m int, eq func(i, j int) bool) [][2]int {
	// Trim the common head and tail first: most changes are small.
	head := 0
	for head < n && head < m && eq(head, head) {
		head++
	}
	tail := 0
	for tail < n-head && tail < m-head && eq(n-1-tail, m-1-tail) {
		tail++
	}
	pairs := make([][2]int, 0, head+tail)
	for i := 0; i < head; i++ {
		pairs = append(pairs, [2]int{i, i})
	}
	a, b := n-tail-head, m-tail-head
	table := make([][]int32, a+1)
	for i := range table {
		table[i] = make([]int32, b+1)
	}
	for i := a - 1; i >= 0; i-- {
		for j := b - 1; j >= 0; j-- {
			if eq(head+i, head+j) {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < a && j < b; {
		switch {
		case eq(head+i, head+j):
			pairs = append(pairs, [2]int{head + i, head + j})
			i++
			j++
		case table[i+1][j] >= table[i][j+1]:
			i++
		default:
			j++
		}
	}
	for k := tail; k > 0; k-- {
		pairs = append(pairs, [2]int{n - k, m - k})
	}
	return pairs
}

// merge3Seq merges two edited copies of a sequence, ours and theirs, of
// base, as diff3 does: regions between elements that neither side
// touched take the side that changed them. clean is false when both
// changed one region differently; that region then holds ours followed
// by the elements of theirs that ours does not have, so nothing either
// side added is lost.
func merge3Seq[T comparable](base, ours, theirs []T) (out []T, clean bool) {
	inOurs := matchIndex(base, ours)
	inTheirs := matchIndex(base, theirs)
	clean = true
	take := func(b, o, t []T) {
		r, ok := mergeRegion(b, o, t)
		out = append(out, r...)
		clean = clean && ok
	}
	i, j, k := 0, 0, 0
	for i < len(base) {
		// The next base element both sides kept.
		s := i
		for s < len(base) && (inOurs[s] < 0 || inTheirs[s] < 0) {
			s++
		}
		if s == len(base) {
			break
		}
		take(base[i:s], ours[j:inOurs[s]], theirs[k:inTheirs[s]])
		out = append(out, base[s])
		i, j, k = s+1, inOurs[s]+1, inTheirs[s]+1
	}
	take(base[i:], ours[j:], theirs[k:])
	return out, clean
}

// matchIndex maps each element of base to its place in other on their
// longest common subsequence, -1 where other does not keep it.
func matchIndex[T comparable](base, other []T) []int {
	at := make([]int, len(base))
	for i := range at {
		at[i] = -1
	}
	for _, p := range lcsPairs(len(base), len(other), func(i, j int) bool { return base[i] == other[j] }) {
		at[p[0]] = p[1]
	}
	return at
}

// mergeRegion merges one region that at least one side changed.
func mergeRegion[T comparable](b, o, t []T) ([]T, bool) {
	switch {
	case slices.Equal(o, b):
		return t, true
	case slices.Equal(t, b), slices.Equal(o, t):
		return o, true
	}
	out := append([]T(nil), o...)
	for _, e := range t {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out, false
}
