package names

import (
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
)

// KeyHints is the key under which a Russian translators' file lists, next
// to a segment, the names of its Polish with their Russian forms:
// names = ["Adam Krajewski = Адам Краевский"].
const KeyHints = catalog.KeyNames

// Annotate sets the names key of each active unit of a Russian
// translators' file from its Polish, and removes it where the Polish has
// no name (or the unit is obsolete). Placeholders do not split a name
// (<1>Adam</1> Krajewski). Where the glossary has a name, its form wins.
func Annotate(f *catalog.File, g *glossary.Glossary) {
	new(Finder).Annotate(f, g)
}

// Annotate is Annotate with what the finder read before: an import or a
// sync annotates all its files with one finder.
func (finder *Finder) Annotate(f *catalog.File, g *glossary.Glossary) {
	for i := range f.Units {
		u := &f.Units[i]
		var list []any
		if !u.Obsolete {
			for _, h := range finder.SegmentHints(u.Source, g) {
				list = append(list, h)
			}
		}
		u.SetHint(KeyHints, list)
	}
}

// SegmentHints are the hints of a segment's Polish (placeholders left
// out) for a translator into Russian, the glossary's form winning: what
// Annotate writes, and exports carry as notes.
func (f *Finder) SegmentHints(source string, g *glossary.Glossary) []string {
	src := article.Plain(source)
	return f.Hints(src, func(n Name) (string, bool) { return GlossaryForm(g, src, n, "ru") })
}

// GlossaryForm is the form in lang that the glossary gives name n, found
// in source: that of a term found in source which is the name or holds
// it; false when the glossary has none ("" when the term has no form in
// lang).
func GlossaryForm(g *glossary.Glossary, source string, n Name, lang string) (string, bool) {
	if g == nil {
		return "", false
	}
	nameWords := glossary.Words(n.Text)
	for _, t := range g.Find(source) {
		pl := t.Forms[g.SourceLang]
		if glossary.Contains(nameWords, pl) || glossary.Contains(glossary.Words(pl), n.Nominative) {
			return t.Forms[lang], true
		}
	}
	return "", false
}
