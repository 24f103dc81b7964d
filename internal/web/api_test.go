package web

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// TestRoutes answers every route with every status code it has.
func TestRoutes(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	a := s.article(t, "ru")
	link := a.Segments[3] // has <1>…</1>, a link
	if len(link.Placeholders) != 1 || link.Placeholders[0].Kind != "link" {
		t.Fatalf("segment 3 placeholders: %+v", link.Placeholders)
	}
	seg := a.Segments[len(a.Segments)-1]
	put := "/api/articles/" + testSlug + "/ru/segments/"
	origin := map[string]string{"Origin": "http://" + testAddr}
	big := `{"translation": "` + strings.Repeat("x", maxBody) + `", "status": "fuzzy", "rev": ""}`
	for _, c := range []struct {
		name string
		req  request
		code int
		want string // in the body
	}{
		{"list", request{method: "GET", path: "/api/articles"}, 200, `"percent":44.4`},
		{"search finds Polish", request{method: "GET", path: "/api/articles?q=bia%C5%82ystok"}, 200, testSlug},
		{"search finds translations", request{method: "GET", path: "/api/articles?q=%D0%B1%D0%B5%D0%BB%D0%BE%D1%81%D1%82%D0%BE%D0%BA"}, 200, testSlug},
		{"search finds nothing", request{method: "GET", path: "/api/articles?q=zzzz"}, 200, `"total":0,"page":1,"pages":1,"per_page":50,"articles":[]`},
		{"bad page", request{method: "GET", path: "/api/articles?page=0"}, 400, `page=\"0\": use a whole number from 1`},
		{"bad status filter", request{method: "GET", path: "/api/articles?status=done"}, 400, `status=\"done\": use one of unfinished`},
		{"unknown language filter", request{method: "GET", path: "/api/articles?lang=de"}, 400, `lang=\"de\": not a target language`},
		{"article", request{method: "GET", path: "/api/articles/" + testSlug + "/ru"}, 200, `"rev"`},
		{"unknown slug", request{method: "GET", path: "/api/articles/no-such/ru"}, 404, `no article`},
		{"bad slug", request{method: "GET", path: "/api/articles/Bad%2F..%2Fx/ru"}, 404, `no article`},
		{"unknown language", request{method: "GET", path: "/api/articles/" + testSlug + "/de"}, 404, `no target language`},
		{"a language tag", request{method: "GET", path: "/api/articles/" + testSlug + "/ru-RU"}, 200, `"lang":"ru"`},
		{"source language", request{method: "GET", path: "/api/articles/" + testSlug + "/pl"}, 404, `no target language`},
		{"no token", request{method: "GET", path: "/api/articles", noToken: true}, 401, `token`},
		{"wrong token", request{method: "GET", path: "/api/articles", noToken: true, header: map[string]string{"Authorization": "Bearer nope"}}, 401, `token`},
		{"token cookie", request{method: "GET", path: "/api/articles", noToken: true, header: map[string]string{"Cookie": "mosty_token_7777=" + testToken}}, 200, testSlug},
		{"foreign Host", request{method: "GET", path: "/api/articles", header: map[string]string{"Host": "evil.example:7777"}}, 421, `not "evil.example:7777"`},
		{"Host on another port", request{method: "GET", path: "/api/articles", header: map[string]string{"Host": "localhost:80"}}, 421, ``},
		{"localhost", request{method: "GET", path: "/api/articles", header: map[string]string{"Host": "localhost:7777"}}, 200, testSlug},
		{"save", request{method: "PUT", path: put + seg.ID, body: saveBody("Новый перевод.", "translated", seg.Rev)}, 200, `"status":"translated"`},
		{"save again is no conflict", request{method: "PUT", path: put + seg.ID, body: saveBody("Новый перевод.", "translated", seg.Rev)}, 200, `"rev"`},
		{"stale rev", request{method: "PUT", path: put + seg.ID, body: saveBody("Другой.", "translated", seg.Rev)}, 409, `"translation":"Новый перевод."`},
		{"bad status", request{method: "PUT", path: put + seg.ID, body: saveBody("x", "done", seg.Rev)}, 400, `not one of new, fuzzy`},
		{"bad JSON", request{method: "PUT", path: put + seg.ID, body: `{"translation": `}, 400, `bad JSON`},
		{"unknown field", request{method: "PUT", path: put + seg.ID, body: `{"translation": "x", "status": "new", "rev": "", "id": "x"}`}, 400, `unknown field`},
		{"no rev", request{method: "PUT", path: put + seg.ID, body: `{"translation": "x", "status": "new"}`}, 400, `rev are required`},
		{"oversized", request{method: "PUT", path: put + seg.ID, body: big}, 413, `larger than`},
		{"unknown id", request{method: "PUT", path: put + "ffffffff", body: saveBody("x", "fuzzy", "")}, 404, `no such segment`},
		{"bad id", request{method: "PUT", path: put + "..%2F..", body: saveBody("x", "fuzzy", "")}, 404, `no segment`},
		{"placeholder missing", request{method: "PUT", path: put + link.ID, body: saveBody("Визит организовал фонд.", "translated", link.Rev)}, 422, `\u003c1\u003e…\u003c/1\u003e is missing`},
		{"empty marked done", request{method: "PUT", path: put + link.ID, body: saveBody("", "reviewed", link.Rev)}, 422, `empty`},
		{"placeholder missing, fuzzy", request{method: "PUT", path: put + link.ID, body: saveBody("Визит организовал фонд.", "fuzzy", link.Rev)}, 200, `placeholders`},
		{"cookie without Origin", request{method: "PUT", path: put + seg.ID, noToken: true, header: map[string]string{"Cookie": "mosty_token_7777=" + testToken}, body: saveBody("x", "fuzzy", "")}, 403, `own pages`},
		{"foreign Origin", request{method: "PUT", path: put + seg.ID, header: map[string]string{"Origin": "http://evil.example"}, body: saveBody("x", "fuzzy", "")}, 403, `own pages`},
		{"cross-site without Origin", request{method: "PUT", path: put + seg.ID, header: map[string]string{"Sec-Fetch-Site": "cross-site"}, body: saveBody("x", "fuzzy", "")}, 403, `own pages`},
		{"check", request{method: "POST", path: put + link.ID + "/check", header: origin, body: `{"translation": "Визит <1>фонда</1>"}`}, 200, `punctuation`},
		{"check bad status", request{method: "POST", path: put + link.ID + "/check", header: origin, body: `{"translation": "x", "status": "?"}`}, 400, `not one of`},
		{"check unknown id", request{method: "POST", path: put + "ffffffff/check", header: origin, body: `{"translation": "x"}`}, 404, `no such segment`},
		{"preview", request{method: "GET", path: "/preview/ru/" + testSlug + "/index.html"}, 200, `<html lang="ru"`},
		{"preview parallel", request{method: "GET", path: "/preview/ru/" + testSlug + "/parallel.html"}, 200, `Новый перевод.`},
		{"preview in Polish", request{method: "GET", path: "/preview/pl/" + testSlug + "/index.html"}, 200, `<html lang="pl"`},
		{"preview folder", request{method: "GET", path: "/preview/en/" + testSlug + "/"}, 200, `<html lang="en"`},
		{"preview of another file", request{method: "GET", path: "/preview/ru/" + testSlug + "/sitemap.xml"}, 404, ``},
		{"preview unknown article", request{method: "GET", path: "/preview/ru/no-such/index.html"}, 404, ``},
		{"start page without token", request{method: "GET", path: "/", noToken: true}, 401, `?token=`},
		{"start page", request{method: "GET", path: "/", noToken: true, header: map[string]string{"Cookie": "mosty_token_7777=" + testToken}}, 200, `/assets/start.js`},
		{"article page", request{method: "GET", path: "/" + testSlug + "/ru", noToken: true, header: map[string]string{"Cookie": "mosty_token_7777=" + testToken}}, 200, `/assets/article.js`},
		{"article page, unknown article", request{method: "GET", path: "/no-such/ru", noToken: true, header: map[string]string{"Cookie": "mosty_token_7777=" + testToken}}, 404, `no such article`},
		{"page with a wrong token", request{method: "GET", path: "/?token=nope", noToken: true}, 401, ``},
		{"asset", request{method: "GET", path: "/assets/article.js", noToken: true}, 200, `insertNext`},
		{"unknown asset", request{method: "GET", path: "/assets/nope.js", noToken: true}, 404, ``},
		{"wrong method", request{method: "DELETE", path: "/api/articles", header: origin}, 405, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := s.do(t, c.req)
			if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.want) {
				t.Errorf("%s %s: %d, want %d with %q; body:\n%.600s", c.req.method, c.req.path, rec.Code, c.code, c.want, rec.Body)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
}

// TestTokenInAddress: the token in the printed address becomes an
// HttpOnly, SameSite=Strict cookie and leaves the address bar.
func TestTokenInAddress(t *testing.T) {
	s := newTestServer(t, demoDir(t))
	rec := s.do(t, request{method: "GET", path: "/" + testSlug + "/ru?token=" + testToken + "&ui=ru", noToken: true})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/"+testSlug+"/ru?ui=ru" {
		t.Fatalf("%d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	var found bool
	for _, c := range rec.Result().Cookies() {
		if c.Name == "mosty_token_7777" {
			found = c.Value == testToken && c.HttpOnly && c.SameSite == http.SameSiteStrictMode
		}
	}
	if !found {
		t.Errorf("no HttpOnly SameSite=Strict token cookie: %v", rec.Header()["Set-Cookie"])
	}
}

// TestPreviewCSP: a preview runs no script and loads nothing from
// outside but images over https — a fetched article's pictures, made
// absolute against its address — while the app's own pages load no image
// from outside.
func TestPreviewCSP(t *testing.T) {
	dir := demoDir(t)
	w, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	page := []byte(`<html><head><title>Targi</title></head><body><article><h1>Targi w Mińsku</h1>
<p>Na targach wystąpiło 12 firm z klastra. Rozmowy prowadzono z partnerami z Grodna.</p>
<p><img src="/uploads/targi.jpg" alt="Stoisko klastra"></p></article></body></html>`)
	src, err := acquire.FromBytes("targi.html", "https://wkb.example/aktualnosci/targi", page)
	if err != nil {
		t.Fatal(err)
	}
	src.Fetch = &acquire.Fetched{Source: src, FinalURL: "https://wkb.example/aktualnosci/targi", ContentType: "text/html"}
	if _, err := w.ImportSources([]*acquire.Source{src}); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, dir)
	for _, c := range []struct {
		name, path string
		imgSrc     []string
		body       string
	}{
		{"preview of a fetched article", "/preview/ru/targi/index.html", []string{"'self'", "data:", "https:"}, `src="https://wkb.example/uploads/targi.jpg"`},
		{"parallel page", "/preview/ru/targi/parallel.html", []string{"'self'", "data:", "https:"}, ""},
		{"the app's article page", "/targi/ru", []string{"'self'", "data:"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := s.do(t, request{method: "GET", path: c.path})
			if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), c.body) {
				t.Fatalf("%d, without %q:\n%.2000s", rec.Code, c.body, rec.Body)
			}
			csp := directives(rec.Header().Get("Content-Security-Policy"))
			if d := cmp.Diff(c.imgSrc, csp["img-src"]); d != "" {
				t.Errorf("img-src (-want +got):\n%s", d)
			}
			if !slices.Equal(csp["default-src"], []string{"'none'"}) {
				t.Errorf("default-src %q", csp["default-src"])
			}
			if strings.HasPrefix(c.path, "/preview/") && csp["script-src"] != nil {
				t.Errorf("a preview may run scripts: %q", csp["script-src"])
			}
			if got := rec.Header().Get("Referrer-Policy"); got != "no-referrer" {
				t.Errorf("Referrer-Policy %q: an image's site would learn the page", got)
			}
		})
	}
}

