package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/segment/lexicon"
)

// context says what stands before the stops text[i:j], which closers
// (quotes, brackets) follow up to end, in the sentence starting at start.
func (s *Segmenter) context(text string, start, i, j, end int) context {
	stops := text[i:j]
	if end > j {
		// A closing quote or bracket: „Tak.” ends a sentence, "[George W.]"
		// does not.
		if c := s.wordContext(text, start, i); j-i == 1 && (c == ctxInitial || c == ctxNameInitial || c == ctxNever || c == ctxEnumerator) {
			return c
		}
		if insideQuotedName(text, start, i) {
			return ctxTitle // "Książka „Quo vadis?” Sienkiewicza"
		}
		return ctxQuote
	}
	switch {
	case strings.Contains(stops, "?"):
		return ctxQuestion
	case stops == "!" && s.nameBefore(text, start, i):
		return ctxExclaimName
	case strings.Contains(stops, "!"):
		return ctxExclaim
	case j-i > 1:
		return ctxEllipsis
	}
	return s.wordContext(text, start, i)
}

// wordContext says what the word before a single period at i is.
func (s *Segmenter) wordContext(text string, start, i int) context {
	word, wstart := wordBefore(text, i)
	switch {
	case word == "":
		switch {
		case i > 0 && text[i-1] == ' ' && spacedStop(text, start, i):
			return s.wordContext(text, start, trimSpaceLeft(text, i)) // "friendly . and"
		case i > 0 && (text[i-1] == ' ' || text[i-1] == '.'):
			return ctxEllipsis // ". . ."
		case strings.HasSuffix(text[:i], "N°") || strings.HasSuffix(text[:i], "Nº") || strings.HasSuffix(text[:i], "№"):
			return ctxNever // the numero sign: "N°. 1026"
		}
		return ctxWord
	case (isNumber(word) || isRoman(word) || isItemLetter(word)) && (isNumbering(text[start:i]) || s.heading(text[start:i])):
		return ctxEnumerator
	case isNumber(word) && inlineItem(text, start, wstart, i, word):
		return ctxEnumerator // "Wyniki: 1. Nowak, 2. Kowalski"
	case isNumber(word) && s.opening(text[start:i]):
		return ctxOpening
	case isNumber(word):
		return ctxNumber
	case isSmallLetter(word) && smallLetterStopAt(text, i+1):
		return ctxNever // spaced letters of an abbreviation: "а. е.", "т. п."
	case isInitial(word) && !unitBefore(text, wstart) && !s.degreeBefore(text, wstart):
		if initialsAfterName(text, wstart) {
			return ctxNameInitial
		}
		return ctxInitial
	}
	if wstart > 0 && text[wstart-1] == '/' {
		return plainContext(word) // a unit over a unit: "15 м/с.", "90 km/h."
	}
	if b, astart, ok := s.abbreviation(text, word, wstart); ok {
		switch {
		case b == never, b == beforeNumber && digitAfter(text, i+1):
			return ctxNever
		case b == beforeNumber:
			return plainContext(word) // "Hell no. That's it"
		case s.numberBefore(text, astart) && s.opening(text[start:astart]):
			return ctxOpening // "W 2016 r. Rada", "At 5 a.m. Mr. Smith"
		case (b == afterNumber || b == unit) && s.numberBefore(text, astart):
			return ctxAbbrevNum
		case b == afterNumber:
			return ctxNever
		case b == unit:
			return plainContext(word) // "He put it in. Then…"
		case b == rarely:
			return ctxAbbrevRare
		}
		return ctxAbbrev
	}
	return plainContext(word)
}

// plainContext says what a word no rule names is.
func plainContext(word string) context {
	switch {
	case isRoman(word):
		return ctxRoman
	case isDottedInitials(word):
		return ctxInitial
	}
	return ctxWord
}

// spacedStop reports whether the space before the stop at i follows a
// word of the sentence, not another stop: "friendly . and", not ". . .".
func spacedStop(text string, start, i int) bool {
	q := trimSpaceLeft(text, i)
	return q > start && text[q-1] != '.' && text[q-1] != ' '
}

// digitAfter reports whether a number follows position p, past spaces.
func digitAfter(text string, p int) bool {
	for p < len(text) && text[p] == ' ' {
		p++
	}
	return p < len(text) && text[p] >= '0' && text[p] <= '9'
}

