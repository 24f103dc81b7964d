// Package segment splits block text into sentences, the units translators
// work on, for Polish, Russian and English news prose.
//
// The rules are data (rules/<lang>.txt): which abbreviations never end a
// sentence ("prof.", "m.in.", "ул."), which may ("itd.", "r." after a
// year), plus patterns written here once for all languages: initials,
// numbers and dates, ellipses, quotes and brackets after the stop,
// dialogue dashes, e-mails and URLs. Placeholders (<1>…</1>) are never cut
// and a segment never ends inside a pair.
//
// It must not change the text: the segments of a text, with the white
// space between them, give back the text.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/article"
)

// A Segmenter splits text with one language's rules. It is safe for
// concurrent use.
type Segmenter struct {
	rules *Rules
}

// New returns a Segmenter for lang, with extra abbreviations of the
// workspace's own.
func New(lang string, extra []string) (*Segmenter, error) {
	r, err := LoadRules(lang, extra)
	if err != nil {
		return nil, err
	}
	return &Segmenter{rules: r}, nil
}

// A Span is one segment's place in the text: text[Start:End] holds it,
// with no white space at either end.
type Span struct{ Start, End int }

// Split returns the sentences of text, trimmed.
func (s *Segmenter) Split(text string) []string {
	spans := s.Spans(text)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp.Start:sp.End]
	}
	return out
}

// Spans returns where the sentences of text are. A line break always ends
// one.
func (s *Segmenter) Spans(text string) []Span {
	var spans []Span
	start, depth := 0, 0
	emit := func(end int) {
		a, b := trimSpan(text, start, end)
		if a < b {
			spans = append(spans, Span{a, b})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '<':
			if kind, n := placeholderAt(text[i:]); n > 0 {
				depth += kind
				if depth < 0 {
					depth = 0
				}
				i += n
				continue
			}
		case c == '\n':
			if depth == 0 {
				emit(i)
			}
		case c == '.' || c == '!' || c == '?' || c == 0xE2 && strings.HasPrefix(text[i:], "…"):
			end, ok := s.boundary(text, start, i, depth)
			if ok {
				emit(end)
				i = end
				continue
			}
		}
		i++
	}
	emit(len(text))
	return mergeBare(text, spans)
}

// mergeBare joins a span with no letter or digit (a lone image
// placeholder, a stray "*") to the sentence before it, or after it when it
// comes first: it is no sentence of its own.
func mergeBare(text string, spans []Span) []Span {
	out := spans[:0]
	for _, sp := range spans {
		bare := isBareSpan(text, sp)
		switch {
		case bare && len(out) > 0:
			out[len(out)-1].End = sp.End
		case len(out) == 1 && isBareSpan(text, out[0]):
			out[0].End = sp.End
		default:
			out = append(out, sp)
		}
	}
	return out
}

func isBareSpan(text string, sp Span) bool {
	return strings.IndexFunc(article.Plain(text[sp.Start:sp.End]), func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) < 0
}

// boundary decides whether the stop at text[i] ends a sentence, and if so
// returns where the sentence ends: after the run of stops and any closing
// quotes, brackets and placeholders that follow it.
func (s *Segmenter) boundary(text string, start, i, depth int) (int, bool) {
	stop := text[i]
	j := i
	for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?' || strings.HasPrefix(text[j:], "…")) {
		if text[j] == '.' || text[j] == '!' || text[j] == '?' {
			j++
		} else {
			j += len("…")
		}
	}
	ellipsis := j-i > 1 || stop == 0xE2
	end, depth := skipClosers(text, j, depth)
	if end == len(text) {
		return end, depth == 0
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) || depth > 0 {
		return 0, false // "15.03.2018", "biuro@example.org", "…" inside a pair
	}
	next := nextStart(text, end)
	if next == '\n' || next == 0 {
		return end, true
	}
	upper := unicode.IsUpper(next)
	if stop != '.' || ellipsis || j-i > 1 {
		// "?", "!", "…": a new sentence starts with a capital or a digit.
		return end, upper || unicode.IsDigit(next)
	}
	if end > j {
		// A bracket or quote closed after the period: „Tak.” Potem…
		return end, upper || unicode.IsDigit(next)
	}
	return end, s.afterPeriod(text, start, i, end, next)
}

