package site

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
)

func TestChoose(t *testing.T) {
	tr := &catalog.Unit{Translation: "T", Status: catalog.Translated}
	rev := &catalog.Unit{Translation: "T", Status: catalog.Reviewed}
	stale := &catalog.Unit{Translation: "T", Status: catalog.Fuzzy, PreviousSource: "old"}
	prefilled := &catalog.Unit{Translation: "T", Status: catalog.Fuzzy}
	empty := &catalog.Unit{Status: catalog.Translated}
	tests := []struct {
		name  string
		fuzzy string
		u     *catalog.Unit
		want  choice
	}{
		{"no unit", "previous", nil, showMissing},
		{"translated", "previous", tr, showTranslation},
		{"reviewed", "missing", rev, showTranslation},
		{"marked translated but empty", "publish", empty, showMissing},
		{"stale, previous", "previous", stale, showPrevious},
		{"stale, publish", "publish", stale, showTranslation},
		{"stale, missing", "missing", stale, showMissing},
		{"pre-filled, previous", "previous", prefilled, showMissing},
		{"pre-filled, publish", "publish", prefilled, showTranslation},
		{"new", "publish", &catalog.Unit{Status: catalog.New}, showMissing},
	}
	for _, tt := range tests {
		r := DefaultRules()
		r.Fuzzy = tt.fuzzy
		if got := r.choose(tt.u); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRulesCheck(t *testing.T) {
	for _, r := range []Rules{{MinCoverage: 101, Missing: "fallback", Fuzzy: "previous"},
		{MinCoverage: 50, Missing: "hide", Fuzzy: "previous"}, {MinCoverage: 50, Missing: "withhold", Fuzzy: "maybe"}} {
		if r.Check() == nil {
			t.Errorf("%+v passed the check", r)
		}
	}
	if err := DefaultRules().Check(); err != nil {
		t.Error(err)
	}
}

// testArticle is a title and one paragraph of two sentences, the second
// with a link, with its source file's units.
func testArticle() (*article.Article, *catalog.File) {
	a := &article.Article{Slug: "a", Title: "Tytuł", Date: time.Date(2017, 12, 13, 0, 0, 0, 0, time.UTC), Blocks: []article.Block{
		{Kind: article.KindTitle, Element: "h1", Text: "Tytuł", Owner: -1, Segments: []article.Segment{{Text: "Tytuł", End: 6}}},
		{Kind: article.KindParagraph, Element: "p", Text: "Jedno zdanie. Drugie z <1>linkiem</1>.", Owner: -1,
			Tags:     []article.Tag{{Name: "a", Attrs: []article.Attr{{Key: "href", Val: "/x"}, {Key: "onclick", Val: "evil()"}}}},
			Segments: []article.Segment{{Text: "Jedno zdanie.", End: 13}, {Text: "Drugie z <1>linkiem</1>.", Index: 1, Start: 14, End: 38}}},
	}}
	src := &catalog.File{Path: "locales/pl/a.toml", IsSource: true, Units: []catalog.Unit{
		{ID: "t", Source: "Tytuł"}, {ID: "s1", Source: "Jedno zdanie."}, {ID: "s2", Source: "Drugie z <1>linkiem</1>."}}}
	return a, src
}

func testConfig(t *testing.T, rules Rules) Config {
	t.Helper()
	tmpl, err := render.LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	b, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	return Config{SiteName: "Klaster", BaseURL: "https://example.org/", SourceLang: "pl", Targets: []string{"en"}, Rules: rules, Templates: tmpl, Bundle: b}
}

func TestBuildArticleRules(t *testing.T) {
	a, src := testArticle()
	units := func(s2 catalog.Unit) *catalog.File {
		s2.ID = "s2"
		if s2.Source == "" {
			s2.Source = src.Units[2].Source // translated from the current Polish
		}
		return &catalog.File{Units: []catalog.Unit{
			{ID: "t", Source: "Tytuł", Translation: "Title", Status: catalog.Reviewed},
			{ID: "s1", Source: "Jedno zdanie.", Translation: "One sentence.", Status: catalog.Translated}, s2}}
	}
	conflicted := catalog.Unit{Translation: "Second with a <1>link</1>.", Status: catalog.Translated,
		Extra: map[string]any{catalog.KeyConflictTranslation: "The second, <1>linked</1>.", catalog.KeyConflictStatus: "reviewed"}}
	tests := []struct {
		name      string
		rules     func(*Rules)
		s2        catalog.Unit
		published bool
		contains  []string
		problems  int
	}{
		{"complete", nil, catalog.Unit{Translation: "Second with a <1>link</1>.", Status: catalog.Translated}, true,
			[]string{`<a href="/x">link</a>`, "One sentence."}, 0},
		{"missing under 100%", nil, catalog.Unit{Status: catalog.New}, false, nil, 0},
		{"missing, published at 40% with the Polish", func(r *Rules) { r.MinCoverage = 40 }, catalog.Unit{Status: catalog.New}, true,
			[]string{`<span class="fallback" lang="pl"`, "Translation in progress"}, 0},
		{"missing, withheld", func(r *Rules) { r.MinCoverage = 40; r.Missing = "withhold" }, catalog.Unit{Status: catalog.New}, false, nil, 0},
		{"Polish changed: earlier translation with a note", nil,
			catalog.Unit{Translation: "Second with a <1>link</1>.", Status: catalog.Fuzzy, PreviousSource: "Drugie z <1>odnośnikiem</1>."}, true,
			[]string{"The Polish text was updated on 26 November 2026", `<a href="/x">link</a>`}, 0},
		{"translation of other Polish, previous", nil,
			catalog.Unit{Source: "Drugie z <1>odnośnikiem</1>.", Translation: "Second with a <1>reference</1>.", Status: catalog.Translated}, true,
			[]string{"The Polish text was updated on 26 November 2026", `<a href="/x">reference</a>`}, 0},
		{"translation of other Polish, missing", func(r *Rules) { r.Fuzzy = "missing" },
			catalog.Unit{Source: "Drugie z <1>odnośnikiem</1>.", Translation: "Second with a <1>reference</1>.", Status: catalog.Reviewed}, false, nil, 0},
		{"broken placeholder, fallback", func(r *Rules) { r.MinCoverage = 40 }, catalog.Unit{Translation: "Second with a link.", Status: catalog.Translated}, true,
			[]string{`<span class="fallback" lang="pl"`}, 1},
		{"broken placeholder, withhold: an error", func(r *Rules) { r.Missing = "withhold" }, catalog.Unit{Translation: "Second <2/>.", Status: catalog.Translated}, false, nil, 1},
		{"conflicted: not published as settled", nil, conflicted, false, nil, 1},
		{"conflicted, published at 40% with the Polish", func(r *Rules) { r.MinCoverage = 40 }, conflicted, true,
			[]string{`<span class="fallback" lang="pl"`}, 1},
		{"conflicted, withhold: an error", func(r *Rules) { r.Missing = "withhold" }, conflicted, false, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := DefaultRules()
			if tt.rules != nil {
				tt.rules(&rules)
			}
			in := Input{Article: a, Source: src, Targets: map[string]*catalog.File{"en": units(tt.s2)},
				Updated: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
			out, err := BuildArticle(in, testConfig(t, rules))
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Problems) != tt.problems {
				t.Errorf("problems %v, want %d", out.Problems, tt.problems)
			}
			if out.Versions[1].Published != tt.published {
				t.Errorf("published %v, want %v (%+v)", out.Versions[1].Published, tt.published, out.Versions[1])
			}
			// A build that keeps only the versions knows the files from them.
			var files []string
			for _, v := range out.Versions {
				if !slices.ContainsFunc(out.Problems, func(p Problem) bool { return !p.Warning }) {
					files = append(files, v.Files("pl")...)
				}
			}
			slices.Sort(files)
			if got := slices.Sorted(maps.Keys(out.Files)); !slices.Equal(got, files) {
				t.Errorf("files %v, the versions say %v", got, files)
			}
			page := string(out.Files["en/a/index.html"])
			for _, want := range tt.contains {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if strings.Contains(page, "onclick") || strings.Contains(string(out.Files["pl/a/index.html"]), "onclick") {
				t.Error("an event handler attribute of the source got onto a page")
			}
		})
	}
}
