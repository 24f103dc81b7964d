package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/report"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// articleList is the answer of GET /api/articles: one page of the
// articles the filters keep, how many they keep, and what the start page
// shows of the whole archive (totals per language, categories).
type articleList struct {
	Total      int                      `json:"total"` // articles the filters keep
	Page       int                      `json:"page"`
	Pages      int                      `json:"pages"`
	PerPage    int                      `json:"per_page"`
	Articles   []articleSummary         `json:"articles"`
	Totals     map[string]languageTotal `json:"totals"`     // every article, whatever the filters
	Categories []string                 `json:"categories"` // every article's, sorted
}

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

// languageTotal is a language's coverage over the archive: segments and
// words by status, conflicts, and the share of words done.
type languageTotal struct {
	Segments  map[string]int `json:"segments"`
	Words     map[string]int `json:"words"`
	Conflicts int            `json:"conflicts"`
	Percent   float64        `json:"percent"`
}

// listQuery is what GET /api/articles asks for.
type listQuery struct {
	q, lang, status, category string
	problems                  bool
	page, per                 int
}

// The start page's page size, and the most a client may ask for.
const (
	defaultPerPage = 50
	maxPerPage     = 500
)

// statuses are the values of the status filter.
var statuses = []string{"", "unfinished", "fuzzy", "new", "conflicts", "complete"}

// parseListQuery reads GET /api/articles's parameters: q (text in the
// title, the Polish or a translation, any case), lang (a target
// language: the filters look at it alone), status (one of statuses),
// category, problems=1, page (from 1) and per (page size).
func (s *Server) parseListQuery(r *http.Request) (listQuery, error) {
	v := r.URL.Query()
	lq := listQuery{q: strings.ToLower(strings.TrimSpace(v.Get("q"))), status: v.Get("status"), category: v.Get("category"),
		problems: v.Get("problems") == "1", page: 1, per: defaultPerPage}
	if tag := v.Get("lang"); tag != "" {
		lang, ok := s.targetLang(tag)
		if !ok {
			return lq, fmt.Errorf("lang=%q: not a target language of this workspace (%s)", tag, strings.Join(s.store.targets(), ", "))
		}
		lq.lang = lang
	}
	if !slices.Contains(statuses, lq.status) {
		return lq, fmt.Errorf("status=%q: use one of %s", lq.status, strings.Join(statuses[1:], ", "))
	}
	for _, p := range []struct {
		name     string
		to       *int
		min, max int
	}{{"page", &lq.page, 1, 1 << 30}, {"per", &lq.per, 1, maxPerPage}} {
		if text := v.Get(p.name); text != "" {
			n, err := strconv.Atoi(text)
			if err != nil || n < p.min || n > p.max {
				return lq, fmt.Errorf("%s=%q: use a whole number from %d to %d", p.name, text, p.min, p.max)
			}
			*p.to = n
		}
	}
	return lq, nil
}

// listArticles is GET /api/articles: a page of the articles the query
// keeps, in slug order, with their coverage per language. Each line
// comes from the summaries kept by file stamp, so a request stats every
// file but reads only those that changed; a search reads the files whose
// bytes may hold the text.
func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	lq, err := s.parseListQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "see GET /api/articles in the README")
		return
	}
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
	out := articleList{Page: lq.page, PerPage: lq.per, Articles: []articleSummary{}, Totals: map[string]languageTotal{}, Categories: []string{}}
	totals := newTotals(s.store.targets())
	categories := map[string]bool{}
	first := (lq.page - 1) * lq.per
	for _, slug := range slugs {
		a, err := s.summary(slug, checker)
		if errors.Is(err, os.ErrNotExist) {
			continue // removed since it was listed
		}
		if err != nil {
			writeFailure(w, err)
			return
		}
		totals.add(a)
		if a.Category != "" {
			categories[a.Category] = true
		}
		if !lq.keeps(a) {
			continue
		}
		if lq.q != "" {
			found, err := s.holds(slug, a, lq.q)
			if err != nil {
				writeFailure(w, err)
				return
			}
			if !found {
				continue
			}
		}
		if out.Total >= first && len(out.Articles) < lq.per {
			out.Articles = append(out.Articles, a)
		}
		out.Total++
	}
	out.Pages = max(1, (out.Total+lq.per-1)/lq.per)
	out.Totals = totals.done()
	for c := range categories {
		out.Categories = append(out.Categories, c)
	}
	slices.Sort(out.Categories)
	writeJSON(w, http.StatusOK, out)
}

// keeps applies the filters but the search to one article.
func (lq listQuery) keeps(a articleSummary) bool {
	if lq.category != "" && a.Category != lq.category {
		return false
	}
	var ls []languageSummary
	for lang, l := range a.Languages {
		if lq.lang == "" || lang == lq.lang {
			ls = append(ls, l)
		}
	}
	some := func(f func(l languageSummary) bool) bool { return slices.ContainsFunc(ls, f) }
	if lq.problems && !some(func(l languageSummary) bool { return l.Problems > 0 }) {
		return false
	}
	open := func(l languageSummary) bool { return l.Segments.New+l.Segments.Fuzzy > 0 }
	switch lq.status {
	case "unfinished":
		return some(open)
	case "fuzzy":
		return some(func(l languageSummary) bool { return l.Segments.Fuzzy > 0 })
	case "new":
		return some(func(l languageSummary) bool { return l.Segments.New > 0 })
	case "conflicts":
		return some(func(l languageSummary) bool { return l.Conflicts > 0 })
	case "complete":
		return !some(func(l languageSummary) bool { return open(l) || l.Conflicts > 0 })
	}
	return true
}

