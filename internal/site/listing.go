package site

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// A listing is a run of pages listing articles newest first: a
// language's index, or one of its archives (a year, a category). It
// holds their count, not the articles: those come sorted from disk.
type listing struct {
	dir         string // the first page's folder from the site root: "ru/", "ru/archive/2017/"
	lang        string // the language of the pages
	key         string // the same listing in other languages: "", "archive/2017", "category/<slug>"
	heading     string // the first page's heading
	headingLang string // the heading's language when not the page's: a category named only in the source
	rank        int    // its place among the language's listings
	count       int    // the articles it lists
	lastmod     string // the date of its newest article, "" when none is dated
}

// langIndex holds one language's listings and what links them.
type langIndex struct {
	lang       string
	place      int // the language's among the site's
	chrome     *locales.Chrome
	all        listing
	years      []listing // newest year first
	categories []listing // by name
	yearRank   map[int]int
	catRank    map[string]int // by the category's slug
	hasFeed    bool           // some article is dated
}

// newLangIndex makes one language's index and archives from the tally of
// its published versions; place is the language's among the site's.
func newLangIndex(place int, lang string, t *langTally, cfg Config) *langIndex {
	li := &langIndex{lang: lang, place: place, chrome: locales.NewChrome(cfg.Bundle, lang), yearRank: map[int]int{}, catRank: map[string]int{}}
	li.hasFeed = t.all.first != nil && !t.all.first.Date.IsZero()
	li.all = listing{dir: lang + "/", lang: lang, heading: li.chrome.T("News", nil), count: t.all.n, lastmod: t.all.lastmod()}
	for _, y := range slices.Backward(slices.Sorted(maps.Keys(t.years))) {
		li.years = append(li.years, listing{dir: yearDir(lang, y), lang: lang, key: "archive/" + strconv.Itoa(y),
			heading: li.chrome.T("ArchiveYear", map[string]any{"Year": y}), count: t.years[y].n, lastmod: t.years[y].lastmod()})
		li.yearRank[y] = len(li.years)
	}
	coll := collate.New(language.Make(lang))
	for _, s := range slices.Sorted(maps.Keys(t.cats)) {
		c := listing{dir: categoryDir(lang, s), lang: lang, key: "category/" + s, count: t.cats[s].n, lastmod: t.cats[s].lastmod()}
		var own bool
		if c.heading, own = cfg.Layout.categoryName(t.catName[s], lang); own && lang != cfg.SourceLang {
			c.headingLang = cfg.SourceLang
		}
		li.categories = append(li.categories, c)
	}
	slices.SortStableFunc(li.categories, func(a, b listing) int { return coll.CompareString(a.heading, b.heading) })
	for i := range li.categories {
		li.categories[i].rank = 1 + len(li.years) + i
		li.catRank[strings.TrimPrefix(li.categories[i].key, "category/")] = li.categories[i].rank
	}
	for i := range li.years {
		li.years[i].rank = 1 + i
	}
	return li
}

// ranksOf are the listings of the language a version is in: the index,
// its year's archive when dated, its category's when it has one.
func (li *langIndex) ranksOf(v *Version) []int {
	ranks := []int{0}
	if !v.Date.IsZero() {
		ranks = append(ranks, li.yearRank[v.Date.Year()])
	}
	if v.Category != "" {
		ranks = append(ranks, li.catRank[acquire.Slug(v.Category)])
	}
	return ranks
}

// listings are all of the language's listings, its index first.
func (li *langIndex) listings() []listing {
	return append(append([]listing{li.all}, li.years...), li.categories...)
}

// render emits the pages of every listing of the language, taking their
// articles from items (sorted by sortListings), and its feed.
func (li *langIndex) render(items *pending, s *siteIndex, summarize Summarize, out Output) error {
	var newest []*Version // the first articles of the index, for the feed
	for _, l := range li.listings() {
		take := func() (*Version, bool) {
			v, ok := items.take(li.place, l.rank)
			if ok && l.rank == 0 && len(newest) < s.cfg.Layout.FeedSize {
				newest = append(newest, v)
			}
			return v, ok
		}
		if err := l.render(li, s, out, take); err != nil {
			return err
		}
	}
	if err := items.st.Err(); err != nil {
		return err
	}
	return feed(li, dated(newest, s.cfg.Layout.FeedSize), s.cfg, summarize, out)
}

// pages is the number of pages a listing of n articles takes.
func pages(n, size int) int { return max(1, (n+size-1)/size) }

