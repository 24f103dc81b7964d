package glossary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/catalog"
)

func TestAnnotate(t *testing.T) {
	g := &Glossary{SourceLang: "pl", Terms: []Term{
		{Forms: map[string]string{"pl": "Wschodni Klaster Budowlany", "ru": "Восточный строительный кластер"}},
		{Forms: map[string]string{"pl": "list intencyjny", "en": "letter of intent"}},
	}}
	f := &catalog.File{Units: []catalog.Unit{
		{ID: "1", Source: "Delegacja Wschodniego Klastra Budowlanego przyjechała."},
		{ID: "2", Source: "Podpisano list intencyjny."}, // no Russian rendering
		{ID: "3", Source: "Nic tu nie ma.", Extra: map[string]any{KeyTerms: []any{"stary = старый"}, "reviewer": "Anna"}},
		{ID: "4", Source: "Wschodni Klaster Budowlany.", Obsolete: true, Extra: map[string]any{KeyTerms: []any{"x"}}},
	}}
	g.Annotate(f, "ru")
	want := []map[string]any{
		{KeyTerms: []any{"Wschodni Klaster Budowlany = Восточный строительный кластер"}},
		nil,
		{"reviewer": "Anna"},
		{},
	}
	for i, u := range f.Units {
		if diff := cmp.Diff(want[i], u.Extra); diff != "" {
			t.Errorf("unit %s (-want +got):\n%s", u.ID, diff)
		}
	}
}
