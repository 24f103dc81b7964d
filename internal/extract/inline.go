package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
	"golang.org/x/text/unicode/norm"
)

// inlineBuf collects the text of one block as it is walked: text, and
// placeholder tokens for inline elements.
type inlineBuf struct {
	b       strings.Builder
	tags    []article.Tag
	pending []pendingAttr // attribute texts of elements inside this block
}

// pendingAttr is a translatable attribute found inside a block (an image's
// alt, a link's title), kept until the block is done.
type pendingAttr struct {
	kind    article.Kind
	element string
	text    string
	tag     int // placeholder number in the block, 0 when none
}

// lineBreak stands for a <br> in the buffer, apart from the newlines of
// the HTML source, which are only white space.
const lineBreak = '\u2028'

func (ib *inlineBuf) text(s string) { ib.b.WriteString(escapeLiteral(s)) }

// escapeLiteral keeps text that only looks like a placeholder ("<1>" in
// the page's own words) from being read as one, by putting a word joiner
// (U+2060, invisible) after its "<".
func escapeLiteral(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '<' {
			if _, _, n := parsePlaceholder(s[i:]); n > 0 {
				b.WriteString("\u2060")
			}
		}
	}
	return b.String()
}

func (ib *inlineBuf) lineBreak() { ib.b.WriteRune(lineBreak) }

func (ib *inlineBuf) open(t article.Tag) int {
	ib.tags = append(ib.tags, t)
	id := len(ib.tags)
	ib.b.WriteString("<" + strconv.Itoa(id))
	if t.Empty {
		ib.b.WriteString("/>")
	} else {
		ib.b.WriteByte('>')
	}
	return id
}

func (ib *inlineBuf) close(id int) { ib.b.WriteString("</" + strconv.Itoa(id) + ">") }

func (ib *inlineBuf) reset() { *ib = inlineBuf{} }

// finish turns the buffer into a block: white space collapsed, spaces moved
// out of placeholder pairs, empty pairs dropped, a pair around the whole
// text unwrapped, and placeholders numbered again from 1. ok is false when
// the text has no letter: such a block ("10.00–10.30", a lone image) has
// nothing to translate. renum maps the buffer's placeholder numbers to the
// block's.
func (ib *inlineBuf) finish(kind article.Kind, element string, r *rules) (b article.Block, renum map[int]int, ok bool) {
	toks := tokenize(tidy(dropEmptyPairs(tokenize(norm.NFC.String(ib.b.String())))))
	toks = tokenize(tidy(ib.cutMoreLink(toks, r)))
	b = article.Block{Kind: kind, Element: element, Owner: -1}
	if len(toks) >= 2 && toks[0].kind == tokOpen && toks[len(toks)-1].kind == tokClose &&
		toks[0].id == toks[len(toks)-1].id && !ib.tags[toks[0].id-1].Empty {
		t := ib.tags[toks[0].id-1]
		b.Wrap = &t
		toks = toks[1 : len(toks)-1]
	}
	var sb strings.Builder
	renum = map[int]int{}
	letter := false
	for _, t := range toks {
		switch t.kind {
		case tokText:
			sb.WriteString(strings.ReplaceAll(t.text, string(lineBreak), "\n"))
			letter = letter || strings.IndexFunc(t.text, unicode.IsLetter) >= 0
		case tokOpen, tokEmpty:
			renum[t.id] = len(b.Tags) + 1
			b.Tags = append(b.Tags, ib.tags[t.id-1])
			sb.WriteString(placeholder(t.kind, renum[t.id]))
		case tokClose:
			sb.WriteString(placeholder(t.kind, renum[t.id]))
		}
	}
	b.Text = sb.String()
	return b, renum, letter
}

