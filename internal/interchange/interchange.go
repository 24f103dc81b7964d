// Package interchange writes translators' files in the formats CAT tools
// and platforms read — XLIFF 2.0 and 1.2, PO, TMX, go-i18n message files
// — and reads XLIFF and PO back as translations to merge. It turns
// mosty's placeholders into each format's inline codes and back, so
// tools protect them. It reads and writes no files itself.
package interchange

import "github.com/mosty-dev/mosty/internal/catalog"

// A Doc is one article's translators' file with what the formats need to
// say about it.
type Doc struct {
	Slug, Title string
	SourceLang  string
	Lang        string
	Units       []catalog.Unit // active units, in reading order
}

// A Translation is one unit read back from a CAT tool.
type Translation struct {
	Slug, ID    string
	Source      string // the source as the file has it, with mosty's placeholders
	Translation string // with mosty's placeholders
	Status      catalog.Status
	Base        string // BaseOf the translation mosty exported; "" when the file has none
}

// BaseOf fingerprints a translation as it is exported (catalog.BaseOf):
// merging back compares it with the translation mosty has then.
func BaseOf(translation string) string { return catalog.BaseOf(translation) }
