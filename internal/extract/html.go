package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mosty-dev/mosty/internal/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extracts the article from a whole HTML page, decoded to UTF-8
// (invalid bytes become U+FFFD).
func HTML(src string, opts Options) (*article.Article, error) {
	root, err := html.Parse(strings.NewReader(strings.ToValidUTF8(src, "\uFFFD")))
	if err != nil {
		return nil, &FormatError{Format: "HTML", Err: err}
	}
	return fromTree(root, opts)
}

func fromTree(root *html.Node, opts Options) (*article.Article, error) {
	m := readMeta(root)
	p := newPage(root)
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	p.markBoilerplate(root, p.stats[body].text)
	sel := selectWithProfile(root, opts.Profile, p)

	titleNode, title := sel.title, ""
	if titleNode != nil {
		title = textOf(titleNode)
	} else {
		titleNode, title = findTitle(root, m, p.drop)
	}
	date, dateNode := findDate(root, titleNode, m, p.drop)
	if sel.date != nil {
		if d, ok := ParseDate(attr(sel.date, "datetime") + " " + textOf(sel.date)); ok {
			date, dateNode = d, sel.date
		}
	}
	a := &article.Article{Lang: pickLang(m.lang, opts.Lang), Title: title, Date: date,
		Category: findCategory(root, m, title), Description: m.description, Canonical: m.canonical}
	if sel.category != "" {
		a.Category = sel.category
	}

	content := sel.content
	if content == nil {
		top := p.score()
		if top == nil {
			return nil, ErrNoArticle
		}
		content = p.contentNodes(p.widen(top))
	}
	w := &walker{page: p, skip: map[*html.Node]bool{titleNode: true, dateNode: true}, roots: map[*html.Node]bool{}}
	for _, n := range content {
		w.roots[n] = true
	}
	for _, n := range content {
		w.walk(n, article.KindParagraph, "div")
		w.flush(article.KindParagraph, "div")
	}
	blocks := w.blocks
	if titleNode == nil {
		var line string
		var lineDate time.Time
		blocks, line, lineDate = titleLine(blocks, title)
		if line != "" {
			title, a.Title = line, line
		}
		if a.Date.IsZero() {
			a.Date = lineDate
		}
	}
	if a.Date.IsZero() {
		a.Date = dateAtTop(content, titleNode)
	}
	if title != "" {
		el := "h1"
		if titleNode != nil {
			el = titleNode.Data
		}
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindTitle, Element: el, Text: title, Owner: -1})
	}
	a.Blocks = appendBody(a.Blocks, dropRelated(dropSignature(blocks), p.rules), title)
	if len(a.Blocks) == 0 || len(a.Blocks) == 1 && a.Blocks[0].Kind == article.KindTitle {
		return nil, ErrNoArticle
	}
	if d := a.Description; d != "" && hasLetter(d) {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindDescription, Element: "meta", Text: d, Owner: -1})
	}
	return a, nil
}

// titleLine finds the title on old pages that set it in bold rather than
// in a heading: a line at the top of the body that starts with the
// <title>'s text. It returns the blocks without that line and the date
// lines right after it, the title line, and the date they gave.
func titleLine(blocks []article.Block, docTitle string) ([]article.Block, string, time.Time) {
	want := strings.ToLower(docTitle)
	if len(want) < 8 {
		return blocks, "", time.Time{}
	}
	for i := 0; i < len(blocks) && i < 3; i++ {
		lines := strings.Split(blocks[i].Text, "\n")
		for j, l := range lines {
			text := plain(l)
			if !(strings.HasPrefix(strings.ToLower(text), want) && len(text) <= 300 || i == 0 && j == 0 && boldLine(blocks[i], l)) {
				continue
			}
			drop := j + 1
			var date time.Time
			for drop < len(lines) && isDateLine(plain(lines[drop])) {
				if date.IsZero() {
					date, _ = ParseDate(plain(lines[drop]))
				}
				drop++
			}
			rest, ok := withoutLines(blocks[i], j, drop)
			if !ok {
				return blocks, "", time.Time{}
			}
			out := append([]article.Block{}, blocks[:i]...)
			if rest.Text != "" {
				out = append(out, rest)
			}
			for _, b := range blocks[i+1:] {
				if b.Owner > i || b.Owner == i && rest.Text == "" {
					b.Owner, b.OwnerTag = -1, 0
				}
				out = append(out, b)
			}
			return out, text, date
		}
	}
	return blocks, "", time.Time{}
}

