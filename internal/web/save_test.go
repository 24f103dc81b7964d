package web

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// TestSaveChangesOneTable: a save rewrites only that segment's table;
// the header, every other table, the translator's comments and keys stay
// byte for byte.
func TestSaveChangesOneTable(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	before := readLocale(t, dir, "ru")
	a := s.article(t, "ru")
	last := a.Segments[len(a.Segments)-1]
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + last.ID, body: saveBody("Перевод с \"кавычками\".", "translated", last.Rev)})
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	after := readLocale(t, dir, "ru")
	i := strings.LastIndex(before, "# check with Anna")
	if before[:i] != after[:i] {
		t.Errorf("bytes before the saved segment changed")
	}
	table := after[i:]
	for _, want := range []string{"# check with Anna\n", `translation = "Перевод с \"кавычками\"."`, `status = "translated"`,
		`note = "mine"`, `translator = "Anna"`, "translated_at = 2026-12-01T10:30:00Z", "id = \"" + last.ID + "\""} {
		if !strings.Contains(table, want) {
			t.Errorf("the saved table lacks %q:\n%s", want, table)
		}
	}
	if _, err := catalog.Parse("ru.toml", []byte(after), false); err != nil {
		t.Errorf("the file does not parse: %v", err)
	}
}

// TestSaveInTheMiddle: the tables before and after a saved segment keep
// every byte.
func TestSaveInTheMiddle(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	before := readLocale(t, dir, "ru")
	seg := s.article(t, "ru").Segments[8]
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody("Середина.", "fuzzy", seg.Rev)})
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	after := readLocale(t, dir, "ru")
	at := strings.Index(before, `id = "`+seg.ID+`"`)
	start := strings.LastIndex(before[:at], "[[segment]]")
	end := at + strings.Index(before[at:], "[[segment]]")
	if !strings.HasPrefix(after, before[:start]) || !strings.HasSuffix(after, before[end:]) {
		t.Errorf("bytes outside the saved table changed:\n%s", after)
	}
	if mid := after[start : len(after)-len(before)+end]; !strings.Contains(mid, `translation = "Середина."`) || strings.Count(mid, "[[segment]]") != 1 {
		t.Errorf("the saved table:\n%s", mid)
	}
}

// TestExternalEdit: an edit made outside while the server runs is what
// the next GET returns, and a save over the old version is refused with
// the current segment, writing nothing.
func TestExternalEdit(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	a := s.article(t, "ru")
	seg := a.Segments[0]
	path := filepath.Join(dir, "locales", "ru", testSlug+".toml")
	edited := strings.Replace(readLocale(t, dir, "ru"), seg.Translation, "Изменено в редакторе.", 1)
	writeTestFile(t, path, edited)

	now := s.article(t, "ru").Segments[0]
	if now.Translation != "Изменено в редакторе." || now.Rev == seg.Rev {
		t.Fatalf("after the edit GET gives %q rev %s (was %s)", now.Translation, now.Rev, seg.Rev)
	}
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody("Моё.", "translated", seg.Rev)})
	if rec.Code != http.StatusConflict {
		t.Fatalf("stale save: %d %s", rec.Code, rec.Body)
	}
	got := decode[apiError](t, rec)
	if got.Segment == nil || got.Segment.Translation != "Изменено в редакторе." || got.Segment.Rev != now.Rev {
		t.Errorf("409 gives %+v", got.Segment)
	}
	if readLocale(t, dir, "ru") != edited {
		t.Errorf("a refused save wrote the file")
	}
	// With the current rev, the save goes through.
	rec = s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody("Моё.", "translated", now.Rev)})
	if rec.Code != http.StatusOK || !strings.Contains(readLocale(t, dir, "ru"), `translation = "Моё."`) {
		t.Errorf("save with the current rev: %d %s", rec.Code, rec.Body)
	}
}

