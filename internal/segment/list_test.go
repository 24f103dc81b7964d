package segment

import (
	"strings"
	"testing"
)

// TestFollows: a list marker comes right after another one: numbers
// across a power of ten, letters in order.
func TestFollows(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"1", "2", true},
		{"9", "10", true},
		{"99", "100", true},
		{"09", "10", true},
		{"1", "3", false},
		{"2", "1", false},
		{"a", "b", true},
		{"b", "d", false},
		{"а", "б", true}, // Cyrillic
		{"1", "b", false},
	} {
		t.Run(tt.a+"-"+tt.b, func(t *testing.T) {
			if got := follows(tt.a, tt.b); got != tt.want {
				t.Errorf("follows(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestNextItem: where the next item of a list written on one line starts,
// asked at the stop or bracket after its marker ("|" in the text stands
// right before it).
func TestNextItem(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       int // the split's offset, -1 for none
	}{
		{"period", "1. One thing 2|. Another", len("1. One thing ")},
		{"bracket", "1) One thing 2|) Another", len("1) One thing ")},
		{"period and bracket", "1.) One thing 2|.) Another", len("1.) One thing ")},
		{"bullet", "• 9. One thing • 10|. Another", len("• 9. One thing ")},
		{"letters", "a. One thing b|. Another", len("a. One thing ")},
		{"not the next number", "1. One thing 3|. Another", -1},
		{"another delimiter", "1) One thing 2|. Another", -1},
		{"small letter after", "1. Nowak zajął 2|. miejsce", -1},
		{"no opening marker", "Nowak zajął 2|. Miejsce", -1},
		{"last letter of a word", "a. One thing ab|. Another", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := strings.Index(tt.text, "|")
			text := strings.Replace(tt.text, "|", "", 1)
			got, ok := nextItem(text, 0, p)
			if !ok {
				got = -1
			}
			if got != tt.want {
				t.Errorf("nextItem(%q, at %d) = %d, want %d", text, p, got, tt.want)
			}
		})
	}
}
