// Package index is a workspace's index of its articles, kept in .mosty/:
// for each article the few fields that say which article a page or file
// is — where it came from, its final and canonical URLs, the checksum of
// its original, its title and date — the date its site's list last gave
// for it, and the stamps (size, time) of its files as its last sync left
// them. It answers "which slug has this origin, URL, checksum, title and
// date" and "which articles changed" without reading every article's
// files.
//
// It is a cache of what sources/ and locales/ say: it can always be made
// again from them, and it must not be the only place anything is kept. It
// reads and writes only its own file; it does not decide which article a
// page is (the workspace's identity rule does), it only looks up.
package index

import (
	"slices"
	"strings"
)

// An Entry is what the index keeps of one article.
type Entry struct {
	Slug      string
	Origin    string // the file path or URL it was imported from
	FinalURL  string // after redirects, for a fetched page
	Canonical string // the page's own <link rel="canonical">, if any
	SHA256    string // of the original's bytes
	Title     string // the source language's title
	Date      string // the article's date, YYYY-MM-DD; "" when undated
	// ListDate is the lastmod or pubDate its site's sitemap or feed gave
	// when it was last fetched (RFC 3339), "" when it came another way: a
	// list giving the same date again means the page did not change.
	ListDate string
	// Stamps are the article's files as its last sync left them, in an
	// order the workspace chooses; nil when it is to be synced.
	Stamps []Stamp
}

// A Stamp is a file's size and modification time (Unix nanoseconds); a
// missing file has Size -1.
type Stamp struct {
	Size, MTime int64
}

// Missing is the stamp of a file that does not exist.
var Missing = Stamp{Size: -1}

// An Index is the entries by slug and the lookups over them. An entry
// loaded is kept as its line until something asks for it (Get, Put, the
// lookups' tables): a command that looks at one article of 100,000 reads
// one. The zero value is not ready: use New or Load. It is not safe for
// concurrent use, lookups included.
type Index struct {
	entries map[string]Entry  // read or put since loaded
	lines   map[string]string // loaded and not read yet, by slug: never the slug of an entry in entries
	loaded  []string          // the slugs of lines in the order loaded, when it was slug order (as Save writes)
	lookups *lookups          // nil until maxScans lookups were answered by a scan
	scans   int
	changed bool
}

// lookups are a key's slugs, sorted. A URL key is any of the entry's
// origin, final URL and canonical URL.
type lookups struct {
	byOrigin, byURL, byCanonical, bySum, byTitleDate map[string][]string
}

// New returns an empty index.
func New() *Index { return &Index{entries: map[string]Entry{}, lines: map[string]string{}} }

// Len is the number of articles.
func (x *Index) Len() int { return len(x.entries) + len(x.lines) }

// Changed reports whether the index changed since it was loaded or saved.
func (x *Index) Changed() bool { return x.changed }

// Get returns the entry of slug.
func (x *Index) Get(slug string) (Entry, bool) {
	if e, ok := x.entries[slug]; ok {
		return e, true
	}
	line, ok := x.lines[slug]
	if !ok {
		return Entry{}, false
	}
	e := parseEntry(line)
	x.entries[slug] = e
	delete(x.lines, slug)
	return e, true
}

// Has reports whether the index has an entry of slug, without reading it.
func (x *Index) Has(slug string) bool {
	_, read := x.entries[slug]
	_, loaded := x.lines[slug]
	return read || loaded
}

// Slugs lists the articles in slug order: the lines still unread in the
// order loaded, merged with the entries read or put since, sorted.
func (x *Index) Slugs() []string {
	read := make([]string, 0, len(x.entries))
	for s := range x.entries {
		read = append(read, s)
	}
	if x.loaded == nil {
		for s := range x.lines {
			read = append(read, s)
		}
		slices.Sort(read)
		return read
	}
	slices.Sort(read)
	out := make([]string, 0, x.Len())
	for _, s := range x.loaded {
		if _, ok := x.lines[s]; !ok {
			continue // read since, or removed
		}
		for len(read) > 0 && read[0] < s {
			out, read = append(out, read[0]), read[1:]
		}
		out = append(out, s)
	}
	return append(out, read...)
}

// Put adds or replaces the entry of e.Slug.
func (x *Index) Put(e Entry) {
	if old, ok := x.Get(e.Slug); ok {
		if equal(old, e) {
			return
		}
		x.lookups.unlink(old)
	}
	x.entries[e.Slug] = e
	x.lookups.link(e)
	x.changed = true
}

func equal(a, b Entry) bool {
	return a.Slug == b.Slug && a.Origin == b.Origin && a.FinalURL == b.FinalURL && a.Canonical == b.Canonical &&
		a.SHA256 == b.SHA256 && a.Title == b.Title && a.Date == b.Date && a.ListDate == b.ListDate &&
		slices.Equal(a.Stamps, b.Stamps) && (a.Stamps == nil) == (b.Stamps == nil)
}

// Remove forgets slug.
func (x *Index) Remove(slug string) {
	if old, ok := x.Get(slug); ok {
		x.lookups.unlink(old)
		delete(x.entries, slug)
		x.changed = true
	}
}

