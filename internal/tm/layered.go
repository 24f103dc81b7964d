package tm

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// A Source is one file of a memory made by Index.Layered: its entries,
// or Indexed when the index holds the file as it is now (the caller
// compared stamps).
type Source struct {
	Name    string
	Entries []Entry
	Indexed bool
}

// layer is the part of a memory kept in an index. The memory's own
// entries (the overlay) are those of the files the index does not hold
// as they are now, and the index's entries that become first of their
// group when earlier ones are masked; every entry has a key, its place
// in the memory a plain Memory would make of the same sources (file,
// then entry), which orders results as that memory's ids do.
type layer struct {
	x        *Index
	fileRank []int64  // each index file's place among the sources; -1: masked
	removed  []uint64 // bits: index heads no longer first of their group (masked, or an earlier overlay entry)
	nRemoved int      // heads removed
	adj      map[gram]int32
	keys     []int64 // of the overlay's entries, ascending

	rebuild func() (*Memory, error)
	scratch sync.Pool // of *scratch, a counter per index entry

	// memo keeps the answers of lookups (lookupKey → []Match): an export
	// asks for the same sentence once per article that holds it.
	memo     sync.Map
	memoized atomic.Int64
	mu       sync.Mutex
	full     *Memory // made by rebuild when the index turned out damaged
	err      error
	closed   bool // Close was called: a read that fails is no damage
}

type lookupKey struct {
	source          string
	minScore, limit int
}

// maxMemo is how many lookups a memory keeps the answers of.
const maxMemo = 20_000

func key(rank int64, seq int) int64 { return rank<<32 | int64(seq) }

func (l *layer) isRemoved(id int32) bool { return l.removed[id>>6]&(1<<(id&63)) != 0 }

func (l *layer) remove(id int32) {
	l.removed[id>>6] |= 1 << (id & 63)
}

// indexKey is the key of an index entry.
func (l *layer) indexKey(id int32) int64 {
	f := l.x.fileOf(id)
	return key(l.fileRank[f], int(id-l.x.first[f]))
}

// Layered returns the memory of sources, in order, as New and Add would
// make it of their entries, answering every lookup the same: the entries
// of the sources marked Indexed are read from the index as a lookup needs
// them; the others are held in memory. rebuild is called, once, when the
// index turns out damaged while in use: the memory then answers from
// what it returns (a damaged index never gives a wrong match).
func (x *Index) Layered(sources []Source, rebuild func() (*Memory, error)) (*Memory, error) {
	l := &layer{x: x, fileRank: make([]int64, len(x.files)), removed: make([]uint64, (x.n+63)/64), adj: map[gram]int32{}, rebuild: rebuild}
	for i := range x.files {
		l.fileRank[i] = -1
	}
	// The index's files are sorted by name: each indexed source is found
	// after the one before it.
	last := -1
	for k, s := range sources {
		if !s.Indexed {
			continue
		}
		i := last + 1
		for i < len(x.files) && x.files[i].Name < s.Name {
			i++
		}
		if i == len(x.files) || x.files[i].Name != s.Name {
			return nil, damaged("source " + s.Name + " not in the index, or not in its order")
		}
		l.fileRank[i], last = int64(k), i
	}
	type cand struct {
		key int64
		e   Entry
		id  int32 // an index entry's id, -1 for a source's
	}
	var cands []cand
	resurrected := map[int32]int{} // head → its group's next unmasked entry, in cands
	for f := range x.files {
		if l.fileRank[f] >= 0 {
			continue
		}
		for id := x.first[f]; id < x.first[f+1]; id++ {
			l.remove(id)
			r, err := x.record(id)
			if err != nil {
				return nil, err
			}
			if !r.head {
				continue
			}
			e, err := x.entryAt(r)
			if err != nil {
				return nil, err
			}
			l.removeHead(e)
			for j := r.next; j != -1; {
				if l.fileRank[x.fileOf(j)] >= 0 {
					je, err := x.entry(j)
					if err != nil {
						return nil, err
					}
					resurrected[id] = len(cands)
					cands = append(cands, cand{l.indexKey(j), je, j})
					break
				}
				rj, err := x.record(j)
				if err != nil {
					return nil, err
				}
				j = rj.next
			}
		}
	}
	dead := map[int]bool{}
	for k, s := range sources {
		if s.Indexed {
			continue
		}
		for seq, e := range s.Entries {
			c := cand{key(int64(k), seq), e, -1}
			// The index's first entry of the same group, if any, and which
			// of the two comes first.
			n := normalize(e.Source)
			ids, err := x.bucket(&x.exact, hashString(n))
			if err != nil {
				return nil, err
			}
			for _, h := range ids {
				hk, err := x.keptEntry(h)
				if err != nil {
					return nil, err
				}
				he := hk.e
				if he.Translation != e.Translation || hk.norm != n {
					continue
				}
				switch r, ok := resurrected[h]; {
				case !l.isRemoved(h):
					if l.indexKey(h) < c.key {
						dead[len(cands)] = true
					} else {
						l.remove(h)
						l.removeHead(he)
					}
				case ok && !dead[r]:
					if cands[r].key < c.key {
						dead[len(cands)] = true
					} else {
						dead[r] = true
					}
				}
			}
			cands = append(cands, c)
		}
	}
	var live []cand
	for i, c := range cands {
		if !dead[i] {
			live = append(live, c)
		}
	}
	slices.SortFunc(live, func(a, b cand) int { return cmp.Compare(a.key, b.key) })
	m := New()
	m.layer = l
	for _, c := range live {
		n := len(m.entries)
		if m.add(c.e); len(m.entries) > n {
			l.keys = append(l.keys, c.key)
		}
	}
	return m, nil
}

