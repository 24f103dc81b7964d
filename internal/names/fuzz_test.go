package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind: any text gives names in order, not overlapping, each the text
// between its offsets, each with a Russian and an English form.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Rozmawiałem z Adamem Krajewskim w Białymstoku.",
		"Reprezentowany przez Michaiła Nikołajewicza Samołazowa oraz pana Szelera.",
		"do Suwałk, w Zielonej Górze; Województwa Podlaskiego",
		"Ą-Ę Ł ł- -Adam\u00a0Nowak\u200bKowalski",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, n := range Find(text) {
			if n.Start < end || n.End > len(text) || n.Start >= n.End {
				t.Fatalf("%q at %d:%d after %d in a text of %d bytes", n.Text, n.Start, n.End, end, len(text))
			}
			if text[n.Start:n.End] != n.Text || !utf8.ValidString(n.Text) && utf8.ValidString(text) {
				t.Fatalf("%q is not the text at %d:%d", n.Text, n.Start, n.End)
			}
			if strings.TrimSpace(n.Russian) == "" || strings.TrimSpace(n.English) == "" || n.Nominative == "" {
				t.Fatalf("%q: empty form %+v", n.Text, n)
			}
			end = n.End
		}
	})
}
