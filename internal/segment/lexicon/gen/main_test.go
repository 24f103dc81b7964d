package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestClassify: a form only capitalised is a name, one written both ways
// mixed, a stop word a function word, and the small-letter forms the
// filter keeps common words.
func TestClassify(t *testing.T) {
	forms := []string{"Kowalski", "kowalski", "Warszawa", "kolejne", "rok", "Rok", "approx", "w", "W", "Россия", "I", "I'm"}
	keep := func(w string) bool { return w != "approx" }
	got := classify(forms, []string{"w", "jego", "россия", "i", "i'm"}, keep, map[string]bool{"Rok": true})
	want := map[string]byte{
		"kowalski": mixed, "warszawa": name, "kolejne": common,
		"rok": common, // "Rok" is a part of a name

		"w": funcName, "jego": function,
		"россия": name,                      // a name in a stop-word list
		"i":      funcName, "i'm": funcName, // the pronoun
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q: class %q, want %q", k, got[k], v)
		}
	}
	if c, ok := got["approx"]; ok {
		t.Errorf("approx kept as %q, but the filter left it out", c)
	}
}

// TestCommonFilter: English keeps every word but short bare entries (its
// abbreviations); Polish and Russian keep short words but such entries,
// and Russian those with a surname's ending from the rules' "name-ending"
// lines.
func TestCommonFilter(t *testing.T) {
	dir := t.TempDir()
	dic := filepath.Join(dir, "en_US.dic")
	os.WriteFile(dic, []byte("7\napprox\nparty/SM\nnevertheless\nbldg\nszok/NQsT\ngodz\nлаб\n"), 0o644)
	rules := filepath.Join(dir, "ru.txt")
	os.WriteFile(rules, []byte("# endings\nname-ending ский ина\nname-ending-always ов\n"), 0o644)
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"en", "party", true},
		{"en", "nevertheless", true}, // bare but long: a word
		{"en", "approx", false},
		{"en", "bldg", false},
		{"ru", "российский", true},
		{"ru", "причина", true},
		{"ru", "волков", false}, // name-ending-always: not kept
		{"ru", "книга", false},
		{"ru", "день", true}, // short
		{"ru", "лаб", false}, // short, but a bare entry: an abbreviation
		{"pl", "kolejne", false},
		{"pl", "szok", true},
		{"pl", "kolejnych", false}, // long
		{"pl", "godz", false},
		{"pl", "dr", false}, // a contraction: no vowel
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			keep, err := commonFilter(tt.lang, dir, dic, "UTF-8")
			if err != nil {
				t.Fatal(err)
			}
			if got := keep(tt.word); got != tt.want {
				t.Errorf("keep(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestNameEndingsNeedsLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ru.txt")
	os.WriteFile(path, []byte("never г.\n"), 0o644)
	if _, err := nameEndings(path); err == nil {
		t.Error("a rules file without name-ending lines gave endings")
	}
}

// TestNameParts: a capitalised Polish entry without affixes that the
// dictionary also has in small letters, and no capitalised entry of its
// own with affixes, is a part of a name; names that decline, acronyms and
// other languages' entries are not.
func TestNameParts(t *testing.T) {
	dic := filepath.Join(t.TempDir(), "pl_PL.dic")
	os.WriteFile(dic, []byte("8\nNowy\nnowy/XYbxy\nRok\nrok/NQsT\nPolska/M\npolska\nNATO\nnato\n"), 0o644)
	got, err := nameParts("pl", dic, "UTF-8")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"Nowy": true, "Rok": true, "Polska": false, "NATO": false} {
		if got[w] != want {
			t.Errorf("%s: part of a name %v, want %v", w, got[w], want)
		}
	}
	if en, _ := nameParts("en", dic, "UTF-8"); len(en) != 0 {
		t.Errorf("English name parts %v, want none", en)
	}
}
