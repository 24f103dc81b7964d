package site

import (
	"bytes"
	"encoding/xml"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// The sitemap protocol's namespaces (sitemaps.org), and hreflang links'.
const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	xhtmlNS   = "http://www.w3.org/1999/xhtml"
)

var (
	urlsetOpen  = xml.Header + `<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="` + xhtmlNS + `">` + "\n"
	urlsetClose = "</urlset>\n"
	indexOpen   = xml.Header + `<sitemapindex xmlns="` + sitemapNS + `">` + "\n"
	indexClose  = "</sitemapindex>\n"
)

// A sitemapURL is one page the sitemap lists, with its language versions.
type sitemapURL struct {
	loc, lastmod string
	alternates   [][2]string // hreflang, href
}

// sitemaps emits sitemap.xml listing every published page with its
// hreflang alternates, and robots.txt pointing at it. When the pages do
// not fit in one file (Layout.SitemapURLs URLs, MaxSitemapBytes bytes),
// they go in sitemap-1.xml, sitemap-2.xml… and sitemap.xml is the
// sitemap index listing those.
func sitemaps(versions []*Version, indexes []*langIndex, cfg Config, emit Emit) error {
	var urls iter.Seq[sitemapURL] = func(yield func(sitemapURL) bool) {
		for _, li := range indexes {
			for _, l := range li.listings() {
				if !yield(sitemapURL{loc: cfg.BaseURL + l.dir, lastmod: newest(l.items)}) {
					return
				}
			}
		}
		for group := range articleGroups(versions) {
			var alts [][2]string
			for _, v := range group {
				alts = append(alts, [2]string{v.Lang, cfg.BaseURL + pageURL(v.Lang, v.Slug)})
			}
			alts = append(alts, [2]string{"x-default", cfg.BaseURL + pageURL(cfg.SourceLang, group[0].Slug)})
			for _, v := range group {
				if !yield(sitemapURL{loc: cfg.BaseURL + pageURL(v.Lang, v.Slug), lastmod: isoDate(v.Date), alternates: alts}) {
					return
				}
			}
		}
	}
	if err := splitSitemap(urls, cfg.Layout.SitemapURLs, MaxSitemapBytes, cfg.BaseURL, emit); err != nil {
		return err
	}
	return emit("robots.txt", robots(cfg.BaseURL))
}

// splitSitemap writes urls as sitemap.xml when they fit in one file of
// maxURLs URLs and maxBytes bytes, else as sitemap-1.xml… and the index
// sitemap.xml listing them; base is the site's address.
func splitSitemap(urls iter.Seq[sitemapURL], maxURLs, maxBytes int, base string, emit Emit) error {
	// A first pass counts the files, so the one file of a small site can
	// be written as sitemap.xml straight away.
	count := &sitemapWriter{max: maxURLs, maxBytes: maxBytes, counting: true}
	if err := count.write(urls); err != nil {
		return err
	}
	w := &sitemapWriter{max: maxURLs, maxBytes: maxBytes, emit: emit, single: len(count.parts) <= 1}
	if err := w.write(urls); err != nil {
		return err
	}
	if w.single {
		return nil
	}
	return emit("sitemap.xml", sitemapIndex(w.parts, base))
}

// articleGroups yields the published versions of each article, the
// articles in slug order and the languages in the order of versions.
func articleGroups(versions []*Version) iter.Seq[[]*Version] {
	return func(yield func([]*Version) bool) {
		var pub []*Version
		for _, v := range versions {
			if v.Published {
				pub = append(pub, v)
			}
		}
		slices.SortStableFunc(pub, func(a, b *Version) int { return strings.Compare(a.Slug, b.Slug) })
		for i := 0; i < len(pub); {
			j := i + 1
			for j < len(pub) && pub[j].Slug == pub[i].Slug {
				j++
			}
			if !yield(pub[i:j]) {
				return
			}
			i = j
		}
	}
}

// newest is the date of a listing's newest article, "" when none is
// dated.
func newest(items []*Version) string {
	if len(items) == 0 {
		return ""
	}
	return isoDate(items[0].Date)
}

// A sitemapPart is one file of a split sitemap.
type sitemapPart struct {
	name, lastmod string
}

// sitemapWriter fills urlset files up to the limits and emits each when
// it is full.
type sitemapWriter struct {
	max      int // URLs in a file
	maxBytes int // bytes in a file
	emit     Emit
	single   bool // one file: call it sitemap.xml
	counting bool // only count the files: keep no bytes
	buf      bytes.Buffer
	size     int // bytes of the file being filled
	entry    bytes.Buffer
	n        int // URLs in it
	parts    []sitemapPart
}

func (w *sitemapWriter) write(urls iter.Seq[sitemapURL]) error {
	var err error
	urls(func(u sitemapURL) bool {
		w.entry.Reset()
		writeURL(&w.entry, u)
		if w.n > 0 && (w.n == w.max || w.size+w.entry.Len()+len(urlsetClose) > w.maxBytes) {
			if err = w.flush(); err != nil {
				return false
			}
		}
		if w.n == 0 {
			w.buf.Reset()
			w.size = 0
			w.add([]byte(urlsetOpen))
			w.parts = append(w.parts, sitemapPart{name: "sitemap-" + strconv.Itoa(len(w.parts)+1) + ".xml"})
		}
		w.add(w.entry.Bytes())
		w.n++
		if p := &w.parts[len(w.parts)-1]; u.lastmod > p.lastmod {
			p.lastmod = u.lastmod
		}
		return true
	})
	if err != nil || w.n == 0 {
		return err
	}
	return w.flush()
}

// add adds bytes to the file being filled.
func (w *sitemapWriter) add(b []byte) {
	w.size += len(b)
	if !w.counting {
		w.buf.Write(b)
	}
}

func (w *sitemapWriter) flush() error {
	w.add([]byte(urlsetClose))
	w.n = 0
	if w.counting {
		return nil
	}
	name := w.parts[len(w.parts)-1].name
	if w.single {
		name = "sitemap.xml"
	}
	return w.emit(name, w.buf.Bytes())
}

func writeURL(b *bytes.Buffer, u sitemapURL) {
	b.WriteString("  <url>\n    <loc>")
	xml.EscapeText(b, []byte(u.loc))
	b.WriteString("</loc>\n")
	if u.lastmod != "" {
		b.WriteString("    <lastmod>" + u.lastmod + "</lastmod>\n")
	}
	for _, a := range u.alternates {
		b.WriteString(`    <xhtml:link rel="alternate" hreflang="`)
		xml.EscapeText(b, []byte(a[0]))
		b.WriteString(`" href="`)
		xml.EscapeText(b, []byte(a[1]))
		b.WriteString("\"/>\n")
	}
	b.WriteString("  </url>\n")
}

// sitemapIndex lists the files of a split sitemap.
func sitemapIndex(parts []sitemapPart, base string) []byte {
	var b bytes.Buffer
	b.WriteString(indexOpen)
	for _, p := range parts {
		b.WriteString("  <sitemap>\n    <loc>")
		xml.EscapeText(&b, []byte(base+p.name))
		b.WriteString("</loc>\n")
		if p.lastmod != "" {
			b.WriteString("    <lastmod>" + p.lastmod + "</lastmod>\n")
		}
		b.WriteString("  </sitemap>\n")
	}
	b.WriteString(indexClose)
	return b.Bytes()
}

// robots is the site's robots.txt: everything may be crawled, and the
// sitemap is named.
func robots(base string) []byte {
	return []byte("# Written by mosty build.\nUser-agent: *\nDisallow:\n\nSitemap: " + base + "sitemap.xml\n")
}
