package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/workspace"
)

const (
	testToken = "test-token"
	testAddr  = "127.0.0.1:7777"
	testSlug  = "klaster-bialorus-2017"
)

var testNow = time.Date(2026, 12, 1, 10, 30, 0, 0, time.UTC)

// demoDir makes a workspace with the demo article: English complete,
// Russian half done, a glossary, and a translator's comment and key in
// the Russian file.
func demoDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	w, err := workspace.Init(dir, "Test site")
	if err != nil {
		t.Fatal(err)
	}
	src, err := acquire.FromBytes(demo.ArticleName, "mosty:demo/"+demo.ArticleName, demo.Article())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ImportSources([]*acquire.Source{src}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		err := w.UpdateLocale(lang, testSlug, func(f *catalog.File) {
			n := len(f.Units)
			if lang == "ru" {
				n /= 2
			}
			for i := range f.Units[:n] {
				if tr, ok := demo.Translate(f.Units[i].Source, lang); ok {
					f.Units[i].Translation, f.Units[i].Status = tr, catalog.Translated
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// A translator's own comment and key on the last Russian segment.
	path := w.LocalePath("ru", testSlug)
	data, _ := os.ReadFile(path)
	i := strings.LastIndex(string(data), "[[segment]]")
	edited := string(data[:i]) + "# check with Anna\n" + string(data[i:]) + "note = \"mine\"\n"
	writeTestFile(t, path, edited)
	writeTestFile(t, filepath.Join(dir, "glossary.toml"), "[[term]]\npl = \"Wschodni Klaster Budowlany\"\nru = \"Восточный строительный кластер\"\nen = \"Eastern Construction Cluster\"\n")
	return dir
}

func writeTestFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func newTestServer(t testing.TB, dir string) *Server {
	t.Helper()
	s, err := New(dir, Options{Addr: testAddr, Token: testToken, Now: func() time.Time { return testNow }, LockWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// request is one request to a server, with the token unless said.
type request struct {
	method, path, body string
	header             map[string]string
	noToken            bool
}

func (s *Server) do(t testing.TB, r request) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req := httptest.NewRequest(r.method, "http://"+testAddr+r.path, body)
	if !r.noToken {
		req.Header.Set("Authorization", "Bearer "+testToken)
	}
	for k, v := range r.header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", rec.Body.String(), err)
	}
	return v
}

// article gets the Russian article through the API.
func (s *Server) article(t testing.TB, lang string) articleJSON {
	t.Helper()
	rec := s.do(t, request{method: "GET", path: "/api/articles/" + testSlug + "/" + lang})
	if rec.Code != http.StatusOK {
		t.Fatalf("GET article: %d %s", rec.Code, rec.Body)
	}
	return decode[articleJSON](t, rec)
}

func saveBody(translation, status, rev string) string {
	b, _ := json.Marshal(map[string]string{"translation": translation, "status": status, "rev": rev, "name": "Anna"})
	return string(b)
}

func readLocale(t testing.TB, dir, lang string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "locales", lang, testSlug+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
