package web

import (
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

// placeholder is one placeholder of a segment's Polish, with the markup it
// stands for, so the page can show a chip naming it ("link", with its
// address on hover) instead of a bare number.
type placeholder struct {
	N     int    `json:"n"`
	Pair  bool   `json:"pair"`  // <n>…</n>; false for <n/>
	Tag   string `json:"tag"`   // the element: a, strong, img…; "" when unknown
	Kind  string `json:"kind"`  // link, bold, italic, image, break, code, other
	Title string `json:"title"` // the link's address, the image's alt text or address
}

// kinds name the elements translators meet, for the chips' labels.
var kinds = map[string]string{
	"a": "link", "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "img": "image",
	"br": "break", "code": "code", "sup": "superscript", "sub": "subscript", "u": "underline",
	"abbr": "abbreviation", "span": "other",
}

// placeholders lists the placeholders of source in order of first
// appearance; tags, when known, says which element each one stands for
// (tags[n-1] is placeholder n's).
func placeholders(source string, tags []article.Tag) []placeholder {
	out := []placeholder{}
	for i := 0; i < len(source); i++ {
		kind, n, size := article.ParsePlaceholder(source[i:])
		if size == 0 {
			continue
		}
		i += size - 1
		if kind == article.Close {
			continue
		}
		p := placeholder{N: n, Pair: kind == article.Open, Kind: "other"}
		if n-1 < len(tags) {
			describe(&p, tags[n-1])
		}
		out = append(out, p)
	}
	return out
}

func describe(p *placeholder, t article.Tag) {
	p.Tag = t.Name
	if k, ok := kinds[t.Name]; ok {
		p.Kind = k
	}
	for _, key := range []string{"href", "alt", "src", "title"} {
		if v, ok := t.Attr(key); ok && v != "" {
			p.Title = v
			return
		}
	}
}

// tagsByID pairs each unit of the source file with the markup its
// placeholders stand for, found through its segment of the extracted
// article; a unit whose text is not in its block (the locale files are
// older than the source) is left out.
func tagsByID(src *catalog.File, a *article.Article) map[string][]article.Tag {
	out := map[string][]article.Tag{}
	if src == nil || a == nil {
		return out
	}
	for _, u := range src.Active() {
		if u.Block < 0 || u.Block >= len(a.Blocks) {
			continue
		}
		b := a.Blocks[u.Block]
		for _, s := range b.Segments {
			if s.Text == u.Source {
				out[u.ID] = segmentTags(b, s)
				break
			}
		}
	}
	return out
}

// segmentTags lists the block's markup for each of the segment's
// placeholders, which are numbered from 1 in every segment.
func segmentTags(b article.Block, s article.Segment) []article.Tag {
	if s.Tags == nil {
		return b.Tags
	}
	tags := make([]article.Tag, len(s.Tags))
	for i := range s.Tags {
		if n := s.BlockTag(i + 1); n >= 1 && n <= len(b.Tags) {
			tags[i] = b.Tags[n-1]
		}
	}
	return tags
}

// diffPart is a run of words that the two texts share ("="), or that only
// the old ("-") or the new ("+") has.
type diffPart struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// maxDiffWords bounds the word diff, which is quadratic; longer texts are
// shown as replaced whole.
const maxDiffWords = 400

// wordDiff compares two texts word by word (white space kept with the
// word before it), by their longest common subsequence.
func wordDiff(old, new string) []diffPart {
	a, b := words(old), words(new)
	if len(a) > maxDiffWords || len(b) > maxDiffWords {
		return []diffPart{{"-", old}, {"+", new}}
	}
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if strings.TrimSpace(a[i]) == strings.TrimSpace(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffPart
	add := func(op, text string) {
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, diffPart{op, text})
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case strings.TrimSpace(a[i]) == strings.TrimSpace(b[j]):
			add("=", b[j])
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			add("-", a[i])
			i++
		default:
			add("+", b[j])
			j++
		}
	}
	for ; i < len(a); i++ {
		add("-", a[i])
	}
	for ; j < len(b); j++ {
		add("+", b[j])
	}
	return out
}

// words splits s into words, each with the white space after it.
func words(s string) []string {
	var out []string
	start, prevSpace := 0, false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if prevSpace && !space {
			out = append(out, s[start:i])
			start = i
		}
		prevSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
