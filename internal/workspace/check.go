package workspace

import (
	"github.com/mosty-dev/mosty/internal/qa"
)

// Check runs the QA checks over the translators' files of langs (read
// with TargetLanguages: all targets when empty).
func (w *Workspace) Check(langs []string) ([]qa.Finding, error) {
	langs, err := w.TargetLanguages(langs)
	if err != nil {
		return nil, err
	}
	g, err := w.newOp().glossary()
	if err != nil {
		return nil, err
	}
	c := &qa.Checker{Glossary: g, Errors: w.Config.Check.Errors}
	slugs, err := w.Articles()
	if err != nil {
		return nil, err
	}
	var out []qa.Finding
	for _, slug := range slugs {
		src, err := w.loadSource(slug)
		if err != nil {
			return nil, err
		}
		polish := make(map[string]string, len(src.Units))
		for _, u := range src.Units {
			polish[u.ID] = u.Source
		}
		for _, lang := range langs {
			f, _, err := w.LoadLocale(lang, slug)
			if err != nil {
				return nil, err
			}
			if f == nil {
				continue
			}
			for _, u := range f.Units {
				p, ok := polish[u.ID]
				out = append(out, c.Stale(w.Rel(f.Path), u, p, ok)...)
				out = append(out, c.Unit(w.Rel(f.Path), lang, u)...)
			}
		}
	}
	return out, nil
}
