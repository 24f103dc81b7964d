package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/mosty-dev/mosty/internal/browsertest"
)

// liveServer serves dir on a loopback port until the test ends.
func liveServer(t *testing.T, dir string) (base string) {
	return liveServerWith(t, dir, Options{})
}

// liveServerWith is liveServer with options besides the address and the
// token.
func liveServerWith(t *testing.T, dir string, opts Options) (base string) {
	t.Helper()
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	opts.Addr, opts.Token = l.Addr().String(), testToken
	s, err := New(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, l, s) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutting down: %v", err)
		}
	})
	return "http://" + l.Addr().String()
}

// screenshot saves the whole page to $MOSTY_SCREENSHOTS, when set; with
// focus, the window's view of that element instead.
func screenshot(t *testing.T, ctx context.Context, name, focus string) {
	dir := os.Getenv("MOSTY_SCREENSHOTS")
	if dir == "" {
		return
	}
	shot := chromedp.FullScreenshot(100)
	scroll := `window.scrollTo(0, 0)`
	if focus != "" {
		shot = chromedp.CaptureScreenshot()
		scroll = `document.querySelector('` + focus + `').scrollIntoView({block: 'center'})`
	}
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](scroll), chromedp.Sleep(400*time.Millisecond)), "scrolling")
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "serve-"+name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

func must(t *testing.T, err error, doing string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", doing, err)
	}
}

