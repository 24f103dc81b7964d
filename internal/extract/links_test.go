package extract

import (
	"net/url"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

// TestListingSample reads the first user's listing page: the three
// articles (once each, not their "Czytaj więcej" twins), no menu, sidebar
// or pager links, and rel=next.
func TestListingSample(t *testing.T) {
	raw, err := os.ReadFile(samplesDir + "aktualnosci-strona-1.html")
	if err != nil {
		sharedtest.Missing(t, "../shared/samples: "+err.Error())
	}
	base, _ := url.Parse("https://wkb.example/dzialania-klastra")
	links, next, err := Listing(string(raw), base, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"https://wkb.example/aktualnosci/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach",
		"https://wkb.example/aktualnosci/targi-budownictwa-2017",
		"https://wkb.example/aktualnosci/szkolenie-bim",
	}
	if d := cmp.Diff(want, links); d != "" {
		t.Errorf("links (-want +got):\n%s", d)
	}
	if next != "https://wkb.example/dzialania-klastra?strona=2" {
		t.Errorf("next %q", next)
	}
}

func TestListing(t *testing.T) {
	base, _ := url.Parse("https://e.org/news/")
	tests := []struct {
		name, html string
		prof       *Profile
		onSite     func(*url.URL) bool
		links      []string
		next       string
	}{
		{"next by text, other sites and files left out",
			`<main><a href="/a-1">Artykuł</a> <a href="https://other.org/x">x</a> <a href="/f.pdf">pdf</a> <a href="#top">^</a>
			<a href="?page=2">Dalej »</a></main>`, nil, nil,
			[]string{"https://e.org/a-1"}, "https://e.org/news/?page=2"},
		{"no next on the last page", `<main><a href="/a-2">Drugi</a> <a href="/a-1">Pierwszy</a></main>`, nil, nil,
			[]string{"https://e.org/a-2", "https://e.org/a-1"}, ""},
		{"profile selectors", `<div class="x"><a href="/a">A</a></div><a href="/b">B</a><span class="n"><a href="/p2">2</a></span>`,
			&Profile{Links: ".x a", Next: ".n a"}, nil, []string{"https://e.org/a"}, "https://e.org/p2"},
		{"base element", `<head><base href="https://e.org/archive/"></head><main><a href="x">X</a></main>`, nil, nil,
			[]string{"https://e.org/archive/x"}, ""},
		// Issue 15, case 6: a listing stays on its site.
		{"base element on another site: ignored", `<head><base href="https://evil.example/"></head><main><a href="x">X</a> <a href="/y">Y</a></main>`, nil, nil,
			[]string{"https://e.org/news/x", "https://e.org/y"}, ""},
		{"rel=next on another site: not followed", `<head><link rel="next" href="https://evil.example/p2"></head><main><a href="/a">A</a></main>`, nil, nil,
			[]string{"https://e.org/a"}, ""},
		{"next link on another site by profile: not followed", `<a class="x" href="/a">A</a><span class="n"><a href="https://evil.example/p2">2</a></span>`,
			&Profile{Links: ".x", Next: ".n a"}, nil, []string{"https://e.org/a"}, ""},
		{"www. is the same site", `<head><base href="https://www.e.org/news/"></head><main><a href="x">X</a><a rel="next" href="https://www.e.org/p2">»</a></main>`, nil, nil,
			[]string{"https://www.e.org/news/x"}, "https://www.e.org/p2"},
		{"other hosts allowed by the caller (--hosts)", `<head><link rel="next" href="https://archive.e.net/p2"></head><main><a href="https://archive.e.net/a">A</a> <a href="https://evil.example/b">B</a></main>`, nil,
			func(u *url.URL) bool { return u.Hostname() == "e.org" || u.Hostname() == "archive.e.net" },
			[]string{"https://archive.e.net/a"}, "https://archive.e.net/p2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, next, err := Listing(tt.html, base, tt.prof, tt.onSite)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.links, links); d != "" || next != tt.next {
				t.Errorf("links (-want +got):\n%s\nnext %q, want %q", d, next, tt.next)
			}
		})
	}
}
