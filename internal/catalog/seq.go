package catalog

import "slices"

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
	for _, p := range align(base, other) {
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
