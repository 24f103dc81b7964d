package workspace

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/interchange"
	"github.com/mosty-dev/mosty/internal/langtag"
	"github.com/mosty-dev/mosty/internal/names"
)

// maxMatches is how many memory matches an exported unit carries.
const maxMatches = 3

// unitContext is what travels with a unit in an export: the memory's
// close matches (for segments not done), the glossary terms its Polish
// uses, in Russian the names it holds with their Russian forms, and the
// translator's comments and own keys. ru says lang is Russian (isRussian).
func (o *op) unitContext(slug, lang string, ru bool, u catalog.Unit) (interchange.Context, error) {
	var c interchange.Context
	if !u.Status.Done() {
		m, err := o.memory(lang)
		if err != nil {
			return c, err
		}
		for _, match := range m.Lookup(u.Source, o.w.Config.TM.MinMatch, maxMatches+1) {
			if match.Origin != slug+"/"+u.ID && len(c.Matches) < maxMatches {
				c.Matches = append(c.Matches, interchange.Match{Source: match.Source, Translation: match.Translation, Similarity: match.Score, Origin: match.Origin})
			}
		}
		if err := memoryErr(lang, m); err != nil {
			return c, err
		}
	}
	g, err := o.glossary()
	if err != nil {
		return c, err
	}
	for _, t := range g.Find(u.Source) {
		c.Terms = append(c.Terms, interchange.Term{Source: t.Forms[g.SourceLang], Target: t.Forms[lang], Note: t.Note})
	}
	if ru {
		c.Names = o.names.SegmentHints(u.Source, g)
	}
	c.Notes = translatorNotes(u)
	return c, nil
}

// isRussian reports whether lang is Russian, whose exports carry the
// names' Russian forms. An export asks once per article, not per segment:
// a language matcher is made at each call.
func isRussian(lang string) bool {
	_, ru := langtag.Match(lang, []string{"ru"})
	return ru
}

// translatorNotes are a unit's comments and the keys a translator or a
// tool added, as "key: value" — not those mosty sets itself, nor a git
// merge's other version (the export's note says both: ForReview).
func translatorNotes(u catalog.Unit) []string {
	notes := u.Comments()
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range u.Extra {
			if !yield(k) {
				return
			}
		}
	}) {
		if k == glossary.KeyTerms || k == names.KeyHints || slices.Contains(catalog.TMKeys, k) || strings.HasPrefix(k, catalog.ConflictPrefix) {
			continue
		}
		notes = append(notes, fmt.Sprintf("%s: %v", k, u.Extra[k]))
	}
	return notes
}

// omegatProject makes an OmegaT project of docs, with the memory of lang
// and the glossary.
func (o *op) omegatProject(lang string, docs []interchange.Doc) (map[string][]byte, error) {
	m, err := o.memory(lang)
	if err != nil {
		return nil, err
	}
	g, err := o.glossary()
	if err != nil {
		return nil, err
	}
	p := interchange.OmegaTProject{SourceLang: o.w.Config.SourceLanguage, Lang: lang, Docs: docs}
	for _, e := range m.Entries() {
		p.Memory = append(p.Memory, interchange.Pair{Source: e.Source, Translation: e.Translation})
	}
	for _, t := range g.Terms {
		if t.Forms[lang] != "" {
			p.Terms = append(p.Terms, interchange.Term{Source: t.Forms[g.SourceLang], Target: t.Forms[lang], Note: strings.TrimSpace(t.Note)})
		}
	}
	return p.Files()
}
