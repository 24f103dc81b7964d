package site

import (
	"bytes"
	"encoding/xml"
	"io"
	"iter"
	"strconv"

	"github.com/mosty-dev/mosty/internal/extsort"
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
// hreflang alternates, and robots.txt pointing at it: the listings of
// indexes, then the articles in bySlug, the published versions sorted by
// slug. When the pages do not fit in one file (Layout.SitemapURLs URLs,
// MaxSitemapBytes bytes), they go in sitemap-1.xml, sitemap-2.xml… and
// sitemap.xml is the sitemap index listing those.
func sitemaps(indexes []*langIndex, bySlug *extsort.Stream[entry], cfg Config, out Output) error {
	var err error // reading bySlug
	var urls iter.Seq[sitemapURL] = func(yield func(sitemapURL) bool) {
		for _, li := range indexes {
			for _, l := range li.listings() {
				if !yield(sitemapURL{loc: cfg.BaseURL + l.dir, lastmod: l.lastmod}) {
					return
				}
			}
		}
		if err = bySlug.Rewind(); err != nil {
			return
		}
		for group := range articleGroups(bySlug) {
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
		err = bySlug.Err()
	}
	if err := splitSitemap(urls, cfg.Layout.SitemapURLs, MaxSitemapBytes, cfg.BaseURL, out); err != nil {
		return err
	}
	if err != nil {
		return err
	}
	return out.Put("robots.txt", robots(cfg.BaseURL))
}

// splitSitemap writes urls as sitemap.xml when they fit in one file of
// maxURLs URLs and maxBytes bytes, else as sitemap-1.xml… and the index
// sitemap.xml listing them; base is the site's address. Each file is
// written as it fills, never held whole.
func splitSitemap(urls iter.Seq[sitemapURL], maxURLs, maxBytes int, base string, out Output) error {
	// A first pass counts the files, so the one file of a small site can
	// be written as sitemap.xml straight away.
	count := &sitemapWriter{max: maxURLs, maxBytes: maxBytes}
	if err := count.write(urls); err != nil {
		return err
	}
	w := &sitemapWriter{max: maxURLs, maxBytes: maxBytes, out: out, single: len(count.parts) <= 1}
	if err := w.write(urls); err != nil {
		return err
	}
	if w.single {
		return nil
	}
	return out.Put("sitemap.xml", sitemapIndex(w.parts, base))
}

// articleGroups yields the versions of each article in sorted, sorted by
// slug.
func articleGroups(sorted *extsort.Stream[entry]) iter.Seq[[]*Version] {
	return func(yield func([]*Version) bool) {
		var group []*Version
		for l := range sorted.All {
			if len(group) > 0 && group[0].Slug != l.v.Slug {
				if !yield(group) {
					return
				}
				group = nil
			}
			v := l.v
			group = append(group, &v)
		}
		if len(group) > 0 {
			yield(group)
		}
	}
}

// A sitemapPart is one file of a split sitemap.
type sitemapPart struct {
	name, lastmod string
}

// sitemapWriter fills urlset files up to the limits, writing each to the
// output as it fills; without an output it only counts them.
type sitemapWriter struct {
	max      int // URLs in a file
	maxBytes int // bytes in a file
	out      Output
	single   bool           // one file: call it sitemap.xml
	file     io.WriteCloser // the file being filled, with an output
	err      error          // the first error writing it
	size     int            // bytes of the file being filled
	entry    bytes.Buffer
	n        int // URLs in it
	parts    []sitemapPart
}

func (w *sitemapWriter) write(urls iter.Seq[sitemapURL]) error {
	urls(func(u sitemapURL) bool {
		w.entry.Reset()
		writeURL(&w.entry, u)
		if w.n > 0 && (w.n == w.max || w.size+w.entry.Len()+len(urlsetClose) > w.maxBytes) {
			w.close()
		}
		if w.n == 0 {
			w.open()
		}
		w.add(w.entry.Bytes())
		w.n++
		if p := &w.parts[len(w.parts)-1]; u.lastmod > p.lastmod {
			p.lastmod = u.lastmod
		}
		return w.err == nil
	})
	if w.n > 0 {
		w.close()
	} else if w.file != nil {
		w.file.Close()
	}
	return w.err
}

// open starts the next file.
func (w *sitemapWriter) open() {
	w.size = 0
	w.parts = append(w.parts, sitemapPart{name: "sitemap-" + strconv.Itoa(len(w.parts)+1) + ".xml"})
	if w.out != nil && w.err == nil {
		name := w.parts[len(w.parts)-1].name
		if w.single {
			name = "sitemap.xml"
		}
		w.file, w.err = w.out.Create(name)
	}
	w.add([]byte(urlsetOpen))
}

// add adds bytes to the file being filled.
func (w *sitemapWriter) add(b []byte) {
	w.size += len(b)
	if w.file != nil && w.err == nil {
		_, w.err = w.file.Write(b)
	}
}

// close ends the file being filled.
func (w *sitemapWriter) close() {
	w.add([]byte(urlsetClose))
	w.n = 0
	if w.file == nil {
		return
	}
	if err := w.file.Close(); w.err == nil {
		w.err = err
	}
	w.file = nil
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
