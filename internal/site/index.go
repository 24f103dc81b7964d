package site

import (
	"errors"
	"iter"

	"github.com/mosty-dev/mosty/internal/extsort"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
)

// Indexes renders what depends on every article and hands each file to
// out: for each language its index and its year and category archives,
// a page of Layout.PageSize articles at a time, and its Atom feed; the
// root page that lists the languages; the sitemap, split by the
// protocol's limits; robots.txt pointing at it. versions are every
// article in every language, the unpublished ones left out; Indexes goes
// through them twice, and must see the same versions each time. A
// version in a feed whose Summary is "" gets it from summarize, when not
// nil: a build that keeps only a few fields of each article finds it
// again for the few articles the feeds show.
//
// Indexes holds what is small — counts per language, year and category,
// and a page of articles at a time — and sorts the versions on disk in
// cfg.TempDir (see package extsort), so its memory does not grow with the
// number of articles.
func Indexes(versions iter.Seq[*Version], cfg Config, summarize Summarize, out Output) error {
	if versions == nil {
		versions = func(func(*Version) bool) {}
	}
	langs := append([]string{cfg.SourceLang}, cfg.Targets...)
	s := &siteIndex{cfg: cfg, langs: langs, listed: map[string]bool{}}
	bySlugs := extsort.New(cfg.TempDir, bySlug, listedCodec, sortOptions)
	defer bySlugs.Discard()
	t := newTallies(langs)
	for v := range versions {
		if v.Published {
			t.add(v)
			if err := bySlugs.Add(entry{v: *v}); err != nil {
				return err
			}
		}
	}
	indexes := make([]*langIndex, len(langs))
	for i, lang := range langs {
		indexes[i] = newLangIndex(i, lang, t.of[i], cfg)
		for _, l := range indexes[i].listings() {
			s.listed[lang+"/"+l.key] = true
		}
	}
	items, err := sortListings(versions, indexes, t.place, cfg.TempDir)
	if err != nil {
		return err
	}
	defer items.Close()
	p := &pending{st: items}
	for _, li := range indexes {
		if err := li.render(p, s, summarize, out); err != nil {
			return err
		}
	}
	if err := rootPage(langs, cfg, out); err != nil {
		return err
	}
	groups, err := bySlugs.Sort()
	if err != nil {
		return err
	}
	defer groups.Close()
	return sitemaps(indexes, groups, cfg, out)
}

// sortOptions bound the sorts' memory: 4096 entries of a few hundred
// bytes in memory per sort (a test makes them fewer, to sort on disk).
var sortOptions = extsort.Options{RunLen: 4096}

// A Summarize finds the summary (the description, as published) of a
// version.
type Summarize func(v *Version) (string, error)

// siteIndex is what every listing page needs to know of the others.
type siteIndex struct {
	cfg    Config
	langs  []string        // the source language, then the targets
	listed map[string]bool // "ru/archive/2017": the listings that exist
}

// sortListings sorts every published version of the site's languages
// into the listings it is in — its language's index, its year's archive,
// its category's — on disk: by language, listing, newest first.
func sortListings(versions iter.Seq[*Version], indexes []*langIndex, place map[string]int, dir string) (*extsort.Stream[entry], error) {
	sorter := extsort.New(dir, byListing, listedCodec, sortOptions)
	for v := range versions {
		i, ok := place[v.Lang]
		if !v.Published || !ok {
			continue
		}
		for _, rank := range indexes[i].ranksOf(v) {
			if err := sorter.Add(entry{lang: i, rank: rank, v: *v}); err != nil {
				sorter.Discard()
				return nil, err
			}
		}
	}
	return sorter.Sort()
}

// errChanged is Indexes seeing other versions the second time.
var errChanged = errors.New("the articles changed while the indexes were written")

// rootPage lists the site's languages, each in itself.
func rootPage(langs []string, cfg Config, out Output) error {
	chrome := locales.NewChrome(cfg.Bundle, cfg.SourceLang)
	p := render.IndexPage{Page: render.Page{Lang: cfg.SourceLang, SourceLang: cfg.SourceLang, SiteName: cfg.SiteName, Chrome: chrome,
		Title: cfg.SiteName, Heading: cfg.SiteName, Home: "./", Canonical: cfg.BaseURL}}
	for _, l := range langs {
		p.Items = append(p.Items, render.Item{Title: LangName(l), URL: l + "/"})
		p.Alternates = append(p.Alternates, render.Link{Lang: l, URL: cfg.BaseURL + l + "/"})
	}
	html, err := cfg.Templates.Execute("index", p)
	if err != nil {
		return err
	}
	return out.Put("index.html", html)
}
