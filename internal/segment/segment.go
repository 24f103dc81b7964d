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
	soft := s.rules.semicolonList || len(s.rules.emoticons) > 0
	for i := 0; i < len(text); {
		c := text[i]
		if !special[c] {
			i++
			continue
		}
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
			}
			i = end
			continue
		case c == ')' && depth == 0:
			if p, ok := nextItem(text, start, i); ok {
				emit(p) // "1) The first item 2) The second item"
				i = p
				continue
			}
			if !soft {
				break
			}
			fallthrough
		case soft && (c == ';' || c == ':' || c == '=') && depth == 0:
			if end := s.softStop(text, i); end > 0 {
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

// special are the bytes Spans looks at: everything else is skipped.
var special = func() (t [256]bool) {
	for _, c := range []byte("<\n.!?;:=)") {
		t[c] = true
	}
	t[0xE2] = true // the first byte of "…"
	return t
}()

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

// boundary decides whether the run of stops starting at text[i] ends a
// sentence. It returns where the sentence ends, after the stops and any
// closing quotes, brackets and placeholders that follow them, and true;
// or where the run of stops ends, and false.
func (s *Segmenter) boundary(text string, start, i, depth int) (int, bool) {
	if depth == 0 && i > 1 && (text[i-1] >= '0' && text[i-1] <= '9' || text[i-1] >= utf8.RuneSelf || text[i-2] == ' ') {
		if p, ok := nextItem(text, start, i); ok {
			return p, true // "1. The first item 2. The second item"
		}
	}
	j := stopsEnd(text, i)
	closed, depth := skipClosers(text, j, depth)
	end := closed + footnoteAt(text, closed)
	if end == len(text) {
		return end, depth == 0
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) || depth > 0 {
		return j, false // "15.03.2018", "biuro@example.org", "…" inside a pair
	}
	ctx := s.context(text, start, i, j, closed)
	d := &s.rules.decide
	fine := d.fine[ctx]
	if ctx == ctxWord {
		fine |= d.fine[ctxDictWord] | d.fine[ctxShortWord]
	}
	cls := s.classify(text, end, fine)
	if ctx == ctxWord {
		ctx = s.plainWord(text, i, cls)
	}
	if !d.split[ctx][cls] || end == j && insideQuotedName(text, start, i) {
		return j, false // «Что? Где? Когда?»
	}
	return end, true
}

// plainWord says what the plain word before the stop at i is, where the
// decision before cls asks: a word, no abbreviation the rules lack
// ("party.", "Mississippi.", "policja."); a short one the lexicon lacks,
// which may be such an abbreviation ("Govt.", "rez."); or any other word.
func (s *Segmenter) plainWord(text string, i int, cls class) context {
	d := &s.rules.decide
	dict, short := d.split[ctxDictWord][cls] != d.split[ctxWord][cls], d.split[ctxShortWord][cls] != d.split[ctxWord][cls]
	if !dict && !short {
		return ctxWord
	}
	if i > 0 && text[i-1] == ' ' {
		i = trimSpaceLeft(text, i) // "friendly . and"
	}
	word, _ := wordBefore(text, i)
	if word == "" {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if dict && strings.ContainsRune(`)"'”’»`, r) {
			return ctxDictWord // "(3-3264). you"
		}
		return ctxWord
	}
	n := utf8.RuneCountInString(word)
	inLex := s.rules.lex.Class(word) != 0 && !s.rules.contraction(word)
	ending := s.rules.wordEnding(word)
	switch {
	case dict && (ending || inLex && (n > 4 || len(s.rules.wordEndings) == 0)):
		// A word: it ends as no abbreviation does, or the lexicon has
		// it; in a language with word endings, a short word it has that
		// ends otherwise may be an abbreviation all the same ("мед.",
		// "тех."): a plain word.
		return ctxDictWord
	case short && !inLex && !ending && n <= 4:
		return ctxShortWord
	}
	return ctxWord
}

// stopsEnd returns the end of the run of stops starting at i: ".", "?!",
// "…", "...", and ". . ." with its spaces.
func stopsEnd(text string, i int) int {
	j := i
	for j < len(text) {
		switch {
		case text[j] == '.' || text[j] == '!' || text[j] == '?':
			j++
		case strings.HasPrefix(text[j:], "…"):
			j += len("…")
		case strings.HasPrefix(text[j:], " .") && text[j-1] == '.' && (j+2 == len(text) || text[j+2] == ' ' || text[j+2] == '.'):
			j += 2 // ". . ."
		default:
			return j
		}
	}
	return j
}

// softStop decides whether a ";" before a list item or an emoticon at i
// ends a sentence; it returns where the sentence ends, or 0.
func (s *Segmenter) softStop(text string, i int) int {
	if text[i] == ';' && s.rules.semicolonList && listItemAt(text, i+1) {
		return i + 1
	}
	n := s.emoticonAt(text, i)
	if n == 0 {
		return 0
	}
	end := i + n
	if end == len(text) || text[end] != ' ' || !s.rules.decide.split[ctxEmoticon][s.classify(text, end, s.rules.decide.fine[ctxEmoticon])] {
		return 0
	}
	return end
}

// emoticonAt returns the length of an emoticon of the rules at i, one
// standing after a space, or a run of brackets the rules list (")))")
// right after a word too: "Спасибо))) Завтра"; 0 when there is none.
func (s *Segmenter) emoticonAt(text string, i int) int {
	if i == 0 || text[i-1] == '(' || text[i-1] == ')' {
		return 0
	}
	for _, e := range s.rules.emoticons {
		if !strings.HasPrefix(text[i:], e) {
			continue
		}
		if strings.Trim(e, e[:1]) == "" && (e[0] == ')' || e[0] == '(') {
			n := len(e)
			for i+n < len(text) && text[i+n] == e[0] {
				n++
			}
			return n
		}
		if text[i-1] == ' ' {
			return len(e)
		}
	}
	return 0
}

// footnoteAt returns the length of a footnote mark at p that belongs to
// the sentence before it, " [4]" or "[12]", followed by white space or the
// end; 0 when there is none.
func footnoteAt(text string, p int) int {
	q := p
	if q < len(text) && text[q] == ' ' {
		q++
	}
	if q >= len(text) || text[q] != '[' {
		return 0
	}
	k := q + 1
	for k < len(text) && k-q <= 3 && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	if k == q+1 || k >= len(text) || text[k] != ']' {
		return 0
	}
	k++
	if k < len(text) && text[k] != ' ' && text[k] != '\n' {
		return 0
	}
	return k - p
}

// skipClosers moves past closing quotes, brackets and placeholders after
// a stop, keeping track of the placeholder depth.
func skipClosers(text string, j, depth int) (int, int) {
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case strings.ContainsRune(`"'”’»)]}›`, r):
			j += size
		case r == '“' && (j+size == len(text) || text[j+size] == ' '):
			j += size // a closing “ in the German style: „…“
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

// The typographic quotes that open and close a quotation, each opener
// with its closers: „…” and „…“ (Polish), «…» (Russian), “…” (English).
var quotePairs = [...]struct{ open, close string }{{"„", "”“"}, {"«", "»"}, {"“", "”"}}

// insideQuotedName reports whether the stop at i stands in a quotation
// that opened inside the sentence, at most 120 bytes before it, after a
// word, not after a colon or a dash, and closes within the next 200 bytes: a title or a name, whose
// stops end no sentence ("Передача «Что? Где? Когда?» идёт давно",
// "Film „Co? Gdzie?” wygrał"). Speech after "powiedział:" splits as before.
func insideQuotedName(text string, start, i int) bool {
	lo := max(start, i-120) // a title is short
	if strings.IndexByte(text[lo:i], 0xE2) < 0 && strings.IndexByte(text[lo:i], 0xC2) < 0 {
		return false // no „, « or “ (their first bytes) before the stop
	}
	for _, q := range quotePairs {
		o := strings.LastIndex(text[lo:i], q.open)
		if o < 0 {
			continue
		}
		o += lo
		if strings.ContainsAny(text[o:i], q.close) {
			continue // closed before the stop
		}
		c := strings.IndexAny(text[i:min(len(text), i+200)], q.close)
		if c < 0 || strings.Contains(text[i:i+c], q.open) {
			continue
		}
		b := trimSpaceLeft(text, o)
		r, _ := utf8.DecodeLastRuneInString(text[:b])
		return b > start && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',')
	}
	return false
}