// ByOrigin is the slugs imported from origin.
func (x *Index) ByOrigin(origin string) []string {
	if origin == "" {
		return nil
	}
	return x.find(func(l *lookups) map[string][]string { return l.byOrigin }, origin, func(f fieldOf) bool {
		return f(fOrigin) == origin
	})
}

// ByURL is the slugs whose origin, final URL or canonical URL is u, given
// as it is or normalised (see NormalURL).
func (x *Index) ByURL(u string) []string {
	n := NormalURL(u)
	if n == "" {
		return nil
	}
	return x.find(func(l *lookups) map[string][]string { return l.byURL }, n, func(f fieldOf) bool {
		return urlIs(f(fOrigin), n) || urlIs(f(fFinalURL), n) || urlIs(f(fCanonical), n)
	})
}

// ByCanonical is the slugs whose page named u as its canonical URL,
// compared normalised (see NormalURL).
func (x *Index) ByCanonical(u string) []string {
	n := NormalURL(u)
	if n == "" {
		return nil
	}
	return x.find(func(l *lookups) map[string][]string { return l.byCanonical }, n, func(f fieldOf) bool {
		return urlIs(f(fCanonical), n)
	})
}

// BySum is the slugs whose original has the checksum sum.
func (x *Index) BySum(sum string) []string {
	if sum == "" {
		return nil
	}
	return x.find(func(l *lookups) map[string][]string { return l.bySum }, sum, func(f fieldOf) bool {
		return f(fSHA256) == sum
	})
}

// ByTitleDate is the slugs of articles with this title (compared without
// case and spacing differences) and date.
func (x *Index) ByTitleDate(title, date string) []string {
	key := titleDateKey(title, date)
	return x.find(func(l *lookups) map[string][]string { return l.byTitleDate }, key, func(f fieldOf) bool {
		t := f(fTitle)
		return f(fDate) == date && t != "" && titleDateKey(t, date) == key
	})
}

// find answers a lookup: by a scan of the entries for the first maxScans
// (an import of one article asks a few questions: making the tables would
// cost more than the scans), then from the tables, made on the first use
// and kept up to date.
func (x *Index) find(table func(*lookups) map[string][]string, key string, match func(fieldOf) bool) []string {
	if x.lookups == nil && x.scans < maxScans {
		x.scans++
		return x.scan(match)
	}
	return table(x.lookup())[key]
}

// lookup makes the lookups' tables on first use.
func (x *Index) lookup() *lookups {
	if x.lookups == nil {
		x.lookups = &lookups{byOrigin: map[string][]string{}, byURL: map[string][]string{}, byCanonical: map[string][]string{},
			bySum: map[string][]string{}, byTitleDate: map[string][]string{}}
		for slug := range x.lines {
			x.Get(slug) // moves it to entries
		}
		for _, e := range x.entries {
			x.lookups.link(e)
		}
	}
	return x.lookups
}

// keys lists e's key in each lookup; "" keys are not indexed.
func (x *lookups) keys(e Entry, f func(m map[string][]string, key string)) {
	f(x.byOrigin, e.Origin)
	seen := map[string]bool{}
	for _, u := range []string{e.Origin, e.FinalURL, e.Canonical} {
		if n := NormalURL(u); n != "" && !seen[n] {
			seen[n] = true
			f(x.byURL, n)
		}
	}
	f(x.byCanonical, NormalURL(e.Canonical))
	f(x.bySum, e.SHA256)
	if e.Title != "" {
		f(x.byTitleDate, titleDateKey(e.Title, e.Date))
	}
}

func (x *lookups) link(e Entry) {
	if x == nil {
		return
	}
	x.keys(e, func(m map[string][]string, key string) {
		if key == "" {
			return
		}
		s := m[key]
		if i, found := slices.BinarySearch(s, e.Slug); !found {
			m[key] = slices.Insert(s, i, e.Slug)
		}
	})
}

func (x *lookups) unlink(e Entry) {
	if x == nil {
		return
	}
	x.keys(e, func(m map[string][]string, key string) {
		s := m[key]
		if i, found := slices.BinarySearch(s, e.Slug); found {
			if s = slices.Delete(s, i, i+1); len(s) == 0 {
				delete(m, key)
			} else {
				m[key] = s
			}
		}
	})
}

// titleDateKey compares titles without case and spacing differences.
func titleDateKey(title, date string) string {
	return strings.ToLower(strings.Join(strings.Fields(title), " ")) + "\x00" + date
}

// NormalURL is the form URLs are compared in: without a fragment, a
// trailing slash or "www.", the scheme and host in lower case, http and
// https alike. A file path is returned as it is; "" stays "".
func NormalURL(u string) string {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || (strings.ToLower(scheme) != "http" && strings.ToLower(scheme) != "https") {
		return u
	}
	rest, _, _ = strings.Cut(rest, "#")
	host, path, _ := strings.Cut(rest, "/")
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return "//" + host + "/" + strings.TrimSuffix(path, "/")
}