// render emits every page of a listing, a page of articles from take at
// a time.
func (l listing) render(li *langIndex, s *siteIndex, out Output, take func() (*Version, bool)) error {
	size := s.cfg.Layout.PageSize
	total := pages(l.count, size)
	seen := 0
	for n := 1; n <= total; n++ {
		var items []*Version
		for len(items) < size {
			v, ok := take()
			if !ok {
				break
			}
			items = append(items, v)
		}
		seen += len(items)
		html, err := s.cfg.Templates.Execute("index", l.page(li, s, n, total, items))
		if err != nil {
			return err
		}
		if err := out.Put(pageDir(l.dir, n)+"index.html", html); err != nil {
			return err
		}
	}
	if _, more := take(); more || seen != l.count {
		return errChanged
	}
	return nil
}

// page is page n of the listing's total, listing items.
func (l listing) page(li *langIndex, s *siteIndex, n, total int, items []*Version) render.IndexPage {
	cfg, dir := s.cfg, pageDir(l.dir, n)
	p := render.IndexPage{Page: render.Page{Lang: l.lang, SourceLang: cfg.SourceLang, SiteName: cfg.SiteName, Chrome: li.chrome,
		Title: l.heading, Heading: l.heading, Home: relURL(dir, l.lang+"/"), Canonical: cfg.BaseURL + dir}}
	if li.hasFeed {
		p.Feed = relURL(dir, feedPath(l.lang))
	}
	if n > 1 {
		p.Title = l.heading + " — " + li.chrome.T("PageN", map[string]any{"N": n})
	}
	l.languages(&p, dir, n, s)
	p.Count = li.chrome.N("Articles", l.count)
	for _, v := range items {
		p.Items = append(p.Items, render.Item{Title: v.Title, URL: relURL(dir, pageURL(v.Lang, v.Slug)),
			Date: li.chrome.Date(v.Date), DateISO: isoDate(v.Date)})
	}
	if total > 1 {
		p.Pager = pager(l.dir, dir, n, total)
		p.Prev, p.Next = p.Pager.Prev, p.Pager.Next
	}
	if len(li.years) > 0 {
		p.Archives = append(p.Archives, render.Nav{Label: li.chrome.T("Archive", nil), Links: archiveLinks(li.years, dir, l.dir)})
	}
	if len(li.categories) > 0 {
		p.Archives = append(p.Archives, render.Nav{Label: li.chrome.T("Categories", nil), Links: archiveLinks(li.categories, dir, l.dir)})
	}
	return p
}

// languages fills a listing page's hreflang alternates and language
// switcher: the first page of a listing has the same listing in the
// languages that have it; later pages list other articles in each
// language, so they have no alternates, and switch to the other
// language's index.
func (l listing) languages(p *render.IndexPage, dir string, n int, s *siteIndex) {
	for _, lang := range s.langs {
		target := lang + "/"
		if n == 1 && s.listed[lang+"/"+l.key] {
			target = lang + "/" + l.key
			if l.key != "" {
				target += "/"
			}
			p.Alternates = append(p.Alternates, render.Link{Lang: lang, URL: s.cfg.BaseURL + target})
		}
		p.Switcher = append(p.Switcher, render.Link{Lang: lang, Name: LangName(lang), URL: relURL(dir, target), Current: lang == l.lang})
	}
	if l.key == "" && n == 1 {
		p.Alternates = append(p.Alternates, render.Link{Lang: "x-default", URL: s.cfg.BaseURL})
	}
}

// archiveLinks links a language's archives from the page in dir, a page
// of the listing whose first page is in current.
func archiveLinks(ls []listing, dir, current string) []render.Link {
	var out []render.Link
	for _, a := range ls {
		out = append(out, render.Link{Lang: a.headingLang, Name: a.heading, URL: relURL(dir, a.dir), Current: a.dir == current})
	}
	return out
}

// pagerWindow is how many numbered links a pager shows on each side of
// the current page, besides the first and the last.
const pagerWindow = 2

// pager links page n of a listing of total pages whose first page is in
// first; dir is page n's folder.
func pager(first, dir string, n, total int) *render.Pager {
	p := &render.Pager{}
	if n > 1 {
		p.Prev = relURL(dir, pageDir(first, n-1))
	}
	if n < total {
		p.Next = relURL(dir, pageDir(first, n+1))
	}
	numbers := []int{1}
	for k := max(2, n-pagerWindow); k <= min(total-1, n+pagerWindow); k++ {
		numbers = append(numbers, k)
	}
	if total > 1 {
		numbers = append(numbers, total)
	}
	last := 0
	for _, k := range numbers {
		if k > last+1 {
			p.Pages = append(p.Pages, render.PageLink{Gap: true})
		}
		p.Pages = append(p.Pages, render.PageLink{Number: k, URL: relURL(dir, pageDir(first, k)), Current: k == n})
		last = k
	}
	return p
}
