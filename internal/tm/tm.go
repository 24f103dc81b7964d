// Package tm is mosty's translation memory: every translated segment of
// the workspace, indexed by character trigrams so that the best matches
// for a sentence are found among 100,000 segments without comparing it
// with each of them. It finds exact and fuzzy matches, matches that
// differ only in their numbers, and entries holding a phrase
// (concordance), and decides how a match pre-fills a new segment: the
// placeholders of the new sentence, its numbers, and a note of what to
// check. A memory is made in RAM (New, Add) or kept as an index
// (WriteIndex to an io.Writer, OpenIndex over an io.ReaderAt) that a
// lookup reads in part, with the files changed since held in RAM beside
// it (Index.Layered), answering as the memory made in RAM would. It opens
// no files (the caller hands it readers and writers) and decides nothing
// about which translations are good enough to be memory, nor when an
// index is written again.
package tm

import (
	"slices"
	"strings"
	"sync"
	"unicode"

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
	// NumbersOnly is set when the match differs from the sentence only in
	// its numbers: its translation can be adjusted and pre-filled.
	NumbersOnly bool `json:"numbers_only,omitempty"`
}

// Memory is a searchable set of entries.
type Memory struct {
	entries []Entry
	norm    []string           // normalised sources
	exact   map[string][]int32 // normalised source → entries
	shapes  map[string][]int32 // normalised source with numbers as "#" → entries
	grams   map[gram][]int32   // trigram → entries holding it
	tnorm   []string           // normalised translations
	tgrams  map[gram][]int32   // trigram of a translation → entries
	layer   *layer             // the entries kept in an index, if any (Index.Layered)
}

// A gram is three runes packed in an integer: a map keyed by them costs
// no string per trigram.
type gram uint64

func gramOf(r []rune) gram { return gram(r[0])<<42 | gram(r[1])<<21 | gram(r[2]) }

// New returns an empty memory.
func New() *Memory {
	return &Memory{exact: map[string][]int32{}, shapes: map[string][]int32{}, grams: map[gram][]int32{}, tgrams: map[gram][]int32{}}
}

// Len is the number of entries.
func (m *Memory) Len() int {
	if m.layer != nil {
		return m.layer.x.heads - m.layer.nRemoved + len(m.entries)
	}
	return len(m.entries)
}

// Add adds an entry to a memory made by New; the same source and
// translation twice is kept once.
func (m *Memory) Add(e Entry) {
	if m.layer != nil {
		panic("tm: Add to a memory made by Index.Layered")
	}
	m.add(e)
}

func (m *Memory) add(e Entry) {
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
	if sh := shape(n); sh != n {
		m.shapes[sh] = append(m.shapes[sh], id)
	}
	for _, g := range trigrams(n) {
		m.grams[g] = append(m.grams[g], id)
	}
	tn := normalize(e.Translation)
	m.tnorm = append(m.tnorm, tn)
	for _, g := range trigrams(tn) {
		m.tgrams[g] = append(m.tgrams[g], id)
	}
}

