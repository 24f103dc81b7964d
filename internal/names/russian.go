package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RussianWords splits a Russian text into lower-case words, ё written е,
// for InRussian.
func RussianWords(text string) []string {
	return strings.FieldsFunc(foldYo(strings.ToLower(text)), func(r rune) bool { return !unicode.IsLetter(r) })
}

// InRussian reports whether the words of a Russian text (RussianWords)
// hold the name's Russian form, or one of the others it accepts, in some
// case form: every word of the form stands there with its own ending or
// another (Краевский, Краевского, Краевским; not Крайевский).
func (n Name) InRussian(words []string) bool {
	for _, form := range append([]string{n.Russian}, n.Also...) {
		if formIn(words, form) {
			return true
		}
	}
	return false
}

func formIn(words []string, form string) bool {
	parts := RussianWords(form)
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !anyDeclined(words, p) {
			return false
		}
	}
	return true
}

func anyDeclined(words []string, part string) bool {
	stems := russianStems(part)
	for _, w := range words {
		if w == part {
			return true
		}
		for _, s := range stems {
			if strings.HasPrefix(w, s) && utf8.RuneCountInString(w)-utf8.RuneCountInString(s) <= 3 {
				return true
			}
		}
	}
	return false
}

// russianStems are the beginnings every case form of a Russian name word
// shares: the word without an adjective ending (Краевский → краевск) or a
// final vowel, й or ь (Мария → мари, Познань → познан), and without a
// fleeting vowel (Павел → павл). Stems shorter than three letters are
// not used: such words must stand whole.
func russianStems(w string) []string {
	r := []rune(w)
	stem := r
	switch {
	case len(r) > 4 && hasAnySuffix(w, "ий", "ый", "ой", "ая", "яя", "ое", "ее"):
		stem = r[:len(r)-2]
	case len(r) > 3 && strings.ContainsRune("аяоеиыуюйь", r[len(r)-1]):
		stem = r[:len(r)-1]
	}
	if len(stem) < 3 {
		return nil
	}
	out := []string{string(stem)}
	if n := len(stem); n >= 4 && (stem[n-2] == 'е' || stem[n-2] == 'о') && !isRussianVowel(stem[n-1]) && !isRussianVowel(stem[n-3]) {
		out = append(out, string(stem[:n-2])+string(stem[n-1]))
	}
	return out
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func isRussianVowel(r rune) bool { return strings.ContainsRune("аяоёеэиыуюй", r) }

// foldYo writes Russian as it is usually printed: ё as е.
func foldYo(s string) string { return yo.Replace(s) }

var yo = strings.NewReplacer("ё", "е", "Ё", "Е")
