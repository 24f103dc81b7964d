package acquire

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

const (
	testSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://wkb.example/aktualnosci/rozmowy</loc><lastmod>2017-12-13</lastmod>
    <xhtml:link rel="alternate" hreflang="ru" href="https://wkb.example/ru/x"/></url>
  <url><loc> https://wkb.example/aktualnosci/forum?id=2&amp;p=1 </loc><lastmod>2018-04-01T10:30:00+02:00</lastmod><changefreq>never</changefreq></url>
  <url><loc>https://wkb.example/aktualnosci/rozmowy</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>/aktualnosci/wzgledny</loc></url>
</urlset>`
	testIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://wkb.example/sitemap-1.xml.gz</loc><lastmod>2018-01-01T00:00:00Z</lastmod></sitemap>
  <sitemap><loc>https://wkb.example/sitemap-2.xml</loc></sitemap>
</sitemapindex>`
	testRSS = `<?xml version="1.0" encoding="windows-1250"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>WKB</title><link>https://wkb.example/</link>
<atom:link href="https://wkb.example/feed" rel="self"/>
<item><title>Polsko-białoruskie   rozmowy</title><link>https://wkb.example/a/rozmowy</link>
  <description>&lt;p&gt;Klaster&amp;nbsp;gościł&lt;/p&gt;</description><pubDate>Wed, 13 Dec 2017 09:00:00 +0100</pubDate></item>
<item><title>Forum</title><guid>https://wkb.example/a/forum</guid><dc:date>2018-04-01</dc:date></item>
<item><title>Bez adresu</title><guid isPermaLink="false">tag:wkb,2018:3</guid></item>
<item><title>Stara data</title><link>https://wkb.example/a/stara</link><pubDate>Mon, 2 Jan 06 15:04:05 GMT</pubDate></item>
</channel></rss>`
	testAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">
  <id>https://wkb.example/</id><title>WKB</title><updated>2018-04-01T12:00:00Z</updated>
  <link rel="self" href="https://wkb.example/feed.atom"/>
  <entry>
    <id>tag:wkb.example,2017:1</id><title type="html">Rozmowy &amp;amp; spotkania</title>
    <link rel="edit" href="https://wkb.example/api/1"/>
    <link rel="alternate" type="application/pdf" href="https://wkb.example/a/rozmowy.pdf"/>
    <link rel="alternate" type="text/html" href="a/rozmowy"/>
    <updated>2017-12-14T08:00:00+01:00</updated><published>2017-12-13T08:00:00+01:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="https://elsewhere.example/">x</a></div></content>
  </entry>
  <entry><id>2</id><title>Forum</title><link href="https://wkb.example/a/forum"/><updated>2018-04-01T12:00:00Z</updated></entry>
</feed>`
	testRDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wkb.example/"><title>WKB</title><link>https://wkb.example/</link></channel>
  <item rdf:about="https://wkb.example/a/1"><title>Jeden</title><link>https://wkb.example/a/1</link><dc:date>2017-12-13T10:00:00Z</dc:date></item>
</rdf:RDF>`
)

