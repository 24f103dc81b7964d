package extract

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Listing reads a listing page (a news index, a category page): the links
// to its articles, in page order, and the link to its next page ("" on
// the last). Links are made absolute against base, the page's address.
// With a profile, its Links and Next selectors pick them; without, article
// links are the links to pages outside the page furniture (menus,
// sidebars, footers, pagers), and the next page is the rel=next link or a
// link reading "Następna", "Dalej", "»"…
//
// A listing stays on its site: onSite says which addresses are on it (nil:
// the page's own host, with or without "www."). Links elsewhere are left
// out, a next page elsewhere is not given, and a <base href> elsewhere is
// ignored, so a page cannot send the crawl to another site.
func Listing(src string, base *url.URL, prof *Profile, onSite func(*url.URL) bool) (links []string, next string, err error) {
	root, err := html.Parse(strings.NewReader(strings.ToValidUTF8(src, "\uFFFD")))
	if err != nil {
		return nil, "", &FormatError{Format: "HTML", Err: err}
	}
	if onSite == nil {
		page := base
		onSite = func(u *url.URL) bool { return sameSite(u, page) }
	}
	if b := findFirst(root, atom.Base); b != nil {
		if u, err := base.Parse(attr(b, "href")); err == nil && onSite(u) {
			base = u
		}
	}
	p := newPage(root)
	next = p.nextLink(root, base, prof)
	if u, err := url.Parse(next); next != "" && (err != nil || !onSite(u)) {
		next = ""
	}
	seen := map[string]bool{base.String(): true, next: true}
	add := func(n *html.Node) {
		u, ok := resolveLink(base, attr(n, "href"))
		if !ok || seen[u.String()] || !onSite(u) || !pageLike(u) {
			return
		}
		if t := strings.ToLower(strings.TrimSpace(textOf(n))); isPagerText(t) || p.rules.isNext(t) {
			return
		}
		seen[u.String()] = true
		links = append(links, u.String())
	}
	if prof != nil && prof.Links != "" {
		goquery.NewDocumentFromNode(root).Find(prof.Links).Each(func(_ int, s *goquery.Selection) {
			if n := s.Get(0); n.DataAtom == atom.A {
				add(n)
			}
		})
		return links, next, nil
	}
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	p.markBoilerplate(root, p.stats[body].text)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (p.drop[n] || skipAlways[n.DataAtom] || n.DataAtom == atom.Header) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			add(n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	return links, next, nil
}

// nextLink finds the next page of a listing.
func (p *page) nextLink(root *html.Node, base *url.URL, prof *Profile) string {
	if prof != nil && prof.Next != "" {
		if s := goquery.NewDocumentFromNode(root).Find(prof.Next).First(); s.Length() > 0 {
			if u, ok := resolveLink(base, s.AttrOr("href", "")); ok {
				return u.String()
			}
		}
		return ""
	}
	var found string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Link || n.DataAtom == atom.A) {
			rel := strings.Fields(strings.ToLower(attr(n, "rel")))
			isNext := slices.Contains(rel, "next") || n.DataAtom == atom.A &&
				(p.rules.isNext(strings.ToLower(strings.TrimSpace(textOf(n)))) || slices.Contains(strings.Fields(strings.ToLower(attr(n, "class"))), "next"))
			if isNext {
				if u, ok := resolveLink(base, attr(n, "href")); ok && u.String() != base.String() {
					found = u.String()
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return found
}

// isNext reports whether a link's text names the next page.
func (r *rules) isNext(text string) bool {
	for _, n := range r.next {
		if text == n || strings.HasPrefix(text, n+" ") {
			return true
		}
	}
	return false
}

// isPagerText is the text of a page-number link: "2", "«", "...".
func isPagerText(t string) bool {
	return t == "" || strings.Trim(t, "0123456789«»‹›.… ") == ""
}

func resolveLink(base *url.URL, href string) (*url.URL, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") || strings.HasPrefix(strings.ToLower(href), "mailto:") {
		return nil, false
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, false
	}
	u.Fragment = ""
	return u, true
}

func sameSite(u, base *url.URL) bool {
	return strings.TrimPrefix(u.Hostname(), "www.") == strings.TrimPrefix(base.Hostname(), "www.")
}

// pageLike leaves out links to files that are not pages.
func pageLike(u *url.URL) bool {
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".zip", ".doc", ".docx", ".xls", ".xlsx", ".mp3", ".mp4", ".rss", ".xml":
		return false
	}
	return u.Path != "" && u.Path != "/" || u.RawQuery != ""
}
