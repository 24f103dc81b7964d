package acquire

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/time/rate"
)

const articlePage = `<html><head><title>Artykuł</title></head><body><article><h1>Artykuł</h1><p>Treść artykułu z polskimi literami: zażółć gęślą jaźń.</p></article></body></html>`

// testStart is the test clock's first moment.
var testStart = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// testFetcher is a Fetcher for loopback servers: no rate limit, two
// retries unless a test asks otherwise, and a clock that moves only when
// the fetcher sleeps, each wait recorded instead of slept.
func testFetcher() (*Fetcher, *[]time.Duration) {
	f := NewFetcher("mosty-test/1", 2*time.Second)
	f.PerHost, f.Retries, f.Backoff = rate.Inf, 2, time.Millisecond
	var mu sync.Mutex
	now := testStart
	waits := &[]time.Duration{}
	f.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	f.Sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		*waits = append(*waits, d)
		now = now.Add(d)
		mu.Unlock()
		return ctx.Err()
	}
	return f, waits
}

func TestFetchFaults(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	handle := func(path string, h http.HandlerFunc) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { hits.Add(1); h(w, r) })
	}
	handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: mosty-test\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n"))
	})
	handle("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(articlePage))
	})
	handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	var busy atomic.Int32
	handle("/busy", func(w http.ResponseWriter, r *http.Request) {
		if busy.Add(1) == 1 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(articlePage))
	})
	handle("/down", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	handle("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	handle("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("<p>bardzo długi tekst</p>", 2000)))
	})
	handle("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	handle("/wrong-charset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-2")
		b, _ := charmap.Windows1250.NewEncoder().Bytes([]byte(articlePage))
		w.Write(b)
	})
	handle("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		gz.Write([]byte(articlePage))
		gz.Close()
	})
	handle("/private/page", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(articlePage)) })
	handle("/etag", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(articlePage))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name    string
		path    string
		timeout time.Duration
		prev    *Validators
		wantErr error  // errors.Is
		errText string // in the message
		check   func(t *testing.T, got *Fetched, waits []time.Duration)
	}{
		{name: "ok", path: "/ok", check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if !strings.Contains(got.Source.Decoded.Text, "zażółć gęślą jaźń") || got.Source.Decoded.Charset != "utf-8" {
				t.Errorf("text %q (%s)", got.Source.Decoded.Text, got.Source.Decoded.Charset)
			}
		}},
		{name: "slow server times out", path: "/slow", timeout: 100 * time.Millisecond, errText: "Timeout"},
		{name: "429 honours Retry-After", path: "/busy", check: func(t *testing.T, got *Fetched, waits []time.Duration) {
			if len(waits) != 1 || waits[0] != 7*time.Second {
				t.Errorf("waited %v, want [7s]", waits)
			}
		}},
		{name: "503 after retries", path: "/down", wantErr: ErrHTTP, errText: "503"},
		{name: "redirect loop", path: "/loop", wantErr: ErrRedirectLoop},
		{name: "redirect followed", path: "/moved", check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if !strings.HasSuffix(got.FinalURL, "/ok") {
				t.Errorf("final URL %s", got.FinalURL)
			}
		}},
		{name: "huge body", path: "/huge", wantErr: ErrTooLarge},
		{name: "not HTML", path: "/pdf", wantErr: ErrNotHTML, errText: "application/pdf"},
		{name: "404", path: "/nope", wantErr: ErrHTTP, errText: "404"},
		{name: "wrong charset header", path: "/wrong-charset", check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if d := got.Source.Decoded; !strings.Contains(d.Text, "zażółć gęślą jaźń") || d.Charset != "windows-1250" {
				t.Errorf("decoded as %s: %q", d.Charset, d.Text)
			}
		}},
		{name: "gzip", path: "/gzip", check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if !strings.Contains(got.Source.Decoded.Text, "zażółć") {
				t.Errorf("gzip body not decoded: %q", got.Source.Decoded.Text)
			}
		}},
		{name: "robots.txt disallows", path: "/private/page", wantErr: ErrRobots},
		{name: "first fetch keeps the ETag", path: "/etag", check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if got.ETag != `"v1"` || got.NotModified {
				t.Errorf("%+v", got)
			}
		}},
		{name: "304 on re-fetch", path: "/etag", prev: &Validators{ETag: `"v1"`}, check: func(t *testing.T, got *Fetched, _ []time.Duration) {
			if !got.NotModified || got.Source != nil {
				t.Errorf("%+v", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, waits := testFetcher()
			f.MaxBody = 16 << 10
			if tt.timeout > 0 {
				f.Client.Timeout = tt.timeout
			}
			got, err := f.Fetch(context.Background(), srv.URL+tt.path, tt.prev)
			if tt.wantErr != nil || tt.errText != "" {
				var fe *FetchError
				if err == nil || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), srv.URL+tt.path) {
					t.Fatalf("error %v, want a FetchError naming the URL", err)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("error %q, want %v / %q", err, tt.wantErr, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, got, *waits)
		})
	}
}

