package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// frontMatter is what mosty reads from a Markdown file's front matter;
// other keys are ignored.
type frontMatter struct {
	Title       string `yaml:"title" toml:"title"`
	Date        any    `yaml:"date" toml:"date"`
	Category    string `yaml:"category" toml:"category"`
	Categories  any    `yaml:"categories" toml:"categories"`
	Description string `yaml:"description" toml:"description"`
	Lang        string `yaml:"lang" toml:"lang"`
}

// Markdown extracts an article from Markdown with optional YAML (---) or
// TOML (+++) front matter giving title and date. Without a title there,
// the first level-one heading is the title.
func Markdown(src string, opts Options) (*article.Article, error) {
	src = strings.ReplaceAll(strings.ToValidUTF8(strings.TrimPrefix(src, "\uFEFF"), "\uFFFD"), "\r\n", "\n")
	fm, body, err := splitFrontMatter(src)
	if err != nil {
		return nil, &FormatError{Format: "Markdown front matter", Err: err}
	}
	var out bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := md.Convert([]byte(body), &out); err != nil {
		return nil, &FormatError{Format: "Markdown", Err: err}
	}
	root, err := xhtml.Parse(&out)
	if err != nil {
		return nil, &FormatError{Format: "Markdown", Err: err}
	}
	p := newPage(root)
	a := &article.Article{Lang: pickLang(fm.Lang, opts.Lang), Title: collapseSpace(fm.Title),
		Category: fm.category(), Description: collapseSpace(fm.Description)}
	a.Date, _ = ParseDate(fmt.Sprint(fm.dateString()))
	w := &walker{page: p, skip: map[*xhtml.Node]bool{}, roots: map[*xhtml.Node]bool{}}
	if a.Title == "" {
		if h1 := findFirst(root, atom.H1); h1 != nil {
			a.Title = textOf(h1)
			w.skip[h1] = true
		}
	}
	body2 := findFirst(root, atom.Body)
	w.roots[body2] = true
	w.walk(body2, article.KindParagraph, "p")
	w.flush(article.KindParagraph, "p")
	if a.Title != "" {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindTitle, Element: "h1", Text: a.Title, Owner: -1})
	}
	a.Blocks = appendBody(a.Blocks, w.blocks, a.Title)
	if len(a.Blocks) == 0 {
		return nil, ErrNoArticle
	}
	if a.Description != "" {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindDescription, Element: "meta", Text: a.Description, Owner: -1})
	}
	return a, nil
}

func splitFrontMatter(src string) (frontMatter, string, error) {
	var fm frontMatter
	for _, d := range []struct {
		fence     string
		unmarshal func([]byte, any) error
	}{{"---", yaml.Unmarshal}, {"+++", toml.Unmarshal}} {
		if !strings.HasPrefix(src, d.fence+"\n") {
			continue
		}
		rest := src[len(d.fence)+1:]
		end := strings.Index(rest, "\n"+d.fence)
		if end < 0 {
			return fm, src, fmt.Errorf("front matter opened with %q is never closed", d.fence)
		}
		if err := d.unmarshal([]byte(rest[:end]), &fm); err != nil {
			return fm, src, err
		}
		body := rest[end+len(d.fence)+1:]
		return fm, strings.TrimPrefix(body, "\n"), nil
	}
	return fm, src, nil
}

func (fm frontMatter) dateString() string {
	switch d := fm.Date.(type) {
	case time.Time:
		return d.Format("2006-01-02")
	case nil:
		return ""
	default:
		return fmt.Sprint(d)
	}
}

func (fm frontMatter) category() string {
	if fm.Category != "" {
		return fm.Category
	}
	switch c := fm.Categories.(type) {
	case []any:
		if len(c) > 0 {
			return fmt.Sprint(c[0])
		}
	case string:
		return c
	}
	return ""
}