// poll waits for a JavaScript condition, failing the test with what. It
// asks again after errors too: a page being navigated away from has no
// context to evaluate in for a moment.
func poll(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting until %s (%s): %v", what, cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// TestBrowser is a translator's and a reviewer's session in Chromium:
// the start page, an article, a translation saved with Ctrl+Enter and the
// next unfinished segment focused, a placeholder inserted with Ctrl+., a
// conflict with an edit made underneath, a review — each checked in the
// TOML file — and screenshots in Polish and Russian.
func TestBrowser(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := demoDir(t)
	base := liveServer(t, dir)
	ctrl := chromedp.KeyModifiers(chromedp.ModifierCtrl)

	// The start page, in Polish.
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/?token="+testToken+"&ui=pl")), "opening the start page")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 1`, "the article is listed")
	if got := eval[string](t, ctx, `document.querySelector('#rows').innerText`); !strings.Contains(got, "44,4%") || !strings.Contains(got, "nowe: 7") {
		t.Errorf("start page row: %q", got)
	}
	if got := eval[string](t, ctx, `location.search`); strings.Contains(got, "token") {
		t.Errorf("the token stays in the address: %s", got)
	}
	screenshot(t, ctx, "start-pl", "")

	// The filters: nothing is complete in both languages.
	must(t, chromedp.Do(ctx, chromedp.SetValue("#f-status", "complete"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-status').dispatchEvent(new Event('change'))`)), "filtering")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 0`, "the filter hides the article")
	must(t, chromedp.Do(ctx, chromedp.SetValue("#f-status", ""), chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-status').dispatchEvent(new Event('change'))`)), "filtering")

	// To the article in Russian; the first unfinished segment has the focus.
	must(t, chromedp.Do(ctx, chromedp.Click(`a.go[href$="/ru"]`)), "following the link")
	poll(t, ctx, `document.querySelectorAll('.seg textarea').length === 14`, "the segments are shown")
	first := eval[string](t, ctx, `document.activeElement.closest('.seg').dataset.id`)
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll('.seg')].map(li => li.dataset.id)`)
	if first != ids[7] {
		t.Errorf("focus on %s, want the first unfinished %s", first, ids[7])
	}
	screenshot(t, ctx, "article-pl", "")

	// Type a translation, Ctrl+Enter: saved, and the next one has the focus.
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("Пробный перевод."), chromedp.KeyEvent("\r", ctrl)), "typing")
	poll(t, ctx, `document.activeElement.closest('.seg') && document.activeElement.closest('.seg').dataset.id === '`+ids[8]+`'`, "the next segment has the focus")
	poll(t, ctx, `document.querySelector('#seg-`+ids[7]+`').classList.contains('st-translated')`, "the segment is marked translated")
	if data := readLocale(t, dir, "ru"); !strings.Contains(data, "translation = \"Пробный перевод.\"\nstatus = \"translated\"") {
		t.Errorf("the translation is not in the file")
	}

	// A placeholder inserted with Ctrl+. around what is typed next.
	link := ids[3]
	must(t, chromedp.Do(ctx, chromedp.Focus("#seg-"+link+" textarea"), chromedp.KeyEvent("a", ctrl),
		chromedp.KeyEvent("Визит организовал "), chromedp.KeyEvent(".", ctrl), chromedp.KeyEvent("фонд"),
		chromedp.KeyEvent(".", ctrl), chromedp.KeyEvent(".")), "typing with a placeholder")
	if got := eval[string](t, ctx, `document.querySelector('#seg-`+link+` textarea').value`); got != "Визит организовал <1>фонд</1>." {
		t.Fatalf("textarea: %q", got)
	}
	if title := eval[string](t, ctx, `document.querySelector('#seg-`+link+` .chip').title`); title != "http://www.pfrr.pl/" {
		t.Errorf("the link chip shows %q on hover", title)
	}
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("\r", ctrl)), "saving")
	poll(t, ctx, `document.querySelector('#seg-`+link+` .msg').textContent === 'Zapisano'`, "saved")
	if data := readLocale(t, dir, "ru"); !strings.Contains(data, `translation = "Визит организовал <1>фонд</1>."`) {
		t.Errorf("the placeholder translation is not in the file")
	}

	// Someone changes a segment in the file; saving over it shows the conflict.
	target := ids[9]
	path := filepath.Join(dir, "locales", "ru", testSlug+".toml")
	data := readLocale(t, dir, "ru")
	at := strings.Index(data, `id = "`+target+`"`)
	end := at + strings.Index(data[at:], `translation = ""`)
	writeTestFile(t, path, data[:end]+`translation = "Правка из git <img src=x onerror=window.__pwned=1>"`+data[end+len(`translation = ""`):])
	must(t, chromedp.Do(ctx, chromedp.Focus("#seg-"+target+" textarea"), chromedp.KeyEvent("Моя версия."), chromedp.KeyEvent("\r", ctrl)), "saving over an edit")
	poll(t, ctx, `!!document.querySelector('#seg-`+target+` .box.conflict')`, "the conflict is shown")
	if got := eval[string](t, ctx, `document.querySelector('#seg-`+target+` .box.conflict blockquote').textContent`); !strings.Contains(got, "Правка из git <img") {
		t.Errorf("conflict shows %q", got)
	}
	screenshot(t, ctx, "conflict-pl", "#seg-"+target)
	if !strings.Contains(readLocale(t, dir, "ru"), "Правка из git") {
		t.Errorf("the conflicting save overwrote the edit")
	}
	must(t, chromedp.Do(ctx, chromedp.Click("#seg-"+target+" .box.conflict button.keep")), "keeping mine")
	poll(t, ctx, `document.querySelector('#seg-`+target+`').classList.contains('st-translated')`, "mine saved knowingly")
	if !strings.Contains(readLocale(t, dir, "ru"), `translation = "Моя версия."`) {
		t.Errorf("keeping mine did not save it")
	}

	// A reviewer gives a name once and marks a segment reviewed.
	must(t, chromedp.Do(ctx, chromedp.SetValue("#name", "Boris"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#name').dispatchEvent(new Event('change'))`),
		chromedp.Focus("#seg-"+ids[0]+" textarea"), chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))), "reviewing")
	poll(t, ctx, `document.querySelector('#seg-`+ids[0]+`').classList.contains('st-reviewed')`, "marked reviewed")
	if data := readLocale(t, dir, "ru"); !strings.Contains(data, `reviewer = "Boris"`) || !strings.Contains(data, `status = "reviewed"`) {
		t.Errorf("the review is not in the file")
	}
	if eval[bool](t, ctx, `window.__pwned === 1`) {
		t.Errorf("text from the file ran script")
	}

	// The same pages in Russian, and the name remembered.
	must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"+testSlug+"/ru?ui=ru")), "reloading in Russian")
	poll(t, ctx, `document.querySelectorAll('.seg textarea').length === 14`, "the segments are shown")
	if got := eval[string](t, ctx, `document.querySelector('#name').value + '|' + document.querySelector('#progress').textContent`); got != "Boris|Готово сегментов: 9 из 14" {
		t.Errorf("name and progress: %q", got)
	}
	screenshot(t, ctx, "article-ru", "")
	must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/")), "the start page in Russian")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 1`, "the article is listed")
	if got := eval[string](t, ctx, `document.documentElement.lang + '|' + document.querySelector('h1').textContent`); got != "ru|Переводы" {
		t.Errorf("Russian start page: %q", got)
	}
	screenshot(t, ctx, "start-ru", "")
}

