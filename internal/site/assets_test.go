package site

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

func TestLocalAssets(t *testing.T) {
	img := func(src string) article.Tag {
		return article.Tag{Name: "img", Empty: true, Attrs: []article.Attr{{Key: "src", Val: src}, {Key: "alt", Val: "x"}}}
	}
	for _, tt := range []struct {
		name, src, want string
	}{
		{"root-relative, in static/", "/uploads/a.jpg", "../../uploads/a.jpg"},
		{"root-relative, not in static/", "/uploads/b.jpg", "/uploads/b.jpg"},
		{"protocol-relative", "//cdn.example/uploads/a.jpg", "//cdn.example/uploads/a.jpg"},
		{"absolute", "https://wkb.example/uploads/a.jpg", "https://wkb.example/uploads/a.jpg"},
		{"relative", "uploads/a.jpg", "uploads/a.jpg"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wrap := img(tt.src)
			a := &article.Article{Blocks: []article.Block{
				{Kind: article.KindParagraph, Tags: []article.Tag{img(tt.src)}},
				{Kind: article.KindAlt, Wrap: &wrap},
			}}
			localAssets(a, map[string]bool{"uploads/a.jpg": true})
			for _, got := range []string{a.Blocks[0].Tags[0].Attrs[0].Val, a.Blocks[1].Wrap.Attrs[0].Val} {
				if got != tt.want {
					t.Errorf("src %q became %q, want %q", tt.src, got, tt.want)
				}
			}
		})
	}
}

// A local article's link to a static file points at the site's copy; a
// fetched article's stays on its site, whatever static/ holds.
func TestBuildArticleAssets(t *testing.T) {
	for _, tt := range []struct {
		name, base, want string
	}{
		{"imported from a file", "", `<a href="../../x">`},
		{"fetched", "https://wkb.example/aktualnosci/a", `<a href="https://wkb.example/x">`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, src := testArticle()
			in := Input{Article: a, Source: src, Targets: map[string]*catalog.File{}}
			if tt.base != "" {
				in.Base, _ = url.Parse(tt.base)
			}
			cfg := testConfig(t, DefaultRules())
			cfg.Assets = map[string]bool{"x": true}
			out, err := BuildArticle(in, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if page := string(out.Files["pl/a/index.html"]); !strings.Contains(page, tt.want) {
				t.Errorf("the Polish page has no %s:\n%s", tt.want, page)
			}
		})
	}
}
