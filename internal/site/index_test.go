package site

import (
	"fmt"
	"io"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// testVersions is n articles in Polish and English, one a week back from
// 2018-01-10 (so over two years), in two categories; every third English
// version is unpublished, and the last article is undated.
func testVersions(n int) []Version {
	var vs []Version
	day := time.Date(2018, 1, 10, 0, 0, 0, 0, time.UTC)
	for i := range n {
		slug := fmt.Sprintf("art-%03d", i)
		date := day.AddDate(0, 0, -7*i)
		if i == n-1 {
			date = time.Time{}
		}
		cat := []string{"Działania klastra", "Aktualności"}[i%2]
		vs = append(vs, Version{Slug: slug, Lang: "pl", Title: "Tytuł " + slug, Category: cat, Date: date, Published: true},
			Version{Slug: slug, Lang: "en", Title: "Title " + slug, Category: cat, Date: date, Published: i%3 != 1, Summary: "About " + slug})
	}
	return vs
}

// buildIndexes runs Indexes and returns the files it emitted; the
// Polish versions' summaries come from summarize, the English ones'
// are their own.
func buildIndexes(t *testing.T, vs []Version, layout Layout) map[string]string {
	t.Helper()
	cfg := testConfig(t, DefaultRules())
	cfg.Layout = layout
	var ptrs []*Version
	for i := range vs {
		ptrs = append(ptrs, &vs[i])
	}
	summarize := func(v *Version) (string, error) {
		if v.Lang != "pl" {
			t.Errorf("summarize asked for %s/%s, which has its own", v.Lang, v.Slug)
		}
		return "O " + v.Slug, nil
	}
	out := newMemOutput(t)
	if err := Indexes(slices.Values(ptrs), cfg, summarize, out); err != nil {
		t.Fatal(err)
	}
	return out.done()
}

// memOutput is an Output in memory. It fails the test when a file is
// given twice, or created and never closed.
type memOutput struct {
	t     *testing.T
	files map[string]string
	open  map[string]bool
}

func newMemOutput(t *testing.T) *memOutput {
	return &memOutput{t: t, files: map[string]string{}, open: map[string]bool{}}
}

func (m *memOutput) Put(name string, data []byte) error {
	if _, dup := m.files[name]; dup || m.open[name] {
		m.t.Errorf("%s emitted twice", name)
	}
	m.files[name] = string(data)
	return nil
}

func (m *memOutput) Create(name string) (io.WriteCloser, error) {
	if _, dup := m.files[name]; dup || m.open[name] {
		m.t.Errorf("%s emitted twice", name)
	}
	m.open[name] = true
	return &memFile{m: m, name: name}, nil
}

// done returns the files, checking that every file created was closed.
func (m *memOutput) done() map[string]string {
	for name := range m.open {
		m.t.Errorf("%s was created and never closed", name)
	}
	return m.files
}

type memFile struct {
	m    *memOutput
	name string
	b    strings.Builder
}

func (f *memFile) Write(p []byte) (int, error) { return f.b.Write(p) }

func (f *memFile) Close() error {
	delete(f.m.open, f.name)
	f.m.files[f.name] = f.b.String()
	return nil
}

var hrefRE = regexp.MustCompile(`(?:href)="([^"]*)"`)

// TestListingLinksResolve: every relative link on every listing page
// leads to a page the build made (or an article page), and the absolute
// ones (canonical, alternates) stay on the site.
func TestListingLinksResolve(t *testing.T) {
	vs := testVersions(23)
	layout := DefaultLayout()
	layout.PageSize = 4
	files := buildIndexes(t, vs, layout)
	exists := func(p string) bool {
		if _, ok := files[p]; ok {
			return true
		}
		if _, ok := files[p+"index.html"]; ok {
			return true
		}
		for _, v := range vs {
			if v.Published && p == pageURL(v.Lang, v.Slug) {
				return true
			}
		}
		return false
	}
	for name, html := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		base, _ := url.Parse("https://example.org/" + name)
		for _, m := range hrefRE.FindAllStringSubmatch(html, -1) {
			u, err := base.Parse(m[1])
			if err != nil || u.Host != "example.org" {
				t.Errorf("%s: link %q leaves the site", name, m[1])
				continue
			}
			if p := strings.TrimPrefix(u.Path, "/"); !exists(p) {
				t.Errorf("%s: link %q leads nowhere (%s)", name, m[1], p)
			}
		}
	}
}