// TestReview: a reviewer's save keeps the translator and adds the
// reviewer; confirming a fuzzy segment drops previous_source.
func TestReview(t *testing.T) {
	dir := demoDir(t)
	addKeys(t, dir, "previous_source = \"Stary tekst.\"\n")
	s := newTestServer(t, dir)
	seg := s.article(t, "ru").Segments[0]
	if len(seg.PreviousDiff) == 0 {
		t.Fatalf("no diff for previous_source")
	}
	body := strings.Replace(saveBody(seg.Translation, "reviewed", seg.Rev), "Anna", "Boris", 1)
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: body})
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	got := decode[saveResponse](t, rec).Segment
	if got.Status != "reviewed" || got.PreviousSource != "" || got.Keys["reviewer"] != "Boris" || got.Keys["reviewed_at"] != "2026-12-01T10:30:00Z" {
		t.Errorf("reviewed segment: %+v", got)
	}
	if strings.Contains(readLocale(t, dir, "ru"), "Stary tekst") {
		t.Errorf("previous_source kept after the review")
	}
}

// TestSaveSettlesConflict: saving a segment a git merge left in
// conflict removes the other version, even when the text stays: the
// person chose.
func TestSaveSettlesConflict(t *testing.T) {
	dir := demoDir(t)
	addKeys(t, dir, "conflict_translation = \"Их версия.\"\nconflict_status = \"reviewed\"\n")
	s := newTestServer(t, dir)
	seg := s.article(t, "ru").Segments[0]
	if seg.Keys["conflict_translation"] != "Их версия." {
		t.Fatalf("keys %v", seg.Keys)
	}
	if !slices.ContainsFunc(seg.Problems, func(p problem) bool { return p.Check == qa.CheckConflict && p.Severity == "error" }) {
		t.Errorf("the conflict is not among the segment's problems: %v", seg.Problems)
	}
	ru := func() languageSummary {
		return s.list(t, "").Articles[0].Languages["ru"]
	}
	if l := ru(); l.Conflicts != 1 || l.Errors == 0 {
		t.Errorf("the start page's figures: %+v, want 1 conflict, an error", l)
	}
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody(seg.Translation, seg.Status, seg.Rev)})
	if rec.Code != http.StatusOK || strings.Contains(readLocale(t, dir, "ru"), "conflict_") {
		t.Errorf("%d %s\n%s", rec.Code, rec.Body, readLocale(t, dir, "ru"))
	}
	if l := ru(); l.Conflicts != 0 {
		t.Errorf("after the save: %+v, want no conflict", l)
	}
}

// addKeys adds TOML lines to the first segment of the Russian file, as a
// person or another tool would.
func addKeys(t *testing.T, dir, lines string) {
	t.Helper()
	data := readLocale(t, dir, "ru")
	i := strings.Index(data, "[[segment]]\nid = ")
	j := i + 12 + strings.Index(data[i+12:], "\n") + 1 // after the id line
	writeTestFile(t, filepath.Join(dir, "locales", "ru", testSlug+".toml"), data[:j]+lines+data[j:])
}

// TestConcurrentSaves: clients saving different segments of one file at
// once lose nothing.
func TestConcurrentSaves(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	segs := s.article(t, "ru").Segments
	var wg sync.WaitGroup
	for i, seg := range segs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rev := seg.Rev
			for round := range 5 {
				text := fmt.Sprintf("Клиент %d, правка %d.", i, round)
				rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody(text, "fuzzy", rev)})
				if rec.Code != http.StatusOK {
					t.Errorf("client %d: %d %s", i, rec.Code, rec.Body)
					return
				}
				rev = decode[saveResponse](t, rec).Rev
			}
		}()
	}
	wg.Wait()
	data := readLocale(t, dir, "ru")
	for i := range segs {
		if !strings.Contains(data, fmt.Sprintf("Клиент %d, правка 4.", i)) {
			t.Errorf("client %d's last save is not in the file", i)
		}
	}
	if _, err := catalog.Parse("ru.toml", []byte(data), false); err != nil {
		t.Error(err)
	}
}

