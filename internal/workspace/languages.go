package workspace

import (
	"github.com/mosty-dev/mosty/internal/langtag"
)

// TargetLanguage reads a language tag as one of the workspace's target
// languages, spelt as mosty.toml spells it: "ru-RU", "ru_RU" and "RU" are
// "ru" (see langtag.Match). A language the workspace does not translate
// into is a *langtag.UnknownError naming those it does.
func (w *Workspace) TargetLanguage(tag string) (string, error) {
	if i, ok := langtag.Match(tag, w.Config.TargetLanguages); ok {
		return w.Config.TargetLanguages[i], nil
	}
	what := "a target language of this workspace"
	if _, ok := langtag.Match(tag, []string{w.Config.SourceLanguage}); ok {
		what = "a target language: it is the source language of this workspace"
	}
	return "", &langtag.UnknownError{Given: tag, What: what, Known: w.Config.TargetLanguages, Where: "target_languages in mosty.toml"}
}

// TargetLanguages reads each tag with TargetLanguage, dropping repeats;
// none means every target language.
func (w *Workspace) TargetLanguages(tags []string) ([]string, error) {
	if len(tags) == 0 {
		return w.Config.TargetLanguages, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		lang, err := w.TargetLanguage(t)
		if err != nil {
			return nil, err
		}
		if !seen[lang] {
			seen[lang] = true
			out = append(out, lang)
		}
	}
	return out, nil
}