func TestPagination(t *testing.T) {
	vs := testVersions(23) // 23 Polish articles: 6 pages of 4
	layout := DefaultLayout()
	layout.PageSize = 4
	files := buildIndexes(t, vs, layout)
	tests := []struct {
		page               string
		prev, next         string
		items              int
		numbers            []string // the pager's entries: numbers, "…" for a gap, [n] for the current
		canonical, noAlter bool
	}{
		{"pl/index.html", "", "page/2/", 4, []string{"[1]", "2", "3", "…", "6"}, true, false},
		{"pl/page/2/index.html", "../../", "../3/", 4, []string{"1", "[2]", "3", "4", "…", "6"}, true, true},
		{"pl/page/4/index.html", "../3/", "../5/", 4, []string{"1", "2", "3", "[4]", "5", "6"}, true, true},
		{"pl/page/6/index.html", "../5/", "", 3, []string{"1", "…", "4", "5", "[6]"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			html, ok := files[tt.page]
			if !ok {
				t.Fatalf("no %s among %v", tt.page, slices.Sorted(maps.Keys(files)))
			}
			checkLink(t, html, `<link rel="prev" href="%s">`, tt.prev)
			checkLink(t, html, `<link rel="next" href="%s">`, tt.next)
			checkLink(t, html, `<a rel="prev" href="%s">`, tt.prev)
			checkLink(t, html, `<a rel="next" href="%s">`, tt.next)
			if got := len(listed(html)); got != tt.items {
				t.Errorf("%d articles listed, want %d", got, tt.items)
			}
			if d := cmp.Diff(tt.numbers, pagerNumbers(html)); d != "" {
				t.Errorf("pager (-want +got):\n%s", d)
			}
			want := `<link rel="canonical" href="https://example.org/` + strings.TrimSuffix(tt.page, "index.html") + `">`
			if !strings.Contains(html, want) {
				t.Errorf("no %s", want)
			}
			if has := strings.Contains(html, `hreflang="en" href="https://example.org/en/`); has == tt.noAlter {
				t.Errorf("hreflang alternates: %v, want %v", has, !tt.noAlter)
			}
		})
	}
	// Page after page, the listing is every Polish article, newest first,
	// the undated one last.
	var all []string
	for n := 1; n <= 6; n++ {
		for _, l := range listed(files[pageDir("pl/", n)+"index.html"]) {
			all = append(all, strings.Trim(strings.TrimLeft(l, "./"), "/"))
		}
	}
	var want []string
	for i := range 23 {
		want = append(want, fmt.Sprintf("art-%03d", i))
	}
	if d := cmp.Diff(want, all); d != "" {
		t.Errorf("the pages together (-want +got):\n%s", d)
	}
	if _, ok := files["pl/page/7/index.html"]; ok {
		t.Error("a page beyond the last")
	}
	if _, ok := files["pl/page/1/index.html"]; ok {
		t.Error("page 1 is also written as page/1/")
	}
}

func checkLink(t *testing.T, html, format, href string) {
	t.Helper()
	if href == "" {
		if prefix, _, _ := strings.Cut(format, "%s"); strings.Contains(html, prefix) {
			t.Errorf("has %s…, want none", prefix)
		}
		return
	}
	if want := fmt.Sprintf(format, href); !strings.Contains(html, want) {
		t.Errorf("no %s", want)
	}
}

var listedRE = regexp.MustCompile(`<li><a href="([^"]*)">`)

// listed is the links of a listing page's list of articles.
func listed(html string) []string {
	_, list, _ := strings.Cut(html, `<ol class="articles">`)
	list, _, _ = strings.Cut(list, "</ol>")
	var out []string
	for _, m := range listedRE.FindAllStringSubmatch(list, -1) {
		out = append(out, m[1])
	}
	return out
}

var pagerItemRE = regexp.MustCompile(`<li>(…|<span aria-current="page">(\d+)</span>|<a href="[^"]*">(\d+)</a>)</li>`)

func pagerNumbers(html string) []string {
	_, nav, _ := strings.Cut(html, `<nav class="pager"`)
	nav, _, _ = strings.Cut(nav, "</nav>")
	var out []string
	for _, m := range pagerItemRE.FindAllStringSubmatch(nav, -1) {
		switch {
		case m[2] != "":
			out = append(out, "["+m[2]+"]")
		case m[3] != "":
			out = append(out, m[3])
		default:
			out = append(out, "…")
		}
	}
	return out
}