// directives parses a Content-Security-Policy into its directives'
// source lists.
func directives(csp string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			out[f[0]] = f[1:]
		}
	}
	return out
}

// TestListFollowsFiles: the start page's figures follow edits made
// outside and a changed glossary.
func TestListFollowsFiles(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	ru := func() languageSummary {
		t.Helper()
		return s.list(t, "").Articles[0].Languages["ru"]
	}
	before := ru()
	if before.Percent != 44.4 || before.Problems != 0 {
		t.Fatalf("before: %+v", before)
	}
	path := filepath.Join(dir, "locales", "ru", testSlug+".toml")
	writeTestFile(t, path, strings.Replace(readLocale(t, dir, "ru"), "translation = \"\"\nstatus = \"new\"", "translation = \"Готово.\"\nstatus = \"translated\"", 1))
	if got := ru(); got.Percent <= before.Percent || got.Segments.Translated != 8 {
		t.Errorf("after an edit: %+v", got)
	}
	writeTestFile(t, filepath.Join(dir, "glossary.toml"), "[[term]]\npl = \"Wschodni Klaster Budowlany\"\nru = \"ВКС\"\nforbidden = { ru = [\"Восточный строительный кластер\"] }\n")
	if got := ru(); got.Errors == 0 || got.Problems < got.Errors {
		t.Errorf("after a glossary change: %+v", got)
	}
}
