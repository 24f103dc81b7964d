package site

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// An Output takes the files of the site, each by its path relative to
// the output folder, with forward slashes: whole (Put), or written a
// piece at a time (Create; the file is the output's once closed without
// error) when it may be large, as a sitemap of 50 MB is.
type Output interface {
	Put(name string, data []byte) error
	Create(name string) (io.WriteCloser, error)
}

// reserved are the names a language's folder uses for its listings and
// feed: an article's slug must be none of them.
var reserved = []string{"page", "archive", "category", "feed.xml"}

// Reserved reports whether slug is a name the site's listings use in
// every language's folder, so no article can have it.
func Reserved(slug string) bool { return slices.Contains(reserved, slug) }

// pageURL is a page's path from the site root.
func pageURL(lang, slug string) string { return lang + "/" + slug + "/" }

// articlePage and parallelPage are the files of an article in a language.
func articlePage(lang, slug string) string  { return pageURL(lang, slug) + "index.html" }
func parallelPage(lang, slug string) string { return pageURL(lang, slug) + "parallel.html" }

// PageSlug is the article whose page or parallel page name is, if it is
// one (the inverse of articlePage and parallelPage).
func PageSlug(name string) (slug string, ok bool) {
	parts := strings.Split(name, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] != "index.html" && parts[2] != "parallel.html" {
		return "", false
	}
	return parts[1], true
}

// Files are the files a published version of an article is written to:
// its page and, in a target language, its parallel page.
func (v *Version) Files(sourceLang string) []string {
	if !v.Published {
		return nil
	}
	if v.Lang == sourceLang {
		return []string{articlePage(v.Lang, v.Slug)}
	}
	return []string{articlePage(v.Lang, v.Slug), parallelPage(v.Lang, v.Slug)}
}

// yearDir and categoryDir are the folders of a language's archives.
func yearDir(lang string, year int) string { return lang + "/archive/" + strconv.Itoa(year) + "/" }
func categoryDir(lang, slug string) string { return lang + "/category/" + slug + "/" }

// pageDir is the folder of page n (from 1) of the listing in dir.
func pageDir(dir string, n int) string {
	if n <= 1 {
		return dir
	}
	return dir + "page/" + strconv.Itoa(n) + "/"
}

// relURL is the relative URL from the page whose folder is from to the
// folder or file to; both are paths from the site root, folders ending
// in "/" ("" is the root).
func relURL(from, to string) string {
	f := strings.Split(strings.TrimSuffix(from, "/"), "/")
	t := strings.Split(to, "/")
	if from == "" {
		f = nil
	}
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	rel := strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
	if rel == "" {
		return "./"
	}
	return rel
}
