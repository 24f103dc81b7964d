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
	links, next, err := Listing(string(raw), base, nil)
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
		links      []string
		next       string
	}{
		{"next by text, other sites and files left out",
			`<main><a href="/a-1">Artykuł</a> <a href="https://other.org/x">x</a> <a href="/f.pdf">pdf</a> <a href="#top">^</a>
			<a href="?page=2">Dalej »</a></main>`, nil,
			[]string{"https://e.org/a-1"}, "https://e.org/news/?page=2"},
		{"no next on the last page", `<main><a href="/a-2">Drugi</a> <a href="/a-1">Pierwszy</a></main>`, nil,
			[]string{"https://e.org/a-2", "https://e.org/a-1"}, ""},
		{"profile selectors", `<div class="x"><a href="/a">A</a></div><a href="/b">B</a><span class="n"><a href="/p2">2</a></span>`,
			&Profile{Links: ".x a", Next: ".n a"}, []string{"https://e.org/a"}, "https://e.org/p2"},
		{"base element", `<head><base href="https://e.org/archive/"></head><main><a href="x">X</a></main>`, nil,
			[]string{"https://e.org/archive/x"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, next, err := Listing(tt.html, base, tt.prof)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.links, links); d != "" || next != tt.next {
				t.Errorf("links (-want +got):\n%s\nnext %q, want %q", d, next, tt.next)
			}
		})
	}
}
