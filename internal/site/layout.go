package site

import "fmt"

// The sitemap protocol's limits per file (sitemaps.org): more URLs or
// bytes than this and search engines reject the file.
const (
	MaxSitemapURLs  = 50000
	MaxSitemapBytes = 50 << 20
)

// Layout is how the site's listings are cut up, from mosty.toml's [site]
// table.
type Layout struct {
	// PageSize is the number of articles on one page of a language's
	// index, a year's archive or a category's.
	PageSize int `toml:"page_size"`
	// FeedSize is the number of newest articles in each language's feed.
	FeedSize int `toml:"feed_size"`
	// SitemapURLs is the most URLs one sitemap file lists; with more, the
	// sitemap is split and sitemap.xml becomes a sitemap index. At most
	// MaxSitemapURLs.
	SitemapURLs int `toml:"sitemap_urls"`
	// Categories names the source's categories in the target languages:
	// Categories["Działania klastra"]["ru"] = "Деятельность кластера". A
	// category with no name in a language shows the source's, marked as
	// in that language.
	Categories map[string]map[string]string `toml:"categories"`
}

// DefaultLayout lists 50 articles a page, the newest 20 in a feed, and
// as many URLs per sitemap file as the protocol allows.
func DefaultLayout() Layout {
	return Layout{PageSize: 50, FeedSize: 20, SitemapURLs: MaxSitemapURLs}
}

// Check reports a setting out of its range.
func (l Layout) Check() error {
	if l.PageSize < 1 || l.PageSize > 1000 {
		return fmt.Errorf("page_size %d is not between 1 and 1000", l.PageSize)
	}
	if l.FeedSize < 1 || l.FeedSize > 1000 {
		return fmt.Errorf("feed_size %d is not between 1 and 1000", l.FeedSize)
	}
	if l.SitemapURLs < 1 || l.SitemapURLs > MaxSitemapURLs {
		return fmt.Errorf("sitemap_urls %d is not between 1 and %d (the sitemap protocol's limit)", l.SitemapURLs, MaxSitemapURLs)
	}
	if _, ok := l.Categories[""]; ok {
		return fmt.Errorf("categories: a category with no name")
	}
	return nil
}

// categoryName is a category's name in lang, and whether it is the
// source's own.
func (l Layout) categoryName(cat, lang string) (string, bool) {
	if n := l.Categories[cat][lang]; n != "" {
		return n, false
	}
	return cat, true
}
