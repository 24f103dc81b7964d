package workspace

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/sharedtest"
	"golang.org/x/time/rate"
)

func loopbackFetcher() *acquire.Fetcher {
	f := acquire.NewFetcher("mosty-test/1", 5*time.Second)
	f.PerHost, f.Retries, f.Backoff = rate.Inf, 1, time.Millisecond
	f.Sleep = func(ctx context.Context, d time.Duration) error { return ctx.Err() }
	return f
}

func segmentsOf(t *testing.T, w *Workspace, slug string) []string {
	t.Helper()
	f, _, err := w.LoadLocale("pl", slug)
	if err != nil || f == nil {
		t.Fatalf("%s: %v", slug, err)
	}
	var out []string
	for _, u := range f.Units {
		out = append(out, u.ID+" "+u.Kind+" "+u.Source)
	}
	return out
}

// TestFetchEqualsImport serves the real corpus pages on loopback: a page
// fetched gives exactly the segments that importing its bytes gives.
func TestFetchEqualsImport(t *testing.T) {
	pages, _ := filepath.Glob("../../../shared/corpus/real/*.html")
	var files []string
	for _, p := range pages {
		if !strings.HasSuffix(p, ".gold.html") {
			files = append(files, p)
		}
	}
	if len(files) == 0 {
		sharedtest.Missing(t, "../shared/corpus/real")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir("../../../shared/corpus/real")))
	defer srv.Close()
	fetched, imported := newWorkspace(t), newWorkspace(t)
	var urls []string
	for _, f := range files {
		urls = append(urls, srv.URL+"/"+filepath.Base(f))
	}
	results, err := fetched.Fetch(context.Background(), loopbackFetcher(), FetchOptions{URLs: urls})
	if err != nil {
		t.Fatal(err)
	}
	imports, err := imported.Import(files)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if imports[i].Err != nil {
			// A page import rejects (a charset fixture with no article)
			// is rejected by fetch too.
			if r.Status != FetchFailed {
				t.Errorf("%s: fetch %s, but import failed: %v", r.URL, r.Status, imports[i].Err)
			}
			continue
		}
		if r.Status != FetchNew {
			t.Errorf("%s: %s %v", r.URL, r.Status, r.Err)
			continue
		}
		got, want := segmentsOf(t, fetched, r.Slug), segmentsOf(t, imported, r.Slug)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: fetched and imported segments differ (%d vs %d)", r.Slug, len(got), len(want))
		}
	}
	metas, _ := fetched.Sources()
	if metas[0].FinalURL == "" || metas[0].Fetched.IsZero() || metas[0].ContentType == "" {
		t.Errorf("fetch metadata not kept: %+v", metas[0])
	}
}

// clusterSite serves the first user's listing page (with a second page), the
// sample article at its first link, and 404 for the others.
func clusterSite(t *testing.T, page *atomic.Value, etag string) *httptest.Server {
	t.Helper()
	listing, err := os.ReadFile(samplesDir + "aktualnosci-strona-1.html")
	if err != nil {
		sharedtest.Missing(t, "../shared/samples")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/dzialania-klastra", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Query().Get("strona") == "2" {
			w.Write([]byte(`<html><body><main><div class="news-item"><h2><a href="/aktualnosci/forum-2018">Forum</a></h2></div></main></body></html>`))
			return
		}
		w.Write(listing)
	})
	mux.HandleFunc("/aktualnosci/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach", func(w http.ResponseWriter, r *http.Request) {
		if etag != "" && r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page.Load().([]byte))
	})
	return httptest.NewServer(mux)
}

func TestFetchListing(t *testing.T) {
	var page atomic.Value
	page.Store(demo.Article())
	srv := clusterSite(t, &page, "")
	defer srv.Close()
	w := newWorkspace(t)
	results, err := w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{List: srv.URL + "/dzialania-klastra"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]FetchStatus{}
	for _, r := range results {
		got[strings.TrimPrefix(r.URL, srv.URL)] = r.Status
	}
	want := map[string]FetchStatus{
		"/aktualnosci/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach": FetchNew,
		"/aktualnosci/targi-budownictwa-2017":                               FetchFailed,
		"/aktualnosci/szkolenie-bim":                                        FetchFailed,
		"/aktualnosci/forum-2018":                                           FetchFailed, // from the second page
	}
	if len(got) != len(want) {
		t.Errorf("results %v", got)
	}
	for u, s := range want {
		if got[u] != s {
			t.Errorf("%s: %s, want %s", u, got[u], s)
		}
	}
	if _, err := os.Stat(w.LocalePath("ru", "polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach")); err != nil {
		t.Error(err)
	}
	// --max stops early; --since leaves older articles out.
	w2 := newWorkspace(t)
	results, _ = w2.Fetch(context.Background(), loopbackFetcher(), FetchOptions{List: srv.URL + "/dzialania-klastra", Max: 1,
		Since: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)})
	if len(results) != 1 || results[0].Status != FetchOld {
		t.Errorf("with --max 1 --since 2018: %+v", results)
	}
}