func gz(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func cp1250(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func day(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func TestReadList(t *testing.T) {
	base, _ := url.Parse("https://wkb.example/feeds/list")
	tests := []struct {
		name    string
		data    []byte
		kind    ListKind
		want    []ListEntry
		skipped int
	}{
		{"sitemap", []byte(testSitemap), ListSitemap, []ListEntry{
			{URL: "https://wkb.example/aktualnosci/rozmowy", Modified: day(2017, 12, 13, 0, 0)},
			{URL: "https://wkb.example/aktualnosci/forum?id=2&p=1", Modified: day(2018, 4, 1, 8, 30)},
			{URL: "https://wkb.example/aktualnosci/wzgledny"},
		}, 1},
		{"gzipped sitemap", gz(t, testSitemap), ListSitemap, nil, 1},
		{"sitemap index", []byte(testIndex), ListSitemapIndex, []ListEntry{
			{URL: "https://wkb.example/sitemap-1.xml.gz", Modified: day(2018, 1, 1, 0, 0)},
			{URL: "https://wkb.example/sitemap-2.xml"},
		}, 0},
		{"RSS 2.0 in windows-1250", cp1250(t, testRSS), ListRSS, []ListEntry{
			{URL: "https://wkb.example/a/rozmowy", Title: "Polsko-białoruskie rozmowy", Published: day(2017, 12, 13, 8, 0)},
			{URL: "https://wkb.example/a/forum", Title: "Forum", Published: day(2018, 4, 1, 0, 0)},
			{URL: "https://wkb.example/a/stara", Title: "Stara data", Published: day(2006, 1, 2, 15, 4).Add(5 * time.Second)},
		}, 1},
		{"Atom", []byte(testAtom), ListAtom, []ListEntry{
			{URL: "https://wkb.example/feeds/a/rozmowy", Title: "Rozmowy & spotkania", Modified: day(2017, 12, 14, 7, 0), Published: day(2017, 12, 13, 7, 0)},
			{URL: "https://wkb.example/a/forum", Title: "Forum", Modified: day(2018, 4, 1, 12, 0)},
		}, 0},
		{"RSS 1.0", []byte(testRDF), ListRDF, []ListEntry{
			{URL: "https://wkb.example/a/1", Title: "Jeden", Published: day(2017, 12, 13, 10, 0)},
		}, 0},
		{"text sitemap", []byte("https://wkb.example/a/1\r\n\nhttps://wkb.example/a/2\n"), ListText, []ListEntry{
			{URL: "https://wkb.example/a/1"}, {URL: "https://wkb.example/a/2"},
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ReadList(tt.data, base)
			if err != nil {
				t.Fatal(err)
			}
			if l.Kind != tt.kind || l.Skipped != tt.skipped {
				t.Errorf("kind %q skipped %d, want %q %d", l.Kind, l.Skipped, tt.kind, tt.skipped)
			}
			if tt.want == nil {
				return
			}
			if d := cmp.Diff(tt.want, l.Entries); d != "" {
				t.Errorf("entries (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadListRefuses(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"HTML page", []byte("<!DOCTYPE html><html><head><title>x</title></head><body><a href='https://a.example/'>a</a></body></html>")},
		{"XHTML page", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`)},
		{"other XML", []byte(`<?xml version="1.0"?><xliff version="2.0"/>`)},
		{"text with prose", []byte("https://a.example/\nsome words\n")},
		{"empty", nil},
		{"broken gzip", []byte{0x1f, 0x8b, 0x08, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ReadList(tt.data, nil)
			if err == nil {
				t.Fatalf("read as a %s of %d entries", l.Kind, len(l.Entries))
			}
			if tt.name != "broken gzip" && !errors.Is(err, ErrNotList) {
				t.Errorf("error %v is not ErrNotList", err)
			}
		})
	}
}

// TestReadListCutShort: a list cut off in the middle (a dropped
// connection) still gives the entries before the cut.
func TestReadListCutShort(t *testing.T) {
	cut := testSitemap[:strings.Index(testSitemap, "<url><loc>javascript")+12]
	l, err := ReadList([]byte(cut), nil)
	if err != nil || len(l.Entries) != 2 {
		t.Fatalf("%+v, %v", l, err)
	}
}

func TestGzipBomb(t *testing.T) {
	big := gz(t, "<urlset>"+strings.Repeat(" ", MaxListBytes)+"</urlset>")
	if _, err := ReadList(big, nil); err == nil || !strings.Contains(err.Error(), "50 MB") {
		t.Errorf("a list of more than 50 MB: %v", err)
	}
}

func TestParseListDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2017-12-13", day(2017, 12, 13, 0, 0)},
		{"2017-12", day(2017, 12, 1, 0, 0)},
		{"2017", day(2017, 1, 1, 0, 0)},
		{"2017-12-13T10:30+01:00", day(2017, 12, 13, 9, 30)},
		{"2017-12-13T10:30:00.5Z", day(2017, 12, 13, 10, 30).Add(500 * time.Millisecond)},
		{"Wed, 13 Dec 2017 10:30:00 +0100", day(2017, 12, 13, 9, 30)},
		{"Wed, 13 Dec 2017 10:30:00 GMT", day(2017, 12, 13, 10, 30)},
		{"13 Dec 2017 10:30:00 +0000", day(2017, 12, 13, 10, 30)},
		{"  Wed,  13 Dec 2017\n10:30 +0000 ", day(2017, 12, 13, 10, 30)},
		{"wczoraj", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		if got := ParseListDate(tt.in); !got.Equal(tt.want) {
			t.Errorf("ParseListDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzReadList: no input makes the reader panic or hang, and what it
// gives back is absolute http(s) URLs, each once.
func FuzzReadList(f *testing.F) {
	for _, s := range []string{testSitemap, testIndex, testRSS, testAtom, testRDF, "https://a.example/x\n", "<html></html>"} {
		f.Add([]byte(s))
	}
	f.Add(gz(f, testSitemap))
	base, _ := url.Parse("https://wkb.example/dir/list.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ReadList(data, base)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range l.Entries {
			u, err := url.Parse(e.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("entry URL %q", e.URL)
			}
			if seen[e.URL] {
				t.Fatalf("%q twice", e.URL)
			}
			seen[e.URL] = true
		}
	})
}
