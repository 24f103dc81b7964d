package workspace

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/extract"
)

// BenchmarkBuild500 builds a site of 500 articles in 3 languages (the
// bundled article under 500 origins, fully translated): "full" from an
// empty output folder, "no-change" again with nothing changed, and
// "hugo", Debian's Hugo building as many pages of the same text in its
// multilingual mode. They run in one process, interleaved by -count, so
// their ratios hold on a noisy machine.
func BenchmarkBuild500(b *testing.B) {
	w := newWorkspace(b)
	var srcs []*acquire.Source
	for i := range 500 {
		src, err := acquire.FromBytes(fmt.Sprintf("art-%03d.html", i), fmt.Sprintf("bench:%d", i), demo.Article())
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := w.ImportSources(srcs); err != nil {
		b.Fatal(err)
	}
	for i := range 500 {
		for _, lang := range []string{"ru", "en"} {
			err := w.UpdateLocale(lang, fmt.Sprintf("art-%03d", i), func(f *catalog.File) {
				for k := range f.Units {
					if t, ok := demo.Translate(f.Units[k].Source, lang); ok {
						f.Units[k].Translation, f.Units[k].Status = t, catalog.Translated
					}
				}
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	pages := 500*3*2 - 500 // an article page per language, a parallel page per translation
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(w.Path("public"))
			os.Remove(w.buildCachePath())
			b.StartTimer()
			rep, err := w.Build(BuildOptions{})
			if err != nil || rep.Written < pages {
				b.Fatalf("wrote %d files, %v", rep.Written, err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	})
	b.Run("hugo", func(b *testing.B) { hugoBaseline(b, pages) })
	b.Run("no-change", func(b *testing.B) {
		if _, err := w.Build(BuildOptions{}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			rep, err := w.Build(BuildOptions{})
			if err != nil || rep.Written != 0 {
				b.Fatalf("rebuild wrote %d files, %v", rep.Written, err)
			}
		}
	})
}

// hugoBaseline times Hugo building pages pages: for each article a page
// per language and, like mosty's parallel pages, a second one per
// translation, from the bundled article's text. Skipped without hugo.
func hugoBaseline(b *testing.B, pages int) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		b.Skip("no hugo (apt-get install hugo)")
	}
	dir := b.TempDir()
	a, err := extract.HTML(string(demo.Article()), extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var body strings.Builder
	for _, bl := range a.Blocks[1:] {
		body.WriteString(article.Plain(bl.Text) + "\n\n")
	}
	files := map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"pl\"\ndefaultContentLanguageInSubdir = true\n" +
			"disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n[languages.pl]\nweight = 1\n[languages.ru]\nweight = 2\n[languages.en]\nweight = 3\n",
		"layouts/_default/single.html": `<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>` +
			`{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}</head>` +
			`<body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>` +
			`<h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}</body></html>`,
		"layouts/_default/list.html": `<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>` +
			`<body><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></body></html>`,
	}
	n := 0
	for i := range 500 {
		for _, lang := range []string{"pl", "ru", "en"} {
			files[fmt.Sprintf("content/a%03d.%s.md", i, lang)] = fmt.Sprintf("---\ntitle: \"%s %d\"\ndate: 2017-12-13\ntranslationKey: \"a%d\"\n---\n%s", a.Title, i, i, body.String())
			n++
			if lang != "pl" {
				files[fmt.Sprintf("content/p%03d.%s.md", i, lang)] = fmt.Sprintf("---\ntitle: \"%s %d\"\ndate: 2017-12-13\n---\n%s\n%s", a.Title, i, body.String(), body.String())
				n++
			}
		}
	}
	if n != pages {
		b.Fatalf("%d Hugo pages for %d mosty pages", n, pages)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(filepath.Join(dir, "public"))
		b.StartTimer()
		if out, err := exec.Command(hugo, "--quiet", "-s", dir).CombinedOutput(); err != nil {
			b.Fatalf("hugo: %v\n%s", err, out)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
}
