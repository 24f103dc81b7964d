package acquire

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// ListKind is what sort of list of articles a document is.
type ListKind string

// The lists mosty reads, told apart by their content, never by their
// name or Content-Type.
const (
	ListSitemap      ListKind = "sitemap"       // <urlset>, sitemaps.org
	ListSitemapIndex ListKind = "sitemap index" // <sitemapindex>: a list of sitemaps
	ListRSS          ListKind = "RSS"           // RSS 2.0 (and 0.9x) <rss><channel><item>
	ListRDF          ListKind = "RSS 1.0"       // RDF Site Summary <rdf:RDF><item>
	ListAtom         ListKind = "Atom"          // RFC 4287 <feed><entry>
	ListText         ListKind = "text"          // a text sitemap: one URL a line
)

// MaxListBytes bounds a list after decompression: the sitemap protocol's
// 50 MB.
const MaxListBytes = 50 << 20

// ErrNotList is returned for a document that is none of the lists mosty
// reads, such as an HTML page.
var ErrNotList = errors.New("not a sitemap, sitemap index, RSS or Atom feed")

// A ListEntry is one URL a list gives: an article, or in a sitemap index
// another sitemap. Modified is the sitemap's lastmod or the feed entry's
// updated time; Published the feed's pubDate or published time; either is
// zero when the list does not say.
type ListEntry struct {
	URL       string
	Modified  time.Time
	Published time.Time
	Title     string
}

// Date is the entry's newest date: when it last changed, as far as the
// list says.
func (e ListEntry) Date() time.Time {
	if e.Modified.After(e.Published) {
		return e.Modified
	}
	return e.Published
}

// A List is a sitemap, sitemap index or feed as read.
type List struct {
	Kind    ListKind
	Entries []ListEntry
	// Skipped counts entries with no usable http(s) URL.
	Skipped int
}

// ReadList reads a sitemap (XML or text, gzipped or not), a sitemap
// index, or an RSS or Atom feed from data, telling which from the content.
// Relative URLs are resolved against base, the document's address.
// Entries come in document order; a URL given twice is listed once.
func ReadList(data []byte, base *url.URL) (*List, error) {
	data, err := gunzip(data)
	if err != nil {
		return nil, err
	}
	root, err := rootElement(data)
	if err != nil {
		if l, ok := textSitemap(data, base); ok {
			return l, nil
		}
		return nil, err
	}
	var l *List
	switch root {
	case "urlset":
		l, err = readXMLList(data, base, ListSitemap, sitemapFields)
	case "sitemapindex":
		l, err = readXMLList(data, base, ListSitemapIndex, sitemapFields)
	case "rss":
		l, err = readXMLList(data, base, ListRSS, rssFields)
	case "RDF":
		l, err = readXMLList(data, base, ListRDF, rssFields)
	case "feed":
		l, err = readXMLList(data, base, ListAtom, atomFields)
	default:
		return nil, fmt.Errorf("%w: the document is <%s>", ErrNotList, root)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the %s: %w", root, err)
	}
	return l, nil
}

// gunzip decompresses gzipped data, at most MaxListBytes of it; other
// data is returned as it is.
func gunzip(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("a gzipped list: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxListBytes+1))
	if err != nil {
		return nil, fmt.Errorf("a gzipped list: %w", err)
	}
	if len(out) > MaxListBytes {
		return nil, fmt.Errorf("a gzipped list of more than %d MB uncompressed", MaxListBytes>>20)
	}
	return out, nil
}

// newXMLDecoder reads XML as feeds are found in the wild: any charset the
// document declares, HTML entities, end tags left out.
func newXMLDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// rootElement is the local name of the document's first element, or
// ErrNotList when it is HTML or not XML.
func rootElement(data []byte) (string, error) {
	d := newXMLDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return "", ErrNotList
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, "html") {
				return "", fmt.Errorf("%w: it is an HTML page", ErrNotList)
			}
			return t.Name.Local, nil
		case xml.Directive:
			if bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(t)), []byte("doctype html")) {
				return "", fmt.Errorf("%w: it is an HTML page", ErrNotList)
			}
		}
	}
}

// textSitemap reads a text sitemap: UTF-8, one absolute URL a line and
// nothing else. It says no for anything that is not.
func textSitemap(data []byte, base *url.URL) (*List, bool) {
	l := &List{Kind: ListText}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") || strings.ContainsAny(line, " \t<>\"") {
			return nil, false
		}
		l.add(ListEntry{URL: line}, base, seen)
	}
	return l, sc.Err() == nil && len(l.Entries) > 0
}

// add appends an entry once, its URL resolved against base; one with no
// usable http(s) URL is counted in Skipped.
func (l *List) add(e ListEntry, base *url.URL, seen map[string]bool) {
	u, ok := resolve(strings.TrimSpace(e.URL), base)
	if !ok {
		l.Skipped++
		return
	}
	if seen[u] {
		return
	}
	seen[u] = true
	e.URL = u
	e.Title = strings.Join(strings.Fields(html.UnescapeString(e.Title)), " ") // feeds' titles are often HTML
	l.Entries = append(l.Entries, e)
}

// resolve makes ref absolute against base; only http(s) URLs with a host
// are usable.
func resolve(ref string, base *url.URL) (string, bool) {
	if ref == "" {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	return u.String(), true
}
