package workspace

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/demo"
)

// listSite is a loopback site with n articles, a sitemap index of a
// gzipped sitemap and an old one, an RSS feed and an Atom feed; it counts
// the requests for each path.
type listSite struct {
	*httptest.Server
	mu       sync.Mutex
	asked    map[string]int
	lastmod  map[int]string // article → its <lastmod>
	onAsk    func(path string)
	articles int
}

func newListSite(t *testing.T, n int) *listSite {
	t.Helper()
	s := &listSite{asked: map[string]int{}, lastmod: map[int]string{}, articles: n}
	for i := range n {
		s.lastmod[i] = fmt.Sprintf("2018-%02d-01", 1+i%12) // half of them before July
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+
			`<sitemap><loc>%[1]s/sitemap-1.xml.gz</loc><lastmod>2018-12-01</lastmod></sitemap>`+
			`<sitemap><loc>%[1]s/sitemap-old.xml</loc><lastmod>2010-01-01</lastmod></sitemap></sitemapindex>`, s.URL)
	})
	mux.HandleFunc("/sitemap-1.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		s.mu.Lock()
		for i := range s.articles {
			fmt.Fprintf(&b, "<url><loc>%s/aktualnosci/artykul-%d</loc><lastmod>%s</lastmod></url>", s.URL, i, s.lastmod[i])
		}
		s.mu.Unlock()
		b.WriteString("</urlset>")
		w.Header().Set("Content-Type", "application/gzip")
		zw := gzip.NewWriter(w)
		zw.Write(b.Bytes())
		zw.Close()
	})
	mux.HandleFunc("/sitemap-plain.xml", func(w http.ResponseWriter, r *http.Request) { // no dates
		fmt.Fprint(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range s.articles {
			fmt.Fprintf(w, "<url><loc>%s/aktualnosci/artykul-%d</loc></url>", s.URL, i)
		}
		fmt.Fprint(w, "</urlset>")
	})
	mux.HandleFunc("/sitemap-old.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/aktualnosci/stary</loc></url></urlset>`, s.URL)
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>WKB</title>`)
		for i := range 4 {
			fmt.Fprintf(w, "<item><title>Artykuł %d</title><link>%s/aktualnosci/artykul-%d</link><pubDate>%s</pubDate></item>",
				i, s.URL, i, time.Date(2018, time.Month(1+i%12), 1, 10, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
		}
		fmt.Fprint(w, "</channel></rss>")
	})
	mux.HandleFunc("/feed.atom", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>WKB</title>`)
		for i := range 4 {
			fmt.Fprintf(w, `<entry><title>Artykuł %d</title><link href="/aktualnosci/artykul-%d"/><updated>2018-%02d-01T10:00:00Z</updated></entry>`, i, i, 1+i%12)
		}
		fmt.Fprint(w, "</feed>")
	})
	mux.HandleFunc("/aktualnosci/", func(w http.ResponseWriter, r *http.Request) {
		// Article i is dated as the list says it was last changed.
		name := strings.TrimPrefix(r.URL.Path, "/aktualnosci/")
		var i int
		fmt.Sscanf(name, "artykul-%d", &i)
		page := strings.Replace(string(demo.Article()), "Polsko-białoruskie rozmowy w klastrach i o klastrach.", "Artykuł "+name, 2)
		page = strings.Replace(page, `<time datetime="2017-12-13">13-12-2017</time>`, fmt.Sprintf(`<time datetime="2018-%02d-01">01-%02d-2018</time>`, 1+i%12, 1+i%12), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.asked[r.URL.Path]++
		on := s.onAsk
		s.mu.Unlock()
		if on != nil {
			on(r.URL.Path)
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// articlesAsked is how many article pages were asked for since the last
// call.
func (s *listSite) articlesAsked() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, k := range s.asked {
		if strings.HasPrefix(p, "/aktualnosci/") {
			n += k
			delete(s.asked, p)
		}
	}
	return n
}

func countStatuses(rs []FetchResult) map[FetchStatus]int {
	out := map[FetchStatus]int{}
	for _, r := range rs {
		out[r.Status]++
	}
	return out
}

// TestFetchSitemapIndex: a sitemap index is followed to its gzipped
// sitemap; a sitemap and the pages whose lastmod is older than --since
// are never asked for; a second run asks for no page whose lastmod did
// not change, and for the one whose did.
func TestFetchSitemapIndex(t *testing.T) {
	s := newListSite(t, 8)
	w := newWorkspace(t)
	opts := FetchOptions{List: s.URL + "/sitemap_index.xml", Since: time.Date(2018, 3, 1, 0, 0, 0, 0, time.UTC)}
	rs, err := w.Fetch(context.Background(), loopbackFetcher(), opts)
	if err != nil {
		t.Fatal(err)
	}
	// Articles 0 and 1 (January, February) are older than March.
	if got := countStatuses(rs); got[FetchNew] != 6 || got[FetchOld] != 2 || got[FetchFailed] != 0 {
		t.Errorf("first run: %v %+v", got, rs)
	}
	if n := s.articlesAsked(); n != 6 || s.asked["/sitemap-old.xml"] != 0 {
		t.Errorf("asked for %d articles (want 6) and the old sitemap %d times", n, s.asked["/sitemap-old.xml"])
	}
	rs, err = w.Fetch(context.Background(), loopbackFetcher(), opts)
	if got := countStatuses(rs); err != nil || got[FetchUnchanged] != 6 || s.articlesAsked() != 0 {
		t.Errorf("second run: %v, %v", got, err)
	}
	s.mu.Lock()
	s.lastmod[5] = "2019-01-01"
	s.mu.Unlock()
	rs, _ = w.Fetch(context.Background(), loopbackFetcher(), opts)
	if got := countStatuses(rs); got[FetchUnchanged] != 6 || s.articlesAsked() != 1 {
		t.Errorf("after one lastmod changed: %v", got) // the page itself did not change
	}
}

// TestFetchFeeds: an RSS and an Atom feed give their articles, with
// pubDate and updated feeding --since; the kind is told from the
// content, not the name.
func TestFetchFeeds(t *testing.T) {
	s := newListSite(t, 4)
	for _, feed := range []string{"/feed.rss", "/feed.atom"} {
		t.Run(feed, func(t *testing.T) {
			w := newWorkspace(t)
			rs, err := w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{List: s.URL + feed,
				Since: time.Date(2018, 2, 15, 0, 0, 0, 0, time.UTC)})
			if got := countStatuses(rs); err != nil || got[FetchNew] != 2 || got[FetchOld] != 2 {
				t.Errorf("%v %v %+v", got, err, rs)
			}
			slugs, _ := w.Articles()
			if strings.Join(slugs, " ") != "artykul-2 artykul-3" {
				t.Errorf("articles %v", slugs)
			}
		})
	}
}

// TestFetchResume: a run over a list stopped half way (Ctrl-C) imports
// what it fetched; run again, it asks only for the pages it had not done
// — the list gives no dates to tell them by — and then forgets the run.
func TestFetchResume(t *testing.T) {
	s := newListSite(t, 40)
	w := newWorkspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	s.onAsk = func(path string) {
		if path == "/aktualnosci/artykul-20" {
			cancel()
		}
	}
	opts := FetchOptions{List: s.URL + "/sitemap-plain.xml"}
	rs, err := w.Fetch(ctx, loopbackFetcher(), opts)
	if err != nil {
		t.Fatal(err)
	}
	first := countStatuses(rs)
	last := rs[len(rs)-1]
	if first[FetchNew] < 16 || first[FetchNew] >= 40 || !strings.Contains(fmt.Sprint(last.Err), "run the same command again") {
		t.Fatalf("interrupted run: %v, last %+v", first, last)
	}
	journals, _ := filepath.Glob(w.Path(".mosty", "fetch", "*.txt"))
	if len(journals) != 1 {
		t.Fatalf("journals %v", journals)
	}
	asked := s.articlesAsked()
	s.onAsk = nil
	rs, err = w.Fetch(context.Background(), loopbackFetcher(), opts)
	again := countStatuses(rs)
	if err != nil || again[FetchNew] != 40-first[FetchNew] || again[FetchUnchanged] != first[FetchNew] {
		t.Errorf("resumed run: %v after %v, %v", again, first, err)
	}
	if n := s.articlesAsked(); asked < first[FetchNew] || n != 40-first[FetchNew] {
		t.Errorf("asked for %d pages, then %d, with %d done the first time", asked, n, first[FetchNew])
	}
	if slugs, _ := w.Articles(); len(slugs) != 40 {
		t.Errorf("%d articles", len(slugs))
	}
	if _, err := os.Stat(journals[0]); !os.IsNotExist(err) {
		t.Errorf("the finished run's journal is still there: %v", err)
	}
}
