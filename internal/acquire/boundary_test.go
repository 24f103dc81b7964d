package acquire

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// hitServer is a loopback server that counts requests by path.
type hitServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newHitServer(t *testing.T, routes map[string]http.HandlerFunc) *hitServer {
	s := &hitServer{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hitServer) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func servePage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(articlePage))
}

// tooMany answers 429 with a Retry-After.
func tooMany(after string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", after)
		w.WriteHeader(http.StatusTooManyRequests)
	}
}

func robots(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(body)) }
}

// TestRedirectObeysTheOtherHostsRobots is issue 15's sixth case: a 302 to
// another host fetched a page that host's robots.txt disallows, without
// ever asking for it.
func TestRedirectObeysTheOtherHostsRobots(t *testing.T) {
	other := newHitServer(t, map[string]http.HandlerFunc{
		"/robots.txt": robots("User-agent: *\nDisallow: /private/\n"),
		"/private/a":  servePage,
		"/public/a":   servePage,
	})
	first := newHitServer(t, map[string]http.HandlerFunc{
		"/robots.txt": robots("User-agent: *\nAllow: /\n"),
		"/to-private": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/private/a", http.StatusFound)
		},
		"/to-public": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, other.URL+"/public/a", http.StatusMovedPermanently)
		},
		"/to-ftp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.org/a", http.StatusFound)
		},
	})
	f, _ := testFetcher()
	_, err := f.Fetch(context.Background(), first.URL+"/to-private", nil)
	if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "redirected to "+other.URL+"/private/a") {
		t.Errorf("redirect to a disallowed page: %v", err)
	}
	if n := other.count("/private/a"); n != 0 {
		t.Errorf("the disallowed page was requested %d times", n)
	}
	if n := other.count("/robots.txt"); n != 1 {
		t.Errorf("the other host's robots.txt was read %d times, want once", n)
	}
	got, err := f.Fetch(context.Background(), first.URL+"/to-public", nil)
	if err != nil || got.FinalURL != other.URL+"/public/a" {
		t.Errorf("redirect to an allowed page: %v, final URL %v", err, got)
	}
	if _, err := f.Fetch(context.Background(), first.URL+"/to-ftp", nil); err == nil || !strings.Contains(err.Error(), "not an http:// or https:// URL") {
		t.Errorf("redirect to ftp: %v", err)
	}
}

func TestRobotsTxtReading(t *testing.T) {
	pad := "# " + strings.Repeat("x", 1000) + "\n"
	tests := []struct {
		name, robots string
		allowed      map[string]bool // path → allowed
	}{
		{"over 500 KiB: the first 500 KiB count", "User-agent: *\nDisallow: /private/\n" + strings.Repeat(pad, 600),
			map[string]bool{"/private/a": false, "/public/a": true}},
		{"rules past 500 KiB are not read", "User-agent: *\nDisallow: /private/\n" + strings.Repeat(pad, 600) + "Disallow: /late/\n",
			map[string]bool{"/private/a": false, "/late/a": true}},
		{"a rule before any User-agent is left out, not the file", "Disallow: /x/\nUser-agent: *\nDisallow: /private/\n",
			map[string]bool{"/private/a": false, "/x/a": true}},
		{"a Crawl-delay that is no number is left out", "User-agent: *\nCrawl-delay: soon\nDisallow: /private/\n",
			map[string]bool{"/private/a": false, "/public/a": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newHitServer(t, map[string]http.HandlerFunc{"/robots.txt": robots(tt.robots), "/private/a": servePage, "/public/a": servePage, "/late/a": servePage, "/x/a": servePage})
			f, _ := testFetcher()
			for p, want := range tt.allowed {
				_, err := f.Fetch(context.Background(), srv.URL+p, nil)
				if got := !errors.Is(err, ErrRobots); got != want {
					t.Errorf("%s: allowed %v, want %v (%v)", p, got, want, err)
				}
			}
		})
	}
}

// TestLongRetryAfter is issue 15's seventh case: a 429 with Retry-After:
// 3600 got a request every two minutes. Now the URL is given up at once,
// saying when to try again, and the host gets no more requests.
func TestLongRetryAfter(t *testing.T) {
	srv := newHitServer(t, map[string]http.HandlerFunc{
		"/robots.txt": robots("User-agent: *\nAllow: /\n"),
		"/busy":       tooMany("3600"),
		"/other":      servePage,
	})
	f, waits := testFetcher()
	_, err := f.Fetch(context.Background(), srv.URL+"/busy", nil)
	var fe *FetchError
	if !errors.As(err, &fe) || !errors.Is(err, ErrRetryLater) || !fe.RetryAt.Equal(testStart.Add(time.Hour)) {
		t.Fatalf("error %v, want ErrRetryLater at %v", err, testStart.Add(time.Hour))
	}
	for _, want := range []string{srv.URL + "/busy: ", "1h0m0s (Retry-After), longer than the 2m0s mosty waits: try again after 2026-12-01 13:00:00 UTC"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if h := fe.Hint(); !strings.Contains(h, "after 2026-12-01 13:00 UTC") {
		t.Errorf("hint %q", h)
	}
	if n := srv.count("/busy"); n != 1 || len(*waits) != 0 {
		t.Errorf("%d requests and waits %v, want one request, no wait", n, *waits)
	}
	// The whole host asked for the wait.
	if _, err := f.Fetch(context.Background(), srv.URL+"/other", nil); !errors.Is(err, ErrRetryLater) || srv.count("/other") != 0 {
		t.Errorf("another page of the host: %v, %d requests", err, srv.count("/other"))
	}
}

func TestRetryAfterWithinTheLimit(t *testing.T) {
	var calls int
	srv := newHitServer(t, map[string]http.HandlerFunc{
		"/robots.txt": robots("User-agent: *\nAllow: /\n"),
		"/busy": func(w http.ResponseWriter, r *http.Request) {
			if calls++; calls == 1 {
				w.Header().Set("Retry-After", testStart.Add(90*time.Second).Format(http.TimeFormat))
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			servePage(w, r)
		},
	})
	f, waits := testFetcher()
	if _, err := f.Fetch(context.Background(), srv.URL+"/busy", nil); err != nil {
		t.Fatal(err)
	}
	if len(*waits) != 1 || (*waits)[0] != 90*time.Second {
		t.Errorf("waits %v, want [1m30s]: the whole Retry-After, not a capped one", *waits)
	}
}

func TestRobotsTxtTooManyRequests(t *testing.T) {
	srv := newHitServer(t, map[string]http.HandlerFunc{
		"/robots.txt": tooMany("86400"),
		"/a":          servePage,
	})
	f, _ := testFetcher()
	_, err := f.Fetch(context.Background(), srv.URL+"/a", nil)
	if !errors.Is(err, ErrRetryLater) || srv.count("/a") != 0 {
		t.Errorf("%v; page requested %d times", err, srv.count("/a"))
	}
}
