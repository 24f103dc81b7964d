package lexicon

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestClasses(t *testing.T) {
	tests := []struct {
		lang, word string
		want       Class
	}{
		{"pl", "Nowakowi", Name},
		{"pl", "Kowalski", Mixed}, // also the adjective "kowalski"
		{"pl", "Białegostoku", Name},
		{"pl", "NATO", Name},
		{"pl", "Polska", Mixed},
		{"pl", "kolejne", 0},
		{"pl", "Jego", Function},
		{"ru", "Москвы", Name},
		{"ru", "это", Function},
		{"ru", "ещё", Function}, // ё is looked up as е
		{"en", "Government", Mixed},
		{"en", "How", Function},
		{"en", "Kennedy", Name},
		{"en", "zzyzx", 0},
		{"en", "party", Common},      // every English word, to tell words from abbreviations
		{"en", "approx", 0},          // an abbreviation is no word
		{"ru", "российский", Common}, // it ends like a surname
		{"ru", "Вишневский", 0},      // a surname hunspell-ru lacks
		{"ru", "Волков", 0},          // a bare -ов: "name-ending-always"
		{"ru", "книгами", 0},         // no surname's ending: not kept
		{"pl", "kolejny", 0},         // no common words in Polish
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			l, err := Load(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.Class(tt.word); got&tt.want != tt.want || tt.want == 0 && got != 0 {
				t.Errorf("Class(%q) = %b, want %b", tt.word, got, tt.want)
			}
		})
	}
}

func TestLoadUnknownLanguage(t *testing.T) {
	if _, err := Load("de"); err == nil {
		t.Error("a German lexicon loaded, but there is none")
	}
}

func TestParseRejectsBrokenFiles(t *testing.T) {
	tests := []struct{ name, data, msg string }{
		{"unknown class", "N0abc\nX3d\n", "line 2"},
		{"shares more than the word before", "N0ab\nN5c\n", "line 2"},
		{"out of order", "N0b\nN0a\n", "out of order"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var z bytes.Buffer
			w := gzip.NewWriter(&z)
			w.Write([]byte(tt.data))
			w.Close()
			if _, err := parse(z.Bytes()); err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("parse: %v, want an error naming %q", err, tt.msg)
			}
		})
	}
	if _, err := parse([]byte("not gzip")); err == nil {
		t.Error("parse read a file that is not gzip")
	}
}