// TestBusyWorkspace: while another mosty process holds the lock, a save
// waits, then answers 503 without writing.
func TestBusyWorkspace(t *testing.T) {
	dir := demoDir(t)
	s := newTestServer(t, dir)
	seg := s.article(t, "ru").Segments[0]
	other := newTestServer(t, dir) // its own lock, as another process has
	unlock, err := other.store.ws.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	before := readLocale(t, dir, "ru")
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody("x", "fuzzy", seg.Rev)})
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
	if readLocale(t, dir, "ru") != before {
		t.Error("written while locked")
	}
}

// TestMissingTranslatorsFile: an article not synced for a language yet
// shows every segment new; a save says to sync.
func TestMissingTranslatorsFile(t *testing.T) {
	dir := demoDir(t)
	os.Remove(filepath.Join(dir, "locales", "en", testSlug+".toml"))
	s := newTestServer(t, dir)
	a := s.article(t, "en")
	if len(a.Segments) == 0 || a.Segments[0].Status != "new" {
		t.Fatalf("%+v", a.Segments)
	}
	rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/en/segments/" + a.Segments[0].ID, body: saveBody("x", "fuzzy", a.Segments[0].Rev)})
	if rec.Code != http.StatusNotFound {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}

// TestMemoryAndTerms: a segment shows the memory's matches from other
// articles (not itself) with their origin, and the glossary's terms.
func TestMemoryAndTerms(t *testing.T) {
	dir := demoDir(t)
	w, err := workspace.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Another article with the same sentences: another date, or it would
	// be the same article imported again (its title and date).
	kopia := bytes.Replace(demo.Article(), []byte(`<time datetime="2017-12-13">13-12-2017</time>`), []byte(`<time datetime="2018-01-10">10-01-2018</time>`), 1)
	src, err := acquire.FromBytes("kopia.html", "mosty:demo/kopia.html", kopia)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ImportSources([]*acquire.Source{src}); err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, dir)
	var copySlug string
	for _, a := range s.list(t, "").Articles {
		if a.Slug != testSlug {
			copySlug = a.Slug
		}
	}
	rec := s.do(t, request{method: "GET", path: "/api/articles/" + copySlug + "/ru"})
	a := decode[articleJSON](t, rec)
	first := a.Segments[0]
	if len(first.TM) == 0 || first.TM[0].Score != 100 || !strings.HasPrefix(first.TM[0].Origin, testSlug+"/") {
		t.Errorf("memory matches of %q: %+v", first.Source, first.TM)
	}
	for _, m := range s.article(t, "ru").Segments[0].TM {
		if m.Origin == testSlug+"/"+first.ID {
			t.Errorf("a segment is offered its own translation")
		}
	}
	if terms := a.Segments[1].Terms; len(terms) != 1 || terms[0].Target != "Восточный строительный кластер" {
		t.Errorf("terms %+v", terms)
	}
}

// TestAcceptFuzzy: confirming a fuzzy, pre-filled segment as translated
// or reviewed drops previous_source and the memory's keys, as merge does
// (catalog's Accept); saving it as fuzzy keeps them, and the translator's
// own keys stay either way.
func TestAcceptFuzzy(t *testing.T) {
	keys := "previous_source = \"Stary tekst.\"\ntm_match = 100\ntm_origin = \"inny/1\"\ntm_note = \"numbers carried over from the new Polish: check them\"\nmine = \"kept\"\n"
	for _, tt := range []struct {
		status string
		gone   bool
	}{
		{"fuzzy", false},
		{"translated", true},
		{"reviewed", true},
	} {
		t.Run(tt.status, func(t *testing.T) {
			dir := demoDir(t)
			addKeys(t, dir, keys)
			s := newTestServer(t, dir)
			seg := s.article(t, "ru").Segments[0]
			rec := s.do(t, request{method: "PUT", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID, body: saveBody(seg.Translation+" ", tt.status, seg.Rev)})
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body)
			}
			data := readLocale(t, dir, "ru")
			for _, k := range []string{"previous_source", "tm_match", "tm_origin", "tm_note"} {
				if has := strings.Contains(data, "\n"+k+" = "); has == tt.gone {
					t.Errorf("%s in the file: %v, want %v", k, has, !tt.gone)
				}
			}
			if !strings.Contains(data, `mine = "kept"`) {
				t.Errorf("the translator's own key is gone")
			}
		})
	}
}
