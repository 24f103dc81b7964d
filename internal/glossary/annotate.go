package glossary

import "github.com/mosty-dev/mosty/internal/catalog"

// KeyTerms is the key Annotate sets next to a segment: the glossary terms
// in its Polish with their approved rendering, for the translator.
const KeyTerms = catalog.KeyTerms

// Annotate sets each active unit's terms key of a translators' file in
// lang ("Wschodni Klaster Budowlany = Восточный строительный кластер"),
// and removes it where no term occurs any more. A unit whose terms did
// not change is left untouched, so its bytes are written back as read.
func (g *Glossary) Annotate(f *catalog.File, lang string) {
	for i := range f.Units {
		u := &f.Units[i]
		var terms []any
		for _, t := range g.Find(u.Source) {
			if want := t.Forms[lang]; want != "" {
				terms = append(terms, t.Forms[g.SourceLang]+" = "+want)
			}
		}
		if u.Obsolete {
			terms = nil
		}
		u.SetHint(KeyTerms, terms)
	}
}
