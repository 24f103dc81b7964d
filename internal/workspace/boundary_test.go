package workspace

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestListingStaysOnItsSite is issue 15's sixth case for listings: a
// <base href>, article links and rel=next on another host are not
// followed unless --hosts allows that host. The server answers both as
// 127.0.0.1 and as localhost: two hosts to mosty.
func TestListingStaysOnItsSite(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	article := func(n int) string {
		return fmt.Sprintf(`<html><body><article><h1>Artykuł %d</h1><p>Treść artykułu numer %d o współpracy klastrów z Białorusi, długa na tyle, by była artykułem.</p></article></body></html>`, n, n)
	}
	var other string // the other host's address
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.Host+r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nAllow: /\n"))
		case "/list":
			fmt.Fprintf(w, `<html><head><base href="%s/"><link rel="next" href="%s/list2"></head><body><main>
<ul><li><a href="a1">Pierwszy artykuł o klastrach</a></li><li><a href="%s/a2">Drugi artykuł o klastrach</a></li></ul></main></body></html>`, other, other, other)
		case "/list2":
			w.Write([]byte(`<html><body><main><ul><li><a href="/a3">Trzeci artykuł o klastrach</a></li></ul></main></body></html>`))
		case "/a1", "/a2", "/a3":
			w.Write([]byte(article(int(r.URL.Path[2] - '0'))))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	other = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	list := srv.URL + "/list"
	tests := []struct {
		name  string
		hosts []string
		want  []string // article URLs fetched
	}{
		{"its own host only", nil, []string{srv.URL + "/a1"}},
		{"--hosts localhost", []string{"localhost"}, []string{other + "/a1", other + "/a2", other + "/a3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkspace(t)
			results, err := w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{List: list, Hosts: tt.hosts})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range results {
				got = append(got, r.URL)
				if r.Status != FetchNew {
					t.Errorf("%s: %s %v", r.URL, r.Status, r.Err)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("fetched %v, want %v", got, tt.want)
			}
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if n := hits[strings.TrimPrefix(srv.URL, "http://")+"/list2"]; n != 0 {
		t.Errorf("the next page was asked for on the listing's own host %d times", n)
	}
}

// TestWritePhases: an import or sync writes originals, then metadata,
// then locale files, so no file records an original's checksum before the
// original is on disk (the kill loop found a Polish file newer than its
// original after an import killed between parallel writes).
func TestWritePhases(t *testing.T) {
	w := newWorkspace(t)
	for path, want := range map[string]int{
		w.Path("sources", "art.html"):       0,
		w.Path("sources", "art.meta.toml"):  1,
		w.LocalePath("pl", "art"):           2,
		w.LocalePath("ru", "art"):           2,
		w.Path(".mosty", "index.json"):      2,
		w.Path("sources", "sub", "art.txt"): 2,
	} {
		if got := w.writePhase(path); got != want {
			t.Errorf("%s: phase %d, want %d", w.Rel(path), got, want)
		}
	}
}
