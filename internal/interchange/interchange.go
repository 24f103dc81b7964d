// Package interchange writes translators' files in the formats CAT tools
// and platforms read — XLIFF 2.0 and 1.2, PO, TMX, go-i18n message files,
// an OmegaT project — and reads XLIFF, PO, TMX and OmegaT's work back. It
// turns mosty's placeholders into each format's inline codes and back, so
// tools protect them, and maps each format's states to mosty's statuses
// both ways, saying when a target is no translation. It decides nothing
// about merging (catalog does) and reads and writes no files itself.
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
	// ExportID names the export this file is part of, so that merge finds
	// what was exported; written in each format's standard place.
	ExportID string
	Units    []catalog.Unit     // active units, in reading order
	Context  map[string]Context // by unit id: what the translator should see
}

// Context is what travels with a unit besides its text.
type Context struct {
	Matches []Match  // translation memory matches
	Terms   []Term   // glossary terms the source uses
	Names   []string // names of the source with their forms ("Adam Krajewski = Адам Краевский")
	Notes   []string // the translator's comments and own keys ("reviewer: Anna")
}

// A Match is a translation memory match offered with a unit.
type Match struct {
	Source, Translation string
	Similarity          int    // 0–100
	Origin              string // "slug/id" of the match
}

// A Term is a glossary entry a unit's source uses.
type Term struct {
	Source, Target, Note string
}

// A Translation is one unit read back from a CAT tool.
type Translation struct {
	Lang        string // the language of the translation: its <file>'s, or the document's
	Slug, ID    string
	Source      string // the source as the file has it, with mosty's placeholders
	Translation string // the target, with mosty's placeholders
	// Status is what the file says the target is: New when it is no
	// translation (no target, an empty one, or a state such as
	// needs-translation or initial), whatever text it holds.
	Status catalog.Status
	State  string // the file's own word for it, for messages: "needs-translation", "fuzzy"…
	Base   string // BaseOf the translation mosty exported; "" when the file has none
	// ExportID is the export the file says it comes from; "" when unknown.
	ExportID string
}

// BaseOf fingerprints a translation as it was exported, so that merge can
// tell whether it changed in mosty since: then the tool's version is a
// conflict, not an update.
func BaseOf(translation string) string { return catalog.BaseOf(translation) }

// docLang is the language of a document's translations: the one they
// share, "" when they have several; fallback when there are none.
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
// workspace's. An empty name is no name (a PO entry without msgctxt,
// matched by its Polish).
func checkSlug(what, slug string) error {
	if slug == "" {
		return nil
	}
	if err := acquire.CheckSlug(slug); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
