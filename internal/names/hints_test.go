package names

import (
	"slices"
	"testing"
)

func TestHints(t *testing.T) {
	src := "Wschodni Klaster Budowlany reprezentował Adam Krajewski; Krajewski spotkał się z gośćmi w Białymstoku i w Hajnówce."
	tests := []struct {
		name     string
		glossary func(Name) (string, bool)
		want     []string
	}{
		{"no glossary", nil, []string{"Adam Krajewski = Адам Краевский", "Białystok = Белосток", "Hajnówka = Хайнувка"}},
		{"the glossary wins", func(n Name) (string, bool) { return "Гайновка", n.Nominative == "Hajnówka" },
			[]string{"Adam Krajewski = Адам Краевский", "Białystok = Белосток", "Hajnówka = Гайновка"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Hints(src, tt.glossary)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Hints = %q, want %q", got, tt.want)
			}
		})
	}
}
