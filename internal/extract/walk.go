package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walker turns the article's elements into blocks in reading order.
type walker struct {
	page   *page
	skip   map[*html.Node]bool // the title and date elements, already read
	roots  map[*html.Node]bool // the article's containers, never dropped as link lists
	blocks []article.Block
	buf    inlineBuf
	group  string // the list or table row being walked
	groups int    // lists and tables seen so far, for naming groups
}

// blockKinds says which kind of block an element's own text makes.
// Elements not listed keep the kind of their container.
var blockKinds = map[atom.Atom]article.Kind{
	atom.P: article.KindParagraph, atom.Div: article.KindParagraph,
	atom.H1: article.KindHeading, atom.H2: article.KindHeading, atom.H3: article.KindHeading,
	atom.H4: article.KindHeading, atom.H5: article.KindHeading, atom.H6: article.KindHeading,
	atom.Li: article.KindListItem, atom.Td: article.KindTableCell, atom.Th: article.KindTableCell,
	atom.Blockquote: article.KindQuote, atom.Figcaption: article.KindCaption, atom.Caption: article.KindCaption,
	atom.Dt: article.KindTerm, atom.Dd: article.KindDefinition,
}

// inlineKeep are inline elements kept as placeholders even without
// attributes; others (a bare <span>, <font>) only when they carry some.
var inlineKeep = atomSet(atom.A, atom.Strong, atom.B, atom.Em, atom.I, atom.U, atom.S, atom.Sup,
	atom.Sub, atom.Code, atom.Abbr, atom.Q, atom.Cite, atom.Mark, atom.Small, atom.Del, atom.Ins,
	atom.Kbd, atom.Var, atom.Dfn, atom.Time, atom.Bdi, atom.Bdo)

func (w *walker) walkChildren(n *html.Node, kind article.Kind, element string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, kind, element)
	}
}

func (w *walker) walk(n *html.Node, kind article.Kind, element string) {
	switch n.Type {
	case html.TextNode:
		w.buf.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if w.skip[n] || w.page.drop[n] || skipAlways[n.DataAtom] || isHidden(n) {
		return
	}
	st := w.page.stats[n]
	switch {
	case n.DataAtom == atom.Br:
		w.buf.lineBreak()
	case n.DataAtom == atom.Img:
		w.image(n)
	case blockElems[n.DataAtom] || st != nil && st.hasBlock:
		if !w.roots[n] && (w.page.isLinkList(n) || w.page.weight(n) < 0) {
			return
		}
		w.flush(kind, element)
		if k, ok := blockKinds[n.DataAtom]; ok && !(kind == article.KindQuote && k == article.KindParagraph) &&
			!(n.DataAtom == atom.Div && kind != article.KindParagraph) {
			kind, element = k, n.Data
		}
		outer := w.group
		switch n.DataAtom {
		case atom.Ul, atom.Ol, atom.Dl, atom.Table:
			w.groups++
			w.group = fmt.Sprintf("%s:%d", n.Data, w.groups)
		case atom.Tr:
			w.groups++
			w.group = fmt.Sprintf("%s/tr:%d", w.group, w.groups)
		}
		w.walkChildren(n, kind, element)
		w.flush(kind, element)
		w.group = outer
	default:
		w.inline(n, kind, element)
	}
}

// inline walks an inline element, keeping it as a placeholder pair.
func (w *walker) inline(n *html.Node, kind article.Kind, element string) {
	if title := strings.TrimSpace(attr(n, "title")); title != "" && (n.DataAtom == atom.A || n.DataAtom == atom.Abbr || n.DataAtom == atom.Acronym) {
		defer func(at int) {
			w.buf.pending = append(w.buf.pending, pendingAttr{kind: article.KindTooltip, element: n.Data, text: title, tag: at})
		}(len(w.buf.tags) + 1)
	}
	if !inlineKeep[n.DataAtom] && len(n.Attr) == 0 {
		w.walkChildren(n, kind, element)
		return
	}
	id := w.buf.open(tagOf(n, false))
	w.walkChildren(n, kind, element)
	w.buf.close(id)
}

// image adds an image as an empty placeholder and its alt text as a block
// of its own, after the block the image sits in.
func (w *walker) image(n *html.Node) {
	if isIcon(n) {
		return // a share, print or mail button: page furniture
	}
	id := w.buf.open(tagOf(n, true))
	if alt := collapseSpace(attr(n, "alt")); alt != "" {
		w.buf.pending = append(w.buf.pending, pendingAttr{kind: article.KindAlt, element: "img", text: alt, tag: id})
	}
	for _, key := range []string{"title"} {
		if t := collapseSpace(attr(n, key)); t != "" && t != collapseSpace(attr(n, "alt")) {
			w.buf.pending = append(w.buf.pending, pendingAttr{kind: article.KindTooltip, element: "img", text: t, tag: id})
		}
	}
}

// isIcon reports whether an image is an icon: at most 32 pixels both
// ways, by its width and height attributes.
func isIcon(n *html.Node) bool {
	w, errW := strconv.Atoi(strings.TrimSuffix(attr(n, "width"), "px"))
	h, errH := strconv.Atoi(strings.TrimSuffix(attr(n, "height"), "px"))
	return errW == nil && errH == nil && w <= 32 && h <= 32
}

// isTeaser reports whether a short paragraph is a link to another article
// set into this one ("Były dowódca wojsk USA w Europie: <1>Rosja jest
// groźna</1>"): mostly link, and not a sentence.
func isTeaser(b article.Block, linkShare float64) bool {
	if b.Kind != article.KindParagraph {
		return false
	}
	text := plain(b.Text)
	return len([]rune(text)) < 160 && linkShare >= 0.3 && !endsSentence(text)
}

var creditLine = regexp.MustCompile(`^(?:\p{Lu}{2,}\s*/\s*)+\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}-]+){0,3}$`)

// isCredit reports whether a line is a photo credit: "PAP/ Rafał Guz",
// "EPA/PAP/Jan Nowak".
func isCredit(text string) bool {
	return len(text) < 80 && creditLine.MatchString(strings.TrimSpace(text))
}

func tagOf(n *html.Node, empty bool) article.Tag {
	t := article.Tag{Name: n.Data, Empty: empty}
	for _, a := range n.Attr {
		t.Attrs = append(t.Attrs, article.Attr{Key: a.Key, Val: a.Val})
	}
	return t
}

// flush ends the current block, if it has text, and adds the attribute
// blocks found inside it.
func (w *walker) flush(kind article.Kind, element string) {
	defer w.buf.reset()
	if w.buf.b.Len() == 0 && len(w.buf.pending) == 0 {
		return
	}
	b, renum, ok := w.buf.finish(kind, element, w.page.rules)
	b.Group = w.group
	if b.Kind == article.KindCaption {
		b.Text = w.page.rules.cutCredit(b.Text)
	}
	owner := -1
	if ok && !w.page.rules.isPhrase(plain(b.Text)) && !isTeaser(b, linkShare(b)) && !isCredit(plain(b.Text)) {
		owner = len(w.blocks)
		w.blocks = append(w.blocks, b)
	}
	for _, p := range w.buf.pending {
		ab := article.Block{Kind: p.kind, Element: p.element, Text: p.text, Owner: owner, Group: w.group}
		if owner >= 0 {
			ab.OwnerTag = renum[p.tag]
		} else if p.tag > 0 {
			t := w.buf.tags[p.tag-1]
			ab.Wrap = &t
		}
		if hasLetter(ab.Text) {
			w.blocks = append(w.blocks, ab)
		}
	}
}
