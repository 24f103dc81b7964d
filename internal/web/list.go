package web

import (
	"net/http"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/report"
)

// articleSummary is one entry of GET /api/articles.
type articleSummary struct {
	Slug      string                     `json:"slug"`
	Title     string                     `json:"title"`
	Date      string                     `json:"date"`
	Category  string                     `json:"category"`
	Languages map[string]languageSummary `json:"languages"`
}

// languageSummary is an article's coverage in one language, as mosty
// status --json gives it, with the number of the checks' findings.
type languageSummary struct {
	report.CoverageJSON
	Problems int `json:"problems"` // errors and warnings, "not translated yet" left out
	Errors   int `json:"errors"`
}

// listArticles is GET /api/articles[?q=TEXT]: every article with its
// coverage per language; q keeps those whose title, Polish or
// translations hold TEXT, in any case.
func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	slugs, err := s.store.slugs()
	if err != nil {
		writeFailure(w, err)
		return
	}
	checker, err := s.checker()
	if err != nil {
		writeFailure(w, err)
		return
	}
	out := []articleSummary{}
	for _, slug := range slugs {
		a, ok, err := s.summary(slug, q, checker)
		if err != nil {
			writeFailure(w, err)
			return
		}
		if ok {
			out = append(out, a)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) checker() (*qa.Checker, error) {
	g, err := s.store.glossary()
	if err != nil {
		return nil, err
	}
	return &qa.Checker{Glossary: g, Errors: s.store.checkErrors()}, nil
}

// summary reads one article's files; ok is false when it does not match
// the search q.
func (s *Server) summary(slug, q string, checker *qa.Checker) (articleSummary, bool, error) {
	src, err := s.store.load(s.store.sourceLang(), slug)
	if err != nil || src == nil {
		return articleSummary{}, false, err
	}
	h := src.Header
	a := articleSummary{Slug: slug, Title: h.Title, Date: h.Date, Category: h.Category, Languages: map[string]languageSummary{}}
	found := q == "" || matches(src, q) || strings.Contains(strings.ToLower(h.Title), q)
	for _, lang := range s.store.targets() {
		f, err := s.store.load(lang, slug)
		if err != nil {
			return a, false, err
		}
		if f == nil {
			f = catalog.NewTarget("", src, lang)
			f.Merge(src.Units, nil, false)
		}
		found = found || matches(f, q)
		a.Languages[lang] = s.languageSummary(f, lang, slug, checker)
	}
	return a, found, nil
}

// matches reports whether a unit's Polish or translation holds q.
func matches(f *catalog.File, q string) bool {
	for _, u := range f.Units {
		if !u.Obsolete && (strings.Contains(strings.ToLower(u.Source), q) || strings.Contains(strings.ToLower(u.Translation), q)) {
			return true
		}
	}
	return false
}

func (s *Server) languageSummary(f *catalog.File, lang, slug string, checker *qa.Checker) languageSummary {
	if l, ok := s.store.summary(lang, slug, f, checker.Glossary); ok {
		return l
	}
	l := languageSummary{CoverageJSON: report.CoverageOf(f.Coverage())}
	file := s.store.rel(lang, slug)
	for _, u := range f.Units {
		for _, p := range checker.Unit(file, lang, u) {
			if p.Check == qa.CheckUntranslated {
				continue
			}
			l.Problems++
			if p.Severity == qa.Error {
				l.Errors++
			}
		}
	}
	s.store.keepSummary(lang, slug, f, checker.Glossary, l)
	return l
}
