package interchange

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// ReadOmegaT reads the work of an OmegaT project that mosty made: sources
// are its source/*.xlf files (the units, their ids and Polish), save its
// omegat/project_save.tmx, where OmegaT keeps every current translation
// by source text. A unit whose source has a translation there comes back
// translated; any other comes back with no translation. The language is
// the source files' target language.
func ReadOmegaT(sources [][]byte, save []byte) (string, []Translation, error) {
	srcLang, units, err := ReadTMX(bytes.NewReader(save))
	if err != nil {
		return "", nil, fmt.Errorf("omegat/project_save.tmx: %w", err)
	}
	current := map[string]string{} // OmegaT's source text → translation
	for _, u := range units {
		if _, alt := u.Props["id"]; alt {
			continue // an alternative translation: mosty writes none
		}
		src, tr, ok := sourceAndTarget(u, srcLang)
		if ok {
			current[src] = tr
		}
	}
	var lang string
	var out []Translation
	for i, data := range sources {
		l, ts, err := ReadXLIFF(bytes.NewReader(data))
		if err != nil {
			return "", nil, fmt.Errorf("source file %d: %w", i+1, err)
		}
		lang = l
		for _, t := range ts {
			t.Translation, t.Status, t.State = "", catalog.New, "not translated in OmegaT"
			if tr, ok := current[toOmegaT(t.Source, t.Source)]; ok && tr != "" {
				t.Translation, t.Status, t.State = fromOmegaT(tr, t.Source), catalog.Translated, "translated in OmegaT"
			}
			out = append(out, t)
		}
	}
	return lang, out, nil
}

// sourceAndTarget picks a unit's source text (the language srcLang, or
// the first) and its other text.
func sourceAndTarget(u TMXUnit, srcLang string) (src, tr string, ok bool) {
	var others []string
	for l, text := range u.Texts {
		if primary(l) == primary(srcLang) {
			src = text
		} else {
			others = append(others, text)
		}
	}
	if src == "" || len(others) != 1 {
		return "", "", false
	}
	return src, others[0], true
}

// primary is a language tag's first subtag, lower case: "ru-RU" → "ru".
func primary(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
