// Package extract turns a decoded source document (HTML, plain text or
// Markdown) into an article.Article: title, date, category and the blocks of
// the article body in reading order, with inline markup kept as numbered
// placeholders.
//
// It finds the article inside a full CMS page and leaves out what is not the
// article: menus, headers, footers, sidebars, cookie bars, polls, share
// links, pagers, scripts, styles and forms. It does not decode charsets
// (acquire does), split sentences (segment does) or touch the file system.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// RulesVersion is a fingerprint of the embedded rule files. A change to
// extraction code is a bump of pipelineVersion in internal/workspace,
// beside which the whole fingerprint is computed.
func RulesVersion() string {
	h := sha256.Sum256([]byte(boilerplateRules + monthRules))
	return hex.EncodeToString(h[:6])
}

// ErrNoArticle is returned when a document holds no article text.
var ErrNoArticle = errors.New("no article text found")

// Options tune extraction. The zero value is ready to use.
type Options struct {
	// Lang is the language of the source ("pl" unless the page says
	// otherwise); used when the page has no lang attribute.
	Lang string
	// Profile, when set, names the parts of the page with CSS selectors
	// instead of finding them automatically.
	Profile *Profile
}

// A Profile names the parts of one site's pages with CSS selectors. Every
// field is optional; an empty one falls back to automatic extraction.
type Profile struct {
	Article  string   `toml:"article"`  // the container of the article
	Title    string   `toml:"title"`    // the element holding the title
	Date     string   `toml:"date"`     // the element holding the date
	Body     string   `toml:"body"`     // the container of the body text
	Category string   `toml:"category"` // the element naming the category
	Exclude  []string `toml:"exclude"`  // elements to leave out of the body
	// On listing pages (mosty fetch --list):
	Links string `toml:"links"` // the links to articles
	Next  string `toml:"next"`  // the link to the next page of the listing
}

// A FormatError says a source could not be read as the format its name
// suggests.
type FormatError struct {
	Format string
	Err    error
}

func (e *FormatError) Error() string { return fmt.Sprintf("reading %s: %v", e.Format, e.Err) }
func (e *FormatError) Unwrap() error { return e.Err }
