// Package article holds the data model every stage of mosty shares: an
// Article is a list of Blocks (paragraphs, headings, list items, table cells,
// translatable attributes), and each Block is split into Segments, the units a
// translator sees.
//
// The package only describes; it reads no files and knows nothing of HTML
// parsing, sentence rules or TOML. Stages fill these types in one direction:
// extract builds Articles and Blocks, segment fills Block.Segments.
package article

import "time"

// An Article is one imported or fetched article in the source language.
type Article struct {
	Slug        string    // stable ASCII name, used for file names and URLs
	Lang        string    // BCP 47 tag of the text, "pl" for mosty's sources
	Title       string    // plain text, NFC
	Date        time.Time // publication date; zero when the page gives none
	Category    string    // section of the site the article belongs to, if known
	Description string    // the page's meta description, if any
	Origin      string    // where it came from: a file path or a URL
	Canonical   string    `json:",omitempty"` // the page's canonical URL, when it names one
	Blocks      []Block   // reading order; the title is Blocks[0] when known
}

// Kind says what sort of unit a Block is, so translators and page templates
// can treat a heading differently from an image's alt text.
type Kind string

// The kinds of Block, named as translators see them in the locale files.
const (
	KindTitle       Kind = "title"
	KindHeading     Kind = "heading"
	KindParagraph   Kind = "paragraph"
	KindListItem    Kind = "list-item"
	KindTableCell   Kind = "table-cell"
	KindQuote       Kind = "quote"
	KindCaption     Kind = "caption"
	KindTerm        Kind = "term"
	KindDefinition  Kind = "definition"
	KindAlt         Kind = "alt"         // an image's alt attribute
	KindTooltip     Kind = "tooltip"     // a title attribute of a link or abbreviation
	KindDescription Kind = "description" // the page's meta description
)

// IsAttribute reports whether the kind is text held in an HTML attribute
// rather than in the page body.
func (k Kind) IsAttribute() bool {
	return k == KindAlt || k == KindTooltip || k == KindDescription
}

// A Block is one run of text that the page shows as a unit: a paragraph, a
// list item, a table cell, an alt text.
//
// Text is NFC with inline markup replaced by numbered placeholders: <1>…</1>
// for an element with content, <2/> for an empty one (an image), and "\n"
// where the page had a <br>. Tags says which element each number stands for,
// with its attributes, so a translation can be put back as markup exactly;
// translators never see the attributes.
type Block struct {
	Kind    Kind
	Element string // the HTML element the text came from: p, h2, li, td, img…
	Text    string // placeholder text, see above
	Tags    []Tag  // Tags[i] is placeholder i+1
	Wrap    *Tag   // an element wrapping the whole text, kept without a placeholder; for an
	// attribute block of an element on its own (an image alone in a paragraph), that element
	Owner    int // for attribute blocks: index of the block holding the element, or -1
	OwnerTag int // for attribute blocks: the placeholder number in the owner, 0 if none
	// Group names the list, table row or definition list a block belongs
	// to ("ul:1", "table:2/tr:3"), so pages can be built again with the
	// same structure; "" for a block on its own.
	Group    string
	Segments []Segment // filled by the segmenter; a Block is never empty of them once segmented
}

// A Tag is the element behind one placeholder.
type Tag struct {
	Name  string // lower-case element name: a, strong, img…
	Attrs []Attr // in source order
	Empty bool   // rendered as <n/>; the element has no content
}

// An Attr is one HTML attribute, kept verbatim.
type Attr struct {
	Key, Val string
}

// Attr returns the value of the named attribute and whether it is present.
func (t Tag) Attr(key string) (string, bool) {
	for _, a := range t.Attrs {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// A Segment is the unit of translation: usually one sentence of a Block.
//
// Its placeholders are numbered from 1 in every segment, whatever the
// block held before it: the block's "… <3>Fundacja</3> …" is the
// segment's "<1>Fundacja</1>", and Tags says that <1> is the block's <3>.
type Segment struct {
	Text       string // placeholder text, numbered from <1>; never cuts a pair in two
	Index      int    // position within the block, from 0
	Start, End int    // where the segment is in the block's Text
	Tags       []int  // Tags[n-1] is the block's number of placeholder n; nil: the same numbers
}

// BlockTag returns the number in the block's Text (and Tags) of the
// segment's placeholder n; 0 when the segment has no such placeholder.
func (s Segment) BlockTag(n int) int {
	switch {
	case s.Tags == nil:
		return n
	case n < 1 || n > len(s.Tags):
		return 0
	}
	return s.Tags[n-1]
}
