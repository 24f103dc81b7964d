package tm

import (
	"slices"
	"unicode/utf8"
)

// similarity is 100 × (1 − distance ÷ longer length), in runes, the
// distance Levenshtein's.
func similarity(a, b string) int {
	longer := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if longer == 0 {
		return 100
	}
	return score(distance(a, b, longer), longer)
}

// similarAtLeast is similarity(a, b) and true when that is at least
// minScore, and false otherwise, found with less work: texts whose
// lengths alone differ too much are not compared, and the comparison
// stops once the distance is too large.
func similarAtLeast(a, b string, minScore int) (int, bool) {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	longer := max(la, lb)
	if longer == 0 {
		return 100, minScore <= 100
	}
	k := maxEdits(longer, minScore)
	if k < 0 || max(la-lb, lb-la) > k {
		return 0, false
	}
	d := distance(a, b, k)
	if d > k {
		return 0, false
	}
	return score(d, longer), true
}

// score is the similarity of texts d edits apart, longer runes the
// longer.
func score(d, longer int) int { return int(100 * (1 - float64(d)/float64(longer))) }

// maxEdits is the largest distance that still scores minScore between
// texts of which the longer has longer runes; -1 when none does.
func maxEdits(longer, minScore int) int {
	d := min(max(longer*(100-minScore)/100, 0), longer)
	for d < longer && score(d+1, longer) >= minScore {
		d++
	}
	for d >= 0 && score(d, longer) < minScore {
		d--
	}
	return d
}

// distance is the Levenshtein distance of a and b in runes when it is at
// most k, and more than k otherwise. The part both begin with and the
// part both end with are left out (they change no distance): texts that
// differ in a number are compared by that number.
func distance(a, b string, k int) int {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && (p < len(a) && !utf8.RuneStart(a[p]) || p < len(b) && !utf8.RuneStart(b[p])) {
		p--
	}
	a, b = a[p:], b[p:]
	s := 0
	for s < len(a) && s < len(b) && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(a[len(a)-s]) {
		s--
	}
	ra, rb := []rune(a[:len(a)-s]), []rune(b[:len(b)-s])
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	return banded(ra, rb, k)
}

// banded is the Levenshtein distance of a and b, a the shorter, when it
// is at most k, and more than k otherwise. It fills only the cells of
// the table within k of its diagonal (a cell further off is more than k
// edits), one row at a time, and stops at a row whose every cell is
// above k: the least value of a row never falls from one row to the
// next. Values above k are kept as k+1, which changes none at most k.
func banded(a, b []rune, k int) int {
	la, lb := len(a), len(b)
	if lb-la > k {
		return k + 1
	}
	if la == 0 {
		return lb
	}
	over := k + 1
	var buf [64]int // a short text's row stays off the heap
	var row []int
	if la+1 > len(buf) {
		row = make([]int, la+1)
	} else {
		row = buf[:la+1]
	}
	for j := range row {
		row[j] = min(j, over)
	}
	for i := 1; i <= lb; i++ {
		lo, hi := max(1, i-k), min(la, i+k)
		diag := row[lo-1]
		if lo == 1 {
			row[0] = min(i, over)
		} else {
			row[lo-1] = over
		}
		least := row[lo-1]
		c := b[i-1]
		for j := lo; j <= hi; j++ {
			cur := diag
			if c != a[j-1] {
				cur = min(diag, row[j], row[j-1]) + 1
			}
			diag, row[j] = row[j], min(cur, over)
			least = min(least, row[j])
		}
		if least > k {
			return over
		}
	}
	return row[la]
}

// A cut is what a match found next must score to be among the first
// limit a lookup returns. Matches are found in the order sortMatches
// keeps among equals (exact ones, those differing only in numbers, then
// the rest), so one scoring no more than limit matches found before it
// comes after them whatever follows: it need not be compared to the end,
// nor kept. A limit of 0 or less keeps every match.
type cut struct {
	limit int
	best  []int // the limit best scores so far, best first
}

// floor is the least score a match found next must have to be kept.
func (c *cut) floor() int {
	if c.limit <= 0 || len(c.best) < c.limit {
		return 0
	}
	return c.best[c.limit-1] + 1
}

// add counts a match kept.
func (c *cut) add(score int) {
	if c.limit <= 0 {
		return
	}
	i := len(c.best)
	for i > 0 && c.best[i-1] < score {
		i--
	}
	c.best = slices.Insert(c.best, i, score)
	if len(c.best) > c.limit {
		c.best = c.best[:c.limit]
	}
}

// full reports whether limit matches scored 100: none found after them
// is kept.
func (c *cut) full() bool { return c.floor() > 100 }

// shapedScore is the score of a match differing from the sentence n
// only in its numbers, norm its normalised source (the similarity, 99 at
// most: not the same sentence), and whether it is to be kept by c.
func shapedScore(n, norm string, c *cut) (int, bool) {
	need := c.floor()
	if need > 99 {
		return 0, false
	}
	s, ok := similarAtLeast(n, norm, need)
	if !ok {
		return 0, false
	}
	c.add(min(99, s))
	return min(99, s), true
}
