package segment

import "testing"

// TestOpening: a number ends a phrase opening the sentence only after a
// capitalised function word, numbers and at most one small word.
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
		{"a capitalised word that is no function word", pl, "Budżet 2016", false},
		{"the number alone", pl, "2016", false},
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
	tests := []struct {
		text string
		want bool
	}{
		{"−5 °C", true},
		{"54.35 N", true},
		{"18,65 E", true},
		{"52°14′ N", true},
		{"in 2001 J", false}, // a year, then an initial
		{"at 54 N", false},   // no decimal: maybe an initial
		{"54.35 K", false},   // no compass letter
		{"Piotr K", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := unitBefore(tt.text, len(tt.text)-1); got != tt.want {
				t.Errorf("unitBefore(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestItemAt: a list item's marker in small letters, with a bracket in
// any script, with a period only in Latin letters.
func TestItemAt(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := itemAt(tt.text, 0); got != tt.want {
				t.Errorf("itemAt(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestNameBefore: "!" after a capitalised word inside the sentence marks
// a name; the first word, or one in capitals only, is an exclamation.
func TestNameBefore(t *testing.T) {
	s, _ := New("en", nil)
	tests := []struct {
		text string
		want bool
	}{
		{"She works at Yahoo!", true},
		{"Great!", false},
		{"  Great!", false},
		{"It was GREAT!", false},
		{"it was great!", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := s.nameBefore(tt.text, 0, len(tt.text)-1); got != tt.want {
				t.Errorf("nameBefore(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestNameEnding: a word ends like a surname when it is longer than the
// ending by two letters at least; ё counts as е.
func TestNameEnding(t *testing.T) {
	r := &Rules{function: map[string]bool{}, byLast: map[string][]abbrev{}, numberWords: map[string]bool{}}
	if err := r.read("ru.txt", "name-ending ский енко\nname-ending-always ов ев\n"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want bool
	}{
		{"Петровский", true},
		{"Лукашенко", true},
		{"Королёв", true},
		{"Ков", false}, // too short to be more than its ending
		{"Минск", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := r.nameEnding(tt.word); got != tt.want {
				t.Errorf("nameEnding(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}
