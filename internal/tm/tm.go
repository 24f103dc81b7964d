// Package tm is mosty's translation memory: every translated segment of
// the workspace, indexed by character trigrams so that the best matches
// for a sentence are found among 100,000 segments without comparing it
// with each of them. It finds exact and fuzzy matches and adjusts the
// numbers of a match to a new sentence; it reads no files.
package tm

import (
	"regexp"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/mosty-dev/mosty/internal/article"
)

// An Entry is one translated segment.
type Entry struct {
	Source      string `json:"source"`
	Translation string `json:"translation"`
	Origin      string `json:"origin"` // "slug/id"
}

// A Match is an entry and how similar its source is to the sentence
// looked up, 0–100.
type Match struct {
	Entry
	Score int
}

// Memory is a searchable set of entries.
type Memory struct {
	entries []Entry
	norm    []string           // normalised sources
	exact   map[string][]int32 // normalised source → entries
	grams   map[string][]int32 // trigram → entries holding it
}

// New returns an empty memory.
func New() *Memory {
	return &Memory{exact: map[string][]int32{}, grams: map[string][]int32{}}
}

// Len is the number of entries.
func (m *Memory) Len() int { return len(m.entries) }

// Add adds an entry; the same source and translation twice is kept once.
func (m *Memory) Add(e Entry) {
	n := normalize(e.Source)
	for _, i := range m.exact[n] {
		if m.entries[i].Translation == e.Translation {
			return
		}
	}
	id := int32(len(m.entries))
	m.entries = append(m.entries, e)
	m.norm = append(m.norm, n)
	m.exact[n] = append(m.exact[n], id)
	for _, g := range trigrams(n) {
		m.grams[g] = append(m.grams[g], id)
	}
}

// Lookup returns up to limit entries whose source is at least min (0–100)
// similar to source, best first; an exact match scores 100. Similarity is
// 1 − edit distance ÷ length of the longer text, on lower-cased text
// without placeholders. Candidates come from the trigram index: the
// entries sharing the most trigrams with the sentence.
func (m *Memory) Lookup(source string, min, limit int) []Match {
	if len(m.entries) == 0 {
		return nil
	}
	n := normalize(source)
	var out []Match
	seen := map[int32]bool{}
	for _, i := range m.exact[n] {
		out = append(out, Match{Entry: m.entries[i], Score: 100})
		seen[i] = true
	}
	grams := trigrams(n)
	if len(grams) == 0 {
		return out
	}
	// Count shared trigrams over the sentence's rarest ones: they say the
	// most, and their posting lists are short, so the work stays bounded
	// however large the memory.
	slices.SortFunc(grams, func(a, b string) int { return len(m.grams[a]) - len(m.grams[b]) })
	shared := map[int32]int{}
	visited := 0
	for k, g := range grams {
		posting := m.grams[g]
		if k >= 8 && visited+len(posting) > 200_000 {
			break
		}
		visited += len(posting)
		for _, i := range posting {
			shared[i]++
		}
	}
	type cand struct {
		id     int32
		shared int
	}
	cands := make([]cand, 0, len(shared))
	for id, c := range shared {
		if !seen[id] {
			cands = append(cands, cand{id, c})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.shared != b.shared {
			return b.shared - a.shared
		}
		return int(a.id - b.id)
	})
	if len(cands) > 50 {
		cands = cands[:50]
	}
	for _, c := range cands {
		if s := similarity(n, m.norm[c.id]); s >= min {
			out = append(out, Match{Entry: m.entries[c.id], Score: s})
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int { return b.Score - a.Score })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// similarity is 100 × (1 − distance ÷ longer length), in runes.
func similarity(a, b string) int {
	la, lb := len([]rune(a)), len([]rune(b))
	longer := max(la, lb)
	if longer == 0 {
		return 100
	}
	d := levenshtein.ComputeDistance(a, b)
	return int(100 * (1 - float64(d)/float64(longer)))
}

// normalize is the text matches are made on: placeholders out, lower
// case, white space collapsed.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(article.Plain(s))), " ")
}

// trigrams are the distinct three-rune pieces of s, with a space at each
// end so short words count.
func trigrams(s string) []string {
	r := []rune(" " + s + " ")
	seen := map[string]bool{}
	var out []string
	for i := 0; i+3 <= len(r); i++ {
		g := string(r[i : i+3])
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// AdjustNumbers carries the numbers of a new sentence into the
// translation of a match: when the match's source had other numbers and
// each of them is in the translation once, it is replaced. ok is false
// when numbers differ and could not all be carried over: the translator
// must check them.
func AdjustNumbers(matchSource, newSource, translation string) (string, bool) {
	oldNums, newNums := number.FindAllString(matchSource, -1), number.FindAllString(newSource, -1)
	if slices.Equal(oldNums, newNums) {
		return translation, true
	}
	if len(oldNums) != len(newNums) {
		return translation, false
	}
	out := translation
	for i, o := range oldNums {
		if o == newNums[i] {
			continue
		}
		// The number must stand once in the translation as a whole number.
		var at []int
		for _, loc := range number.FindAllStringIndex(out, -1) {
			if out[loc[0]:loc[1]] == o {
				at = loc
				if len(at) == 2 && strings.Count(numbersOf(out), "|"+o+"|") != 1 {
					return translation, false
				}
			}
		}
		if at == nil {
			return translation, false
		}
		out = out[:at[0]] + newNums[i] + out[at[1]:]
	}
	return out, true
}

// numbersOf lists the numbers of s as "|1|2|".
func numbersOf(s string) string {
	return "|" + strings.Join(number.FindAllString(s, -1), "||") + "|"
}
