package workspace

import (
	"slices"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/qa"
)

// Glossary reads the workspace's glossary.toml (empty when there is none),
// once per operation.
func (w *Workspace) Glossary() (*glossary.Glossary, error) {
	w.tmMu.Lock()
	defer w.tmMu.Unlock()
	if w.glossary == nil {
		g, err := glossary.Load(w.Path("glossary.toml"), w.Config.SourceLanguage)
		if err != nil {
			return nil, err
		}
		w.glossary = g
	}
	return w.glossary, nil
}

// Check runs the QA checks over the translators' files of langs (all
// targets when empty).
func (w *Workspace) Check(langs []string) ([]qa.Finding, error) {
	if len(langs) == 0 {
		langs = w.Config.TargetLanguages
	}
	w.forgetMemories()
	g, err := w.Glossary()
	if err != nil {
		return nil, err
	}
	c := &qa.Checker{Glossary: g, Errors: w.Config.Check.Errors}
	slugs, err := w.articleSlugs()
	if err != nil {
		return nil, err
	}
	var out []qa.Finding
	for _, slug := range slugs {
		for _, lang := range langs {
			f, _, err := w.LoadLocale(lang, slug)
			if err != nil {
				return nil, err
			}
			if f == nil {
				continue
			}
			for _, u := range f.Units {
				out = append(out, c.Unit(w.Rel(f.Path), lang, u)...)
			}
		}
	}
	return out, nil
}

// keyTerms lists, next to a segment, the glossary terms in its Polish with
// their approved rendering, for the translator.
const keyTerms = "terms"

// showTerms sets each active unit's terms key from the glossary, and
// removes it where no term occurs.
func showTerms(f *catalog.File, g *glossary.Glossary, lang string) {
	for i := range f.Units {
		u := &f.Units[i]
		var terms []any
		for _, t := range g.Find(u.Source) {
			if want := t.Forms[lang]; want != "" {
				terms = append(terms, t.Forms[g.SourceLang]+" = "+want)
			}
		}
		switch {
		case len(terms) > 0 && !u.Obsolete:
			if u.Extra == nil {
				u.Extra = map[string]any{}
			}
			if old, ok := u.Extra[keyTerms].([]any); !ok || !slices.Equal(old, terms) {
				u.Extra[keyTerms] = terms
			}
		case u.Extra[keyTerms] != nil:
			delete(u.Extra, keyTerms)
		}
	}
}
