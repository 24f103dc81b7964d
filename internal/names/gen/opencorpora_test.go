package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTagClass(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"NOUN,anim,masc,Sgtm,Surn sing,nomn", "s"},
		{"NOUN,anim,femn,Sgtm,Surn sing,nomn", "s"},
		{"NOUN,anim,masc,Sgtm,Surn sing,gent", ""},
		{"NOUN,anim,masc,Name sing,nomn", "g"},
		{"NOUN,anim,masc,Patr sing,nomn", "p"},
		{"NOUN,inan,masc,Sgtm,Geox sing,nomn", "t"},
		{"NOUN,inan,GNdr,Pltm,Geox plur,nomn", "t"}, // Ошмяны
		{"NOUN,anim,GNdr,Ms-f,Surn plur,nomn", ""},  // Ивановы
		{"NOUN,anim,masc,Name,Abbr sing,nomn", ""},  // an abbreviation
		{"NOUN,anim,masc,Name,Init sing,nomn", ""},  // an initial
		{"NOUN,inan,masc sing,nomn", ""},            // a common noun
		{"ADJF,Qual,Geox masc,sing,nomn", "t"},      // Нижний (of a place)
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if got := tagClass(tt.tag); got != tt.want {
				t.Errorf("tagClass(%q) = %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}

// TestReadDAWGErrors: a file too short, or whose counts do not fit, is
// refused, not read past its end.
func TestReadDAWGErrors(t *testing.T) {
	dir := t.TempDir()
	for name, b := range map[string][]byte{
		"short":    {1, 0, 0},
		"units":    {9, 0, 0, 0, 0, 0, 0, 0},
		"guide":    {1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0},
		"no guide": {1, 0, 0, 0, 0, 0, 0, 0},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := readDAWG(p); err == nil {
				t.Errorf("readDAWG read a bad file (%v)", b)
			}
		})
	}
}

// TestProperNominatives reads the installed az's dictionary (npm install
// -g az@0.2.3) and checks words of each class.
func TestProperNominatives(t *testing.T) {
	const dir = "/usr/lib/node_modules/az/dicts"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("az is not installed: npm install -g az@0.2.3")
	}
	az, err := readAz(dir)
	if err != nil {
		t.Fatal(err)
	}
	words, err := az.properNominatives()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{
		"колесникова": "s", "колесников": "s", "мозырь": "t", "столбцы": "t",
		"наталья": "g", "николаевич": "p", "борисов": "st",
	} {
		if got := words[w]; sortedClasses(got) != want {
			t.Errorf("%s: classes %q, want %q", w, got, want)
		}
	}
	if _, ok := words["колесникова"]; !ok || words["москвы"] != "" {
		t.Errorf("want nominatives only: колесникова %q, москвы %q", words["колесникова"], words["москвы"])
	}
}

func sortedClasses(s string) string {
	b := []byte(s)
	for i := range b {
		for j := i + 1; j < len(b); j++ {
			if b[j] < b[i] {
				b[i], b[j] = b[j], b[i]
			}
		}
	}
	return string(b)
}
