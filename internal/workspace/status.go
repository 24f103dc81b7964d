package workspace

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// Status reads every article's translators' files. A language whose file
// is missing counts as all new. langs limits the languages (all targets
// when empty).
func (w *Workspace) Status(langs []string) ([]catalog.ArticleCoverage, error) {
	if len(langs) == 0 {
		langs = w.Config.TargetLanguages
	}
	paths, err := filepath.Glob(w.Path("locales", w.Config.SourceLanguage, "*.toml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var out []catalog.ArticleCoverage
	for _, p := range paths {
		slug := strings.TrimSuffix(filepath.Base(p), ".toml")
		src, _, err := w.LoadLocale(w.Config.SourceLanguage, slug)
		if err != nil {
			return nil, err
		}
		targets := map[string]*catalog.File{}
		for _, lang := range langs {
			if targets[lang], _, err = w.LoadLocale(lang, slug); err != nil {
				return nil, err
			}
		}
		out = append(out, coverageOf(src, targets, langs))
	}
	return out, nil
}

// coverageOf measures an article's translators' files; a language whose
// file is missing counts as all new.
func coverageOf(src *catalog.File, targets map[string]*catalog.File, langs []string) catalog.ArticleCoverage {
	st := catalog.ArticleCoverage{Slug: src.Header.Slug, Title: src.Header.Title, Coverage: map[string]catalog.Coverage{}, Stale: map[string][]catalog.Unit{}}
	for _, lang := range langs {
		t := targets[lang]
		if t == nil {
			t = catalog.NewTarget("", src, lang)
			t.Merge(src.Units, nil, false)
		}
		st.Coverage[lang] = t.Coverage()
		for _, u := range t.Units {
			if u.Status == catalog.Fuzzy && u.PreviousSource != "" && !u.Obsolete {
				u.Extra = nil // only the texts are reported
				st.Stale[lang] = append(st.Stale[lang], u)
			}
		}
	}
	return st
}

// UpdateLocale loads an article's translators' file for lang, lets edit
// change it, and writes it back atomically if its bytes changed. The
// caller holds the workspace lock.
func (w *Workspace) UpdateLocale(lang, slug string, edit func(*catalog.File)) error {
	f, data, err := w.LoadLocale(lang, slug)
	if err != nil {
		return err
	}
	if f == nil {
		return nil
	}
	edit(f)
	if out := f.Bytes(); string(out) != string(data) {
		return writeFile(f.Path, out)
	}
	return nil
}
