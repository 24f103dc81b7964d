package catalog

import (
	"slices"
	"testing"
)

func TestSetHint(t *testing.T) {
	tests := []struct {
		name   string
		extra  map[string]any
		values []any
		want   []any
	}{
		{"set on a unit without keys", nil, []any{"a = б"}, []any{"a = б"}},
		{"replaced", map[string]any{"names": []any{"old = старое"}}, []any{"a = б"}, []any{"a = б"}},
		{"removed when none", map[string]any{"names": []any{"old = старое"}, "reviewer": "Anna"}, nil, nil},
		{"a translator's own table is kept", map[string]any{"names": map[string]any{"Krajewski": "ask"}}, []any{"a = б"}, nil},
		{"nothing to remove", nil, nil, nil},
		{"a translator's own text is kept", map[string]any{"names": "Krajewski: ask the client"}, []any{"a = б"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := Unit{Extra: tt.extra}
			u.SetHint("names", tt.values)
			got, _ := u.Extra["names"].([]any)
			if s, ok := tt.extra["names"].(string); ok && u.Extra["names"] != s {
				t.Errorf("the translator's %q became %v", s, u.Extra["names"])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("names = %v, want %v", got, tt.want)
			}
			if tt.extra["reviewer"] != nil && u.Extra["reviewer"] != "Anna" {
				t.Error("another key was lost")
			}
		})
	}
}

// TestHintsAreNoWork: a removed sentence whose only keys are mosty's hints
// is dropped; a translator's own key keeps it as obsolete.
func TestHintsAreNoWork(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]any
		want  bool
	}{
		{"nothing", nil, false},
		{"hints only", map[string]any{KeyTerms: []any{"a = б"}, KeyNames: []any{"Adam Krajewski = Адам Краевский"}}, false},
		{"a translator's key", map[string]any{KeyNames: []any{"A = Б"}, "reviewer": "Anna"}, true},
		{"a translator's own value under a hint key", map[string]any{KeyNames: "ask the client"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Unit{ID: "a", Source: "x", Extra: tt.extra}).hasWork(); got != tt.want {
				t.Errorf("hasWork = %v, want %v", got, tt.want)
			}
		})
	}
}
