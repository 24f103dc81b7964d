package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

func TestWordDiff(t *testing.T) {
	for _, c := range []struct {
		name, old, new string
		want           []diffPart
	}{
		{"same", "Ala ma kota.", "Ala ma kota.", []diffPart{{"=", "Ala ma kota."}}},
		{"word added", "Ala ma kota.", "Ala ma dwa koty.", []diffPart{{"=", "Ala ma "}, {"-", "kota."}, {"+", "dwa koty."}}},
		{"word removed", "Rozmawiano o projektach budowlanych.", "Rozmawiano o projektach.",
			[]diffPart{{"=", "Rozmawiano o "}, {"-", "projektach budowlanych."}, {"+", "projektach."}}},
		{"from nothing", "", "Nowe.", []diffPart{{"+", "Nowe."}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := cmp.Diff(c.want, wordDiff(c.old, c.new)); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	tags := []article.Tag{
		{Name: "a", Attrs: []article.Attr{{Key: "href", Val: "https://pfrr.pl/"}}},
		{Name: "img", Attrs: []article.Attr{{Key: "src", Val: "a.png"}, {Key: "alt", Val: "Logo"}}, Empty: true},
		{Name: "strong"},
	}
	got := placeholders("Zob. <1>stronę</1> <2/> i <3>to</3>, <4>nieznane</4>.", tags)
	want := []placeholder{
		{N: 1, Pair: true, Tag: "a", Kind: "link", Title: "https://pfrr.pl/"},
		{N: 2, Tag: "img", Kind: "image", Title: "Logo"},
		{N: 3, Pair: true, Tag: "strong", Kind: "bold"},
		{N: 4, Pair: true, Kind: "other"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestHostCheck(t *testing.T) {
	for _, c := range []struct {
		name, bound, host string
		ok                bool
	}{
		{"bound address", "127.0.0.1:7777", "127.0.0.1:7777", true},
		{"localhost", "127.0.0.1:7777", "localhost:7777", true},
		{"LOCALHOST", "127.0.0.1:7777", "LOCALHOST:7777", true},
		{"IPv6 loopback", "127.0.0.1:7777", "[::1]:7777", true},
		{"another port", "127.0.0.1:7777", "localhost:8080", false},
		{"no port", "127.0.0.1:7777", "localhost", false},
		{"a rebound name", "127.0.0.1:7777", "attacker.example:7777", false},
		{"another IP on loopback bind", "127.0.0.1:7777", "192.168.1.5:7777", false},
		{"LAN: an IP", "0.0.0.0:7777", "192.168.1.5:7777", true},
		{"LAN: a rebound name", "0.0.0.0:7777", "attacker.example:7777", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, err := newHostCheck(c.bound)
			if err != nil {
				t.Fatal(err)
			}
			if got := h.allowed(c.host); got != c.ok {
				t.Errorf("Host %q on %s: %v, want %v", c.host, c.bound, got, c.ok)
			}
		})
	}
}

func TestUILanguage(t *testing.T) {
	u, err := loadUI()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, query, cookie, accept, want string
	}{
		{"default", "", "", "", "en"},
		{"Polish browser", "", "", "pl-PL,pl;q=0.9,en;q=0.5", "pl"},
		{"Russian browser", "", "", "ru-RU,ru;q=0.9", "ru"},
		{"Belarusian browser reads Russian", "", "", "be,ru;q=0.8", "ru"},
		{"unknown language", "", "", "ja", "en"},
		{"cookie wins over the browser", "", "ru", "pl", "ru"},
		{"switch wins over the cookie", "pl", "ru", "en", "pl"},
		{"bad switch", "xx", "", "ru", "ru"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/?ui="+c.query, nil)
			if c.cookie != "" {
				r.AddCookie(&http.Cookie{Name: uiCookie, Value: c.cookie})
			}
			r.Header.Set("Accept-Language", c.accept)
			if got := u.choose(httptest.NewRecorder(), r); got != c.want {
				t.Errorf("%s, want %s", got, c.want)
			}
		})
	}
}

// TestUIStrings: every language has every message the pages use.
func TestUIStrings(t *testing.T) {
	u, err := loadUI()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range uiLangs {
		for id := range u.forms["en"] {
			if u.forms[l][id]["other"] == "" {
				t.Errorf("%s lacks %s", l, id)
			}
		}
	}
	for _, l := range []string{"pl", "ru"} {
		for _, id := range []string{"ArticlesCount", "ProblemsCount", "ConflictsCount"} {
			if f := u.forms[l][id]; f["one"] == "" || f["few"] == "" || f["many"] == "" {
				t.Errorf("%s %s lacks a plural form: %v", l, id, f)
			}
		}
	}
}

func TestRev(t *testing.T) {
	a := catalog.Unit{Translation: "x", Status: catalog.Fuzzy}
	b := a
	b.Status = catalog.Translated
	c := a
	c.Translation = "y"
	if rev(a) == rev(b) || rev(a) == rev(c) || rev(a) != rev(catalog.Unit{Translation: "x", Status: catalog.Fuzzy}) || len(rev(a)) != 12 || strings.Trim(rev(a), "0123456789abcdef") != "" {
		t.Errorf("revs %s %s %s", rev(a), rev(b), rev(c))
	}
}

// FuzzSave: whatever a client sends as a save, the server answers
// without a 5xx and the file it writes reads back — a valid locale file,
// the saved segment with the translation and status asked for, every
// other segment as it was.
//
// It drives a save as putSegment does (decodeSave, saveIn under the lock,
// answerSave), each input on the same file's bytes in memory. What the
// handler adds is disk work: the workspace lock, reading the file and
// the article's context again, the synced atomic write — some 10 ms a
// request, which left the fuzzer a few inputs a second, all spent
// minimizing; the handler tests (TestRoutes, TestSaveChangesOneTable,
// TestConcurrentSaves) and bench/killloop cover it.
func FuzzSave(f *testing.F) {
	f.Add(`{"translation": "Тест <1>a</1>.", "status": "translated", "rev": ""}`)
	f.Add(`{"translation": "\"\\\n\u0000", "status": "fuzzy", "rev": "", "name": "A\nB"}`)
	f.Add(`{"translation": "x", "status": "reviewed", "rev": null}`)
	f.Add(`{"translation": "a'''b\"\"\"c # d", "status": "fuzzy", "rev": "", "name": "Anna"}`)
	f.Add(`[1, 2]`)
	dir := demoDir(f)
	s := newTestServer(f, dir)
	seg := s.article(f, "ru").Segments[1]
	orig := []byte(readLocale(f, dir, "ru"))
	before, err := catalog.Parse("ru.toml", orig, false)
	if err != nil {
		f.Fatal(err)
	}
	_, c, err := s.segmentContext(testSlug, "ru")
	if err != nil {
		f.Fatal(err)
	}
	current := rev(catalog.Unit{Translation: seg.Translation, Status: catalog.Status(seg.Status)})
	path := "/api/articles/" + testSlug + "/ru/segments/" + seg.ID
	f.Fuzz(func(t *testing.T, body string) {
		body = strings.ReplaceAll(body, `"rev": ""`, `"rev": "`+current+`"`)
		file, err := catalog.Parse("ru.toml", orig, false)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		req, ok := decodeSave(rec, httptest.NewRequest("PUT", "http://"+testAddr+path, strings.NewReader(body)))
		if ok {
			u, err := s.saveIn(file, seg.ID, req, c)
			s.answerSave(rec, err, u, c)
		}
		if rec.Code >= 500 {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		after, err := catalog.Parse("ru.toml", file.Bytes(), false)
		if err != nil {
			t.Fatalf("after %q: %v", body, err)
		}
		if len(after.Units) != len(before.Units) {
			t.Fatalf("%d segments, was %d", len(after.Units), len(before.Units))
		}
		for i, u := range after.Units {
			want := before.Units[i]
			if u.ID == seg.ID && rec.Code == http.StatusOK {
				want = file.Units[i]
				if u.Translation != *req.Translation || string(u.Status) != req.Status {
					t.Fatalf("saved %q (%s), read back %q (%s)", *req.Translation, req.Status, u.Translation, u.Status)
				}
			}
			if d := cmp.Diff(want, u, cmpopts.IgnoreUnexported(catalog.Unit{})); d != "" {
				t.Fatalf("segment %s after %q (-want +got):\n%s", u.ID, body, d)
			}
		}
	})
}

// TestSegmentTags: a segment's placeholders are numbered from 1, and its
// chips name the block's markup they stand for.
func TestSegmentTags(t *testing.T) {
	a := article.Tag{Name: "a", Attrs: []article.Attr{{Key: "href", Val: "https://pfrr.pl/"}}}
	b := article.Tag{Name: "strong"}
	block := article.Block{Tags: []article.Tag{b, a}}
	for _, c := range []struct {
		name string
		seg  article.Segment
		want []article.Tag
	}{
		{"same numbers as the block", article.Segment{}, []article.Tag{b, a}},
		{"the block's second is the segment's first", article.Segment{Tags: []int{2}}, []article.Tag{a}},
		{"a number the block lacks", article.Segment{Tags: []int{5}}, []article.Tag{{}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := cmp.Diff(c.want, segmentTags(block, c.seg)); d != "" {
				t.Error(d)
			}
		})
	}
}
