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

	ids := idMaker{used: make(map[string]bool, len(out)), next: map[string]int{}}
	for _, u := range out {
		if u.ID != "" {
			ids.used[u.ID] = true
		}
	}
	for j := range out {
		if out[j].ID == "" {
			out[j].ID = ids.make(out[j].Source)
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
	n, m := len(prev), len(next)
	// Trim the common head and tail first: most syncs change little.
	head := 0
	for head < n && head < m && prev[head].Source == next[head].Text {
		head++
	}
	tail := 0
	for tail < n-head && tail < m-head && prev[n-1-tail].Source == next[m-1-tail].Text {
		tail++
	}
	var pairs [][2]int
	for i := 0; i < head; i++ {
		pairs = append(pairs, [2]int{i, i})
	}
	a, b := prev[head:n-tail], next[head:m-tail]
	table := make([][]int32, len(a)+1)
	for i := range table {
		table[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i].Source == b[j].Text {
				table[i][j] = table[i+1][j+1] + 1
			} else {
				table[i][j] = max(table[i+1][j], table[i][j+1])
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Source == b[j].Text:
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

// idMaker makes ids from texts: the first 8 hex digits of the text's
// SHA-1, with -2, -3… when the article already has it (the same sentence
// twice). It remembers where each base's numbering got to, so n copies of
// one sentence cost n steps, not n².
type idMaker struct {
	used map[string]bool
	next map[string]int // base → the suffix to try first
}

func (m idMaker) make(text string) string {
	h := sha1.Sum([]byte(text))
	base := hex.EncodeToString(h[:4])
	id := base
	n := max(m.next[base], 2)
	if m.used[id] {
		for id = base + "-" + strconv.Itoa(n); m.used[id]; n++ {
			id = base + "-" + strconv.Itoa(n+1)
		}
		m.next[base] = n + 1
	}
	m.used[id] = true
	return id
}
