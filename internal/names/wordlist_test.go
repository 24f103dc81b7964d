package names

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func gzipText(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestParseOpenCorpora: lines of a word and its class letters, of
// opencorpora.txt.gz and of belarus.txt.gz; a bad line is named; ё is
// kept from whichever source has it; classes add up.
func TestParseOpenCorpora(t *testing.T) {
	list := map[string]ruWord{}
	if err := parseRussian(list, "# a comment\nРогачев\nСаратов\n"); err != nil {
		t.Fatal(err)
	}
	text := "# header\nрогачёв\tst\nколесникова\ts\nанна-мария\tg\n"
	if err := parseClassed(list, "opencorpora.txt.gz", gzipText(t, text)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key     string
		form    string
		classes wordClass
	}{
		{"рогачев", "Рогачёв", surname | placeWord | properWord},
		{"колесникова", "Колесникова", surname},
		{"анна-мария", "Анна-Мария", givenWord},
		{"саратов", "Саратов", properWord},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got := list[tt.key]; mapParts(got.form, capital) != tt.form || got.classes != tt.classes {
				t.Errorf("list[%q] = %+v, want {%s %b}", tt.key, got, tt.form, tt.classes)
			}
		})
	}
	if err := parseClassed(list, "belarus.txt.gz", gzipText(t, "# header\nРогачев\tb\nИслочь\tw\n")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		key     string
		form    string
		classes wordClass
	}{
		{"рогачев", "Рогачёв", surname | placeWord | properWord | belarusWord},
		{"ислочь", "Ислочь", belarusWord},
	} {
		if got := list[tt.key]; mapParts(got.form, capital) != tt.form || got.classes != tt.classes {
			t.Errorf("after belarus.txt.gz, list[%q] = %+v, want {%s %b}", tt.key, got, tt.form, tt.classes)
		}
	}
	for _, bad := range []string{"борисов\n", "борисов\tx\n", "\tt\n"} {
		err := parseClassed(map[string]ruWord{}, "opencorpora.txt.gz", gzipText(t, bad))
		if err == nil || !strings.Contains(err.Error(), "opencorpora.txt.gz:1:") {
			t.Errorf("parseClassed(%q) = %v, want an error naming line 1", bad, err)
		}
	}
	if err := parseClassed(map[string]ruWord{}, "opencorpora.txt.gz", []byte("not gzip")); err == nil {
		t.Error("parseClassed took bytes that are not gzip")
	}
}

// TestConfirmed: the first spelling the list has in the strongest class
// set wins, even when a weaker class has an earlier spelling (a surname
// before a patronymic: Богданович over Багданович).
func TestConfirmed(t *testing.T) {
	tb := &tables{russian: map[string]ruWord{}}
	addWord(tb.russian, "Багданович", patronymic)
	addWord(tb.russian, "Богданович", surname)
	addWord(tb.russian, "Борисов", placeWord)
	tests := []struct {
		name      string
		spellings []string
		classes   []wordClass
		want      string
		ok        bool
	}{
		{"stronger class first", []string{"багданович", "богданович"}, []wordClass{surname, patronymic}, "Богданович", true},
		{"weaker class when the stronger has none", []string{"багданович"}, []wordClass{surname, patronymic}, "Багданович", true},
		{"order within a class", []string{"багданович", "богданович"}, []wordClass{surname | patronymic}, "Багданович", true},
		{"a place is not a surname", []string{"борисов"}, []wordClass{surname}, "", false},
		{"ё folded", []string{"борисов"}, []wordClass{placeWord}, "Борисов", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tb.confirmed(tt.spellings, tt.classes...)
			if got != tt.want || ok != tt.ok {
				t.Errorf("confirmed(%q) = %q, %v; want %q, %v", tt.spellings, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestWordListSize: the embedded list holds OpenCorpora's proper nouns
// and the places of Belarus beside hunspell-ru's, with their classes.
func TestWordListSize(t *testing.T) {
	tb := loadTables()
	count := map[wordClass]int{}
	for _, w := range tb.russian {
		for _, c := range []wordClass{surname, givenWord, patronymic, placeWord, properWord, belarusWord} {
			if w.classes&c != 0 {
				count[c]++
			}
		}
	}
	for c, min := range map[wordClass]int{surname: 20000, givenWord: 10000, patronymic: 10000, placeWord: 5000, properWord: 3000, belarusWord: 4500} {
		if count[c] < min {
			t.Errorf("%d words of class %b, want at least %d", count[c], c, min)
		}
	}
	t.Logf("surnames %d, given names %d, patronymics %d, places %d, hunspell-ru %d, places of Belarus %d, words %d",
		count[surname], count[givenWord], count[patronymic], count[placeWord], count[properWord], count[belarusWord], len(tb.russian))
}
