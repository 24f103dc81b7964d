package site

import (
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/extsort"
)

// A tally counts the articles of a listing and keeps its newest: all a
// listing needs before its pages are rendered (their number, the
// sitemap's lastmod).
type tally struct {
	n     int
	first *Version // the newest article: its slug and date only
}

func (t *tally) add(v *Version) {
	t.n++
	if t.first == nil || newestFirst(v, t.first) < 0 {
		t.first = &Version{Slug: v.Slug, Date: v.Date}
	}
}

// lastmod is the date of the newest article, "" when none is dated.
func (t *tally) lastmod() string {
	if t == nil || t.first == nil {
		return ""
	}
	return isoDate(t.first.Date)
}

// A langTally is one language's published versions counted, by year and
// by category.
type langTally struct {
	all     tally
	years   map[int]*tally
	cats    map[string]*tally // by the category's slug
	catName map[string]string // the category's name, the least of those with its slug
}

// tallies are the site's languages' tallies, and each language's place.
type tallies struct {
	place map[string]int
	of    []*langTally
}

func newTallies(langs []string) tallies {
	t := tallies{place: map[string]int{}}
	for i, l := range langs {
		if _, ok := t.place[l]; !ok {
			t.place[l] = i
		}
		t.of = append(t.of, &langTally{years: map[int]*tally{}, cats: map[string]*tally{}, catName: map[string]string{}})
	}
	return t
}

// add counts a published version, when in one of the site's languages.
func (t tallies) add(v *Version) {
	i, ok := t.place[v.Lang]
	if !ok {
		return
	}
	lt := t.of[i]
	lt.all.add(v)
	if !v.Date.IsZero() {
		countIn(lt.years, v.Date.Year(), v)
	}
	if v.Category != "" {
		s := acquire.Slug(v.Category)
		countIn(lt.cats, s, v)
		if n, ok := lt.catName[s]; !ok || v.Category < n {
			lt.catName[s] = v.Category // the same name for every page of it
		}
	}
}

func countIn[K comparable](m map[K]*tally, k K, v *Version) {
	t, ok := m[k]
	if !ok {
		t = &tally{}
		m[k] = t
	}
	t.add(v)
}

// pending is the listing records sorted on disk, read one listing at a
// time: the next record waits until its listing's turn.
type pending struct {
	st   *extsort.Stream[entry]
	head entry
	has  bool // head is read and not taken
}

// take returns the next article of the listing rank of language lang, or
// false when the next record is another listing's.
func (p *pending) take(lang, rank int) (*Version, bool) {
	if !p.has {
		p.head, p.has = p.st.Next()
	}
	if !p.has || p.head.lang != lang || p.head.rank != rank {
		return nil, false
	}
	p.has = false
	v := p.head.v
	return &v, true
}