// TestRefetch: an unchanged page costs a 304 and writes nothing; a
// changed one goes through the merge like sync.
func TestRefetch(t *testing.T) {
	var page atomic.Value
	page.Store(demo.Article())
	srv := clusterSite(t, &page, `"v1"`)
	defer srv.Close()
	url := srv.URL + "/aktualnosci/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach"
	w := newWorkspace(t)
	if rs, err := w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{URLs: []string{url}}); err != nil || rs[0].Status != FetchNew {
		t.Fatalf("%+v %v", rs, err)
	}
	slug := "polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach"
	w.UpdateLocale("en", slug, func(f *catalog.File) {
		f.Units[1].Translation, f.Units[1].Status = "It was a week.", catalog.Translated
	})
	before := snapshot(t, w)
	rs, err := w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{URLs: []string{url}})
	if err != nil || rs[0].Status != FetchUnchanged || snapshot(t, w) != before {
		t.Fatalf("re-fetch of an unchanged page: %+v %v, files changed: %v", rs, err, snapshot(t, w) != before)
	}
	srv2 := clusterSite(t, &page, "")
	defer srv2.Close()
	page.Store([]byte(strings.Replace(string(demo.Article()), "To był tydzień, w którym", "To był naprawdę tydzień, w którym", 1)))
	w.Config.Fetch.UserAgent = ""
	metas, _ := w.Sources()
	metas[0].ETag = "" // the server lost its ETag: a plain GET
	if err := w.saveSource(metas[0], mustRead(t, w.Path("sources", metas[0].File))); err != nil {
		t.Fatal(err)
	}
	rs, err = w.Fetch(context.Background(), loopbackFetcher(), FetchOptions{URLs: []string{url}})
	if err != nil || rs[0].Status != FetchUpdated {
		t.Fatalf("changed page: %+v %v", rs, err)
	}
	f, _, _ := w.LoadLocale("en", slug)
	if u := f.Units[1]; u.Status != catalog.Fuzzy || u.Translation != "It was a week." {
		t.Errorf("changed sentence %+v", u)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFetchInterrupted: cancelling (Ctrl-C) keeps what was fetched
// completely; the URL in flight fails and leaves nothing half-written.
func TestFetchInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	mux := http.NewServeMux()
	mux.HandleFunc("/fast", func(w http.ResponseWriter, r *http.Request) { w.Write(demo.Article()) })
	mux.HandleFunc("/stuck", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	w := newWorkspace(t)
	f := loopbackFetcher()
	f.IgnoreRobots = true
	// The user presses Ctrl-C while /stuck loads, once /fast is read.
	fastRead := make(chan struct{})
	f.Client.Transport = interrupter{base: f.Client.Transport, fastRead: fastRead, cancel: cancel}
	rs, err := w.Fetch(ctx, f, FetchOptions{URLs: []string{srv.URL + "/fast", srv.URL + "/stuck"}})
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Status != FetchNew || rs[1].Status != FetchFailed {
		t.Errorf("results %+v", rs)
	}
	metas, _ := w.Sources()
	if len(metas) != 1 {
		t.Errorf("%d sources, want the one fetched completely", len(metas))
	}
}

// interrupter cancels the run when /stuck is requested, after the body of
// /fast has been read to the end.
type interrupter struct {
	base     http.RoundTripper
	fastRead chan struct{}
	cancel   context.CancelFunc
}

func (i interrupter) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/stuck") {
		<-i.fastRead
		i.cancel()
	}
	resp, err := i.base.RoundTrip(r)
	if err == nil && strings.HasSuffix(r.URL.Path, "/fast") {
		resp.Body = &signalOnClose{ReadCloser: resp.Body, done: i.fastRead}
	}
	return resp, err
}

type signalOnClose struct {
	io.ReadCloser
	done chan struct{}
}

func (s *signalOnClose) Close() error {
	err := s.ReadCloser.Close()
	close(s.done)
	return err
}
