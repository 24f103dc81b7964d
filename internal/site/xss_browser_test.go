package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/mosty-dev/mosty/internal/browsertest"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/segment"
)

// hostilePage is a source article whose links try every way of slipping
// a script past a check that trims and looks at a prefix: character
// references for tab, line feed, carriage return and other controls
// inside or before "javascript:", odd case, data: and vbscript: URLs, an
// image with an error handler, a <base> that would move every link.
const hostilePage = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Linki w artykule</title></head><body>
<article><h1>Linki w artykule o współpracy klastrów</h1>
<p>Przedstawiciele klastra omówili wspólne projekty budowlane, a <a href="java&#9;script:alert('tab')">relacja ze spotkania</a> jest dostępna na stronie organizatora wydarzenia.</p>
<p>Podczas spotkania goście z Białorusi zwiedzili dwa zakłady, a <a href="java&#1;script:alert('ctl')">galeria zdjęć</a> pokazuje najciekawsze momenty wizyty w regionie.</p>
<p>Uczestnicy podpisali list intencyjny w sprawie współpracy, a <a href="java&#10;script:alert('lf')">pełny tekst dokumentu</a> opublikowano w dziale dokumentów klastra.</p>
<p>Następne spotkanie odbędzie się jesienią w Grodnie, a <a href="java&#13;script:alert('cr')">formularz zgłoszeniowy</a> będzie dostępny od przyszłego miesiąca dla wszystkich firm.</p>
<p>Organizatorzy dziękują partnerom za pomoc, a <a href="&#1;javascript:alert('lead')">listę partnerów</a> można znaleźć w osobnym komunikacie prasowym klastra.</p>
<p>Wszystkie materiały są dostępne bezpłatnie, a <a href=" JaVaScRiPt:alert('case')">archiwum materiałów</a> obejmuje także poprzednie lata działalności stowarzyszenia.</p>
<p>Szczegółowy program konferencji przygotowano w dwóch językach, a <a href="data:text/html,&lt;script&gt;alert('data')&lt;/script&gt;">wersja do druku</a> zostanie rozesłana uczestnikom.</p>
<p>Na zdjęciu <img src="nie-ma-takiego.png" onerror="alert('img')" alt="uczestnicy spotkania"> widać uczestników, a <a href="vbscript:msgbox('vb')">podpis</a> wymienia ich nazwiska i firmy.</p>
<p>Więcej informacji o klastrze można znaleźć <base href="http://evil.invalid/"><a href="https://wkb.example/o-klastrze">na stronie klastra</a> oraz w materiałach prasowych z ubiegłego roku.</p>
</article></body></html>`

// TestNoScriptFromSourceLinks builds the hostile article in Polish,
// Russian and English and opens every page in headless Chromium: every
// link must be http or https as Chromium reads it, and after clicking any
// other and waiting for images no dialog may open. The source page itself
// must open dialogs, so the test can fail.
func TestNoScriptFromSourceLinks(t *testing.T) {
	ctx := browsertest.Start(t)
	files := buildHostile(t)
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "source.html"), []byte(hostilePage), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	dialogs := watchDialogs(ctx)

	if odd, n := clickEverything(t, ctx, srv.URL+"/source.html", dialogs); n == 0 || len(odd) == 0 {
		t.Fatalf("the source page opened %d dialogs from %q: the harness cannot see one", n, odd)
	}
	for _, lang := range []string{"pl", "ru", "en"} {
		for _, p := range []string{lang + "/linki/index.html", lang + "/linki/parallel.html"} {
			if _, ok := files[p]; !ok {
				if lang == "pl" && strings.HasSuffix(p, "parallel.html") {
					continue // the Polish has no parallel page
				}
				t.Fatalf("no page %s", p)
			}
			if odd, n := clickEverything(t, ctx, srv.URL+"/"+p, dialogs); n > 0 || len(odd) > 0 {
				t.Errorf("%s: %d dialogs opened; links that are not http(s): %q", p, n, odd)
			}
		}
	}
}

// buildHostile extracts the hostile page and builds it with complete
// Russian and English translations that keep every placeholder.
func buildHostile(t *testing.T) map[string][]byte {
	t.Helper()
	a, err := extract.HTML(hostilePage, extract.Options{Lang: "pl"})
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New("pl", nil)
	if err != nil {
		t.Fatal(err)
	}
	seg.Article(a)
	a.Slug = "linki"
	links := 0
	for _, b := range a.Blocks {
		for _, tag := range b.Tags {
			if tag.Name == "a" {
				links++
			}
		}
	}
	if links < 8 {
		t.Fatalf("the extractor kept %d of the page's links; the test needs them all", links)
	}
	units := catalog.AssignIDs(nil, catalog.SourceUnits(a))
	src := &catalog.File{Path: "locales/pl/linki.toml", IsSource: true, Units: units}
	targets := map[string]*catalog.File{}
	for _, lang := range []string{"ru", "en"} {
		f := &catalog.File{Path: "locales/" + lang + "/linki.toml"}
		for _, u := range units {
			f.Units = append(f.Units, catalog.Unit{ID: u.ID, Source: u.Source, Translation: strings.ToUpper(lang) + " " + u.Source, Status: catalog.Translated})
		}
		targets[lang] = f
	}
	cfg := testConfig(t, DefaultRules())
	cfg.Targets = []string{"ru", "en"}
	out, err := BuildArticle(Input{Article: a, Source: src, Targets: targets, Updated: time.Now()}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Problems) > 0 {
		t.Fatalf("problems: %v", out.Problems)
	}
	return out.Files
}

// watchDialogs accepts every JavaScript dialog the tab opens and counts
// them.
func watchDialogs(ctx context.Context) *dialogCount {
	d := &dialogCount{}
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			d.add(ev.Message)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return d
}

type dialogCount struct {
	mu       sync.Mutex
	messages []string
}

func (d *dialogCount) add(m string) {
	d.mu.Lock()
	d.messages = append(d.messages, m)
	d.mu.Unlock()
}

func (d *dialogCount) n() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.messages)
}

// clickEverything opens a page and lets its images load, then reads
// every link's address as Chromium parses it and clicks each that is not
// http or https. It returns those addresses and how many dialogs opened.
func clickEverything(t *testing.T, ctx context.Context, url string, d *dialogCount) ([]string, int) {
	t.Helper()
	before := d.n()
	// A dialog the previous page opened may still be closing, and a
	// navigation started then is aborted: try again a few times.
	var err error
	for try := 0; try < 3; try++ {
		if err = chromedp.Do(ctx, chromedp.Navigate(url), chromedp.Sleep(100*time.Millisecond)); err == nil || !strings.Contains(err.Error(), "ERR_ABORTED") {
			break
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	odd, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const odd = [];
		for (const a of document.querySelectorAll('a[href]')) {
			const p = new URL(a.href, location.href).protocol;
			if (p !== 'http:' && p !== 'https:') { odd.push(a.href); a.click(); }
		}
		return odd;
	})()`))
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	chromedp.Do(ctx, chromedp.Sleep(100*time.Millisecond))
	return odd, d.n() - before
}
