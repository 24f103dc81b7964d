package index

import (
	"slices"
	"strings"
)

// maxScans is how many lookups an index answers by a scan before it
// makes its tables: a scan costs about what making one table's share of
// an entry does, and an import of one article asks two to four
// questions.
const maxScans = 8

// The fields of an entry, in the order of its line (see Save).
const (
	fSlug = iota
	fOrigin
	fFinalURL
	fCanonical
	fSHA256
	fTitle
	fDate
	fListDate
	fStamps
)

// fieldOf gives one field of an entry, unescaped.
type fieldOf func(i int) string

func (e Entry) field(i int) string {
	switch i {
	case fSlug:
		return e.Slug
	case fOrigin:
		return e.Origin
	case fFinalURL:
		return e.FinalURL
	case fCanonical:
		return e.Canonical
	case fSHA256:
		return e.SHA256
	case fTitle:
		return e.Title
	case fDate:
		return e.Date
	case fListDate:
		return e.ListDate
	}
	return ""
}

// lineField is field i of an entry's line, unescaped.
func lineField(line string, i int) string {
	for range i {
		tab := strings.IndexByte(line, '\t')
		if tab < 0 {
			return ""
		}
		line = line[tab+1:]
	}
	if tab := strings.IndexByte(line, '\t'); tab >= 0 {
		line = line[:tab]
	}
	return unescape(line)
}

// scan lists, sorted, the slugs of the entries that match, reading of a
// line not read yet only the fields match asks for.
func (x *Index) scan(match func(fieldOf) bool) []string {
	var out []string
	for slug, e := range x.entries {
		if match(e.field) {
			out = append(out, slug)
		}
	}
	for slug, line := range x.lines {
		if match(func(i int) string { return lineField(line, i) }) {
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out
}

// urlIs reports whether u normalised is n (NormalURL(u) == n, n not ""),
// normalising only a u that holds n's path: every URL that normalises to
// n does.
func urlIs(u, n string) bool {
	path := n
	if rest, ok := strings.CutPrefix(n, "//"); ok {
		_, path, _ = strings.Cut(rest, "/")
	}
	return u != "" && strings.Contains(u, path) && NormalURL(u) == n
}