// nameBefore reports whether the word before the stop at i is
// capitalised, not in capitals only, and not the first of its sentence: a
// name with "!" ("Yahoo!"), not an exclamation ("Great!").
func (s *Segmenter) nameBefore(text string, start, i int) bool {
	word, wstart := wordBefore(text, i)
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) || strings.ToUpper(word) == word {
		return false
	}
	a, _ := trimSpan(text, start, wstart)
	return strings.IndexFunc(text[a:wstart], unicode.IsLetter) >= 0
}

// opening reports whether the sentence so far, up to its last number, is
// only a phrase of time or place that opens it: a preposition of the
// rules, then numbers and at most one word in small letters ("W 2016",
// "Od 1 stycznia 2017", "W latach 90", "В XIX"); or whether its last
// clause is one, after a conjunction that opens a clause of its own
// ("…, a w 2016", "…, но в 2017"). Such a sentence goes on after the
// stop: "W 2016 r. Rada zdecydowała", "…, a w 2016 r. Rada zmieniła",
// "В 2016 г. Петровский стал мэром"; "Это стоит 100 руб." is no such
// phrase, nor "Remontowano go w 2010 i w 2016" ("i" joins two phrases).
func (s *Segmenter) opening(before string) bool {
	// The last five words, from the end: a number, at most two more
	// words, a preposition and a conjunction before it.
	var words [5]string
	n, rest := 0, before
	for n < len(words) {
		rest = strings.TrimRight(rest, " ")
		q := strings.LastIndexByte(rest, ' ')
		w := rest[q+1:]
		rest = rest[:max(q, 0)]
		if q < 0 {
			w = strings.TrimLeft(w, "\"'„“«(–—-") // the sentence's first word: "„W"
		}
		if w != "" {
			words[n], n = w, n+1
		}
		if q < 0 {
			break
		}
	}
	atStart := strings.TrimLeft(rest, "\"'„“«(–—- ") == ""
	if n < 2 || !isNumberLike(words[0]) {
		return false
	}
	small := 0
	for k := 1; k < n && k <= 3; k++ {
		w := words[k]
		r, _ := utf8.DecodeRuneInString(w)
		if s.rules.prepositions[lexicon.Key(w)] {
			switch {
			case k == n-1 && atStart && unicode.IsUpper(r): // "W 2016"
				return true
			case k+1 < n && s.rules.conjunctions[lexicon.Key(strings.Trim(words[k+1], ",;–—-"))]: // "…, a w 2016"
				return true
			}
		}
		switch {
		case isNumberLike(w):
		case unicode.IsLower(r) && small == 0:
			small++
		default:
			return false
		}
	}
	return false
}

// isNumberLike reports whether w is a number, with an ending or not
// ("2016", "1990-х"), or a Roman numeral.
func isNumberLike(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || isRoman(w))
}

// classify says what follows position p (white space after a stop): see
// the classes. Unless fine asks, every capitalised word is clsCapital: the
// decision does not depend on which kind it is.
func (s *Segmenter) classify(text string, p int, fine detail) class {
	dash := class(0)
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		switch {
		case r == '\n':
			return clsEnd
		case r == '<':
			if _, n := placeholderAt(text[p:]); n > 0 {
				p += n
				continue
			}
			return clsOther + dash
		case strings.ContainsRune("–—-", r):
			dash = dashed
			p += size
		case r == '(' && citationAt(text, p):
			return clsCitation + dash
		case r == '#' && wordAt(text, p+1) != "":
			return clsHashtag + dash
		case r == '/' || r == ',' || r == ';':
			return clsContinues + dash
		case unicode.IsSpace(r) || strings.ContainsRune(`"'„“‘«‹([{•*`, r):
			p += size
		case fine&fineCapitals == 0 && unicode.IsUpper(r):
			return clsCapital + dash
		default:
			return s.wordClass(text, p, r, fine) + dash
		}
	}
	return clsEnd
}

// citationAt reports whether the bracket opening at p closes soon, without
// a stop before it, and ends the text or the line, or after a quotation
// with a period: "(Smith 55)", "(PAP)", "…” (Smith 55)." belong to the
// sentence before them.
func citationAt(text string, p int) bool {
	end := strings.IndexAny(text[p:min(len(text), p+80)], ")\n")
	if end < 0 || text[p+end] != ')' {
		return false
	}
	inner := strings.TrimRight(text[p+1:p+end], " \"'”»")
	after := text[p+end+1:]
	if nl := strings.IndexByte(after, '\n'); nl >= 0 {
		after = after[:nl]
	}
	rest := strings.TrimSpace(after)
	if rest == "." {
		// The period ends a quotation's sentence only after its closing
		// quote: "…stairways [...]" (Smith 55)."; "…заканчиваются.
		// (Болотная площадь)." is a sentence of its own.
		r, _ := utf8.DecodeLastRuneInString(text[:trimSpaceLeft(text, p)])
		rest = strings.Trim(rest, ".")
		if !strings.ContainsRune(`"”’»'`, r) {
			return false
		}
	}
	return inner != "" && !strings.ContainsAny(inner[len(inner)-1:], ".!?") && !strings.HasSuffix(inner, "…") && rest == ""
}

