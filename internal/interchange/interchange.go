// Package interchange writes translators' files in the formats CAT tools
// and platforms read — XLIFF 2.0 and 1.2, PO, TMX, go-i18n message files
// — and reads XLIFF and PO back as translations to merge. It turns
// mosty's placeholders into each format's inline codes and back, so
// tools protect them. It reads and writes no files itself.
package interchange

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
)

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
	Lang        string // the language of the translation: its <file>'s, or the document's
	Slug, ID    string
	Source      string // the source as the file has it, with mosty's placeholders
	Translation string // with mosty's placeholders
	Status      catalog.Status
	Base        string // BaseOf the translation mosty exported; "" when the file has none
}

// BaseOf fingerprints a translation as it is exported (catalog.BaseOf):
// merging back compares it with the translation mosty has then.
func BaseOf(translation string) string { return catalog.BaseOf(translation) }

// docLang is the language of a document's translations: the one they
// share, "" when they have several.
func docLang(ts []Translation, fallback string) string {
	lang := fallback
	for i, t := range ts {
		if i == 0 {
			lang = t.Lang
		} else if t.Lang != lang {
			return ""
		}
	}
	return lang
}

// checkSlug refuses an article name that could not be a slug: a merge
// file names the locale files it writes, and must name only this
// workspace's.
func checkSlug(line int, what, slug string) error {
	if err := acquire.CheckSlug(slug); err != nil {
		return fmt.Errorf("line %d: %s: %w", line, what, err)
	}
	return nil
}
