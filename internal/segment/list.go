package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bullets may stand before a list item's marker: "• 9. The first item".
const bullets = "•‣⁃◦▪·*"

// nextItem says where the next item of a list starts when the marker
// ending at p (where a "." or ")" stands) is the one after the marker the
// sentence opened with: "1. The first item 2. The second item", "1.) one
// 2.) two", "a) one b) two", "• 9. … • 10. …". The marker must follow a
// space, be written as the first one was, and a capital or a number must
// follow it: "1. Nowak zajął 2. miejsce" is one sentence. It returns the
// start of the marker (or of its bullet), and false when there is no
// such item.
func nextItem(text string, start, p int) (int, bool) {
	w := markerBefore(text, p)
	q := p - len(w)
	if r, size := utf8.DecodeLastRuneInString(text[:q]); size > 1 && strings.ContainsRune(bullets, r) {
		q -= size // "⁃10."
	}
	if w == "" || q <= start || text[q-1] != ' ' {
		return 0, false
	}
	first, firstDelim, ok := openingMarker(text, start)
	if !ok || !follows(first, w) {
		return 0, false
	}
	delim := markerDelim(text, p)
	if delim != firstDelim || !capitalAfter(text, p+len(delim)) {
		return 0, false
	}
	if r, size := utf8.DecodeLastRuneInString(text[:trimSpaceLeft(text, q)]); size > 0 && strings.ContainsRune(bullets, r) {
		q = trimSpaceLeft(text, q) - size // "• 10."
	}
	return q, true
}

// openingMarker reads the marker that opens the sentence at start, past
// white space, a bullet and a bracket: its number or letter, and what
// ends it (".", ".)" or ")").
func openingMarker(text string, start int) (marker, delim string, ok bool) {
	p := start
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(bullets, r) {
			break
		}
		p += size
	}
	q := markerAt(text, p, 3)
	if q == p {
		return "", "", false
	}
	delim = markerDelim(text, q)
	if delim == "" || q+len(delim) >= len(text) || text[q+len(delim)] != ' ' {
		return "", "", false
	}
	return text[p:q], delim, true
}

// markerBefore returns the number of at most three digits, or the one
// small letter of a word of its own, ending at p.
func markerBefore(text string, p int) string {
	q := p
	for q > 0 && p-q < 3 && text[q-1] >= '0' && text[q-1] <= '9' {
		q--
	}
	if q < p {
		return text[q:p]
	}
	if p == 0 {
		return ""
	}
	if c := text[p-1]; c < utf8.RuneSelf {
		if c < 'a' || c > 'z' || p < 2 || text[p-2] != ' ' {
			return "" // a word's last letter, or no letter
		}
		return text[p-1 : p]
	}
	r, size := utf8.DecodeLastRuneInString(text[:p])
	if q = p - size; q == 0 || text[q-1] != ' ' && text[q-1] < utf8.RuneSelf || !unicode.IsLower(r) {
		return "" // a word's last letter
	}
	return text[q:p]
}

// markerDelim returns what ends a list marker at p: ".)", "." or ")".
func markerDelim(text string, p int) string {
	for _, d := range []string{".)", ".", ")"} {
		if strings.HasPrefix(text[p:], d) {
			return d
		}
	}
	return ""
}

// follows reports whether marker b comes right after a: "2" after "1",
// "b" after "a".
func follows(a, b string) bool {
	if isNumber(a) && isNumber(b) {
		return strings.TrimLeft(b, "0") == increment(strings.TrimLeft(a, "0"))
	}
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	return na == len(a) && nb == len(b) && unicode.IsLower(ra) && rb == ra+1
}

// increment adds one to a decimal number written in digits.
func increment(n string) string {
	d := []byte(n)
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			return string(d)
		}
		d[i] = '0'
	}
	return "1" + string(d)
}

// capitalAfter reports whether a capital letter or a digit follows the
// space at p.
func capitalAfter(text string, p int) bool {
	if p >= len(text) || text[p] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[p+1:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// markerAt returns the end of a list marker's number of at most digits
// digits, or of its one small letter, starting at p; p when there is none.
func markerAt(text string, p, digits int) int {
	q := p
	for q < len(text) && q-p < digits && text[q] >= '0' && text[q] <= '9' {
		q++
	}
	if q == p {
		if r, size := utf8.DecodeRuneInString(text[p:]); unicode.IsLower(r) {
			q += size
		}
	}
	return q
}

// listItemAt reports whether a list item's marker follows p: " 2) ",
// " b) ".
func listItemAt(text string, p int) bool {
	if p >= len(text) || text[p] != ' ' {
		return false
	}
	q := markerAt(text, p+1, 2)
	return q > p+1 && strings.HasPrefix(text[q:], ") ")
}

// inlineItem reports whether the number word, at wstart before the stop
// at i, marks an item of a list running inside the sentence: it follows
// a ":", "," or ";" and the item before it or after it is marked the same
// way within 200 bytes ("Wyniki: 1. Nowak, 2. Kowalski, 3. Wiśniewski").
// "Rannych jest 10. Policja…" ends a sentence.
func inlineItem(text string, start, wstart, i int, word string) bool {
	q := trimSpaceLeft(text, wstart)
	if len(word) > 2 || q <= start || strings.IndexByte(":,;", text[q-1]) < 0 {
		return false
	}
	n, _ := strconv.Atoi(word)
	if n > 1 && markedIn(text[max(start, q-200):q], n-1) {
		return true
	}
	return markedIn(text[i:min(len(text), i+200)], n+1)
}

// markedIn reports whether s holds the list marker of n after a
// separator: ": 2. ", ", 2. ", "; 2. ".
func markedIn(s string, n int) bool {
	m := strconv.Itoa(n) + ". "
	for k := strings.Index(s, m); k >= 0; {
		if b := strings.TrimRight(s[:k], " "); b != "" && strings.IndexByte(":,;", b[len(b)-1]) >= 0 && len(b) < k {
			return true
		}
		next := strings.Index(s[k+1:], m)
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return false
}
