package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
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
	prevTexts := make([]string, len(prev))
	for i, u := range prev {
		prevTexts[i] = u.Source
	}
	nextTexts := make([]string, len(next))
	for j, n := range next {
		nextTexts[j] = n.Text
	}
	sim := newSimilarity(prev, next)
	pairs := align(prevTexts, nextTexts)
	for _, p := range pairs {
		out[p[1]].ID = prev[p[0]].ID
		sim.matchedPrev[p[0]], sim.matchedNext[p[1]] = true, true
	}
	// Changed sentences between the same anchors.
	anchors := append([][2]int{{-1, -1}}, append(pairs, [2]int{len(prev), len(next)})...)
	for k := 0; k+1 < len(anchors); k++ {
		a, b := anchors[k], anchors[k+1]
		sim.pair(out, a[0]+1, b[0], a[1]+1, b[1], SamePlace)
	}
	// Changed and moved.
	sim.pair(out, 0, len(prev), 0, len(next), Elsewhere)

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

// similarity finds the old sentence a changed one was. Word sets are
// made once; a range too large to compare every pair looks only at old
// sentences sharing a rare word with the new one (one of at most
// rareWord sentences), which any sentence similar enough shares.
type similarity struct {
	prev                     []Unit
	next                     []SourceUnit
	prevWords, nextWords     []map[string]bool
	index                    map[string][]int // word → old sentences with it, built when needed
	matchedPrev, matchedNext []bool
}

const rareWord = 64

func newSimilarity(prev []Unit, next []SourceUnit) *similarity {
	s := &similarity{prev: prev, next: next, matchedPrev: make([]bool, len(prev)), matchedNext: make([]bool, len(next))}
	if len(prev) == 0 {
		return s // a first extraction: nothing to compare
	}
	s.prevWords = make([]map[string]bool, len(prev))
	for i, u := range prev {
		s.prevWords[i] = wordSet(u.Source)
	}
	s.nextWords = make([]map[string]bool, len(next))
	for j, n := range next {
		s.nextWords[j] = wordSet(n.Text)
	}
	return s
}

// pair gives each unmatched new unit in next[n0:n1] the id of the most
// similar unmatched old unit in prev[p0:p1] of the same kind, when the
// similarity reaches min.
func (s *similarity) pair(out []Unit, p0, p1, n0, n1 int, min float64) {
	if p0 >= p1 {
		return // nothing to pair with: a first extraction, or no gap here
	}
	for j := n0; j < n1; j++ {
		if s.matchedNext[j] {
			continue
		}
		best, bestSim := -1, min
		for _, i := range s.candidates(j, p0, p1, n1-n0) {
			if s.matchedPrev[i] || s.prev[i].Kind != s.next[j].Kind {
				continue
			}
			if d := dice(s.nextWords[j], s.prevWords[i]); d >= bestSim {
				best, bestSim = i, d
			}
		}
		if best >= 0 {
			out[j].ID = s.prev[best].ID
			s.matchedPrev[best], s.matchedNext[j] = true, true
		}
	}
}

// candidates are the old sentences in prev[p0:p1] to compare new sentence
// j with, in order: all of them when the range is small.
func (s *similarity) candidates(j, p0, p1, width int) []int {
	if (p1-p0)*width <= exactCells {
		all := make([]int, 0, p1-p0)
		for i := p0; i < p1; i++ {
			all = append(all, i)
		}
		return all
	}
	if s.index == nil {
		s.index = map[string][]int{}
		for i, ws := range s.prevWords {
			for w := range ws {
				s.index[w] = append(s.index[w], i)
			}
		}
	}
	seen := map[int]bool{}
	var out []int
	for w := range s.nextWords[j] {
		if post := s.index[w]; len(post) <= rareWord {
			for _, i := range post {
				if i >= p0 && i < p1 && !seen[i] {
					seen[i] = true
					out = append(out, i)
				}
			}
		}
	}
	slices.Sort(out)
	return out
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
