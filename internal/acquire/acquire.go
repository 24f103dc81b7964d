// Package acquire brings source articles into mosty as they are: it reads
// local files (and fetches pages), says what format they are in, decodes
// their charset to NFC text and gives each a stable ASCII slug. It reads
// the lists sites give of their articles — sitemaps, sitemap indexes, RSS
// and Atom feeds — and finds them on a site.
//
// It reads only regular files, each within a size limit, and never follows
// a link out of a folder it imports; fetching obeys robots.txt on every
// host a redirect leads to. It keeps the original bytes untouched for the
// workspace to store. It does not interpret the document (extract does)
// or write anything.
package acquire

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Format is how a source is written.
type Format string

// The formats mosty imports.
const (
	HTML     Format = "html"
	Text     Format = "text"
	Markdown Format = "markdown"
)

// extensions maps file name endings to formats.
var extensions = map[string]Format{
	".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
	".txt": Text, ".text": Text,
	".md": Markdown, ".markdown": Markdown,
}

// ErrUnknownFormat is returned for a file whose name does not say a format
// mosty reads.
var ErrUnknownFormat = errors.New("not an .html, .htm, .txt or .md file")

// A Source is one acquired document: its bytes exactly as read, where they
// came from, and their text.
type Source struct {
	Origin  string // absolute file path or URL
	Name    string // the file or page name the slug is made from
	Format  Format
	Raw     []byte
	Decoded Decoded
	Fetch   *Fetched // for a fetched page: what the server said; nil for a file
}

// Sum is the SHA-256 of the raw bytes, hex-encoded: it tells whether a
// source changed since it was last imported.
func (s *Source) Sum() string {
	h := sha256.Sum256(s.Raw)
	return hex.EncodeToString(h[:])
}

// Ext is the file extension the raw bytes are stored under.
func (s *Source) Ext() string {
	switch s.Format {
	case Text:
		return ".txt"
	case Markdown:
		return ".md"
	}
	return ".html"
}

// FormatOf says which format a file name stands for.
func FormatOf(name string) (Format, error) {
	f, ok := extensions[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return "", fmt.Errorf("%q: %w", name, ErrUnknownFormat)
	}
	return f, nil
}

// ReadFile reads a local article file: a regular file of at most
// MaxArticleFile bytes (see ReadRegular).
func ReadFile(path string) (*Source, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	raw, err := ReadRegular(path, MaxArticleFile)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &Source{Origin: abs, Name: name, Format: format, Raw: raw, Decoded: Decode(raw, "")}, nil
}

// FromBytes makes a Source of bytes already in memory; name is a file
// name that says the format, origin where the bytes came from.
func FromBytes(name, origin string, raw []byte) (*Source, error) {
	format, err := FormatOf(name)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return &Source{Origin: origin, Name: base, Format: format, Raw: raw, Decoded: Decode(raw, "")}, nil
}
