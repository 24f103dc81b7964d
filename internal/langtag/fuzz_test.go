package langtag

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// FuzzMatch reads any text as a language tag: it never panics, and a
// match is one of the known languages, of the same base language.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"ru", "ru-RU", "ru_RU", "RU", "en-GB", "be", "x", "", "zh-Hant-TW", "ru-u-co-phonebk", "en-x-private", "i-klingon"} {
		f.Add(s)
	}
	known := []string{"ru", "en", "pt-BR"}
	f.Fuzz(func(t *testing.T, given string) {
		i, ok := Match(given, known)
		if !ok {
			if i != -1 {
				t.Fatalf("Match(%q) = %d without a match", given, i)
			}
			return
		}
		if i < 0 || i >= len(known) {
			t.Fatalf("Match(%q) = %d, out of range", given, i)
		}
		g, _ := language.Parse(strings.TrimSpace(given))
		if !sameBase(g, language.MustParse(known[i])) {
			t.Fatalf("Match(%q) = %s, another language", given, known[i])
		}
	})
}