// boldLine reports whether a line of a block is a short heading set in
// bold, as old table-layout pages set their titles: one <b> or <strong>
// around all of it, and no stop at its end.
func boldLine(b article.Block, line string) bool {
	kind, id, n := article.ParsePlaceholder(line)
	if kind != article.Open || id > len(b.Tags) || !strings.HasSuffix(line, fmt.Sprintf("</%d>", id)) {
		return false
	}
	if name := b.Tags[id-1].Name; name != "b" && name != "strong" {
		return false
	}
	text := plain(line)
	inner := line[n : len(line)-len(fmt.Sprintf("</%d>", id))]
	return len(text) >= 8 && len(text) <= 200 && !strings.Contains(inner, "<") && !endsSentence(text)
}

// dateAtTop returns the date of a date line among the first lines of
// text in the article's containers (after the title): the line a CMS
// prints under a title, or an old page sets in a paragraph of its own.
func dateAtTop(content []*html.Node, title *html.Node) time.Time {
	lines := 0
	var date time.Time
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		switch {
		case n == title || n.Type == html.ElementNode && skipAlways[n.DataAtom]:
			return false
		case n.Type == html.TextNode:
			text := collapseSpace(n.Data)
			if text == "" {
				return false
			}
			if isDateLine(text) {
				date, _ = ParseDate(text)
				return true
			}
			lines++
			return lines >= 4
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	for _, n := range content {
		if visit(n) {
			break
		}
	}
	return date
}

// withoutLines removes lines [from, to) of a block. It reports false when
// a placeholder pair crosses the cut, which it will not split.
func withoutLines(b article.Block, from, to int) (article.Block, bool) {
	lines := strings.Split(b.Text, "\n")
	keep := append(append([]string{}, lines[:from]...), lines[to:]...)
	for _, l := range lines {
		if open, closed := strings.Count(l, "<")-strings.Count(l, "</")-strings.Count(l, "/>"), strings.Count(l, "</"); open != closed {
			return b, false
		}
	}
	var ib inlineBuf
	ib.tags = b.Tags
	ib.b.WriteString(strings.Join(keep, string(lineBreak)))
	nb, _, _ := ib.finish(b.Kind, b.Element, loadRules())
	nb.Owner = b.Owner
	if nb.Wrap == nil {
		nb.Wrap = b.Wrap
	}
	return nb, true
}

// appendBody adds the body blocks, leaving out a repeat of the title and a
// date line at the top, and keeps attribute blocks pointing at their
// owners.
func appendBody(dst, body []article.Block, title string) []article.Block {
	moved := make([]int, len(body))
	for i, b := range body {
		moved[i] = -1
		text := plain(b.Text)
		if b.Owner < 0 && !b.Kind.IsAttribute() && (text == title || i < 3 && isDateLine(text)) {
			continue
		}
		if b.Owner >= 0 {
			if moved[b.Owner] < 0 {
				b.Owner, b.OwnerTag = -1, 0
			} else {
				b.Owner = moved[b.Owner]
			}
		}
		moved[i] = len(dst)
		dst = append(dst, b)
	}
	return dst
}

// dropRelated leaves out a list of links to other articles set into or
// after the article: a heading such as "Ссылки по теме:" or "Zobacz też"
// and the blocks of mostly links right after it (with their attribute
// blocks).
func dropRelated(blocks []article.Block, r *rules) []article.Block {
	drop := map[int]bool{}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if b.Kind.IsAttribute() || !r.opensRelated(plain(b.Text)) {
			continue
		}
		drop[i] = true
		for j := i + 1; j < len(blocks); j++ {
			if blocks[j].Kind.IsAttribute() {
				if drop[blocks[j].Owner] {
					drop[j] = true
				}
				continue
			}
			if linkShare(blocks[j]) < 0.5 {
				break
			}
			drop[j] = true
		}
	}
	if len(drop) == 0 {
		return blocks
	}
	return withoutBlocks(blocks, drop)
}

