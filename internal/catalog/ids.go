package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
)

// A SourceUnit is one segment of a fresh extraction, before it has an id.
type SourceUnit struct {
	Kind  string
	Block int
	Text  string
}

// SourceUnits lists an article's segments in reading order.
func SourceUnits(a *article.Article) []SourceUnit {
	var out []SourceUnit
	for i, b := range a.Blocks {
		for _, s := range b.Segments {
			out = append(out, SourceUnit{Kind: string(b.Kind), Block: i, Text: s.Text})
		}
	}
	return out
}

// The similarity a changed sentence needs to keep its id, by where it is.
const (
	// SamePlace: between the same unchanged neighbours as before.
	SamePlace = 0.3
	// Elsewhere: moved to another part of the article.
	Elsewhere = 0.6
)

// AssignIDs gives a fresh extraction the ids of the previous one (the
// source file's units), so that translations follow their sentences.
//
// An unchanged sentence keeps its id: the two lists are aligned on their
// longest common subsequence of texts, so a sentence that appears twice
// keeps apart the ids of its two places. A changed sentence keeps its id
// when it sits between the same unchanged neighbours and shares at least
// 30% of its words with the old one (Dice coefficient of word sets, and
// at least two words), or anywhere in the article when it shares 60%. Every other sentence gets a
// new id made from its text.
func AssignIDs(prev []Unit, next []SourceUnit) []Unit {
	out := make([]Unit, len(next))
	for j, n := range next {
		out[j] = Unit{Kind: n.Kind, Block: n.Block, Source: n.Text}
	}
	matchedPrev := make([]bool, len(prev))
	matchedNext := make([]bool, len(next))
	pairs := lcs(prev, next)
	for _, p := range pairs {
		out[p[1]].ID = prev[p[0]].ID
		matchedPrev[p[0]], matchedNext[p[1]] = true, true
	}
	// Changed sentences between the same anchors.
	anchors := append([][2]int{{-1, -1}}, append(pairs, [2]int{len(prev), len(next)})...)
	for k := 0; k+1 < len(anchors); k++ {
		a, b := anchors[k], anchors[k+1]
		pairSimilar(prev, next, out, matchedPrev, matchedNext, a[0]+1, b[0], a[1]+1, b[1], SamePlace)
	}
	// Changed and moved.
	pairSimilar(prev, next, out, matchedPrev, matchedNext, 0, len(prev), 0, len(next), Elsewhere)

	used := map[string]bool{}
	for _, u := range out {
		if u.ID != "" {
			used[u.ID] = true
		}
	}
	for j := range out {
		if out[j].ID == "" {
			out[j].ID = newID(out[j].Source, used)
		}
	}
	return out
}

// pairSimilar gives each unmatched new unit in next[n0:n1] the id of the
// most similar unmatched old unit in prev[p0:p1] of the same kind, when
// the similarity reaches min.
func pairSimilar(prev []Unit, next []SourceUnit, out []Unit, mp, mn []bool, p0, p1, n0, n1 int, min float64) {
	if p0 >= p1 {
		return // nothing to pair with: a first extraction, or no gap here
	}
	for j := n0; j < n1; j++ {
		if mn[j] {
			continue
		}
		best, bestSim := -1, min
		words := wordSet(next[j].Text)
		for i := p0; i < p1; i++ {
			if mp[i] || prev[i].Kind != next[j].Kind {
				continue
			}
			if s := dice(words, wordSet(prev[i].Source)); s >= bestSim {
				best, bestSim = i, s
			}
		}
		if best >= 0 {
			out[j].ID = prev[best].ID
			mp[best], mn[j] = true, true
		}
	}
}

// lcs aligns two lists on equal texts and returns the matched index pairs
// in order.
func lcs(prev []Unit, next []SourceUnit) [][2]int {
	return lcsPairs(len(prev), len(next), func(i, j int) bool { return prev[i].Source == next[j].Text })
}

// wordSet is the set of lower-case words of a text, placeholders left out.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		set[w] = true
	}
	return set
}

// dice is 2|A∩B| / (|A|+|B|), and 0 when the sets share fewer than two
// words: one shared word ("dwa", "w") says nothing about two sentences.
func dice(a, b map[string]bool) float64 {
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	if common < 2 {
		return 0
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// newID makes an id from a text: the first 8 hex digits of its SHA-1,
// with -2, -3… when the article already has it (the same sentence twice).
func newID(text string, used map[string]bool) string {
	h := sha1.Sum([]byte(text))
	base := hex.EncodeToString(h[:4])
	id := base
	for i := 2; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	used[id] = true
	return id
}