// measureAt reports whether a number at p is followed by a unit or a
// count of the rules (an "after-number" or "unit" abbreviation, with its
// period or without): the second part of a compound measure, "10 ч. 30
// мин.", "1 руб. 50 коп.", "5 ft. 10 in.".
func (s *Segmenter) measureAt(text string, p int) bool {
	q := p
	for q < len(text) && (text[q] >= '0' && text[q] <= '9' || text[q] == ',' && q+1 < len(text) && text[q+1] >= '0' && text[q+1] <= '9') {
		q++
	}
	if q == len(text) || text[q] != ' ' {
		return false
	}
	w := wordAt(text, q+1)
	if e := q + 1 + len(w); w == "" || utf8.RuneCountInString(w) == 1 && (e >= len(text) || text[e] != '.') {
		return false // "в", "w": a preposition unless a period follows
	}
	for _, a := range s.rules.byLast[strings.ToLower(w)] {
		if len(a.words) == 1 && (a.b == afterNumber || a.b == unit) {
			return true
		}
	}
	return false
}

// wordClass says what the word starting with r at p is; a small-letter
// function word only when fine asks.
func (s *Segmenter) wordClass(text string, p int, r rune, fine detail) class {
	switch {
	case unicode.IsDigit(r) && s.measureAt(text, p):
		return clsMeasure
	case unicode.IsDigit(r):
		return clsDigit
	case unicode.IsLower(r) && itemAt(text, p):
		return clsItem
	case unicode.IsLower(r) && fine&fineLower != 0:
		return s.lowerClass(wordAt(text, p))
	case unicode.IsLower(r):
		return clsLower
	case !unicode.IsUpper(r):
		return clsOther
	}
	word := wordAt(text, p)
	if strings.HasPrefix(text[p+len(word):], ".") {
		switch {
		case isInitial(word):
			return clsName // another initial: "А. С. Пушкин"
		case s.title(text, word, p+len(word)):
			return clsCapital // a title, not the stop word a list may call it: "Mrs. Brown"
		}
	}
	c := s.rules.lex.Class(word)
	switch {
	case c&lexicon.Function != 0 || s.listedFunction(word):
		return clsFunction
	case isRoman(word) && len(word) > 1:
		return clsRoman
	case utf8.RuneCountInString(word) > 1 && strings.ToUpper(word) == word:
		return clsAcronym
	case c&lexicon.Name != 0:
		return clsName
	case c&lexicon.Mixed != 0:
		return clsMixed
	case c == 0 && s.rules.nameEnding(word):
		return clsName
	case s.namePhrase(text, p+len(word)):
		return clsPhrase
	}
	return clsCapital
}

// lowerClass says what a word in small letters is: one the rules say
// continues a sentence ("który"), a function word ("gdzie", "что") or any
// other.
func (s *Segmenter) lowerClass(word string) class {
	switch {
	case len(s.rules.continues) > 0 && s.rules.continues[lexicon.Key(word)]:
		return clsContinues
	case s.functionWord(word):
		return clsLowerFunc
	}
	return clsLower
}

// functionWord reports whether word, in small letters, is a function word
// of the lexicon or of the rules that may open a sentence: "w", "gdzie",
// "что", not "który".
func (s *Segmenter) functionWord(word string) bool {
	if s.abbreviationWord(word) {
		return false
	}
	return s.rules.lex.Class(word)&lexicon.Function != 0 || s.listedFunction(word)
}

// abbreviationWord reports whether the rules list word, of two letters or
// more, as an abbreviation of its own that is one wherever it stands: a
// stop-word list holds some ("hab", "np", "tys"); "o", "с" and "no" (a
// word but before a number) are function words still.
func (s *Segmenter) abbreviationWord(word string) bool {
	if utf8.RuneCountInString(word) < 2 {
		return false
	}
	for _, a := range s.rules.byLast[strings.ToLower(word)] {
		if len(a.words) == 1 && a.b != beforeNumber && a.b != unit {
			return true
		}
	}
	return false
}