// withoutBlocks returns blocks without those in drop, owners renumbered;
// an attribute block whose owner went keeps its text on its own.
func withoutBlocks(blocks []article.Block, drop map[int]bool) []article.Block {
	moved := make([]int, len(blocks))
	var out []article.Block
	for i, b := range blocks {
		moved[i] = -1
		if drop[i] {
			continue
		}
		if b.Owner >= 0 {
			if b.Owner < len(moved) && moved[b.Owner] >= 0 {
				b.Owner = moved[b.Owner]
			} else {
				b.Owner, b.OwnerTag = -1, 0
			}
		}
		moved[i] = len(out)
		out = append(out, b)
	}
	return out
}

// dropSignature removes a news agency's signature closing the article:
// a last paragraph of one or two all-capital words ("PAP", "RIRM", "KAI/PAP").
func dropSignature(blocks []article.Block) []article.Block {
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if b.Kind.IsAttribute() {
			continue
		}
		text := strings.Trim(plain(b.Text), " ()[].")
		if b.Kind == article.KindParagraph && len(strings.Fields(text)) <= 2 && len(text) <= 16 && strings.ToUpper(text) == text && hasLetter(text) {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
		break
	}
	return blocks
}

func pickLang(pageLang, fallback string) string {
	l := strings.ToLower(strings.TrimSpace(pageLang))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if len(l) == 2 || len(l) == 3 {
		return l
	}
	if fallback != "" {
		return fallback
	}
	return "pl"
}

// profileSelection is what a site profile's selectors found; empty fields
// are left to automatic extraction.
type profileSelection struct {
	content  []*html.Node
	title    *html.Node
	date     *html.Node
	category string
}

func selectWithProfile(root *html.Node, prof *Profile, p *page) profileSelection {
	var sel profileSelection
	if prof == nil {
		return sel
	}
	doc := goquery.NewDocumentFromNode(root)
	for _, ex := range prof.Exclude {
		doc.Find(ex).Each(func(_ int, s *goquery.Selection) { p.drop[s.Get(0)] = true })
	}
	scope := doc.Selection
	if prof.Article != "" {
		if s := doc.Find(prof.Article).First(); s.Length() > 0 {
			scope = s
			sel.content = s.Nodes
		}
	}
	if prof.Body != "" {
		if s := scope.Find(prof.Body); s.Length() > 0 {
			sel.content = s.Nodes
		}
	}
	if prof.Title != "" {
		if s := doc.Find(prof.Title).First(); s.Length() > 0 {
			sel.title = s.Get(0)
		}
	}
	if prof.Date != "" {
		if s := doc.Find(prof.Date).First(); s.Length() > 0 {
			sel.date = s.Get(0)
		}
	}
	if prof.Category != "" {
		sel.category = collapseSpace(doc.Find(prof.Category).First().Text())
	}
	return sel
}

// CheckProfile reports the first selector of a profile that is not valid CSS.
func CheckProfile(prof Profile) error {
	for _, s := range append([]string{prof.Article, prof.Title, prof.Date, prof.Body, prof.Category, prof.Links, prof.Next}, prof.Exclude...) {
		if s == "" {
			continue
		}
		if err := validSelector(s); err != nil {
			return fmt.Errorf("selector %q: %w", s, err)
		}
	}
	return nil
}