// removeHead counts a removed head's trigrams out of the index's counts.
func (l *layer) removeHead(e Entry) {
	l.nRemoved++
	for _, g := range trigrams(normalize(e.Source)) {
		l.adj[g]++
	}
}

// failed is called when the index turned out damaged: the memory is made
// again by rebuild and answers from it from then on. When that fails too,
// the memory answers from an empty one and Err says why.
func (l *layer) failed(damage error) *Memory {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed && l.full == nil {
		l.full, l.err = New(), errors.New("tm: memory used after Close")
	}
	if l.full == nil {
		full, err := l.rebuild()
		if err != nil {
			l.err = fmt.Errorf("%w; making the memory again failed: %w", damage, err)
			full = nil
		}
		if full == nil {
			full = New()
		}
		l.full = full
	}
	return l.full
}

// Close closes the file a memory made by Index.Layered reads its index
// from (the reader given to OpenIndex, when it is an io.Closer); the
// memory is not to be used after. Closing it again, or a memory without
// an index, does nothing.
func (m *Memory) Close() error {
	if m.layer == nil {
		return nil
	}
	l := m.layer
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	if l.full != nil {
		l.full.Close() // made again after damage: on a file of its own
	}
	if c, ok := l.x.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// fallback is the memory made again after damage, if any.
func (l *layer) fallback() *Memory {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.full
}

// Err is the error of a memory whose index turned out damaged while in
// use (see Index.Layered) and could not be made again: its lookups
// then find nothing, and the caller is to report this error.
func (m *Memory) Err() error {
	if m.layer == nil {
		return nil
	}
	m.layer.mu.Lock()
	defer m.layer.mu.Unlock()
	return m.layer.err
}

// an item is an entry met in a lookup, from the index or the overlay.
type item struct {
	key   int64
	entry Entry
	norm  string
	id    int32 // index id, or -1 - overlay id
}

// get reads an item's entry.
func (m *Memory) get(it *item) error {
	if it.id < 0 {
		i := -1 - it.id
		it.entry, it.norm = m.entries[i], m.norm[i]
		return nil
	}
	k, err := m.layer.x.keptEntry(it.id)
	if err != nil {
		return err
	}
	it.entry, it.norm = k.e, k.norm
	return nil
}

// liveHeads reads the index heads of a hash table's bucket of key that
// are not removed, with their text normalised.
func (m *Memory) liveHeads(t *hashTable, key string) ([]item, error) {
	l := m.layer
	ids, err := l.x.bucket(t, hashString(key))
	if err != nil {
		return nil, err
	}
	var out []item
	for _, id := range ids {
		if l.isRemoved(id) {
			continue
		}
		it := item{key: l.indexKey(id), id: id}
		if err := m.get(&it); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

func (m *Memory) overlayItems(ids []int32) []item {
	out := make([]item, len(ids))
	for k, i := range ids {
		out[k] = item{key: m.layer.keys[i], id: -1 - i, entry: m.entries[i], norm: m.norm[i]}
	}
	return out
}

func byKey(a, b item) int { return cmp.Compare(a.key, b.key) }

// layeredLookup is Lookup of a memory with an index.
func (m *Memory) layeredLookup(source string, minScore, limit int) ([]Match, error) {
	l := m.layer
	if m.Len() == 0 {
		return nil, nil
	}
	n := normalize(source)
	grams := trigrams(n)
	var out []Match
	seen := map[int64]bool{}
	c := cut{limit: limit}
	exact, err := m.liveHeads(&l.x.exact, n)
	if err != nil {
		return nil, err
	}
	exact = slices.DeleteFunc(exact, func(it item) bool { return it.norm != n })
	exact = append(exact, m.overlayItems(m.exact[n])...)
	slices.SortFunc(exact, byKey)
	for _, it := range exact {
		out = append(out, Match{Entry: it.entry, Score: 100})
		seen[it.key] = true
		c.add(100)
	}
	if len(grams) > 0 && c.full() {
		return out[:limit], nil // exact matches enough: nothing else can come first
	}
	sh := shape(n)
	shaped, err := m.liveHeads(&l.x.shape, sh)
	if err != nil {
		return nil, err
	}
	shaped = slices.DeleteFunc(shaped, func(it item) bool { s := shape(it.norm); return s != sh || s == it.norm })
	shaped = append(shaped, m.overlayItems(m.shapes[sh])...)
	slices.SortFunc(shaped, byKey)
	for _, it := range shaped {
		if !seen[it.key] {
			seen[it.key] = true
			if s, ok := shapedScore(n, it.norm, &c); ok {
				out = append(out, Match{Entry: it.entry, Score: s, NumbersOnly: true})
			}
		}
	}
	if len(grams) == 0 {
		return out, nil
	}
	// Each trigram's posting length in the memory made whole, found once:
	// sorted as Lookup sorts them (the same comparisons, so the same order).
	type sized struct {
		g gram
		n int
	}
	order := make([]sized, len(grams))
	for i, g := range grams {
		order[i] = sized{g, count(l.x.sdict, g) - int(l.adj[g]) + len(m.grams[g])}
	}
	slices.SortFunc(order, func(a, b sized) int { return a.n - b.n })
	sc := l.getScratch()
	defer l.scratch.Put(sc)
	over := map[int32]int32{} // the overlay's counts (it is small)
	visited := 0
	for k, o := range order {
		g, s := o.g, o.n
		if k >= 8 && visited+s > maxVisited {
			break
		}
		visited += s
		ids, err := l.x.posting(l.x.sdict, secSPost, g)
		if err != nil {
			sc.reset()
			return nil, err
		}
		for _, id := range ids {
			if !l.isRemoved(id) {
				if sc.count[id] == 0 {
					sc.touched = append(sc.touched, id)
				}
				sc.count[id]++
			}
		}
		for _, i := range m.grams[g] {
			over[i]++
		}
	}
	touched := make([]counted, 0, len(sc.touched)+len(over))
	for _, id := range sc.touched {
		touched = append(touched, counted{id: id, count: sc.count[id]})
	}
	sc.reset()
	for i, c := range over {
		touched = append(touched, counted{key: l.keys[i], id: -1 - i, count: c})
	}
	for _, cand := range topCounted(touched, maxCandidates, l, seen) {
		it := item{key: cand.key, id: cand.id}
		if err := m.get(&it); err != nil {
			return nil, err
		}
		if s, ok := similarAtLeast(n, it.norm, max(minScore, c.floor())); ok {
			out = append(out, Match{Entry: it.entry, Score: s})
			c.add(s)
		}
	}
	sortMatches(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// counted is an entry a lookup met, by index id (its key found when
// needed) or -1 - overlay id, and the trigrams it shares with the
// sentence.
type counted struct {
	key       int64
	id, count int32
}

// topCounted returns the n entries, not in skip, with the highest counts,
// ties to the lower key, most first, as scratch.best does by ids: from a
// histogram of the counts, only the few best get their keys and are
// sorted.
func topCounted(all []counted, n int, l *layer, skip map[int64]bool) []counted {
	var hist []int
	for _, c := range all {
		if int(c.count) >= len(hist) {
			hist = append(hist, make([]int, int(c.count)+1-len(hist))...)
		}
		hist[c.count]++
	}
	cut, above := 1, 0 // the lowest count kept (more with skipped ones), and how many have more
	for c := len(hist) - 1; c > 0; c-- {
		if above+hist[c] >= n+len(skip) {
			cut = c
			break
		}
		above += hist[c]
	}
	var out []counted
	for _, c := range all {
		if int(c.count) < cut {
			continue
		}
		if c.id >= 0 {
			c.key = l.indexKey(c.id)
		}
		if !skip[c.key] {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b counted) int {
		if a.count != b.count {
			return int(b.count - a.count)
		}
		return cmp.Compare(a.key, b.key)
	})
	return out[:min(n, len(out))]
}

// getScratch returns counters for every index entry, from a pool.
func (l *layer) getScratch() *scratch {
	sc, _ := l.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{count: make([]int32, l.x.n)}
	}
	return sc
}

// reset sets the touched counters back to zero.
func (sc *scratch) reset() {
	for _, i := range sc.touched {
		sc.count[i] = 0
	}
	sc.touched = sc.touched[:0]
}

// layeredSearch is Search of a memory with an index.
func (m *Memory) layeredSearch(phrase string, limit int) ([]Entry, error) {
	p := normalize(phrase)
	if p == "" {
		return nil, nil
	}
	l := m.layer
	var grams []gram
	r := []rune(p)
	for i := 0; i+3 <= len(r); i++ {
		grams = append(grams, gramOf(r[i:i+3]))
	}
	found := map[int64]Entry{}
	if len(grams) == 0 { // shorter than a trigram: every entry is a candidate
		all, err := m.layeredEntries()
		if err != nil {
			return nil, err
		}
		for _, it := range all {
			if strings.Contains(it.norm, p) || strings.Contains(normalize(it.entry.Translation), p) {
				found[it.key] = it.entry
			}
		}
	} else {
		for _, side := range []struct {
			dict  []dictEntry
			post  int
			grams map[gram][]int32
			norm  []string
		}{{l.x.sdict, secSPost, m.grams, m.norm}, {l.x.tdict, secTPost, m.tgrams, m.tnorm}} {
			ids, err := l.x.withTrigrams(side.dict, side.post, grams)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				if l.isRemoved(id) {
					continue
				}
				e, err := l.x.entry(id)
				if err != nil {
					return nil, err
				}
				text := e.Source
				if side.post == secTPost {
					text = e.Translation
				}
				if strings.Contains(normalize(text), p) {
					found[l.indexKey(id)] = e
				}
			}
			for _, i := range m.withTrigrams(side.grams, p) {
				if strings.Contains(side.norm[i], p) {
					found[l.keys[i]] = m.entries[i]
				}
			}
		}
	}
	return firstValues(found, limit), nil
}

// withTrigrams lists the index heads holding every one of grams, reading
// the rarest postings first and stopping when few are left (the caller
// compares the text of each).
func (x *Index) withTrigrams(dict []dictEntry, post int, grams []gram) ([]int32, error) {
	grams = slices.Clone(grams)
	slices.SortFunc(grams, func(a, b gram) int { return count(dict, a) - count(dict, b) })
	var cands []int32
	for k, g := range grams {
		ids, err := x.posting(dict, post, g)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			cands = slices.Clone(ids)
		} else {
			cands = intersect(cands, ids)
		}
		if len(cands) <= 64 {
			break
		}
	}
	return cands, nil
}

// layeredEntries lists every entry of a memory with an index, in order.
func (m *Memory) layeredEntries() ([]item, error) {
	l := m.layer
	out := make([]item, 0, m.Len())
	for id := int32(0); int(id) < l.x.n; id++ {
		if l.isRemoved(id) {
			continue
		}
		r, err := l.x.record(id)
		if err != nil {
			return nil, err
		}
		if !r.head {
			continue
		}
		e, err := l.x.entryAt(r)
		if err != nil {
			return nil, err
		}
		out = append(out, item{key: l.indexKey(id), entry: e, norm: normalize(e.Source), id: id})
	}
	out = append(out, m.overlayItems(allIDs(len(m.entries)))...)
	slices.SortStableFunc(out, byKey)
	return out, nil
}

func allIDs(n int) []int32 {
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	return all
}