// listedFunction reports whether the rules list word as a function word.
func (s *Segmenter) listedFunction(word string) bool {
	return len(s.rules.function) > 0 && s.rules.function[lexicon.Key(word)]
}

// title reports whether word, ending at the period at p, is an
// abbreviation that never ends a sentence: "Mrs.", "prof.", "Дж.".
func (s *Segmenter) title(text, word string, p int) bool {
	b, _, ok := s.abbreviation(text, word, p-len(word))
	return ok && b == never
}

// namePhrase reports whether the word after position p is capitalised
// and no name: the second word of "Urząd Statystyczny".
func (s *Segmenter) namePhrase(text string, p int) bool {
	if p >= len(text) || text[p] != ' ' {
		return false
	}
	next := nextWord(text, p)
	r, _ := utf8.DecodeRuneInString(next)
	if next == "" || !unicode.IsUpper(r) {
		return false
	}
	return s.rules.lex.Class(next)&(lexicon.Name|lexicon.Function) == 0
}

// wordAt returns the word of letters (and inner hyphens or apostrophes)
// starting at p.
func wordAt(text string, p int) string {
	q := p
	for q < len(text) {
		r, size := utf8.DecodeRuneInString(text[q:])
		if !unicode.IsLetter(r) && !(q > p && (r == '-' || r == '\'' || r == '’')) {
			break
		}
		q += size
	}
	return strings.TrimRight(text[p:q], "-'’")
}

// isNumbering reports whether the sentence so far (up to its period) is
// only a numbering: "2", "IV", "§ 2", "8.1", "(3".
func isNumbering(s string) bool {
	if len(s) > 24 {
		return false // a numbering is short; the sentence so far may be long
	}
	s = strings.TrimLeft(s, " \t\n(§№"+bullets)
	if s == "" {
		return false
	}
	if isRoman(s) || isItemLetter(s) {
		return true
	}
	for part := range strings.SplitSeq(s, ".") {
		if !isNumber(part) || len(part) > 3 {
			return false
		}
	}
	return true
}

// heading reports whether the sentence so far (up to its period) is a
// heading word of the rules and a numbering: "Глава 1", "Rozdział IV",
// "Art. 5", "Chapter 2". Its title goes on after the stop: "Глава 1.
// Начало".
func (s *Segmenter) heading(before string) bool {
	if len(s.rules.headings) == 0 || len(before) > 40 {
		return false
	}
	first, rest, ok := strings.Cut(strings.TrimLeft(before, " \t\n"), " ")
	r, _ := utf8.DecodeRuneInString(first)
	return ok && unicode.IsUpper(r) && s.rules.headings[lexicon.Key(strings.TrimSuffix(first, "."))] &&
		!isItemLetter(strings.TrimSpace(rest)) && isNumbering(rest)
}

// isItemLetter reports whether w marks a list item in small letters: a
// letter ("a", "b") or a small Roman numeral ("ii", "iv").
func isItemLetter(w string) bool {
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsLower(r) {
		return true
	}
	if len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("ivx", w[i]) < 0 {
			return false
		}
	}
	return w != ""
}

// itemAt reports whether a list item's marker in small letters starts at
// p: "b) ", "б) ", "c)" at the end; with a period only in Latin letters
// ("b. ", "ii. "), since "э." is the end of "н. э.".
func itemAt(text string, p int) bool {
	w := wordAt(text, p)
	q := p + len(w)
	if !isItemLetter(w) || q >= len(text) || text[q] != ')' && (text[q] != '.' || w[0] < 'a' || w[0] > 'z') {
		return false
	}
	return q+1 == len(text) || text[q+1] == ' '
}

// unitBefore reports whether the capital letter at p is a unit or a
// direction after a measure, not an initial: "−5 °C.", "54.35 N, 18.65 E.",
// "52°14′ N.".
func unitBefore(text string, p int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:p])
	if r == '°' || r == '℃' {
		return true
	}
	if strings.IndexByte("NSEW", text[p]) < 0 {
		return false
	}
	q := trimSpaceLeft(text, p)
	r, size := utf8.DecodeLastRuneInString(text[:q])
	if strings.ContainsRune("°′″'", r) {
		return true
	}
	k := q
	for k > 0 && text[k-1] >= '0' && text[k-1] <= '9' {
		k--
	}
	// a decimal: digits, a point or a comma, digits
	return size > 0 && k < q && k >= 2 && (text[k-1] == '.' || text[k-1] == ',') && text[k-2] >= '0' && text[k-2] <= '9'
}