func (s *Server) checker() (*qa.Checker, error) {
	g, err := s.store.glossary()
	if err != nil {
		return nil, err
	}
	return &qa.Checker{Glossary: g, Errors: s.store.checkErrors()}, nil
}

// summary is an article's line on the start page, from the summaries the
// store keeps while its files' stamps stay the same.
func (s *Server) summary(slug string, checker *qa.Checker) (articleSummary, error) {
	srcPath := s.store.ws.LocalePath(s.store.sourceLang(), slug)
	st, err := statStamp(srcPath)
	if err != nil {
		return articleSummary{}, err
	}
	c, ok := s.store.summary(srcPath, st, nil)
	var src *catalog.File // read only when needed
	if !ok {
		if src, err = s.store.load(s.store.sourceLang(), slug); err != nil || src == nil {
			return articleSummary{}, cmpErr(err, os.ErrNotExist)
		}
		h := src.Header
		c = cachedSummary{st: st, head: articleHead{title: h.Title, date: h.Date, category: h.Category}}
		s.store.keepSummary(srcPath, c)
	}
	a := articleSummary{Slug: slug, Title: c.head.title, Date: c.head.date, Category: c.head.category, Languages: map[string]languageSummary{}}
	for _, lang := range s.store.targets() {
		path := s.store.ws.LocalePath(lang, slug)
		st, err := statStamp(path)
		if errors.Is(err, os.ErrNotExist) {
			// No translators' file yet: every segment is new.
			if src == nil {
				if src, err = s.store.load(s.store.sourceLang(), slug); err != nil || src == nil {
					return a, cmpErr(err, os.ErrNotExist)
				}
			}
			f := catalog.NewTarget("", src, lang)
			f.Merge(src.Units, nil, false)
			a.Languages[lang] = s.languageSummary(f, lang, slug, checker)
			continue
		}
		if err != nil {
			return a, err
		}
		if c, ok := s.store.summary(path, st, checker.Glossary); ok {
			a.Languages[lang] = c.sum
			continue
		}
		f, err := s.store.load(lang, slug)
		if err != nil || f == nil {
			return a, cmpErr(err, os.ErrNotExist)
		}
		a.Languages[lang] = s.languageSummary(f, lang, slug, checker)
		s.store.keepSummary(path, cachedSummary{st: st, of: checker.Glossary, sum: a.Languages[lang]})
	}
	return a, nil
}

// cmpErr is err, or when it is nil, alt.
func cmpErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// holds reports whether an article's title, Polish or translations hold
// q (lower case). A file is parsed only when its bytes may hold q: text
// without the characters TOML escapes stands in the file as it is.
func (s *Server) holds(slug string, a articleSummary, q string) (bool, error) {
	if strings.Contains(strings.ToLower(a.Title), q) {
		return true, nil
	}
	verbatim := !strings.ContainsFunc(q, func(r rune) bool { return r == '"' || r == '\\' || r < 0x20 || r == 0x7f })
	for _, lang := range append([]string{s.store.sourceLang()}, s.store.targets()...) {
		if verbatim {
			data, err := safefile.Read(s.store.ws.LocalePath(lang, slug), workspace.MaxLocaleFile)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return false, err
			}
			if !bytes.Contains(bytes.ToLower(data), []byte(q)) {
				continue
			}
		}
		f, err := s.store.load(lang, slug)
		if err != nil {
			return false, err
		}
		if f != nil && matches(f, q) {
			return true, nil
		}
	}
	return false, nil
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
	return l
}

// totals sums the archive's coverage per language, as the start page
// shows it: the share of words done is each article's percentage
// weighted by its words (conflicted segments' words are not done).
type totals struct {
	langs []string
	sum   map[string]*languageTotal
	words map[string]float64 // words done
}

func newTotals(langs []string) *totals {
	t := &totals{langs: langs, sum: map[string]*languageTotal{}, words: map[string]float64{}}
	for _, lang := range langs {
		t.sum[lang] = &languageTotal{Segments: map[string]int{}, Words: map[string]int{}}
	}
	return t
}

func (t *totals) add(a articleSummary) {
	for _, lang := range t.langs {
		l, ok := a.Languages[lang]
		if !ok {
			continue
		}
		sum := t.sum[lang]
		addCounts(sum.Segments, l.Segments)
		addCounts(sum.Words, l.Words)
		sum.Conflicts += l.Conflicts
		t.words[lang] += l.Percent * float64(l.Words.Total) / 100
	}
}

func addCounts(to map[string]int, c report.CountsJSON) {
	to["new"] += c.New
	to["fuzzy"] += c.Fuzzy
	to["translated"] += c.Translated
	to["reviewed"] += c.Reviewed
	to["total"] += c.Total
}

func (t *totals) done() map[string]languageTotal {
	out := map[string]languageTotal{}
	for _, lang := range t.langs {
		sum := *t.sum[lang]
		sum.Percent = 100
		if w := sum.Words["total"]; w > 0 {
			sum.Percent = float64(int(1000*t.words[lang]/float64(w)+0.5)) / 10
		}
		out[lang] = sum
	}
	return out
}
