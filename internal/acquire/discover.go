package acquire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/temoto/robotstxt"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A FoundList is a sitemap or feed a site offers: where it is, how
// mosty learnt of it, what it is and how many URLs it gives.
type FoundList struct {
	URL     string   `json:"url"`
	Via     string   `json:"via"` // "robots.txt", "link rel=alternate" or "/sitemap.xml"
	Kind    ListKind `json:"kind"`
	Entries int      `json:"entries"`
}

// The ways Discover learns of a list.
const (
	ViaRobots  = "robots.txt"
	ViaLink    = "link rel=alternate"
	ViaDefault = "/sitemap.xml"
)

// feedTypes are the <link rel="alternate" type> values of feeds.
var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}

// Discover finds the sitemaps and feeds of the site at siteURL: the
// Sitemap: lines of its robots.txt, the feeds its page at siteURL links
// with <link rel="alternate">, and /sitemap.xml when robots.txt names
// none. Each candidate is fetched and read, and only real lists are
// returned; a sitemap index counts as one list. The error is for the site
// as a whole: nothing could be fetched.
func (f *Fetcher) Discover(ctx context.Context, siteURL string) ([]FoundList, error) {
	site, err := url.Parse(siteURL)
	if err != nil || (site.Scheme != "http" && site.Scheme != "https") || site.Host == "" {
		return nil, &FetchError{URL: siteURL, Err: errors.New("not an http:// or https:// URL")}
	}
	root := &url.URL{Scheme: site.Scheme, Host: site.Host, Path: "/"}
	type candidate struct{ url, via string }
	var cands []candidate
	robots, robotsErr := f.FetchDocument(ctx, root.JoinPath("robots.txt").String(), nil, 512<<10)
	if robotsErr == nil {
		if data, err := robotstxt.FromBytes(robots.Body); err == nil {
			for _, s := range data.Sitemaps {
				if u, ok := resolve(s, root); ok {
					cands = append(cands, candidate{u, ViaRobots})
				}
			}
		}
	}
	page, pageErr := f.FetchDocument(ctx, site.String(), nil, f.MaxBody)
	if pageErr == nil {
		base, _ := url.Parse(page.URL)
		for _, u := range FeedLinks(page.Body, base) {
			cands = append(cands, candidate{u, ViaLink})
		}
	}
	if !slices.ContainsFunc(cands, func(c candidate) bool { return c.via == ViaRobots }) {
		cands = append(cands, candidate{root.JoinPath("sitemap.xml").String(), ViaDefault})
	}
	if robotsErr != nil && pageErr != nil {
		return nil, pageErr
	}
	var found []FoundList
	seen := map[string]bool{}
	for _, c := range cands {
		if seen[c.url] {
			continue
		}
		seen[c.url] = true
		doc, err := f.FetchDocument(ctx, c.url, nil, MaxListBytes)
		if err != nil {
			if ctx.Err() != nil {
				return found, ctx.Err()
			}
			continue
		}
		base, _ := url.Parse(doc.URL)
		if l, err := ReadList(doc.Body, base); err == nil {
			found = append(found, FoundList{URL: c.url, Via: c.via, Kind: l.Kind, Entries: len(l.Entries)})
		}
	}
	return found, nil
}

// FeedLinks are the feeds an HTML page links in its head with
// <link rel="alternate" type="application/rss+xml"> (or Atom, RDF),
// absolute, each once, in page order.
func FeedLinks(page []byte, base *url.URL) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out // the end, or a page too broken to read on
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.DataAtom == atom.Body {
			return out // feeds are announced in the head
		}
		if tok.DataAtom != atom.Link {
			continue
		}
		var rel, typ, href string
		for _, a := range tok.Attr {
			switch strings.ToLower(a.Key) {
			case "rel":
				rel = strings.ToLower(a.Val)
			case "type":
				typ = strings.ToLower(strings.TrimSpace(a.Val))
			case "href":
				href = strings.TrimSpace(a.Val)
			}
		}
		if !slices.Contains(strings.Fields(rel), "alternate") || !slices.Contains(feedTypes, typ) {
			continue
		}
		if u, ok := resolve(href, base); ok && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
}

// String is a line for people: "sitemap index https://… (robots.txt, 3 sitemaps)".
func (fd FoundList) String() string {
	unit := "URL"
	if fd.Kind == ListSitemapIndex {
		unit = "sitemap"
	}
	if fd.Entries != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%-13s %s (%s, %d %s)", fd.Kind, fd.URL, fd.Via, fd.Entries, unit)
}
