package acquire

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const homePage = `<!DOCTYPE html><html><head><title>WKB</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Aktualności" href="/feed/">
<link rel="Alternate" type="application/atom+xml" href="https://wkb.example/atom.xml">
<link rel="alternate" hreflang="ru" href="/ru/">
<link rel="alternate" type="application/rss+xml" href="/feed/">
</head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>`

func TestFeedLinks(t *testing.T) {
	base, _ := url.Parse("https://wkb.example/aktualnosci/")
	want := []string{"https://wkb.example/feed/", "https://wkb.example/atom.xml"}
	if d := cmp.Diff(want, FeedLinks([]byte(homePage), base)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// discoverySite is a loopback site: robots.txt names a sitemap index, the
// home page links an RSS feed and a broken one, and /sitemap.xml exists
// too (but robots.txt names another, so it is not asked for).
func discoverySite(t *testing.T, robots string) (*httptest.Server, *[]string) {
	t.Helper()
	var asked []string
	mux := http.NewServeMux()
	var srv *httptest.Server
	page := func(body, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte(strings.ReplaceAll(body, "https://wkb.example", srv.URL)))
		}
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		page(robots, "text/plain")(w, r)
	})
	mux.HandleFunc("/{$}", page(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">`+
		`<link rel="alternate" type="application/atom+xml" href="/broken.xml"></head><body></body></html>`, "text/html"))
	mux.HandleFunc("/feed/", page(testRSS[strings.Index(testRSS, "\n")+1:], "application/rss+xml"))
	mux.HandleFunc("/broken.xml", page("<html><body>Not found</body></html>", "text/html"))
	mux.HandleFunc("/sitemap_index.xml", page(testIndex, "application/xml"))
	mux.HandleFunc("/sitemap.xml", page(testSitemap, "application/xml"))
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &asked
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		name   string
		robots string
		want   []FoundList
	}{
		{"robots.txt names a sitemap index", "User-agent: *\nDisallow: /private/\nSitemap: https://wkb.example/sitemap_index.xml\n", []FoundList{
			{URL: "/sitemap_index.xml", Via: ViaRobots, Kind: ListSitemapIndex, Entries: 2},
			{URL: "/feed/", Via: ViaLink, Kind: ListRSS, Entries: 3},
		}},
		{"no robots.txt: /sitemap.xml", "", []FoundList{
			{URL: "/feed/", Via: ViaLink, Kind: ListRSS, Entries: 3},
			{URL: "/sitemap.xml", Via: ViaDefault, Kind: ListSitemap, Entries: 3},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := discoverySite(t, tt.robots)
			f, _ := testFetcher()
			found, err := f.Discover(context.Background(), srv.URL+"/")
			if err != nil {
				t.Fatal(err)
			}
			for i := range found {
				found[i].URL = strings.TrimPrefix(found[i].URL, srv.URL)
			}
			if d := cmp.Diff(tt.want, found); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestDiscoverObeysRobots: a site whose robots.txt shuts mosty out gives
// nothing but robots.txt itself is read.
func TestDiscoverObeysRobots(t *testing.T) {
	srv, asked := discoverySite(t, "User-agent: *\nDisallow: /\nSitemap: https://wkb.example/sitemap_index.xml\n")
	f, _ := testFetcher()
	found, err := f.Discover(context.Background(), srv.URL)
	if len(found) != 0 {
		t.Errorf("found %v", found)
	}
	if err == nil {
		t.Error("no error for a site that shuts mosty out")
	}
	for _, p := range *asked {
		if p != "/robots.txt" {
			t.Errorf("asked for %s", p)
		}
	}
}

// FuzzFeedLinks: no page makes the link reader panic, and it gives only
// absolute http(s) URLs.
func FuzzFeedLinks(f *testing.F) {
	f.Add([]byte(homePage))
	f.Add([]byte(`<link rel=alternate type=application/rss+xml href=javascript:alert(1)>`))
	base, _ := url.Parse("https://wkb.example/a/")
	f.Fuzz(func(t *testing.T, page []byte) {
		for _, u := range FeedLinks(page, base) {
			p, err := url.Parse(u)
			if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
				t.Fatalf("feed link %q", u)
			}
		}
	})
}
