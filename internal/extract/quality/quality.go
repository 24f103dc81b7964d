// Package quality scores extracted article text against a gold text the
// way the ScrapingHub article extraction benchmark does: precision, recall
// and F1 over the multisets of 4-word shingles. It is used by the corpus
// tests and by tools/exteval, which compares extractors.
package quality

import (
	"strings"
	"unicode"
)

// Score compares got with gold.
func Score(got, gold string) (precision, recall, f1 float64) {
	g, w := shingles(got), shingles(gold)
	common := 0
	for s, n := range g {
		common += min(n, w[s])
	}
	tg, tw := total(g), total(w)
	if tg == 0 || tw == 0 {
		return 0, 0, 0
	}
	precision, recall = float64(common)/float64(tg), float64(common)/float64(tw)
	if precision+recall == 0 {
		return precision, recall, 0
	}
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func total(m map[string]int) (n int) {
	for _, c := range m {
		n += c
	}
	return n
}

// shingles counts the 4-word shingles of lower-cased text; a text of
// fewer than four words is one shingle.
func shingles(s string) map[string]int {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	m := map[string]int{}
	for i := 0; i+4 <= len(words); i++ {
		m[strings.Join(words[i:i+4], " ")]++
	}
	if len(words) > 0 && len(words) < 4 {
		m[strings.Join(words, " ")]++
	}
	return m
}
