package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats is what the scorer knows of one element's subtree.
type nodeStats struct {
	text     int // letters and digits in the subtree, a measure of its text
	linkText int // of which inside links
	commas   int
	hasBlock bool // a block-level element inside
	score    float64
	scored   bool
}

// page is one HTML document being read: the tree plus the facts about its
// elements that finding the article needs.
type page struct {
	root  *html.Node
	stats map[*html.Node]*nodeStats
	rules *rules
	drop  map[*html.Node]bool // elements left out of the article wherever they are
	// weights caches classWeight by class-and-id string: pages repeat the
	// same classes on thousands of elements.
	weights map[string]int
}

// weight is the rules' classWeight of an element's class and id.
func (p *page) weight(n *html.Node) int {
	cls := classID(n)
	if cls == "" {
		return 0
	}
	w, ok := p.weights[cls]
	if !ok {
		w = p.rules.classWeight(cls)
		p.weights[cls] = w
	}
	return w
}

func newPage(root *html.Node) *page {
	p := &page{root: root, stats: make(map[*html.Node]*nodeStats, 2048), rules: loadRules(),
		drop: map[*html.Node]bool{}, weights: map[string]int{}}
	p.measure(root, false)
	return p
}

// measure fills stats bottom-up in one pass and returns the subtree's.
func (p *page) measure(n *html.Node, inLink bool) *nodeStats {
	s := &nodeStats{}
	if n.Type == html.ElementNode {
		if skipAlways[n.DataAtom] || isHidden(n) {
			p.stats[n] = s
			return s
		}
		inLink = inLink || n.DataAtom == atom.A
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			letters, commas := countText(c.Data)
			s.text += letters
			s.commas += commas
			if inLink {
				s.linkText += letters
			}
		case html.ElementNode:
			cs := p.measure(c, inLink)
			s.text += cs.text
			s.linkText += cs.linkText
			s.commas += cs.commas
			s.hasBlock = s.hasBlock || cs.hasBlock || blockElems[c.DataAtom]
		}
	}
	p.stats[n] = s
	return s
}

func countText(s string) (letters, commas int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ',':
				commas++
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				letters++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != 0xA0 && r != 0x200B {
			letters++
		}
		i += n
	}
	return letters, commas
}

func (p *page) linkDensity(n *html.Node) float64 {
	s := p.stats[n]
	if s == nil || s.text == 0 {
		return 0
	}
	return float64(s.linkText) / float64(s.text)
}

// markBoilerplate records the elements that are page furniture by their
// class or id, or by being navigation, unless they hold most of the page's
// text (a "page-with-sidebar" wrapper around everything).
func (p *page) markBoilerplate(n *html.Node, total int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		s := p.stats[c]
		furniture := c.DataAtom == atom.Nav || c.DataAtom == atom.Form || c.DataAtom == atom.Aside || c.DataAtom == atom.Footer ||
			c.DataAtom == atom.Header && !p.holdsHeadline(c) ||
			p.weight(c) < 0 && c.DataAtom != atom.Body && c.DataAtom != atom.Article && c.DataAtom != atom.Main
		if furniture && (s == nil || s.text < total/2) {
			p.drop[c] = true
			continue
		}
		p.markBoilerplate(c, total)
	}
}

// holdsHeadline keeps an article's own <header> (title, date, lead) apart
// from the site's header: the site's one is mostly links.
func (p *page) holdsHeadline(n *html.Node) bool {
	return findFirst(n, atom.H1) != nil && p.linkDensity(n) < 0.5
}

// ownContainer are elements whose own text (text nodes beside their
// block-level children, lines between <br>s) makes them the article's
// container themselves: old pages set the text right in <body>.
var ownContainer = atomSet(atom.Body, atom.Center, atom.Font)

var paragraphLike = atomSet(atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Dd, atom.Li, atom.Div, atom.Section, atom.H2, atom.H3)