// TestBrowserPages: an archive larger than a page is listed a page at a
// time; the pager moves through it, and a filter starts again at page 1.
func TestBrowserPages(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := archiveDir(t, defaultPerPage+5)
	base := liveServer(t, dir)
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/?token="+testToken+"&ui=en")), "opening the start page")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 50`, "the first page lists 50 articles")
	if got := eval[string](t, ctx, `document.querySelector('#count').innerText + ' | ' + document.querySelector('#page').innerText`); got != "55 articles | Page 1 of 2" {
		t.Errorf("count and page: %q", got)
	}
	if !eval[bool](t, ctx, `document.querySelector('#prev').disabled && !document.querySelector('#pager').hidden`) {
		t.Error("on page 1 the pager is hidden or Previous is enabled")
	}
	screenshot(t, ctx, "pager", "#pager")
	must(t, chromedp.Do(ctx, chromedp.Click(`#next`)), "going to page 2")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 5`, "page 2 lists the last 5")
	if got := eval[string](t, ctx, `document.querySelector('#rows tr td.title a').innerText + ' | ' + document.querySelector('#page').innerText`); got != "Artykuł numer 51 | Page 2 of 2" {
		t.Errorf("page 2 starts with %q", got)
	}
	if !eval[bool](t, ctx, `document.querySelector('#next').disabled`) {
		t.Error("on the last page Next is enabled")
	}
	// Russian done: every third article, 18 of them, on one page.
	must(t, chromedp.Do(ctx, chromedp.SetValue("#f-lang", "ru"), chromedp.SetValue("#f-status", "complete"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-status').dispatchEvent(new Event('change'))`)), "filtering")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 18`, "the filter keeps 18 articles")
	if !eval[bool](t, ctx, `document.querySelector('#pager').hidden`) {
		t.Error("the pager shows for one page")
	}
	want := fmt.Sprintf("%.1f%%", newTestServer(t, dir).list(t, "").Totals["ru"].Percent)
	if got := eval[string](t, ctx, `document.querySelector('#totals').innerText`); !strings.Contains(got, want) {
		t.Errorf("the totals are not the archive's (%s): %q", want, got)
	}
	screenshot(t, ctx, "pages", "")
}

// TestBrowserReadsArchive: while the server reads an archive too large
// for one answer, the start page says how far it got and asks again until
// every article is listed.
func TestBrowserReadsArchive(t *testing.T) {
	ctx := browsertest.Start(t)
	n := lineBatch + 20
	base := liveServerWith(t, archiveDir(t, n), Options{ListBudget: time.Nanosecond})
	// Every text the count shows is recorded from the start.
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.counts = [];
		document.addEventListener('DOMContentLoaded', () => new MutationObserver(() => window.counts.push(document.querySelector('#count').innerText))
			.observe(document.querySelector('#count'), {childList: true, characterData: true, subtree: true}));`})
	must(t, err, "recording the count")
	must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?token="+testToken+"&ui=en")), "opening the start page")
	want := fmt.Sprintf("%d articles", n)
	poll(t, ctx, `document.querySelector('#count').innerText === '`+want+`'`, "every article is listed")
	counts := eval[[]string](t, ctx, `window.counts`)
	reading := fmt.Sprintf("Reading the archive: %d of %d articles…", lineBatch, n)
	if !slices.Contains(counts, reading) {
		t.Errorf("the page showed %q, never %q", counts, reading)
	}
}
