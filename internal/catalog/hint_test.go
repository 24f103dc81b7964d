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