func TestPager(t *testing.T) {
	tests := []struct {
		name     string
		n, total int
		want     []int // page numbers, 0 for a gap
	}{
		{"two pages", 1, 2, []int{1, 2}},
		{"first of many", 1, 100, []int{1, 2, 3, 0, 100}},
		{"middle", 50, 100, []int{1, 0, 48, 49, 50, 51, 52, 0, 100}},
		{"near the start: no gap of one page left out", 4, 100, []int{1, 2, 3, 4, 5, 6, 0, 100}},
		{"last", 100, 100, []int{1, 0, 98, 99, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pager("ru/", pageDir("ru/", tt.n), tt.n, tt.total)
			var got []int
			for _, l := range p.Pages {
				got = append(got, l.Number)
				if l.Current != (l.Number == tt.n) {
					t.Errorf("page %d current=%v", l.Number, l.Current)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestArchives(t *testing.T) {
	vs := testVersions(10) // 2018-01-10 back to 2017-11-08; the last undated
	layout := DefaultLayout()
	layout.Categories = map[string]map[string]string{"Aktualności": {"en": "News"}}
	files := buildIndexes(t, vs, layout)
	tests := []struct {
		file      string
		contains  []string
		items     int
		absent    []string
		wantExist bool
	}{
		{"pl/archive/2018/index.html", []string{"<h1>Archiwum 2018</h1>", `href="../../art-000/"`, `href="../../art-001/"`}, 2, nil, true},
		{"pl/archive/2017/index.html", []string{"<h1>Archiwum 2017</h1>", `<span aria-current="page">Archiwum 2017</span>`}, 7, []string{"art-009"}, true},
		{"en/category/aktualnosci/index.html", []string{"<h1>News</h1>", `hreflang="pl" href="https://example.org/pl/category/aktualnosci/"`, "art-009/"}, 2, []string{"art-001/"}, true},
		{"en/category/dzialania-klastra/index.html", []string{`<li lang="pl"><span aria-current="page">Działania klastra</span>`}, 4, nil, true},
		{"pl/category/dzialania-klastra/index.html", []string{"<h1>Działania klastra</h1>"}, 5, []string{`lang="pl"><a`}, true},
		{"pl/archive/1/index.html", nil, 0, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			html, ok := files[tt.file]
			if ok != tt.wantExist {
				t.Fatalf("exists %v, want %v", ok, tt.wantExist)
			}
			for _, s := range tt.contains {
				if !strings.Contains(html, s) {
					t.Errorf("lacks %s", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(html, s) {
					t.Errorf("has %s", s)
				}
			}
			if got := strings.Count(html, "<time"); got != tt.items {
				t.Errorf("%d dated articles, want %d", got, tt.items)
			}
		})
	}
}

func TestRelURL(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"ru/", "ru/slug/", "slug/"},
		{"ru/", "ru/", "./"},
		{"ru/", "en/", "../en/"},
		{"ru/page/2/", "ru/slug/", "../../slug/"},
		{"ru/page/2/", "ru/", "../../"},
		{"ru/archive/2017/page/3/", "ru/archive/2017/page/2/", "../2/"},
		{"ru/archive/2017/", "ru/category/x/", "../../category/x/"},
		{"", "ru/", "ru/"},
		{"ru/", "ru/feed.xml", "feed.xml"},
		{"ru/page/2/", "ru/feed.xml", "../../feed.xml"},
	}
	for _, tt := range tests {
		if got := relURL(tt.from, tt.to); got != tt.want {
			t.Errorf("relURL(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
		base, _ := url.Parse("https://example.org/" + tt.from)
		if u, _ := base.Parse(tt.want); path.Clean(u.Path) != path.Clean("/"+tt.to) {
			t.Errorf("%q from %q resolves to %s", tt.want, tt.from, u.Path)
		}
	}
}

func TestReservedSlug(t *testing.T) {
	a, src := testArticle()
	a.Slug = "page"
	_, err := BuildArticle(Input{Article: a, Source: src}, testConfig(t, DefaultRules()))
	if err == nil || !strings.Contains(err.Error(), `"page"`) {
		t.Errorf("an article slugged page: %v", err)
	}
}
