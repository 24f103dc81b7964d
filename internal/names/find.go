package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Find returns the names of people and places in a Polish text, in the
// order they stand, each with its nominative and its Russian and English
// forms. A name is found:
//
//   - as a person: a known given name followed by a surname (and a
//     patronymic or second given name between): "z Adamem Krajewskim";
//     a title and a surname: "prezydent Duda"; a surname of someone the
//     text named in full before: "Krajewski powiedział";
//   - as a place: a place of the table in any case form ("w Białymstoku",
//     "województwa podlaskiego"), or a proper noun of the lexicon after a
//     preposition of place ("w Hajnówce", "do Suwałk").
func Find(text string) []Name {
	return new(Finder).Find(text)
}

// A Finder finds names in texts one after another — the segments of a
// file, of all the articles of an import or a sync — reading each word
// and making each name's forms once. Its zero value is ready for use; it
// is safe for concurrent use.
type Finder struct{ cache cache }

// Find is Find, remembering the readings of the words and the forms of
// the names for the next texts.
func (f *Finder) Find(text string) []Name {
	return loadTables().find(text, &f.cache)
}

// A cache keeps what a Finder worked out: the readings of words and the
// forms of names.
type cache struct {
	mu       sync.Mutex
	readings map[string][]reading
	names    map[nameKey]Name
}

type nameKey struct {
	nominative string
	kind       Kind
}

// reading returns the readings of a word, worked out once.
func (c *cache) reading(t *tables, w string) []reading {
	c.mu.Lock()
	r, ok := c.readings[w]
	c.mu.Unlock()
	if ok {
		return r
	}
	r = t.readings(w)
	c.mu.Lock()
	if c.readings == nil {
		c.readings = map[string][]reading{}
	}
	c.readings[w] = r
	c.mu.Unlock()
	return r
}

// transcribe is Transcribe, worked out once per name.
func (c *cache) transcribe(nominative string, kind Kind) Name {
	k := nameKey{nominative, kind}
	c.mu.Lock()
	n, ok := c.names[k]
	c.mu.Unlock()
	if ok {
		return n
	}
	n = Transcribe(nominative, kind)
	c.mu.Lock()
	if c.names == nil {
		c.names = map[nameKey]Name{}
	}
	c.names[k] = n
	c.mu.Unlock()
	return n
}

type token struct {
	text       string
	start, end int
	sep        string // the text between the previous token and this one
}

func tokenize(text string) []token {
	var out []token
	last := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) {
				i += n
				continue
			}
			// a hyphen between letters joins (Bielsko-Biała)
			if r == '-' && i+1 < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(next) {
					i += n
					continue
				}
			}
			break
		}
		out = append(out, token{text: text[start:i], start: start, end: i, sep: text[last:start]})
		last = i
	}
	return out
}

// isCapital: starts with a capital and has no other (RPO, UE, PiS), but
// for the parts of a double name (Kosiniak-Kamysz).
func isCapital(w string) bool {
	first, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || n == len(w) {
		return false
	}
	prev := first
	for _, r := range w[n:] {
		if unicode.IsUpper(r) && prev != '-' {
			return false
		}
		prev = r
	}
	return true
}

// joined reports whether tokens i..i+k-1 stand next to each other with
// only spaces between them.
func joined(toks []token, i, k int) bool {
	if i+k > len(toks) {
		return false
	}
	for j := i + 1; j < i+k; j++ {
		if strings.TrimSpace(toks[j].sep) != "" || strings.Contains(toks[j].sep, "\n") {
			return false
		}
	}
	return true
}

// A finder is one text's search: its tokens, their readings, and the
// people it has named in full.
type finder struct {
	t      *tables
	toks   []token
	text   string
	cache  *cache
	people map[string]Name // surname nominative → the person's forms
}

func (t *tables) find(text string, c *cache) []Name {
	f := &finder{t: t, toks: tokenize(text), text: text, cache: c, people: map[string]Name{}}
	var out []Name
	for i := 0; i < len(f.toks); {
		n, k := f.at(i)
		if k == 0 {
			i++
			continue
		}
		out = append(out, n)
		i += k
	}
	return out
}

// at finds a name starting at token i; k is the number of its tokens.
func (f *finder) at(i int) (Name, int) {
	for _, try := range []func(int) (Name, int){f.lakeName, f.tablePlace, f.person, f.titled, f.named, f.lexiconPlace} {
		if n, k := try(i); k > 0 {
			return n, k
		}
	}
	return Name{}, 0
}

func (f *finder) read(i int) []reading {
	return f.cache.reading(f.t, f.toks[i].text)
}

// found makes the Name for tokens i..i+k-1 with their nominative.
func (f *finder) found(i, k int, n Name) (Name, int) {
	n.Start, n.End = f.toks[i].start, f.toks[i+k-1].end
	n.Text = f.text[n.Start:n.End]
	return n, k
}
