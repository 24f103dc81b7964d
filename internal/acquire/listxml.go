package acquire

import (
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
)

// listFields says, for one kind of XML list, which elements are entries
// and which of their children give an entry's URL, dates and title; the
// first child found of each name wins. Names are local: namespaces and
// prefixes vary too much in the wild to be relied on.
type listFields struct {
	entry     []string // the entry elements
	url       []string // children whose text is the URL, best first
	modified  []string
	published []string
	title     []string
	atomLinks bool // the URL is a <link href> (rel alternate, or none)
}

var (
	sitemapFields = listFields{entry: []string{"url", "sitemap"}, url: []string{"loc"}, modified: []string{"lastmod"}}
	rssFields     = listFields{entry: []string{"item"}, url: []string{"link", "permalink"},
		modified: []string{"modified", "updated"}, published: []string{"pubDate", "date", "issued"}, title: []string{"title"}}
	atomFields = listFields{entry: []string{"entry"}, atomLinks: true,
		modified: []string{"updated", "modified"}, published: []string{"published", "issued"}, title: []string{"title"}}
)

// rawEntry is what one entry element held.
type rawEntry struct {
	text map[string]string // child element → its text
	link string            // the best Atom link
	rank int               // how good link is: 2 alternate HTML, 1 alternate
}

// readXMLList reads the entries of a list with the given fields.
func readXMLList(data []byte, base *url.URL, kind ListKind, f listFields) (*List, error) {
	l := &List{Kind: kind}
	seen := map[string]bool{}
	d := newXMLDecoder(data)
	var cur *rawEntry
	depth, entryDepth := 0, 0
	var child string // the entry's child whose text is being read
	var text strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(l.Entries) == 0 {
				return nil, err
			}
			break // a list cut short still gives the entries before the cut
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case cur == nil && slices.Contains(f.entry, t.Name.Local):
				cur, entryDepth = &rawEntry{text: map[string]string{}}, depth
			case cur != nil && depth == entryDepth+1:
				child = t.Name.Local
				text.Reset()
				if f.atomLinks && child == "link" {
					cur.atomLink(t)
				}
				if child == "guid" && attr(t, "isPermaLink") != "false" {
					child = "permalink"
				}
			}
		case xml.CharData:
			if child != "" {
				text.Write(t)
			}
		case xml.EndElement:
			if cur != nil && depth == entryDepth+1 && child != "" {
				if _, ok := cur.text[child]; !ok {
					cur.text[child] = strings.TrimSpace(text.String())
				}
				child = ""
			}
			if cur != nil && depth == entryDepth {
				l.add(cur.entry(f), base, seen)
				cur = nil
			}
			depth--
		}
	}
	return l, nil
}

// atomLink keeps the link if it is the entry's page: rel alternate (or
// no rel), HTML preferred.
func (e *rawEntry) atomLink(t xml.StartElement) {
	rel, typ, href := attr(t, "rel"), attr(t, "type"), attr(t, "href")
	if href == "" || (rel != "" && rel != "alternate") {
		return
	}
	rank := 1
	if typ == "" || strings.Contains(typ, "html") {
		rank = 2
	}
	if rank > e.rank {
		e.link, e.rank = href, rank
	}
}

func (e *rawEntry) entry(f listFields) ListEntry {
	first := func(names []string) string {
		for _, n := range names {
			if v := e.text[n]; v != "" {
				return v
			}
		}
		return ""
	}
	out := ListEntry{URL: first(f.url), Title: first(f.title),
		Modified: ParseListDate(first(f.modified)), Published: ParseListDate(first(f.published))}
	if f.atomLinks {
		out.URL = e.link
	}
	return out
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// listDateLayouts are the forms dates take in sitemaps (W3C Datetime),
// Atom (RFC 3339) and RSS (RFC 822 and the ways feeds bend it).
var listDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"Monday, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 January 2006 15:04:05 -0700",
}

// ParseListDate reads a date from a sitemap or feed; zero when it is
// none of the forms lists use.
func ParseListDate(s string) time.Time {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}
	}
	for _, layout := range listDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
