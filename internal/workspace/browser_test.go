package workspace

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mosty-dev/mosty/internal/browsertest"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/site"
)

// TestBrowser opens the built demo site in headless Chromium: every page
// has the right lang, every switcher and hreflang link resolves, the
// parallel page puts the languages side by side (and one above the other
// on a phone), and a translator's markup does not run.
func TestBrowser(t *testing.T) {
	ctx := browsertest.Start(t)
	w := demoWorkspace(t)
	err := w.UpdateLocale("ru", "klaster-bialorus-2017", func(f *catalog.File) {
		f.Units[2].Translation = `Белосток <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> посетили гости.`
		f.Units[2].Status = catalog.Translated
	})
	if err != nil {
		t.Fatal(err)
	}
	rules := site.DefaultRules()
	rules.MinCoverage = 40
	if _, err := w.Build(BuildOptions{Rules: &rules}); err != nil {
		t.Fatal(err)
	}
	public := w.Path("public")
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	shots := os.Getenv("MOSTY_SCREENSHOTS")

	var pages []string
	filepath.Walk(public, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "report.html") {
			rel, _ := filepath.Rel(public, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(pages) != 15 {
		t.Fatalf("pages %v", pages)
	}
	for _, p := range pages {
		url := srv.URL + "/" + p
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(url)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
		want := strings.SplitN(p, "/", 2)[0]
		if p == "index.html" {
			want = "pl"
		}
		if err != nil || lang != want {
			t.Errorf("%s: <html lang=%q>, want %q (%v)", p, lang, want, err)
		}
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('nav.langs a, link[rel=alternate], main a[href]')].map(a => a.href)`))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			l = strings.Replace(l, "https://example.org/", srv.URL+"/", 1)
			if !strings.HasPrefix(l, srv.URL) {
				continue // the article's own links to other sites
			}
			resp, err := http.Get(l)
			if err != nil {
				t.Errorf("%s links to %s: %v", p, l, err)
				continue
			}
			if resp.StatusCode != 200 {
				t.Errorf("%s links to %s: %s", p, l, resp.Status)
			}
			resp.Body.Close()
		}
		if shots != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				name := filepath.Join(shots, strings.NewReplacer("/", "_", ".html", ".png").Replace(p))
				os.MkdirAll(shots, 0o755)
				os.WriteFile(name, png, 0o644)
			}
		}
	}

	// No translation runs script.
	time.Sleep(100 * time.Millisecond) // let a broken image's onerror fire, if it could
	for _, p := range []string{"ru/klaster-bialorus-2017/index.html", "ru/klaster-bialorus-2017/parallel.html"} {
		chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+p), chromedp.Sleep(200*time.Millisecond))
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__pwned === 1`))
		if err != nil || pwned {
			t.Errorf("%s: a translation ran script (%v)", p, err)
		}
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if !strings.Contains(text, `<script>window.__pwned=1</script>`) {
			t.Errorf("%s: the translator's text is not shown as text", p)
		}
	}

	// Side by side on a wide screen, one above the other on a phone.
	layout := `(() => { const s = document.querySelectorAll('.pairs .src')[1].getBoundingClientRect(),
		g = document.querySelectorAll('.pairs .tgt')[1].getBoundingClientRect();
		return [s.left, s.top, g.left, g.top]; })()`
	parallel := srv.URL + "/en/klaster-bialorus-2017/parallel.html"
	chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(parallel))
	r, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](layout))
	if err != nil || !(r[2] > r[0]+200 && r[1] == r[3]) {
		t.Errorf("wide: source at (%v,%v), translation at (%v,%v): not side by side (%v)", r[0], r[1], r[2], r[3], err)
	}
	chromedp.Do(ctx, chromedp.EmulateViewport(390, 800), chromedp.Navigate(parallel))
	r, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](layout))
	if err != nil || !(r[3] > r[1] && r[0] == r[2]) {
		t.Errorf("phone: source at (%v,%v), translation at (%v,%v): not stacked (%v)", r[0], r[1], r[2], r[3], err)
	}
}
