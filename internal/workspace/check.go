package workspace

import (
	"runtime"

	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/par"
	"github.com/mosty-dev/mosty/internal/qa"
)

// Check runs the QA checks over the translators' files of langs (read
// with TargetLanguages: all targets when empty). A file whose stamp is
// the one it had when it was last checked is not read again: its
// findings come from .mosty/check. The others are read and checked on
// all cores, an article at a time; the findings come in the order of
// the articles and languages whatever the cores did first.
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
	slugs := stamps.slugs()
	// What each article's files are, and which of them the cache has.
	checks := make([][]fileCheck, len(slugs))
	var todo []int // articles with a file to read
	for i, slug := range slugs {
		for _, lang := range w.Config.TargetLanguages {
			if stamps.locale(slug, lang) != index.Missing {
				seen["locales/"+lang+"/"+slug+".toml"] = true
			}
		}
		for _, lang := range langs {
			// A file's findings depend on it and on the Polish file (a
			// segment stale against the Polish it was made from).
			fc := fileCheck{lang: lang, rel: "locales/" + lang + "/" + slug + ".toml",
				st: checkStamp{stamps.locale(slug, lang), stamps.locale(slug, w.Config.SourceLanguage)}}
			if fc.st.Locale == index.Missing {
				continue
			}
			if findings, ok := cache.get(fc.rel, fc.st); ok {
				fc.findings, fc.cached = findings, true
			}
			if !fc.cached && (len(todo) == 0 || todo[len(todo)-1] != i) {
				todo = append(todo, i)
			}
			checks[i] = append(checks[i], fc)
		}
	}
	errs := make([]error, len(todo))
	par.Do(len(todo), runtime.GOMAXPROCS(0), func(k int) {
		errs[k] = w.checkArticle(slugs[todo[k]], checks[todo[k]], c)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var out []qa.Finding
	for _, article := range checks {
		for _, fc := range article {
			if !fc.cached {
				cache.put(fc.rel, fc.st, fc.findings)
			}
			out = append(out, fc.findings...)
		}
	}
	// Saved only when the whole run read what it had to: a cache is
	// never the reason a check fails.
	_ = w.saveCheckCache(cache, seen)
	return out, nil
}

// fileCheck is one translators' file of a check: its findings, from the
// cache or made by checkArticle.
type fileCheck struct {
	lang, rel string
	st        checkStamp
	findings  []qa.Finding
	cached    bool
}

// checkArticle checks the files of one article the cache does not have,
// reading its Polish once.
func (w *Workspace) checkArticle(slug string, files []fileCheck, c *qa.Checker) error {
	src, err := w.loadSource(slug)
	if err != nil {
		return err
	}
	polish := make(map[string]string, len(src.Units))
	for _, u := range src.Units {
		polish[u.ID] = u.Source
	}
	for i := range files {
		fc := &files[i]
		if fc.cached {
			continue
		}
		f, _, err := w.LoadLocale(fc.lang, slug)
		if err != nil {
			return err
		}
		for _, u := range f.Units {
			p, ok := polish[u.ID]
			fc.findings = append(fc.findings, c.Stale(w.Rel(f.Path), u, p, ok)...)
			fc.findings = append(fc.findings, c.Unit(w.Rel(f.Path), fc.lang, u)...)
		}
	}
	return nil
}
