package extract

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, title, date, category string
		blocks                          []string
	}{
		{"one line per paragraph", "Menu\n\nKategoria\n\nTytuł artykułu\n\n13-12-2017\n\nPierwszy akapit.\n\u00a0\nDrugi akapit.\n",
			"Tytuł artykułu", "2017-12-13", "Kategoria", []string{"Pierwszy akapit.", "Drugi akapit."}},
		{"hard-wrapped paragraphs", "Tytuł\n\n2018-01-02\n\nTo jest akapit złamany\nw dwóch wierszach.\nA to nowe zdanie w nowym wierszu.\n",
			"Tytuł", "2018-01-02", "", []string{"To jest akapit złamany w dwóch wierszach.", "A to nowe zdanie w nowym wierszu."}},
		{"no date line", "Sam tytuł\n\nI akapit.\r\n", "Sam tytuł", "0001-01-01", "", []string{"I akapit."}},
		{"BOM", "\uFEFFTytuł\n\nTekst.", "Tytuł", "0001-01-01", "", []string{"Tekst."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Text(tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Date.Format("2006-01-02") != tt.date || a.Category != tt.category {
				t.Errorf("got %q %s %q", a.Title, a.Date.Format("2006-01-02"), a.Category)
			}
			var got []string
			for _, b := range a.Blocks[1:] {
				got = append(got, b.Text)
			}
			if d := cmp.Diff(tt.blocks, got); d != "" {
				t.Errorf("blocks (-want +got):\n%s", d)
			}
		})
	}
	if _, err := Text(" \n\u00a0\n", Options{}); !errors.Is(err, ErrNoArticle) {
		t.Errorf("empty text: %v, want ErrNoArticle", err)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in, title, date string
		blocks                []string
	}{
		{"yaml front matter", "---\ntitle: \"Klaster w Mińsku\"\ndate: 2018-03-22\n---\n\nPięć firm **członkowskich** i [stoisko](https://e.org/s).\n\n## Program\n\n- punkt\n",
			"Klaster w Mińsku", "2018-03-22", []string{"Pięć firm <1>członkowskich</1> i <2>stoisko</2>.", "Program", "punkt"}},
		{"toml front matter", "+++\ntitle = \"Tytuł\"\ndate = 2019-05-01\n+++\nTekst z `kodem`.\n",
			"Tytuł", "2019-05-01", []string{"Tekst z <1>kodem</1>."}},
		{"title from the first heading", "# Nagłówek\n\nTreść.\n", "Nagłówek", "0001-01-01", []string{"Treść."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Markdown(tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Date.Format("2006-01-02") != tt.date {
				t.Errorf("got %q %s", a.Title, a.Date.Format("2006-01-02"))
			}
			var got []string
			for _, b := range a.Blocks[1:] {
				got = append(got, b.Text)
			}
			if d := cmp.Diff(tt.blocks, got); d != "" {
				t.Errorf("blocks (-want +got):\n%s", d)
			}
		})
	}
	_, err := Markdown("---\ntitle: [unclosed\n---\ntext", Options{})
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Errorf("bad front matter: %v, want a FormatError", err)
	}
}
