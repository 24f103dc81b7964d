package site

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
)

// Indexes renders what depends on every article: an index page per
// language (articles newest first), the root page that lists the
// languages, and sitemap.xml with the alternates of every page.
func Indexes(versions []Version, cfg Config) (map[string][]byte, error) {
	files := map[string][]byte{}
	langs := append([]string{cfg.SourceLang}, cfg.Targets...)
	byLang := map[string][]Version{}
	for _, v := range versions {
		if v.Published {
			byLang[v.Lang] = append(byLang[v.Lang], v)
		}
	}
	for _, lang := range langs {
		chrome := locales.NewChrome(cfg.Bundle, lang)
		vs := byLang[lang]
		sortVersions(vs)
		p := render.IndexPage{Page: render.Page{Lang: lang, SourceLang: cfg.SourceLang, SiteName: cfg.SiteName, Chrome: chrome,
			Title: chrome.T("News", nil), Heading: chrome.T("News", nil), Home: "./", Canonical: cfg.BaseURL + lang + "/"}}
		for _, l := range langs {
			p.Alternates = append(p.Alternates, render.Link{Lang: l, URL: cfg.BaseURL + l + "/"})
			p.Switcher = append(p.Switcher, render.Link{Lang: l, Name: LangName(l), URL: "../" + l + "/", Current: l == lang})
		}
		p.Alternates = append(p.Alternates, render.Link{Lang: "x-default", URL: cfg.BaseURL})
		p.Count = chrome.N("Articles", len(vs))
		for _, v := range vs {
			p.Items = append(p.Items, render.Item{Title: v.Title, URL: v.Slug + "/", Date: chrome.Date(v.Date), DateISO: isoDate(v.Date)})
		}
		html, err := cfg.Templates.Execute("index", p)
		if err != nil {
			return nil, err
		}
		files[lang+"/index.html"] = html
	}
	root, err := rootPage(langs, cfg)
	if err != nil {
		return nil, err
	}
	files["index.html"] = root
	sm, err := sitemap(versions, langs, cfg)
	if err != nil {
		return nil, err
	}
	files["sitemap.xml"] = sm
	return files, nil
}

// rootPage lists the site's languages, each in itself.
func rootPage(langs []string, cfg Config) ([]byte, error) {
	chrome := locales.NewChrome(cfg.Bundle, cfg.SourceLang)
	p := render.IndexPage{Page: render.Page{Lang: cfg.SourceLang, SourceLang: cfg.SourceLang, SiteName: cfg.SiteName, Chrome: chrome,
		Title: cfg.SiteName, Heading: cfg.SiteName, Home: "./", Canonical: cfg.BaseURL}}
	for _, l := range langs {
		p.Items = append(p.Items, render.Item{Title: LangName(l), URL: l + "/"})
		p.Alternates = append(p.Alternates, render.Link{Lang: l, URL: cfg.BaseURL + l + "/"})
	}
	return cfg.Templates.Execute("index", p)
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap lists every published page with its language alternates.
func sitemap(versions []Version, langs []string, cfg Config) ([]byte, error) {
	bySlug := map[string][]Version{}
	var order []string
	for _, v := range versions {
		if !v.Published {
			continue
		}
		if _, ok := bySlug[v.Slug]; !ok {
			order = append(order, v.Slug)
		}
		bySlug[v.Slug] = append(bySlug[v.Slug], v)
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, l := range langs {
		set.URLs = append(set.URLs, sitemapURL{Loc: cfg.BaseURL + l + "/"})
	}
	for _, slug := range order {
		vs := bySlug[slug]
		var links []sitemapLink
		for _, v := range vs {
			links = append(links, sitemapLink{Rel: "alternate", Hreflang: v.Lang, Href: cfg.BaseURL + pageURL(v.Lang, slug)})
		}
		links = append(links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: cfg.BaseURL + pageURL(cfg.SourceLang, slug)})
		for _, v := range vs {
			set.URLs = append(set.URLs, sitemapURL{Loc: cfg.BaseURL + pageURL(v.Lang, slug), LastMod: isoDate(v.Date), Links: links})
		}
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
