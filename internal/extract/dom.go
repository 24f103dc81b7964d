package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// classID is an element's class and id, lower-cased, for pattern matching.
func classID(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	s := c + " " + id
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 'A' && b <= 'Z' || b >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// textOf returns the text of a subtree with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if skipAlways[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElems[n.DataAtom] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// collapseSpace turns runs of white space (NBSP included) into one space
// and trims the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff':
		return true
	}
	return false
}

// skipAlways are elements whose content is never article text. A <form>
// is not among them: ASP.NET pages wrap the whole body in one; small forms
// (search, polls, newsletters) are dropped as page furniture instead.
var skipAlways = atomSet(atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
	atom.Svg, atom.Math, atom.Button, atom.Input, atom.Select, atom.Textarea,
	atom.Object, atom.Embed, atom.Canvas, atom.Link, atom.Meta, atom.Head, atom.Title,
	atom.Audio, atom.Video, atom.Map, atom.Dialog)

// blockElems start a new block; everything else is inline.
var blockElems = atomSet(atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
	atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Thead, atom.Tbody,
	atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Blockquote, atom.Figure,
	atom.Figcaption, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Nav, atom.Aside,
	atom.Main, atom.Pre, atom.Address, atom.Hr, atom.Details, atom.Summary, atom.Center,
	atom.Fieldset, atom.Body, atom.Html)

func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ToLower(attr(n, "style"))
	return strings.Contains(strings.ReplaceAll(style, " ", ""), "display:none") ||
		strings.Contains(strings.ReplaceAll(style, " ", ""), "visibility:hidden")
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

func isAncestor(a, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}