// cutMoreLink removes a "read more" link closing a paragraph
// ("… Akcja Katolicka w Polsce. [czytaj więcej]"), with its brackets.
func (ib *inlineBuf) cutMoreLink(toks []token, r *rules) []token {
	cut, link := -1, false
	var tail string
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		if t.kind == tokText {
			tail = t.text + tail
		}
		if t.kind == tokOpen && ib.tags[t.id-1].Name == "a" {
			link = true
		}
		words := strings.ToLower(strings.Trim(strings.TrimSpace(tail), "[](){}»›… "))
		if slices.Contains(r.more, words) {
			cut = k
		} else if words != "" && !slices.ContainsFunc(r.more, func(m string) bool { return strings.HasSuffix(m, words) }) {
			break
		}
	}
	if cut <= 0 || !link {
		return toks
	}
	kept := toks[:cut:cut]
	if n := len(kept); n > 0 && kept[n-1].kind == tokText {
		kept[n-1].text = strings.TrimRight(kept[n-1].text, " [(«„")
	}
	closed := map[int]bool{}
	for _, t := range kept {
		if t.kind == tokClose {
			closed[t.id] = true
		}
	}
	out := kept[:0:0]
	for _, t := range kept {
		if t.kind == tokOpen && !closed[t.id] {
			continue
		}
		out = append(out, t)
	}
	return out
}

type tokKind int

const (
	tokText tokKind = iota
	tokOpen
	tokClose
	tokEmpty
)

type token struct {
	kind tokKind
	id   int
	text string
}

func placeholder(k tokKind, id int) string {
	n := strconv.Itoa(id)
	switch k {
	case tokOpen:
		return "<" + n + ">"
	case tokClose:
		return "</" + n + ">"
	default:
		return "<" + n + "/>"
	}
}

// tokenize splits placeholder text into text and placeholder tokens. Text
// that only looks like a placeholder stays text.
func tokenize(s string) []token {
	var toks []token
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		k, id, n := parsePlaceholder(s[i:])
		if n == 0 {
			continue
		}
		if i > start {
			toks = append(toks, token{kind: tokText, text: s[start:i]})
		}
		toks = append(toks, token{kind: k, id: id})
		i += n - 1
		start = i + 1
	}
	if start < len(s) {
		toks = append(toks, token{kind: tokText, text: s[start:]})
	}
	return toks
}

// parsePlaceholder reads a placeholder at the start of s as a token kind.
func parsePlaceholder(s string) (tokKind, int, int) {
	kind, id, n := article.ParsePlaceholder(s)
	switch kind {
	case article.Open:
		return tokOpen, id, n
	case article.Close:
		return tokClose, id, n
	case article.Empty:
		return tokEmpty, id, n
	}
	return tokText, 0, 0
}

// tidy renders tokens as placeholder text with white space collapsed,
// moved out of placeholder pairs ("<1> x </1>" becomes " <1>x</1> "),
// trimmed at the ends and around line breaks, and runs of line breaks made
// one.
func tidy(toks []token) string {
	var out strings.Builder
	space, newline, opened := false, false, false
	flush := func() {
		if out.Len() == 0 {
			space, newline = false, false
			return
		}
		if newline {
			out.WriteRune(lineBreak)
		} else if space {
			out.WriteByte(' ')
		}
		space, newline = false, false
	}
	for i, t := range toks {
		switch t.kind {
		case tokText:
			for _, r := range t.text {
				switch {
				case r == lineBreak:
					newline = true
				case isSpace(r):
					space = space || !opened // moved before the tag already
				default:
					flush()
					out.WriteRune(r)
					opened = false
				}
			}
		case tokOpen, tokEmpty:
			if t.kind == tokOpen && i+1 < len(toks) && toks[i+1].kind == tokText && toks[i+1].text != "" {
				r := []rune(toks[i+1].text)[0]
				space = space || isSpace(r) && r != '\n'
			}
			flush()
			out.WriteString(placeholder(t.kind, t.id))
			opened = t.kind == tokOpen
		case tokClose:
			out.WriteString(placeholder(t.kind, t.id))
		}
	}
	return out.String()
}

// dropEmptyPairs removes <n></n> pairs with nothing but white space
// between them (a bold space, an empty anchor).
func dropEmptyPairs(toks []token) []token {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != tokOpen {
			continue
		}
		j := i + 1
		if toks[j].kind == tokText && strings.TrimSpace(toks[j].text) == "" {
			j++
		}
		if j < len(toks) && toks[j].kind == tokClose && toks[j].id == toks[i].id {
			rest := append([]token{{kind: tokText, text: " "}}, toks[j+1:]...)
			return dropEmptyPairs(append(toks[:i:i], rest...))
		}
	}
	return toks
}
