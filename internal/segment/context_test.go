package segment

import "testing"

// TestOpening: a number ends a phrase opening the sentence, or a clause
// after a conjunction of the rules, only after a preposition (capitalised
// at the start of the sentence), numbers and at most one small word.
func TestOpening(t *testing.T) {
	pl, _ := New("pl", nil)
	ru, _ := New("ru", nil)
	tests := []struct {
		name   string
		s      *Segmenter
		before string
		want   bool
	}{
		{"preposition and a year", pl, "W 2016", true},
		{"a date", pl, "Od 1 stycznia 2017", true},
		{"a decade", pl, "W latach 90", true},
		{"a Roman century", ru, "В XIX", true},
		{"after a dash and a space", pl, "– W 2016", true},
		{"a small preposition: inside a sentence", pl, "w 2016", false},
		{"a verb before the number", pl, "Umowę podpisano w 2016", false},
		{"two small words", pl, "W roku tym 2016", false},
		{"too many words", pl, "Od 1 do 2 2016", false},
		{"no number last", pl, "W latach", false},
		{"a capitalised word that is no preposition", pl, "Budżet 2016", false},
		{"a pronoun, a verb and a number", ru, "Это стоит 100", false},
		{"the number alone", pl, "2016", false},
		{"a clause after a contrasting conjunction", pl, "Umowę podpisano w 2015 r., a w 2016", true},
		{"a sentence opening with a conjunction", pl, "A w 2016", true},
		{"a clause after но", ru, "Договор подписали, но в XIX", true},
		{"two phrases joined by i", pl, "Remontowano go w 2010 i w 2016", false},
		{"a conjunction far before the phrase", pl, "Ale potem go zbudowano w 2016", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.opening(tt.before); got != tt.want {
				t.Errorf("opening(%q) = %v, want %v", tt.before, got, tt.want)
			}
		})
	}
}

// TestUnitBefore: a capital after a degree sign, or a compass letter
// after a decimal or an angle, is a unit or a direction, not an initial.
func TestUnitBefore(t *testing.T) {
	checkBool(t, "unitBefore", func(s string) bool { return unitBefore(s, len(s)-1) }, []boolCase{
		{"−5 °C", true},
		{"54.35 N", true},
		{"18,65 E", true},
		{"52°14′ N", true},
		{"in 2001 J", false}, // a year, then an initial
		{"at 54 N", false},   // no decimal: maybe an initial
		{"54.35 K", false},   // no compass letter
		{"Piotr K", false},
	})
}

// TestItemAt: a list item's marker in small letters, with a bracket in
// any script, with a period only in Latin letters.
func TestItemAt(t *testing.T) {
	checkBool(t, "itemAt", func(s string) bool { return itemAt(s, 0) }, []boolCase{
		{"b) Take", true},
		{"ii. Second", true},
		{"iv) Fourth", true},
		{"б) оплатить", true},
		{"c)", true},
		{"э. Археологи", false}, // the end of "н. э."
		{"a lot", false},
		{"e.g. this", false},
		{"abc) no", false},
		{"b)x", false},
	})
}

// TestNameBefore: "!" after a capitalised word inside the sentence marks
// a name; the first word, or one in capitals only, is an exclamation.
func TestNameBefore(t *testing.T) {
	en, _ := New("en", nil)
	checkBool(t, "nameBefore", func(s string) bool { return en.nameBefore(s, 0, len(s)-1) }, []boolCase{
		{"She works at Yahoo!", true},
		{"Great!", false},
		{"  Great!", false},
		{"It was GREAT!", false},
		{"it was great!", false},
	})
}

// TestNameEnding: a word ends like a surname when it is longer than the
// ending by two letters at least; ё counts as е.
func TestNameEnding(t *testing.T) {
	r := &Rules{function: map[string]bool{}, prepositions: map[string]bool{}, byLast: map[string][]abbrev{}, numberWords: map[string]bool{}}
	if err := r.read("ru.txt", "name-ending ский енко\nname-ending-always ов ев\n"); err != nil {
		t.Fatal(err)
	}
	checkBool(t, "nameEnding", r.nameEnding, []boolCase{
		{"Петровский", true},
		{"Лукашенко", true},
		{"Королёв", true},
		{"Ков", false}, // too short to be more than its ending
		{"Минск", false},
	})
}

// A boolCase is an input and what a predicate must say of it.
type boolCase struct {
	in   string
	want bool
}

// checkBool runs a predicate over named cases, one subtest each.
func checkBool(t *testing.T, name string, f func(string) bool, cases []boolCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := f(c.in); got != c.want {
				t.Errorf("%s(%q) = %v, want %v", name, c.in, got, c.want)
			}
		})
	}
}
