package tm

import (
	"maps"
	"slices"
	"strings"
)

// Search finds up to limit entries holding phrase in their source or
// their translation (concordance): whole words or parts of them, case
// and placeholders ignored, white space collapsed; in the order they were
// added. Candidates come from the trigram indexes of sources and
// translations: an entry must hold every trigram of the phrase.
func (m *Memory) Search(phrase string, limit int) []Entry {
	if m.layer != nil {
		if full := m.layer.fallback(); full != nil {
			return full.Search(phrase, limit)
		}
		out, err := m.layeredSearch(phrase, limit)
		if err != nil {
			return m.layer.failed(err).Search(phrase, limit)
		}
		return out
	}
	p := normalize(phrase)
	if p == "" {
		return nil
	}
	found := map[int32]Entry{}
	for _, id := range m.withTrigrams(m.grams, p) {
		if strings.Contains(m.norm[id], p) {
			found[id] = m.entries[id]
		}
	}
	for _, id := range m.withTrigrams(m.tgrams, p) {
		if strings.Contains(m.tnorm[id], p) {
			found[id] = m.entries[id]
		}
	}
	return firstValues(found, limit)
}

// firstValues lists the values of found by their keys, ascending, up to
// limit (0: all).
func firstValues[K int32 | int64](found map[K]Entry, limit int) []Entry {
	keys := slices.Sorted(maps.Keys(found))
	if limit > 0 && len(keys) > limit {
		keys = keys[:limit]
	}
	out := make([]Entry, len(keys))
	for i, k := range keys {
		out[i] = found[k]
	}
	return out
}

// withTrigrams lists the entries whose text holds every trigram of the
// normalised text p, by an index of trigrams. Only p's inner trigrams count: a phrase may
// stand inside a word, where the index's word-end trigrams are not.
func (m *Memory) withTrigrams(index map[gram][]int32, p string) []int32 {
	var grams []gram
	r := []rune(p)
	for i := 0; i+3 <= len(r); i++ {
		grams = append(grams, gramOf(r[i:i+3]))
	}
	if len(grams) == 0 { // shorter than a trigram: every entry is a candidate
		all := make([]int32, len(m.entries))
		for i := range all {
			all[i] = int32(i)
		}
		return all
	}
	slices.SortFunc(grams, func(a, b gram) int { return len(index[a]) - len(index[b]) })
	cands := slices.Clone(index[grams[0]])
	for _, g := range grams[1:] {
		cands = intersect(cands, index[g])
		if len(cands) == 0 {
			break
		}
	}
	return cands
}

// intersect keeps the ids of a that are in b; both are ascending.
func intersect(a, b []int32) []int32 {
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			out = append(out, x)
		}
	}
	return out
}
