package workspace

import (
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/qa"
)

// Check runs the QA checks over the translators' files of langs (read
// with TargetLanguages: all targets when empty). A file whose stamp is
// the one it had when it was last checked is not read again: its
// findings come from .mosty/check.
func (w *Workspace) Check(langs []string) ([]qa.Finding, error) {
	langs, err := w.TargetLanguages(langs)
	if err != nil {
		return nil, err
	}
	o := w.newOp()
	g, err := o.glossary()
	if err != nil {
		return nil, err
	}
	stamps, err := o.listing()
	if err != nil {
		return nil, err
	}
	c := &qa.Checker{Glossary: g, Errors: w.Config.Check.Errors}
	cache := w.loadCheckCache()
	seen := map[string]bool{}
	var out []qa.Finding
	for _, slug := range stamps.slugs() {
		for _, lang := range w.Config.TargetLanguages {
			if stamps.locale(slug, lang) != index.Missing {
				seen["locales/"+lang+"/"+slug+".toml"] = true
			}
		}
		var polish map[string]string // the Polish of each segment, read once an article needs it
		for _, lang := range langs {
			// A file's findings depend on it and on the Polish file (a
			// segment stale against the Polish it was made from).
			st := checkStamp{stamps.locale(slug, lang), stamps.locale(slug, w.Config.SourceLanguage)}
			if st.Locale == index.Missing {
				continue
			}
			rel := "locales/" + lang + "/" + slug + ".toml"
			if findings, ok := cache.get(rel, st); ok {
				out = append(out, findings...)
				continue
			}
			if polish == nil {
				src, err := w.loadSource(slug)
				if err != nil {
					return nil, err
				}
				polish = make(map[string]string, len(src.Units))
				for _, u := range src.Units {
					polish[u.ID] = u.Source
				}
			}
			f, _, err := w.LoadLocale(lang, slug)
			if err != nil {
				return nil, err
			}
			var findings []qa.Finding
			for _, u := range f.Units {
				p, ok := polish[u.ID]
				findings = append(findings, c.Stale(w.Rel(f.Path), u, p, ok)...)
				findings = append(findings, c.Unit(w.Rel(f.Path), lang, u)...)
			}
			cache.put(rel, st, findings)
			out = append(out, findings...)
		}
	}
	// Saved only when the whole run read what it had to: a cache is
	// never the reason a check fails.
	_ = w.saveCheckCache(cache, seen)
	return out, nil
}
