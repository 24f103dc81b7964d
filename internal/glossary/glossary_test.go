package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestContainsInflected(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"Wschodni Klaster Budowlany dzielił się", "Wschodni Klaster Budowlany", true},
		{"współpracy ze Wschodnim Klastrem Budowlanym", "Wschodni Klaster Budowlany", true},
		{"Biuro Wschodniego Klastra Budowlanego", "Wschodni Klaster Budowlany", true},
		{"Восточного строительного кластера", "Восточный строительный кластер", true},
		{"Восточным строительным кластером", "Восточный строительный кластер", true},
		{"Wschodni klaster energetyczny", "Wschodni Klaster Budowlany", false},
		{"Klaster Wschodni Budowlany", "Wschodni Klaster Budowlany", false},
		{"Unia Europejska i UE", "UE", true},
		{"uEr", "UE", false},
	}
	for _, tt := range tests {
		if got := Contains(Words(tt.text), tt.phrase); got != tt.want {
			t.Errorf("Contains(%q, %q) = %v", tt.text, tt.phrase, got)
		}
	}
}

func TestLoad(t *testing.T) {
	p := filepath.Join(t.TempDir(), "glossary.toml")
	os.WriteFile(p, []byte(`
[[term]]
pl = "Wschodni Klaster Budowlany"
ru = "Восточный строительный кластер"
en = "Eastern Construction Cluster"
forbidden = { en = ["East Building Cluster"] }
note = "the client's own name"
`), 0o644)
	g, err := Load(p, "pl")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 1 || g.Terms[0].Forms["ru"] != "Восточный строительный кластер" || g.Terms[0].Forbidden["en"][0] != "East Building Cluster" {
		t.Fatalf("%+v", g.Terms)
	}
	if got := g.Find("Delegacja Wschodniego Klastra Budowlanego przyjechała."); len(got) != 1 {
		t.Errorf("Find: %v", got)
	}
	if g, err := Load(filepath.Join(t.TempDir(), "none.toml"), "pl"); err != nil || len(g.Terms) != 0 {
		t.Errorf("missing file: %v %v", g, err)
	}
	os.WriteFile(p, []byte("[[term]]\nru = \"x\"\n"), 0o644)
	if _, err := Load(p, "pl"); err == nil {
		t.Error("a term without its Polish form loaded")
	}
}

// FuzzLoad: any glossary.toml, no panic; a glossary that loads answers a
// lookup in a Polish sentence.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("[[term]]\npl = \"klaster\"\nru = \"кластер\"\nen = \"cluster\"\nnote = \"the business cluster\"\n"))
	f.Add([]byte("[[term]]\npl = \"\"\n[[term]]\nru = 1\n"))
	f.Add([]byte("term = 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "glossary.toml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := Load(path, "pl")
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("the error does not name the file: %v", err)
			}
			return
		}
		g.Find("Wschodni Klaster Budowlany gościł klastry z Białorusi.")
	})
}
