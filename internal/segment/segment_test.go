package segment

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/article"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"a pair around two sentences stays whole", "<1>Zdanie pierwsze. Zdanie drugie.</1> Trzecie.",
			[]string{"<1>Zdanie pierwsze. Zdanie drugie.</1>", "Trzecie."}},
		{"stop inside a closing placeholder", "Zorganizowała ją <1>fundacja.</1> Dalej tekst.",
			[]string{"Zorganizowała ją <1>fundacja.</1>", "Dalej tekst."}},
		{"next sentence opens with a placeholder", "To był tydzień. <1>Wschodni Klaster</1> gościł gości.",
			[]string{"To był tydzień.", "<1>Wschodni Klaster</1> gościł gości."}},
		{"an image placeholder alone joins its sentence", "Goście przyjechali. <2/>",
			[]string{"Goście przyjechali. <2/>"}},
		{"line break from <br>", "Serdecznie zapraszamy!\nZespół Biura Klastra",
			[]string{"Serdecznie zapraszamy!", "Zespół Biura Klastra"}},
		{"line break inside a pair stays", "<1>Jeden\ndwa</1>",
			[]string{"<1>Jeden\ndwa</1>"}},
		{"text that only looks like a placeholder", "Wpisz <1 a potem 2>. Gotowe.",
			[]string{"Wpisz <1 a potem 2>.", "Gotowe."}},
		{"empty and white space", " \t ", []string{}},
	}
	s, err := New("pl", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, s.Split(tt.in)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestWorkspaceAbbreviations(t *testing.T) {
	text := "Spotkanie zwołał przew. Nowak. Obrady trwały do wieczora."
	plain, _ := New("pl", nil)
	own, err := New("pl", []string{"przew", "Nowak."})
	if err != nil {
		t.Fatal(err)
	}
	if got := plain.Split(text); len(got) != 2 {
		t.Errorf("without extra abbreviations: %q", got)
	}
	// "Nowak." as an abbreviation of the workspace's own never ends a sentence.
	if got := own.Split(text); len(got) != 1 {
		t.Errorf("with extra abbreviations: %q", got)
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := New("de", nil); err == nil {
		t.Error("German rules loaded, but mosty has none")
	}
}

// segmented returns an article of the blocks, segmented with the Polish
// rules.
func segmented(blocks ...article.Block) *article.Article {
	s, _ := New("pl", nil)
	a := &article.Article{Blocks: blocks}
	s.Article(a)
	return a
}

func TestArticleKeepsTitlesWhole(t *testing.T) {
	a := segmented(
		article.Block{Kind: article.KindTitle, Text: "Tak Tusk będzie ciął w 2012 r. RZĄD zaczyna reformy"},
		article.Block{Kind: article.KindParagraph, Text: "Pierwsze zdanie. Drugie zdanie."},
	)
	if n := len(a.Blocks[0].Segments); n != 1 {
		t.Errorf("title in %d segments", n)
	}
	got := a.Blocks[1].Segments
	if len(got) != 2 || got[1].Index != 1 || got[1].Text != "Drugie zdanie." {
		t.Errorf("paragraph segments %+v", got)
	}
}

func TestArticlePlaceholdersFromOne(t *testing.T) {
	a := segmented(
		article.Block{Kind: article.KindParagraph, Text: "Pierwsze <1>zdanie</1>. Drugie z <2>linkiem</2> i <3/>. Trzecie bez."},
		article.Block{Kind: article.KindHeading, Text: "Nagłówek <1>z</1> <2/>"},
	)
	tests := []struct {
		name      string
		got       article.Segment
		text      string
		blockTags []int
	}{
		{"first sentence", a.Blocks[0].Segments[0], "Pierwsze <1>zdanie</1>.", []int{1}},
		{"second sentence starts at <1>", a.Blocks[0].Segments[1], "Drugie z <1>linkiem</1> i <2/>.", []int{2, 3}},
		{"no placeholders", a.Blocks[0].Segments[2], "Trzecie bez.", nil},
		{"a heading kept whole", a.Blocks[1].Segments[0], "Nagłówek <1>z</1> <2/>", []int{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.Text != tt.text || !slices.Equal(tt.got.Tags, tt.blockTags) {
				t.Errorf("segment %q %v, want %q %v", tt.got.Text, tt.got.Tags, tt.text, tt.blockTags)
			}
		})
	}
}

func TestLanguages(t *testing.T) {
	got := Languages()
	if want := []string{"en", "pl", "ru"}; !slices.Equal(got, want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
	for _, lang := range got {
		if _, err := New(lang, nil); err != nil {
			t.Errorf("New(%q): %v", lang, err)
		}
	}
}