// score gives every paragraph's score to its ancestors, Readability-style,
// and returns the element with the best score: the article's container.
// When other near-best candidates sit beside it (entries of a live report,
// paragraphs each wrapped in its own div), their common ancestor is the
// container instead.
func (p *page) score() *html.Node {
	var top []scored // the best few, best first
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && (p.drop[n] || skipAlways[n.DataAtom]) || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n.Type == html.ElementNode && p.stats[n] == nil {
			return // inside a hidden element
		}
		if n.Type == html.ElementNode && (paragraphLike[n.DataAtom] || ownContainer[n.DataAtom]) {
			if own := p.ownText(n); own >= 25 && (!ownContainer[n.DataAtom] || bareText(n) >= 150) {
				s := 1 + float64(p.stats[n].commas) + min(float64(own)/100, 3)
				anc := n.Parent
				if ownContainer[n.DataAtom] {
					anc = n // text standing in <body> itself, between <br>s
				}
				for level := 0; anc != nil && level < 3 && anc.Type == html.ElementNode; level++ {
					as := p.initScore(anc)
					div := []float64{1, 2, 6}[level]
					as.score += s / div
					anc = anc.Parent
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if st := p.stats[n]; st != nil && st.scored {
			top = insertTop(top, scored{n, st.score * (1 - p.linkDensity(n))}, 5)
		}
	}
	visit(p.root)
	if len(top) == 0 {
		return nil
	}
	best := top[0]
	var close []*html.Node
	for _, c := range top[1:] {
		if c.score >= 0.75*best.score {
			close = append(close, c.node)
		}
	}
	if len(close) < 2 {
		return best.node
	}
	for anc := best.node.Parent; anc != nil && anc.Type == html.ElementNode && anc.DataAtom != atom.Body; anc = anc.Parent {
		n := 0
		for _, c := range close {
			if isAncestor(anc, c) {
				n++
			}
		}
		if n >= 2 {
			return anc
		}
	}
	return best.node
}

type scored struct {
	node  *html.Node
	score float64
}

func insertTop(top []scored, c scored, n int) []scored {
	i := len(top)
	for i > 0 && top[i-1].score < c.score {
		i--
	}
	if i >= n {
		return top
	}
	top = append(top, scored{})
	copy(top[i+1:], top[i:])
	top[i] = c
	if len(top) > n {
		top = top[:n]
	}
	return top
}

// bareText counts the letters of an element's own text nodes, outside
// any child element.
func bareText(n *html.Node) int {
	letters := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			l, _ := countText(c.Data)
			letters += l
		}
	}
	return letters
}

// ownText is the text of an element not inside a nested block-level child:
// the text the element itself shows as a paragraph.
func (p *page) ownText(n *html.Node) int {
	s := p.stats[n]
	if !s.hasBlock {
		return s.text
	}
	own := s.text
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if cs := p.stats[c]; cs != nil && c.Type == html.ElementNode && blockElems[c.DataAtom] {
			own -= cs.text
		}
	}
	return own
}

func (p *page) initScore(n *html.Node) *nodeStats {
	s := p.stats[n]
	if s.scored {
		return s
	}
	s.scored = true
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Section, atom.Main:
		s.score = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s.score = 3
	case atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form, atom.Address:
		s.score = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s.score = -5
	}
	s.score += 25 * float64(p.weight(n))
	if n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" {
		s.score += 10
	}
	return s
}

// widen moves from the best-scored container up to the <article> (or
// schema.org articleBody) element around it, when there is one close by
// that is still text rather than links: the lead and the headline's
// neighbours often sit beside the body, inside the article.
func (p *page) widen(top *html.Node) *html.Node {
	n := top
	for level := 0; level < 4 && n.Parent != nil && n.Parent.Type == html.ElementNode; level++ {
		n = n.Parent
		if p.drop[n] || n.DataAtom == atom.Body {
			break
		}
		if n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" {
			text, links := p.keptText(n)
			if text > 0 && float64(links)/float64(text) < 0.25 && text < 2*p.stats[top].text {
				return n
			}
			break
		}
	}
	return top
}

// keptText is the text and link text of a subtree once the elements
// marked as page furniture are taken out.
func (p *page) keptText(n *html.Node) (text, links int) {
	s := p.stats[n]
	if s == nil || p.drop[n] {
		return 0, 0
	}
	if !s.hasBlock {
		return s.text, s.linkText
	}
	text, links = s.text, s.linkText
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || p.stats[c] == nil {
			continue
		}
		kt, kl := p.keptText(c)
		text -= p.stats[c].text - kt
		links -= p.stats[c].linkText - kl
	}
	return text, links
}

// contentNodes returns the article's container and those of its siblings
// that continue it (a lead in its own div, a second column of text), in
// document order.
func (p *page) contentNodes(top *html.Node) []*html.Node {
	if top.Parent == nil {
		return []*html.Node{top}
	}
	topScore := p.stats[top].score
	threshold := max(10, topScore*0.2)
	var nodes []*html.Node
	for c := top.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || p.drop[c] || skipAlways[c.DataAtom] {
			continue
		}
		s := p.stats[c]
		switch {
		case c == top:
		case s.scored && s.score*(1-p.linkDensity(c)) >= threshold:
		case p.weight(c) < 0:
			continue
		case s.text > 80 && p.linkDensity(c) < 0.25 && endsSentence(textOf(c)):
		default:
			continue
		}
		nodes = append(nodes, c)
	}
	return nodes
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”»)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// isLinkList says whether an element inside the article is a list or box
// of links (related articles, tags) rather than text.
func (p *page) isLinkList(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Table, atom.Aside, atom.Dl:
	default:
		return false
	}
	s := p.stats[n]
	if s == nil || s.text == 0 || s.text >= 2000 {
		return false
	}
	// Teaser lists mix link headlines with short blurbs and dates; text
	// paragraphs have few commas' worth of links.
	ld := p.linkDensity(n)
	return ld > 0.6 || ld > 0.35 && s.commas < 10 && p.weight(n) <= 0
}
