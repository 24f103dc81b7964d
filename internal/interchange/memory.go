package interchange

import (
	"fmt"
	"strings"
)

// MemoryPairs picks from TMX units the pairs of a source and a target
// language, matched on their primary subtag ("ru-RU" is "ru"), with the
// tags of OmegaT's plain-text memories (<g0>…</g0>, <x1/>) turned into
// mosty's placeholders as the inline codes are. Units without both
// languages are left out.
func MemoryPairs(units []TMXUnit, srcLang, lang string) []Pair {
	var out []Pair
	for _, u := range units {
		var p Pair
		for l, text := range u.Texts {
			switch primary(l) {
			case primary(srcLang):
				p.Source = shortcutsToPlaceholders(text)
			case primary(lang):
				p.Translation = shortcutsToPlaceholders(text)
			}
		}
		if strings.TrimSpace(p.Source) != "" && strings.TrimSpace(p.Translation) != "" {
			out = append(out, p)
		}
	}
	return out
}

// shortcutsToPlaceholders turns OmegaT's tags into placeholders: <g0> is
// <1>, <x1/> is <2/>.
func shortcutsToPlaceholders(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	return rewriteShortcuts(text, func(n int, closing, empty bool) string {
		switch {
		case closing:
			return fmt.Sprintf("</%d>", n)
		case empty:
			return fmt.Sprintf("<%d/>", n)
		}
		return fmt.Sprintf("<%d>", n)
	})
}
