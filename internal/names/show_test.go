package names

import (
	"slices"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
)

func TestAnnotate(t *testing.T) {
	g := &glossary.Glossary{SourceLang: "pl", Terms: []glossary.Term{{Forms: map[string]string{"pl": "Hajnówka", "ru": "Гайновка"}}}}
	f := &catalog.File{Units: []catalog.Unit{
		{ID: "a", Source: "Klaster reprezentował <1>Adam</1> Krajewski."},
		{ID: "b", Source: "Spotkanie w Hajnówce i w Białymstoku."},
		{ID: "c", Source: "Bez nazw.", Extra: map[string]any{KeyHints: []any{"Stare = Старое"}, "reviewer": "Anna"}},
		{ID: "e", Source: "Adam Krajewski przyszedł.", Extra: map[string]any{KeyHints: "mine"}},
		{ID: "d", Source: "Adam Nowak odszedł.", Obsolete: true, Extra: map[string]any{KeyHints: []any{"Adam Nowak = Адам Новак"}}},
	}}
	Annotate(f, g)
	want := map[string][]any{
		"a": {"Adam Krajewski = Адам Краевский"},
		"b": {"Hajnówka = Гайновка", "Białystok = Белосток"},
		"c": nil,
		"d": nil,
		"e": nil, // the translator's own key named names is kept as it is
	}
	for _, u := range f.Units {
		got, _ := u.Extra[KeyHints].([]any)
		if !slices.Equal(got, want[u.ID]) {
			t.Errorf("unit %s: names = %q, want %q", u.ID, got, want[u.ID])
		}
	}
	if f.Units[3].Extra[KeyHints] != "mine" {
		t.Errorf("a translator's own names key became %v", f.Units[3].Extra[KeyHints])
	}
	if f.Units[2].Extra["reviewer"] != "Anna" {
		t.Error("a translator's own key was lost")
	}
}