func TestRobotsStatuses(t *testing.T) {
	for _, tt := range []struct {
		status  int
		allowed bool
	}{{404, true}, {500, false}} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(tt.status)
				return
			}
			w.Write([]byte(articlePage))
		}))
		f, _ := testFetcher()
		f.Retries = 0
		_, err := f.Fetch(context.Background(), srv.URL+"/a", nil)
		if allowed := !errors.Is(err, ErrRobots); allowed != tt.allowed {
			t.Errorf("robots.txt %d: allowed %v, want %v (%v)", tt.status, allowed, tt.allowed, err)
		}
		srv.Close()
	}
}

func TestCrawlDelaySlowsTheHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nCrawl-delay: 4\n"))
			return
		}
		w.Write([]byte(articlePage))
	}))
	defer srv.Close()
	f, _ := testFetcher()
	f.PerHost = 1
	if _, err := f.Fetch(context.Background(), srv.URL+"/a", nil); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if got := f.limiter(host).Limit(); got != rate.Limit(0.25) {
		t.Errorf("limit %v requests/s, want 0.25 (Crawl-delay: 4)", got)
	}
}

func TestRetryAfter(t *testing.T) {
	now := testStart
	for in, want := range map[string]time.Duration{
		"120": 2 * time.Minute,
		now.Add(time.Hour).Format(http.TimeFormat):  time.Hour,
		now.Add(-time.Hour).Format(http.TimeFormat): 0,
		"soon":                 0,
		"-5":                   0,
		"99999999999999999999": 0,
		"9999999999999":        (1 << 32) * time.Second,
	} {
		if d := retryAfter(in, now); d != want {
			t.Errorf("retryAfter(%q) = %v, want %v", in, d, want)
		}
	}
}

func TestPageName(t *testing.T) {
	for in, want := range map[string]string{
		"https://e.org/aktualnosci/polsko-bialoruskie-rozmowy": "polsko-bialoruskie-rozmowy",
		"https://e.org/news/forum-2018.html":                   "forum-2018",
		"https://e.org/index.php?id=12":                        "",
		"https://e.org/":                                       "",
	} {
		u, _ := urlParse(in)
		if got := pageName(u); got != want {
			t.Errorf("pageName(%s) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRobots: any robots.txt, no panic; the rules always answer, and the
// cleaning keeps only lines the file had, in order.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nCrawl-delay: 2\nSitemap: https://x.example/sitemap.xml\n"))
	f.Add([]byte("Disallow: /\nUser-agent: mosty\nCrawl-delay: soon\nAllow: /a # comment\n"))
	f.Add([]byte("\xff\xfe\x00User-agent"))
	f.Fuzz(func(t *testing.T, body []byte) {
		rules := robotsData(200, body)
		if rules == nil {
			t.Fatal("no rules")
		}
		rules.TestAgent("/a/b?c", "mosty")
		rest := body
		for line := range bytes.Lines(cleanRobots(body)) {
			i := bytes.Index(rest, line)
			if i < 0 {
				t.Fatalf("cleaning made line %q, not in the file in that order", line)
			}
			rest = rest[i+len(line):]
		}
	})
}
