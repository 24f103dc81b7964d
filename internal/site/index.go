package site

import (
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
)

// Indexes renders what depends on every article and hands each file to
// out: for each language its index and its year and category archives,
// a page of Layout.PageSize articles at a time, and its Atom feed; the
// root page that lists the languages; the sitemap, split by the
// protocol's limits; robots.txt pointing at it. versions are every
// article in every language; the unpublished ones are left out. A
// version in a feed whose Summary is "" gets it from summarize, when not
// nil: a build that keeps only a few fields of each article finds it
// again for the few articles the feeds show.
func Indexes(versions []*Version, cfg Config, summarize Summarize, out Output) error {
	langs := append([]string{cfg.SourceLang}, cfg.Targets...)
	byLang := map[string][]*Version{}
	for _, v := range versions {
		if v.Published {
			byLang[v.Lang] = append(byLang[v.Lang], v)
		}
	}
	s := &siteIndex{cfg: cfg, langs: langs, listed: map[string]bool{}}
	indexes := make([]*langIndex, len(langs))
	for i, lang := range langs {
		indexes[i] = newLangIndex(lang, byLang[lang], cfg)
		for _, l := range indexes[i].listings() {
			s.listed[lang+"/"+l.key] = true
		}
	}
	for _, li := range indexes {
		for _, l := range li.listings() {
			if err := l.render(li, s, out); err != nil {
				return err
			}
		}
		if err := feed(li, cfg, summarize, out); err != nil {
			return err
		}
	}
	if err := rootPage(langs, cfg, out); err != nil {
		return err
	}
	return sitemaps(versions, indexes, cfg, out)
}

// A Summarize finds the summary (the description, as published) of a
// version.
type Summarize func(v *Version) (string, error)

// siteIndex is what every listing page needs to know of the others.
type siteIndex struct {
	cfg    Config
	langs  []string        // the source language, then the targets
	listed map[string]bool // "ru/archive/2017": the listings that exist
}

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
