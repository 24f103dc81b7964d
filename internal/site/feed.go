package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// The Atom feed (RFC 4287) of a language: its newest dated articles.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
	Href     string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string        `xml:"id"`
	Title     string        `xml:"title"`
	Updated   string        `xml:"updated"`
	Published string        `xml:"published"`
	Links     []atomLink    `xml:"link"`
	Category  *atomCategory `xml:"category"`
	Summary   string        `xml:"summary,omitempty"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// feedPath is where a language's feed is, from the site root.
func feedPath(lang string) string { return lang + "/feed.xml" }

// dated is the newest Layout.FeedSize dated articles of a listing that
// is sorted newest first: undated articles cannot be told to be new, so
// a feed leaves them out.
func dated(items []*Version, n int) []*Version {
	var out []*Version
	for _, v := range items {
		if len(out) == n || v.Date.IsZero() {
			break
		}
		out = append(out, v)
	}
	return out
}

// feed emits the language's Atom feed of items, when there are any.
func feed(li *langIndex, items []*Version, cfg Config, summarize Summarize, out Output) error {
	if len(items) == 0 {
		return nil
	}
	f := atomFeed{Lang: li.lang, ID: cfg.BaseURL + li.lang + "/", Title: feedTitle(li, cfg), Updated: atomTime(items[0].Date),
		Author: atomPerson{Name: cfg.SiteName}, Generator: "mosty",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: cfg.BaseURL + feedPath(li.lang)},
			{Rel: "alternate", Type: "text/html", Href: cfg.BaseURL + li.lang + "/"}}}
	if f.Author.Name == "" {
		f.Author.Name = cfg.BaseURL
	}
	for _, v := range items {
		url := cfg.BaseURL + pageURL(v.Lang, v.Slug)
		sum := v.Summary
		if sum == "" && summarize != nil {
			var err error
			if sum, err = summarize(v); err != nil {
				return err
			}
		}
		e := atomEntry{ID: url, Title: v.Title, Updated: atomTime(v.Date), Published: atomTime(v.Date), Summary: sum,
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Hreflang: v.Lang, Href: url}}}
		if v.Category != "" {
			name, _ := cfg.Layout.categoryName(v.Category, v.Lang)
			e.Category = &atomCategory{Term: acquire.Slug(v.Category), Label: name}
		}
		f.Entries = append(f.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("feed of %s: %w", li.lang, err)
	}
	b.WriteByte('\n')
	return out.Put(feedPath(li.lang), b.Bytes())
}

func feedTitle(li *langIndex, cfg Config) string {
	if cfg.SiteName == "" {
		return li.all.heading
	}
	return cfg.SiteName + " — " + li.all.heading
}

// atomTime is a date as Atom writes it (RFC 3339).
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
