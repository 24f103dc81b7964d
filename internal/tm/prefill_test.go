package tm

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/catalog"
)

func TestPrefill(t *testing.T) {
	m := New()
	m.Add(Entry{Source: "Spotkanie trwało 2 dni.", Translation: "Встреча длилась 2 дня.", Origin: "a/1"})
	m.Add(Entry{Source: "Spotkanie odbyło się w Białymstoku i trwało do wieczora.", Translation: "Встреча прошла в Белостоке.", Origin: "a/2"})
	m.Add(Entry{Source: "Budżet programu wynosi 5 miliardów euro.", Translation: "Бюджет программы составляет 5 миллиардов евро.", Origin: "b/1"})
	m.Add(Entry{Source: "Zobacz <1><2>galerię</2></1> zdjęć.", Translation: "Смотрите <1><2>галерею</2></1> фотографий.", Origin: "b/2"})
	tests := []struct {
		name string
		unit catalog.Unit
		want catalog.Unit
	}{
		{"exact, ignoring case",
			catalog.Unit{Source: "SPOTKANIE trwało 2 dni.", Status: catalog.New},
			catalog.Unit{Source: "SPOTKANIE trwało 2 dni.", Status: catalog.Fuzzy, Translation: "Встреча длилась 2 дня.",
				Extra: map[string]any{KeyMatch: int64(100), KeyOrigin: "a/1"}}},
		{"close: offered, not filled in",
			catalog.Unit{Source: "Spotkanie odbyło się w Białymstoku i trwało do nocy.", Status: catalog.New},
			catalog.Unit{Source: "Spotkanie odbyło się w Białymstoku i trwało do nocy.", Status: catalog.New,
				Extra: map[string]any{KeySuggestion: "Встреча прошла в Белостоке.", KeySuggestionMatch: int64(87), KeyOrigin: "a/2"}}},
		{"only the number changed: adjusted, fuzzy",
			catalog.Unit{Source: "Budżet programu wynosi 7 miliardów euro.", Status: catalog.New},
			catalog.Unit{Source: "Budżet programu wynosi 7 miliardów euro.", Status: catalog.Fuzzy, Translation: "Бюджет программы составляет 7 миллиардов евро.",
				Extra: map[string]any{KeyMatch: int64(97), KeyOrigin: "b/1", KeyNote: "numbers carried over from the new Polish: check them"}}},
		{"markup of the match left out",
			catalog.Unit{Source: "Zobacz galerię zdjęć.", Status: catalog.New},
			catalog.Unit{Source: "Zobacz galerię zdjęć.", Status: catalog.Fuzzy, Translation: "Смотрите галерею фотографий.",
				Extra: map[string]any{KeyMatch: int64(100), KeyOrigin: "b/2", KeyNote: "the match had markup this sentence lacks: it was left out"}}},
		{"nothing alike", catalog.Unit{Source: "Zupełnie inne zdanie.", Status: catalog.New}, catalog.Unit{Source: "Zupełnie inne zdanie.", Status: catalog.New}},
		{"translated already", catalog.Unit{Source: "Spotkanie trwało 2 dni.", Translation: "Своё.", Status: catalog.Translated},
			catalog.Unit{Source: "Spotkanie trwało 2 dni.", Translation: "Своё.", Status: catalog.Translated}},
		{"obsolete", catalog.Unit{Source: "Spotkanie trwało 2 dni.", Status: catalog.New, Obsolete: true},
			catalog.Unit{Source: "Spotkanie trwało 2 dni.", Status: catalog.New, Obsolete: true}},
		{"in conflict: the other version is for a person to pick, not the memory",
			catalog.Unit{Source: "Spotkanie trwało 2 dni.", Status: catalog.New,
				Extra: map[string]any{catalog.KeyConflictTranslation: "Встреча шла 2 дня.", catalog.KeyConflictStatus: "translated"}},
			catalog.Unit{Source: "Spotkanie trwało 2 dni.", Status: catalog.New,
				Extra: map[string]any{catalog.KeyConflictTranslation: "Встреча шла 2 дня.", catalog.KeyConflictStatus: "translated"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &catalog.File{Units: []catalog.Unit{tt.unit}}
			if err := Prefill(f, 75, func() (*Memory, error) { return m, nil }); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, f.Units[0], cmp.AllowUnexported(catalog.Unit{})); diff != "" {
				t.Errorf("unit (-want +got):\n%s", diff)
			}
		})
	}
}

// A file with nothing to fill never asks for the memory, which costs
// reading every translators' file.
func TestPrefillAsksForMemoryOnlyWhenNeeded(t *testing.T) {
	f := &catalog.File{Units: []catalog.Unit{{Source: "A.", Translation: "Б.", Status: catalog.Translated}}}
	err := Prefill(f, 75, func() (*Memory, error) { return nil, errors.New("asked") })
	if err != nil {
		t.Errorf("Prefill asked for the memory: %v", err)
	}
	f.Units = append(f.Units, catalog.Unit{Source: "B.", Status: catalog.New})
	if err := Prefill(f, 75, func() (*Memory, error) { return nil, errors.New("asked") }); err == nil {
		t.Error("Prefill did not pass the memory's error on")
	}
}

// TestPrefillKeysGoOnAccept: every key pre-filling adds is one that
// confirming the segment (catalog's Accept, used by merge and the web
// app) removes.
func TestPrefillKeysGoOnAccept(t *testing.T) {
	for _, k := range []string{KeyMatch, KeyOrigin, KeyNote, KeySuggestion, KeySuggestionMatch} {
		u := catalog.Unit{Translation: "a", Status: catalog.Translated, Extra: map[string]any{k: "x"}}
		if got := u.Accept(); got.Extra[k] != nil {
			t.Errorf("%s stays after Accept", k)
		}
	}
}
