package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/mosty-dev/mosty/internal/browsertest"
)

// TestBrowserMergeConflict: a segment a git merge left in two versions,
// in Chromium. The start page counts it and its filter finds it, and an
// article is not complete while it lasts; the article page shows their
// version, to take with one click and save, which settles it.
func TestBrowserMergeConflict(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := demoDir(t)
	addKeys(t, dir, "conflict_translation = \"Их версия заголовка.\"\nconflict_status = \"reviewed\"\n")
	base := liveServer(t, dir)

	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/?token="+testToken+"&ui=en")), "opening the start page")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 1`, "the article is listed")
	if got := eval[string](t, ctx, `document.querySelector('#rows .tag.conflicts').textContent + '|' + document.querySelector('#totals .tag.conflicts').textContent`); got != "1 merge conflict|1 merge conflict" {
		t.Errorf("conflict tags: %q", got)
	}
	// Not done, in the article's row and in the totals alike.
	if got := eval[string](t, ctx, `document.querySelector('#rows .pct, #rows strong').textContent + '|' + document.querySelector('#totals .pct').textContent`); got != "41.3%|41.3%" {
		t.Errorf("done: %q", got)
	}
	must(t, chromedp.Do(ctx, chromedp.SetValue("#f-status", "conflicts"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-status').dispatchEvent(new Event('change'))`)), "filtering by conflicts")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 1`, "the filter keeps the article")
	screenshot(t, ctx, "merge-conflict-start", "")

	must(t, chromedp.Do(ctx, chromedp.Click(`a.go[href$="/ru"]`)), "following the link")
	poll(t, ctx, `!!document.querySelector('.seg .box.conflict')`, "their version is shown")
	id := eval[string](t, ctx, `document.querySelector('.seg .box.conflict').closest('.seg').dataset.id`)
	if got := eval[string](t, ctx, `document.querySelector('#seg-`+id+` .box.conflict blockquote').textContent`); got != "Их версия заголовка." {
		t.Errorf("their version: %q", got)
	}
	screenshot(t, ctx, "merge-conflict-segment", "#seg-"+id)
	must(t, chromedp.Do(ctx, chromedp.Click(`#seg-`+id+` .box.conflict button`),
		chromedp.Focus("#seg-"+id+" textarea"), chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl))), "taking their version and saving")
	poll(t, ctx, `!document.querySelector('#seg-`+id+` .box.conflict')`, "the conflict is settled")
	data := readLocale(t, dir, "ru")
	if strings.Contains(data, "conflict_") || !strings.Contains(data, `translation = "Их версия заголовка."`) {
		t.Errorf("the file after the save:\n%s", data)
	}

	must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/?ui=en")), "back to the start page")
	poll(t, ctx, `document.querySelectorAll('#rows tr').length === 1`, "the article is listed")
	if eval[bool](t, ctx, `!!document.querySelector('.tag.conflicts')`) {
		t.Errorf("a conflict tag is left")
	}
}
