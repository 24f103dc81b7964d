package langtag

import "testing"

func TestMatch(t *testing.T) {
	known := []string{"ru", "en"}
	for _, tt := range []struct {
		given string
		want  int
	}{
		{"ru", 0},
		{"ru-RU", 0},
		{"ru_RU", 0},
		{"RU", 0},
		{" ru ", 0},
		{"ru-Cyrl", 0},
		{"ru-UA", 0},
		{"en", 1},
		{"en-GB", 1},
		{"en_US", 1},
		{"EN", 1},
		{"be", -1}, // the matcher offers Russian to Belarusian readers: not the same language
		{"uk", -1},
		{"ru-Latn", -1},
		{"pl", -1},
		{"de", -1},
		{"", -1},
		{"x", -1},
		{"ru/../en", -1},
	} {
		t.Run(tt.given, func(t *testing.T) {
			got, ok := Match(tt.given, known)
			if ok != (tt.want >= 0) || got != tt.want {
				t.Errorf("Match(%q) = %d, %v; want %d", tt.given, got, ok, tt.want)
			}
		})
	}
}

// The index names the workspace's own spelling, whatever the given one.
func TestMatchKnownWithRegion(t *testing.T) {
	known := []string{"pt-BR", "ru-RU"}
	for given, want := range map[string]int{"ru": 1, "ru_ru": 1, "pt-br": 0, "pt": 0} {
		if got, ok := Match(given, known); !ok || got != want {
			t.Errorf("Match(%q, %v) = %d, %v; want %d", given, known, got, ok, want)
		}
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"ru": true, "pt-BR": true, "ru_RU": false, "": false, "r": false, "ru/x": false, "../en": false, "zh-Hant-TW": true} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}
