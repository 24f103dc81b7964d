package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"

	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/locales"
)

//go:embed templates/*.html
var defaultTemplates embed.FS

// Templates are the page templates: mosty's defaults, with any of them
// replaced by a file of the same name in a workspace's templates/ folder.
type Templates struct {
	t *template.Template
}

// TemplateNames are the files a workspace may override.
var TemplateNames = []string{"layout.html", "style.html", "article.html", "parallel.html", "index.html"}

// maxTemplate is the largest template file of a workspace read.
const maxTemplate = 1 << 20

// LoadTemplates reads the defaults and the overrides in dir ("" for none).
func LoadTemplates(dir string) (*Templates, error) {
	t := template.New("mosty")
	for _, name := range TemplateNames {
		data, err := defaultTemplates.ReadFile("templates/" + name)
		if err != nil {
			return nil, err
		}
		if dir != "" {
			if own, err := safefile.Read(filepath.Join(dir, name), maxTemplate); err == nil {
				data = own
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return nil, fmt.Errorf("template %s: %w", filepath.Join(dir, name), err)
		}
	}
	return &Templates{t: t}, nil
}

// A Link is a language version of a page.
type Link struct {
	Lang, Name, URL string
	Current         bool
}

// Page is what every page template gets.
type Page struct {
	Lang, SourceLang string
	Title            string // the <title>
	Heading          string // the <h1>
	SiteName         string
	Description      string
	Canonical        string
	Alternates       []Link // hreflang links, with x-default
	Switcher         []Link // the language switcher
	Home             string
	Prev, Next       string // the neighbouring pages of a listing, for rel=prev/next
	Feed             string // the language's feed, for rel=alternate
	Chrome           *locales.Chrome
}

// ArticlePage is one article in one language.
type ArticlePage struct {
	Page
	Date, DateISO string
	Notes         []string
	Body          template.HTML
	ParallelURL   string // "" on the Polish page
	OriginalURL   string // the Polish page, from a translation
}

// A Row is one segment of a parallel page.
type Row struct {
	Source, Target template.HTML
	Fallback       bool
}

// ParallelPage is the original and a translation side by side.
type ParallelPage struct {
	Page
	Rows []Row
}

// An Item is one article on an index page.
type Item struct {
	Title, URL, Date, DateISO string
}

// IndexPage is one page of a listing: a language's articles, a year's or
// a category's.
type IndexPage struct {
	Page
	Count    string
	Items    []Item
	Pager    *Pager // nil when the listing fits on one page
	Archives []Nav  // links to the language's archives: years, categories
}

// A Nav is a labelled list of links.
type Nav struct {
	Label string
	Links []Link
}

// A Pager links the pages of a listing: the previous and next page and
// numbered links around the current one.
type Pager struct {
	Prev, Next string // "" at either end
	Pages      []PageLink
}

// A PageLink is one numbered link of a Pager; Gap stands for pages left
// out between two numbers.
type PageLink struct {
	Number       int
	URL          string
	Current, Gap bool
}

// Execute renders the template name ("article", "parallel", "index").
func (t *Templates) Execute(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return b.Bytes(), nil
}