// degreeBefore reports whether the capital letter at p is a scale after a
// word for degrees of the rules: "20 st. C.", "68 deg. F.".
func (s *Segmenter) degreeBefore(text string, p int) bool {
	if len(s.rules.degrees) == 0 || strings.IndexByte("CFK", text[p]) < 0 {
		return false
	}
	q := trimSpaceLeft(text, p)
	if q == p {
		return false
	}
	if q > 0 && text[q-1] == '.' {
		q--
	}
	w, _ := wordBefore(text, q)
	for d := range s.rules.degrees {
		if strings.EqualFold(d, w) {
			return true
		}
	}
	return false
}

// isDottedInitials reports whether a word with inner periods is capital
// letters only: "W.H.S".
func isDottedInitials(w string) bool {
	if strings.IndexByte(w, '.') < 0 {
		return false
	}
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isInitial(p) {
			return false
		}
	}
	return true
}

// isSmallLetter reports whether w is one letter in small letters.
func isSmallLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsLower(r)
}

// smallLetterStopAt reports whether one small letter and a period follow
// position p, past spaces: the next part of "а. е.".
func smallLetterStopAt(text string, p int) bool {
	for p < len(text) && text[p] == ' ' {
		p++
	}
	r, size := utf8.DecodeRuneInString(text[p:])
	return unicode.IsLower(r) && p+size < len(text) && text[p+size] == '.'
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
// words; it returns where the abbreviation starts ("pkt proc.": at "pkt").
func (s *Segmenter) abbreviation(text, word string, wstart int) (behaviour, int, bool) {
	cands := s.rules.byLast[strings.ToLower(word)]
	if len(cands) == 0 {
		return 0, wstart, false
	}
	var best abbrev
	astart := wstart
	for _, a := range cands {
		if len(a.words) <= len(best.words) || a.small && inCapitals(word) {
			continue // "EST" is no "est."
		}
		if p, ok := wordsBefore(text, wstart, a.words[:len(a.words)-1]); ok {
			best, astart = a, p
		}
	}
	return best.b, astart, best.b != 0
}

// inCapitals reports whether word is two letters or more, all capitals.
func inCapitals(word string) bool {
	n := 0
	for _, r := range word {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 1
}

// wordsBefore reports whether the words right before position p are want
// (lower case), separated by white space, and where the first of them
// starts.
func wordsBefore(text string, p int, want []string) (int, bool) {
	for k := len(want) - 1; k >= 0; k-- {
		q := p
		for q > 0 && text[q-1] == ' ' {
			q--
		}
		if q == p {
			return p, false
		}
		w, ws := wordBefore(text, q)
		if w == "" && strings.HasSuffix(text[:q], ".") {
			w, ws = wordBefore(text, q-1)
			w += "."
		}
		if strings.ToLower(w) != want[k] && strings.ToLower(w)+"." != want[k] && strings.ToLower(w) != want[k]+"." {
			return p, false
		}
		p = ws
	}
	return p, true
}

// wordBefore returns the word ending right before position i (the
// period), with any inner periods ("m.in", "o.o", "т.д"), and where it
// starts.
func wordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' && j > 1 ||
			(r == '.' || r == '\'' || r == '’') && j > size && j < i && isWordRune(text[:j-size]) {
			j -= size
			continue
		}
		break
	}
	w := text[j:i]
	for len(w) > 0 && w[0] == '-' {
		w = w[1:]
	}
	for len(w) > 0 && w[len(w)-1] == '-' {
		w = w[:len(w)-1]
	}
	return w, j
}

func isWordRune(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// numberBefore reports whether the word before position p is a number
// or a Roman numeral: "2018 r.", "XIX w.".
func (s *Segmenter) numberBefore(text string, p int) bool {
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	if p > 0 && text[p-1] == '.' {
		p-- // "2 tys. os."
	}
	w, _ := wordBefore(text, p)
	if w == "" {
		return false
	}
	return w[0] >= '0' && w[0] <= '9' || // "2016", "1,5", "2000-х", "90-te"
		isRoman(w) || s.rules.numberWords[strings.ToLower(w)]
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func isRoman(w string) bool {
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("IVXLCDM", w[i]) < 0 {
			return false
		}
	}
	return w != "" && len(w) <= 6
}

// trimSpaceLeft returns p moved left past spaces.
func trimSpaceLeft(text string, p int) int {
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	return p
}
