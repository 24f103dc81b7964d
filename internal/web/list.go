package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/par"
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
	Totals     map[string]languageTotal `json:"totals"`            // every article, whatever the filters
	Categories []string                 `json:"categories"`        // every article's, sorted
	Partial    *progress                `json:"partial,omitempty"` // lines made so far, when not every article has one yet
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
// file but reads only those that changed; lines not kept yet are made on
// all cores for up to Options.ListBudget, and when that is not enough
// (the first start over a large archive) the answer says how far it got
// (partial) and lists the articles whose lines it has.
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
	checker, key, err := s.checker()
	if err != nil {
		writeFailure(w, err)
		return
	}
	out := articleList{Page: lq.page, PerPage: lq.per, Articles: []articleSummary{}, Categories: []string{}}
	totals := newTotals(s.store.targets())
	categories := map[string]bool{}
	first := (lq.page - 1) * lq.per
	missing := 0
	err = s.lines(slugs, checker, key, time.Now().Add(s.listBudget), func(a articleSummary) error {
		totals.add(a)
		if a.Category != "" {
			categories[a.Category] = true
		}
		if !lq.keeps(a) {
			return nil
		}
		if lq.q != "" {
			if found, err := s.holds(a, lq.q); err != nil || !found {
				return err
			}
		}
		if out.Total >= first && len(out.Articles) < lq.per {
			out.Articles = append(out.Articles, a)
		}
		out.Total++
		return nil
	}, &missing)
	if err != nil {
		writeFailure(w, err)
		return
	}
	if missing > 0 {
		out.Partial = &progress{Done: len(slugs) - missing, Of: len(slugs)}
	}
	out.Pages = max(1, (out.Total+lq.per-1)/lq.per)
	out.Totals = totals.done()
	for c := range categories {
		out.Categories = append(out.Categories, c)
	}
	slices.Sort(out.Categories)
	writeJSON(w, http.StatusOK, out)
	s.store.saveSummaries(missing == 0, slugs)
}

// progress is how many articles a partial list has lines for.
type progress struct {
	Done int `json:"done"`
	Of   int `json:"of"`
}

// lineBatch is how many articles lines hands to the cores at a time.
const lineBatch = 256

// lines calls each with the start page's line of every article, in the
// order of slugs: the lines kept, and those that are not made on all
// cores while the deadline is ahead (one batch at least, so every request
// gets on). Articles left without a line are counted in missing; those
// removed meanwhile are left out.
func (s *Server) lines(slugs []string, checker *qa.Checker, key string, deadline time.Time, each func(articleSummary) error, missing *int) error {
	made := false
	for start := 0; start < len(slugs); start += lineBatch {
		batch := slugs[start:min(start+lineBatch, len(slugs))]
		lines := make([]articleSummary, len(batch))
		ready := make([]bool, len(batch))
		errs := make([]error, len(batch))
		var todo []int
		for i, slug := range batch {
			if lines[i], ready[i], errs[i] = s.line(slug, checker, key, false); errs[i] == nil && !ready[i] {
				todo = append(todo, i)
			}
		}
		if len(todo) > 0 && (!made || time.Now().Before(deadline)) {
			made = true
			par.Do(len(todo), runtime.GOMAXPROCS(0), func(k int) {
				i := todo[k]
				lines[i], ready[i], errs[i] = s.line(batch[i], checker, key, true)
			})
		}
		for i := range batch {
			switch {
			case errors.Is(errs[i], os.ErrNotExist): // removed since it was listed
			case errs[i] != nil:
				return errs[i]
			case !ready[i]:
				*missing++
			default:
				if err := each(lines[i]); err != nil {
					return err
				}
			}
		}
	}
	return nil
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

// checker is what the checks need, and the key of what they find
// (workspace.ChecksKey).
func (s *Server) checker() (*qa.Checker, string, error) {
	g, key, err := s.store.glossary()
	if err != nil {
		return nil, "", err
	}
	return &qa.Checker{Glossary: g, Errors: s.store.checkErrors()}, key, nil
}

// line is an article's line on the start page, from the summaries the
// store keeps while its files' stamps stay the same; key is the checks'.
// Without compute, a line the store does not have whole is not ready.
func (s *Server) line(slug string, checker *qa.Checker, key string, compute bool) (articleSummary, bool, error) {
	var a articleSummary
	source := s.store.sourceLang()
	srcStamp, err := statStamp(s.store.ws.LocalePath(source, slug))
	if err != nil {
		return a, false, err
	}
	var src *catalog.File // read once, when a line needs it
	readSource := func() (*catalog.File, error) {
		if src == nil {
			src, err = s.store.mustLoad(source, slug)
		}
		return src, err
	}
	c, ok := s.store.summary(source+"/"+slug, srcStamp, "")
	if !ok {
		if !compute {
			return a, false, nil
		}
		f, err := readSource()
		if err != nil {
			return a, false, err
		}
		h := f.Header
		c = cachedSummary{st: srcStamp, head: articleHead{title: h.Title, date: h.Date, category: h.Category}}
		s.store.keepSummary(source+"/"+slug, c)
	}
	a = articleSummary{Slug: slug, Title: c.head.title, Date: c.head.date, Category: c.head.category, Languages: map[string]languageSummary{}}
	for _, lang := range s.store.targets() {
		file := lang + "/" + slug
		st, err := statStamp(s.store.ws.LocalePath(lang, slug))
		noFile := errors.Is(err, os.ErrNotExist) // not synced for this language yet: every segment is new
		if noFile {
			st = srcStamp // the line follows from the Polish
		} else if err != nil {
			return a, false, err
		}
		if c, ok := s.store.summary(file, st, key); ok && c.noFile == noFile {
			a.Languages[lang] = c.sum
			continue
		}
		if !compute {
			return a, false, nil
		}
		var f *catalog.File
		if noFile {
			src, err := readSource()
			if err != nil {
				return a, false, err
			}
			f = catalog.NewTarget("", src, lang)
			f.Merge(src.Units, nil, false)
		} else if f, err = s.store.mustLoad(lang, slug); err != nil {
			return a, false, err
		}
		a.Languages[lang] = s.languageSummary(f, lang, slug, checker)
		s.store.keepSummary(file, cachedSummary{st: st, key: key, noFile: noFile, sum: a.Languages[lang]})
	}
	return a, true, nil
}

// holds reports whether an article's title, Polish or translations hold
// q (lower case). A file is parsed only when its bytes may hold q: text
// without the characters TOML escapes stands in the file as it is,
// unless the file writes some with escapes.
func (s *Server) holds(a articleSummary, q string) (bool, error) {
	slug := a.Slug
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
			// A file without a backslash has every text as it reads; one
			// with escapes (\u0410, a line continued) is parsed.
			if !bytes.Contains(bytes.ToLower(data), []byte(q)) && !bytes.Contains(data, []byte(`\`)) {
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
