package site

import (
	"encoding/binary"
	"errors"
	"strings"

	"github.com/mosty-dev/mosty/internal/bindec"
	"github.com/mosty-dev/mosty/internal/extsort"
)

// An entry is a published version as the listings and sitemaps sort it
// on disk: the language (its place in the site's languages) and the
// listing (its place in the language's listings) it is listed in, and
// what the pages show of it — slug, language, title, category, summary
// and date.
type entry struct {
	lang, rank int
	v          Version
}

// listedCodec writes an entry as a run of an external sort holds it.
var listedCodec = extsort.Codec[entry]{Append: appendListed, Decode: decodeListed}

func appendListed(b []byte, l entry) []byte {
	b = binary.AppendUvarint(b, uint64(l.lang))
	b = binary.AppendUvarint(b, uint64(l.rank))
	for _, s := range []string{l.v.Slug, l.v.Lang, l.v.Title, l.v.Category, l.v.Summary} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	date, _ := l.v.Date.MarshalBinary() // an article's date has a zone of whole minutes: it always encodes
	return append(b, date...)
}

var errBadListed = errors.New("a damaged listing record")

// decodeListed reads what appendListed wrote; the version is published.
func decodeListed(b []byte) (entry, error) {
	var l entry
	d := bindec.Decoder{B: b}
	lang, rank := d.Uint(), d.Uint()
	fields := []*string{&l.v.Slug, &l.v.Lang, &l.v.Title, &l.v.Category, &l.v.Summary}
	for _, f := range fields {
		*f = d.String()
	}
	if d.Bad || lang > 1<<16 || rank > 1<<30 {
		return entry{}, errBadListed
	}
	l.lang, l.rank, l.v.Published = int(lang), int(rank), true
	if err := l.v.Date.UnmarshalBinary(d.B); err != nil {
		return entry{}, errBadListed
	}
	return l, nil
}

// byListing orders listing records by language, then listing, then
// newest first.
func byListing(a, b entry) int {
	if a.lang != b.lang {
		return a.lang - b.lang
	}
	if a.rank != b.rank {
		return a.rank - b.rank
	}
	return newestFirst(&a.v, &b.v)
}

// bySlug orders records by slug; the sort keeps the order of the
// languages.
func bySlug(a, b entry) int { return strings.Compare(a.v.Slug, b.v.Slug) }
