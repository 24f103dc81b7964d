package tm

import "unicode/utf8"

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
	if len(ra) == 0 {
		return len(rb)
	}
	// One row of the table over the shorter text; the least value of a
	// row never falls from one row to the next, so once it is above k
	// the distance is too.
	row := make([]int, len(ra)+1)
	for j := range row {
		row[j] = j
	}
	for i, c := range rb {
		diag := row[0]
		row[0] = i + 1
		least := row[0]
		for j, r := range ra {
			cur := diag
			if c != r {
				cur = min(diag, row[j], row[j+1]) + 1
			}
			diag, row[j+1] = row[j+1], cur
			least = min(least, cur)
		}
		if least > k {
			return k + 1
		}
	}
	return row[len(ra)]
}