// afterPeriod decides for a single period followed by white space and a
// word starting with next.
func (s *Segmenter) afterPeriod(text string, start, i, end int, next rune) bool {
	word, wstart := wordBefore(text, i)
	upper := unicode.IsUpper(next)
	if word == "" {
		return upper || unicode.IsDigit(next)
	}
	if isNumber(word) && strings.TrimLeft(text[start:wstart], " \t\n(") == "" {
		return false // an enumerator opening the sentence: "2. Drugi punkt."
	}
	if isInitial(word) {
		// "J. Kowalski", "А. С. Пушкин" go on; "Самолазов М. Н." after a
		// surname ends the name, and maybe the sentence.
		return upper && initialsAfterName(text, wstart)
	}
	if b, ok := s.abbreviation(text, word, wstart); ok {
		switch b {
		case never:
			return false
		case afterNumber:
			if !numberBefore(text, wstart) {
				return false
			}
		}
		return (upper || unicode.IsDigit(next)) && !s.rules.neverBefore[nextWord(text, end)]
	}
	if isRoman(word) && !upper {
		return false // "XX w.", "III. kwartał"
	}
	return upper || unicode.IsDigit(next)
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// initialsAfterName reports whether the initial starting at wstart is the
// last of two after a capitalised word: "Самолазов М. Н.".
func initialsAfterName(text string, wstart int) bool {
	q := trimSpaceLeft(text, wstart)
	if q == wstart || q < 2 || text[q-1] != '.' {
		return false
	}
	prev, pstart := wordBefore(text, q-1)
	if !isInitial(prev) {
		return false
	}
	name, _ := wordBefore(text, trimSpaceLeft(text, pstart))
	r, _ := utf8.DecodeRuneInString(name)
	return len([]rune(name)) > 2 && unicode.IsUpper(r)
}

// trimSpaceLeft returns p moved left past spaces.
func trimSpaceLeft(text string, p int) int {
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	return p
}

// nextWord returns the word starting after position p, past spaces.
func nextWord(text string, p int) string {
	for p < len(text) && text[p] == ' ' {
		p++
	}
	q := p
	for q < len(text) {
		r, size := utf8.DecodeRuneInString(text[q:])
		if !unicode.IsLetter(r) {
			break
		}
		q += size
	}
	return text[p:q]
}

// abbreviation looks word (lower case, before a period at wstart+len) up
// in the rules, checking the words before it for abbreviations of several
// words.
func (s *Segmenter) abbreviation(text, word string, wstart int) (behaviour, bool) {
	cands := s.rules.byLast[strings.ToLower(word)]
	if len(cands) == 0 {
		return 0, false
	}
	var best abbrev
	for _, a := range cands {
		if len(a.words) > len(best.words) && wordsBefore(text, wstart, a.words[:len(a.words)-1]) {
			best = a
		}
	}
	return best.b, best.b != 0
}

// wordsBefore reports whether the words right before position p are want
// (lower case), separated by white space.
func wordsBefore(text string, p int, want []string) bool {
	for k := len(want) - 1; k >= 0; k-- {
		q := p
		for q > 0 && text[q-1] == ' ' {
			q--
		}
		if q == p {
			return false
		}
		w, ws := wordBefore(text, q)
		if w == "" && strings.HasSuffix(text[:q], ".") {
			w, ws = wordBefore(text, q-1)
			w += "."
		}
		if strings.ToLower(w) != want[k] && strings.ToLower(w)+"." != want[k] && strings.ToLower(w) != want[k]+"." {
			return false
		}
		p = ws
	}
	return true
}

// wordBefore returns the word ending right before position i (the
// period), with any inner periods ("m.in", "o.o", "т.д"), and where it
// starts.
func wordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && j > 1 ||
			r == '.' && j > 1 && j < i && isWordRune(text[:j-1]) {
			j -= size
			continue
		}
		break
	}
	return strings.Trim(text[j:i], "-"), j
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// numberBefore reports whether the word before position p is a number
// or a Roman numeral: "2018 r.", "XIX w.".
func numberBefore(text string, p int) bool {
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	w, _ := wordBefore(text, p)
	if w == "" {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) < 0 || isRoman(w)
}

func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

func isRoman(w string) bool {
	return w != "" && strings.Trim(w, "IVXLCDM") == "" && len(w) <= 6
}

// skipClosers moves past closing quotes, brackets and placeholders after
// a stop, keeping track of the placeholder depth.
func skipClosers(text string, j, depth int) (int, int) {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case strings.ContainsRune(`"'”’»)]}›`, r):
			j += size
		case r == '<':
			kind, n := placeholderAt(text[j:])
			if n == 0 || kind > 0 {
				return j, depth
			}
			depth += kind
			j += n
		default:
			return j, depth
		}
	}
	return j, depth
}

// nextStart returns the first letter or digit of what follows position
// p, past white space, opening quotes and brackets, dashes and
// placeholders; '\n' when a line break comes first, 0 at the end.
func nextStart(text string, p int) rune {
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		switch {
		case r == '\n':
			return '\n'
		case r == '<':
			if _, n := placeholderAt(text[p:]); n > 0 {
				p += n
				continue
			}
			return r
		case unicode.IsSpace(r) || strings.ContainsRune(`"'„“‘«‹([{–—-•*`, r):
			p += size
		default:
			return r
		}
	}
	return 0
}

// placeholderAt reads a placeholder at the start of s: kind is +1 for an
// opening one, -1 for a closing one, 0 for an empty one; n is its length,
// 0 when s does not start with a placeholder.
func placeholderAt(s string) (kind, n int) {
	k, _, n := article.ParsePlaceholder(s)
	switch k {
	case article.Open:
		return 1, n
	case article.Close:
		return -1, n
	}
	return 0, n
}

// trimSpan narrows [a, b) to exclude white space at both ends.
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(text[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
