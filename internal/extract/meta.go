package extract

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// docMeta is what the page says about itself outside the body text.
type docMeta struct {
	lang        string
	docTitle    string // <title>
	ogTitle     string
	description string
	section     string
	published   time.Time
	canonical   string // <link rel="canonical"> or og:url
}

var ldPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// readMeta reads <html lang>, <title> and the meta tags and JSON-LD that
// news sites use for title, description, section and publication date.
func readMeta(root *html.Node) docMeta {
	var m docMeta
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.docTitle == "" && n.FirstChild != nil {
					m.docTitle = collapseSpace(n.FirstChild.Data)
				}
			case atom.Meta:
				m.readMetaTag(n)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if attr(n, "type") == "application/ld+json" && n.FirstChild != nil && m.published.IsZero() {
					if s := ldPublished.FindStringSubmatch(n.FirstChild.Data); s != nil {
						m.published, _ = ParseDate(s[1])
					}
				}
				return
			case atom.Body:
				// Meta tags belong in the head; microdata in the body is
				// read with the date element.
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return m
}

func (m *docMeta) readMetaTag(n *html.Node) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" {
		key = strings.ToLower(attr(n, "itemprop"))
	}
	val := collapseSpace(attr(n, "content"))
	switch key {
	case "og:title":
		m.ogTitle = val
	case "description", "og:description":
		if m.description == "" || key == "description" {
			m.description = val
		}
	case "article:section":
		m.section = val
	case "og:url":
		if m.canonical == "" {
			m.canonical = val
		}
	case "article:published_time", "datepublished", "date", "pubdate", "dc.date.issued", "dc.date", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date":
		if m.published.IsZero() {
			m.published, _ = ParseDate(val)
		}
	}
}

// titleClass reports whether a class or id names a title.
func titleClass(cls string) bool {
	return containsAny(cls, "title", "headline", "tytul", "naglowek", "heading")
}

// dateClass reports whether a class or id names a date.
func dateClass(cls string) bool {
	return containsAny(cls, "date", "data", "time", "czas", "publi", "posted")
}

func containsAny(s string, subs ...string) bool {
	if s == "" {
		return false
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// findTitle returns the element that holds the article's title: the
// heading whose text best matches the page's <title> or og:title, the
// longest one when several do (the logo's "Site name" matches too).
func findTitle(root *html.Node, m docMeta, drop map[*html.Node]bool) (*html.Node, string) {
	want := strings.ToLower(m.ogTitle + " \x00 " + m.docTitle)
	var best *html.Node
	var bestText string
	bestScore := 0
	var firstH1 *html.Node
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.DocumentNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
			return
		}
		if n.Type != html.ElementNode || skipAlways[n.DataAtom] || drop[n] {
			return
		}
		isHeading := n.DataAtom == atom.H1 || n.DataAtom == atom.H2
		if n.DataAtom == atom.H1 && firstH1 == nil {
			firstH1 = n
		}
		if isHeading || (n.DataAtom == atom.Div || n.DataAtom == atom.Span || n.DataAtom == atom.P || n.DataAtom == atom.Header) && titleClass(classID(n)) {
			t := textOf(n)
			if l := len(t); l >= 8 && l < 400 && strings.Contains(want, strings.ToLower(t)) {
				score := l
				if n.DataAtom == atom.H1 {
					score += 20
				}
				if score > bestScore {
					best, bestText, bestScore = n, t, score
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if best != nil {
		return best, bestText
	}
	if firstH1 != nil {
		if t := textOf(firstH1); t != "" {
			return firstH1, t
		}
	}
	if m.ogTitle != "" {
		return nil, m.ogTitle
	}
	return nil, stripSiteName(m.docTitle)
}

// stripSiteName drops the " | Site" or " - Site" part of a <title>,
// keeping the longest part.
func stripSiteName(t string) string {
	best := t
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " » "} {
		if !strings.Contains(t, sep) {
			continue
		}
		best = ""
		for _, part := range strings.Split(t, sep) {
			if len(part) > len(best) {
				best = part
			}
		}
		return strings.TrimSpace(best)
	}
	return best
}

// findDate returns the publication date and the element that shows it
// (to leave it out of the body), looking in the order a page is most
// likely to be right: <time datetime> and date-classed elements after the
// title, the meta tags, then a date line right after the title.
func findDate(root, title *html.Node, m docMeta, drop map[*html.Node]bool) (time.Time, *html.Node) {
	afterTitle := title == nil
	var found *html.Node
	var date time.Time
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		if n == title {
			afterTitle = true
			return false
		}
		if n.Type != html.ElementNode && n.Type != html.DocumentNode || skipAlways[n.DataAtom] || drop[n] {
			return false
		}
		if afterTitle {
			if n.DataAtom == atom.Time {
				if t, ok := ParseDate(attr(n, "datetime") + " " + textOf(n)); ok {
					date, found = t, n
					return true
				}
			}
			if dateClass(classID(n)) || attr(n, "itemprop") == "datePublished" {
				if t, ok := ParseDate(attr(n, "content") + " " + attr(n, "datetime") + " " + textOf(n)); ok && len(textOf(n)) < 200 {
					date, found = t, n
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c) {
				return true
			}
		}
		return false
	}
	visit(root)
	if found != nil {
		return date, found
	}
	if !m.published.IsZero() {
		return m.published, nil
	}
	return time.Time{}, nil
}

// findCategory returns the article's section: the meta tag, else the last
// link of the breadcrumbs that is not the title or the home page.
func findCategory(root *html.Node, m docMeta, title string) string {
	if m.section != "" {
		return m.section
	}
	var crumbs *html.Node
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if crumbs != nil || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if c := classID(n); strings.Contains(c, "breadcrumb") || strings.Contains(c, "okruszki") {
			crumbs = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if crumbs == nil {
		return ""
	}
	var last string
	var links func(*html.Node)
	links = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if t := textOf(n); t != "" && t != title && attr(n, "href") != "/" {
				last = t
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			links(c)
		}
	}
	links(crumbs)
	return last
}