// Lookup returns up to limit entries whose source is at least minScore (0–100)
// similar to source, best first; an exact match scores 100. Similarity is
// 1 − edit distance ÷ length of the longer text, on lower-cased text
// without placeholders. Candidates come from the trigram index: the
// entries sharing the most trigrams with the sentence.
func (m *Memory) Lookup(source string, minScore, limit int) []Match {
	if m.layer != nil {
		if full := m.layer.fallback(); full != nil {
			return full.Lookup(source, minScore, limit)
		}
		k := lookupKey{source, minScore, limit}
		if out, ok := m.layer.memo.Load(k); ok {
			return slices.Clone(out.([]Match))
		}
		out, err := m.layeredLookup(source, minScore, limit)
		if err != nil {
			return m.layer.failed(err).Lookup(source, minScore, limit)
		}
		if m.layer.memoized.Add(1) <= maxMemo {
			m.layer.memo.Store(k, slices.Clone(out))
		}
		return out
	}
	if len(m.entries) == 0 {
		return nil
	}
	n := normalize(source)
	grams := trigrams(n)
	var out []Match
	seen := map[int32]bool{}
	c := cut{limit: limit}
	for _, i := range m.exact[n] {
		out = append(out, Match{Entry: m.entries[i], Score: 100})
		seen[i] = true
		c.add(100)
	}
	if len(grams) > 0 && c.full() {
		return out[:limit] // exact matches enough: nothing else can come first
	}
	for _, i := range m.shapes[shape(n)] {
		if !seen[i] {
			seen[i] = true
			if s, ok := shapedScore(n, m.norm[i], &c); ok {
				out = append(out, Match{Entry: m.entries[i], Score: s, NumbersOnly: true})
			}
		}
	}
	if len(grams) == 0 {
		return out
	}
	// Count shared trigrams over the sentence's rarest ones: they say the
	// most, and their posting lists are short, so the work stays bounded
	// however large the memory.
	slices.SortFunc(grams, func(a, b gram) int { return len(m.grams[a]) - len(m.grams[b]) })
	sc := m.getScratch()
	defer scratchPool.Put(sc)
	visited := 0
	for k, g := range grams {
		posting := m.grams[g]
		if k >= 8 && visited+len(posting) > maxVisited {
			break
		}
		visited += len(posting)
		for _, i := range posting {
			if sc.count[i] == 0 {
				sc.touched = append(sc.touched, i)
			}
			sc.count[i]++
		}
	}
	for _, i := range sc.best(maxCandidates, seen) {
		if s, ok := similarAtLeast(n, m.norm[i], max(minScore, c.floor())); ok {
			out = append(out, Match{Entry: m.entries[i], Score: s})
			c.add(s)
		}
	}
	sortMatches(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// sortMatches sorts matches best first: by score, then those differing
// only in numbers, then as found.
func sortMatches(out []Match) {
	slices.SortStableFunc(out, func(a, b Match) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return boolInt(b.NumbersOnly) - boolInt(a.NumbersOnly)
	})
}

// normalize is the text matches are made on: placeholders out, lower
// case, white space collapsed.
func normalize(s string) string {
	s = article.Plain(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next letter
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// trigrams are the distinct three-rune pieces of s, in the order they
// first occur, with a space at each end so short words count.
func trigrams(s string) []gram {
	r := []rune(" " + s + " ")
	if len(r) < 3 {
		return nil
	}
	all := make([]gram, 0, len(r)-2)
	for i := 0; i+3 <= len(r); i++ {
		all = append(all, gramOf(r[i:i+3]))
	}
	return firstOccurrences(all)
}

// firstOccurrences keeps the first of each value of gs, in order.
func firstOccurrences(gs []gram) []gram {
	sorted := slices.Clone(gs)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	if len(sorted) == len(gs) {
		return gs
	}
	kept := make([]bool, len(sorted))
	out := gs[:0]
	for _, g := range gs {
		if i, _ := slices.BinarySearch(sorted, g); !kept[i] {
			kept[i] = true
			out = append(out, g)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Entries are the memory's entries, in the order they were added (of a
// memory with an index, as a memory of the same sources made by New).
func (m *Memory) Entries() []Entry {
	if m.layer == nil {
		return m.entries
	}
	if full := m.layer.fallback(); full != nil {
		return full.Entries()
	}
	items, err := m.layeredEntries()
	if err != nil {
		return m.layer.failed(err).Entries()
	}
	out := make([]Entry, len(items))
	for i, it := range items {
		out[i] = it.entry
	}
	return out
}

// maxVisited is how many postings a lookup counts once it has counted
// those of 8 trigrams (a variable so tests can lower it).
var maxVisited = 200_000

// maxCandidates is how many entries sharing the most trigrams with a
// sentence are compared with it letter by letter.
const maxCandidates = 50

// scratch counts, during one lookup, the trigrams each entry shares with
// the sentence: a counter per entry, reused from lookup to lookup (a map
// of up to 200,000 counters per lookup cost more than the comparing), and
// the entries touched, to reset only those.
type scratch struct {
	count   []int32
	touched []int32
}

var scratchPool sync.Pool

func (m *Memory) getScratch() *scratch {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if len(sc.count) < len(m.entries) {
		sc.count = make([]int32, len(m.entries))
	}
	return sc
}

// best returns the n touched entries, not in skip, that share the most
// trigrams, ties to the lower index, most shared first; and resets the
// counters. It finds the count at which the n-th best stands from a
// histogram of the counts, so only the few best are sorted.
func (sc *scratch) best(n int, skip map[int32]bool) []int32 {
	defer func() {
		for _, i := range sc.touched {
			sc.count[i] = 0
		}
		sc.touched = sc.touched[:0]
	}()
	var hist []int
	for _, i := range sc.touched {
		if skip[i] {
			continue
		}
		c := int(sc.count[i])
		if c >= len(hist) {
			hist = append(hist, make([]int, c+1-len(hist))...)
		}
		hist[c]++
	}
	cut, above := 0, 0 // the lowest count kept, and how many have more
	for c := len(hist) - 1; c > 0; c-- {
		if above+hist[c] >= n {
			cut = c
			break
		}
		above += hist[c]
	}
	if cut == 0 {
		cut = 1
	}
	var out, ties []int32
	for _, i := range sc.touched {
		switch c := sc.count[i]; {
		case skip[i]:
		case int(c) > cut:
			out = append(out, i)
		case int(c) == cut:
			ties = append(ties, i)
		}
	}
	slices.Sort(ties)
	out = append(out, ties[:min(len(ties), n-len(out))]...)
	slices.SortFunc(out, func(a, b int32) int {
		if ca, cb := sc.count[a], sc.count[b]; ca != cb {
			return int(cb - ca)
		}
		return int(a - b)
	})
	return out
}
