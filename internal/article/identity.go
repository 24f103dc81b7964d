package article

import (
	"net/url"
	"strings"
	"time"
)

// Identity is what tells one article from another across imports: a
// revised article imported again from another folder, or fetched from
// another address, is still the same article.
type Identity struct {
	Origin    string    // the file path or URL it was read from
	Canonical string    // the page's canonical URL, when it names one
	Title     string    // its title
	Date      time.Time // its date; zero when unknown
}

// IdentityOf is an article's identity; a relative canonical URL is read
// against the address the page came from.
func IdentityOf(a *Article) Identity {
	canonical := a.Canonical
	if base, err := url.Parse(a.Origin); err == nil && base.IsAbs() {
		if c, err := base.Parse(canonical); err == nil && canonical != "" {
			canonical = c.String()
		}
	}
	return Identity{Origin: a.Origin, Canonical: canonical, Title: a.Title, Date: a.Date}
}

// Keys are the identity's lookup keys, strongest first: the origin, the
// canonical URL, and the title with the date (both needed: titles repeat
// — "Zaproszenie" — and so do dates). Two articles sharing any key are
// the same article.
func (id Identity) Keys() []string {
	var keys []string
	if id.Origin != "" {
		keys = append(keys, "origin "+id.Origin)
	}
	if c := normalURL(id.Canonical); c != "" {
		keys = append(keys, "canonical "+c)
	}
	if t := strings.Join(strings.Fields(strings.ToLower(id.Title)), " "); t != "" && !id.Date.IsZero() {
		keys = append(keys, "title "+id.Date.Format("2006-01-02")+" "+t)
	}
	return keys
}

// How says, for a key, what made the match, for messages: "origin",
// "canonical URL" or "title and date".
func How(key string) string {
	switch {
	case strings.HasPrefix(key, "origin "):
		return "origin"
	case strings.HasPrefix(key, "canonical "):
		return "canonical URL"
	}
	return "title and date"
}

// FindArticle finds the existing article an identity belongs to, asking
// lookup for each key, strongest first; lookup is backed by a map of the
// workspace's articles or by an index. It returns the slug and the key
// that matched.
func FindArticle(id Identity, lookup func(key string) (slug string, ok bool)) (slug, key string, ok bool) {
	for _, k := range id.Keys() {
		if slug, ok := lookup(k); ok {
			return slug, k, true
		}
	}
	return "", "", false
}

// normalURL is a URL compared without its scheme, fragment, "www." and
// final slash, the host in lower case.
func normalURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return host + path
}
