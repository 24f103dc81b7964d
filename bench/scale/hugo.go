package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

// The Hugo site mosty's build is compared with: the same pages — an
// article page per language, a second page per translation standing for
// mosty's parallel page — with paginated lists, category pages, feeds and
// sitemaps, from the same workspace's text.
const (
	hugoConfig = `baseURL = "https://example.org/"
defaultContentLanguage = "pl"
defaultContentLanguageInSubdir = true
paginate = 50
[taxonomies]
category = "categories"
[languages.pl]
weight = 1
[languages.ru]
weight = 2
[languages.en]
weight = 3
`
	hugoSingle = `<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>` +
		`{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}</head>` +
		`<body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>` +
		`<h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}</body></html>`
	hugoList = `<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>` +
		`<body><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time></li>{{ end }}</ol>` +
		`{{ template "_internal/pagination.html" . }}</body></html>`
)

type hugoResult struct {
	pages int
	build sample
}

// hugoBuild writes the Hugo site of the workspace ws into dir and times
// Hugo building it.
func hugoBuild(ws, dir string, count int) (hugoResult, error) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		return hugoResult{}, fmt.Errorf("no hugo for the comparison (apt-get install hugo)")
	}
	files := map[string]string{"hugo.toml": hugoConfig, "layouts/_default/single.html": hugoSingle,
		"layouts/_default/list.html": hugoList}
	for name, data := range files {
		if err := writeTree(dir, name, data); err != nil {
			return hugoResult{}, err
		}
	}
	sources, err := filepath.Glob(filepath.Join(ws, "locales", "pl", "*.toml"))
	if err != nil {
		return hugoResult{}, err
	}
	n := 0
	for _, p := range sources {
		pages, err := hugoArticle(ws, dir, p)
		if err != nil {
			return hugoResult{}, err
		}
		n += pages
	}
	build, err := median(count, func() (sample, error) {
		os.RemoveAll(filepath.Join(dir, "public"))
		return runCmd(nil, hugo, "--quiet", "-s", dir)
	})
	return hugoResult{pages: n, build: build}, err
}

// hugoArticle writes one article's Hugo pages and returns how many.
func hugoArticle(ws, dir, sourcePath string) (int, error) {
	src, err := readLocale(sourcePath, true)
	if err != nil {
		return 0, err
	}
	slug := src.Header.Slug
	pages := 0
	for _, lang := range []string{"pl", "ru", "en"} {
		f := src
		if lang != "pl" {
			if f, err = readLocale(filepath.Join(ws, "locales", lang, slug+".toml"), false); err != nil {
				return 0, err
			}
		}
		title, body := hugoText(src, f)
		front := fmt.Sprintf("---\ntitle: %q\ndate: %s\ncategories: [%q]\ntranslationKey: %q\n---\n", title, src.Header.Date, src.Header.Category, slug)
		if err := writeTree(dir, "content/"+slug+"."+lang+".md", front+body); err != nil {
			return 0, err
		}
		pages++
		if lang != "pl" {
			front = fmt.Sprintf("---\ntitle: %q\ndate: %s\n---\n", title, src.Header.Date)
			if err := writeTree(dir, "content/parallel/"+slug+"."+lang+".md", front+body+"\n"+body); err != nil {
				return 0, err
			}
			pages++
		}
	}
	return pages, nil
}

func readLocale(path string, source bool) (*catalog.File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return catalog.Parse(path, data, source)
}

// hugoText is an article's title and Markdown body in the language of f
// (the Polish where a segment has no translation).
func hugoText(src, f *catalog.File) (string, string) {
	text := map[string]string{}
	for _, u := range f.Units {
		if u.Translation != "" {
			text[u.ID] = u.Translation
		}
	}
	var title string
	var body strings.Builder
	last := -1
	for _, u := range src.Units {
		t := article.Plain(u.Source)
		if tr, ok := text[u.ID]; ok {
			t = article.Plain(tr)
		}
		switch {
		case u.Kind == "title":
			title = t
			continue
		case u.Block != last && last >= 0:
			body.WriteString("\n\n")
		case last >= 0:
			body.WriteByte(' ')
		}
		body.WriteString(t)
		last = u.Block
	}
	return title, body.String() + "\n"
}

func writeTree(dir, name, data string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(data), 0o644)
}
