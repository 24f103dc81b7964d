package render

import (
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/segment"
)

// TestBodyPlaceholdersPerSegment puts back the markup of a block whose
// second sentence's placeholders are numbered from <1>, as every
// segment's are: <1> there is the block's third element.
func TestBodyPlaceholdersPerSegment(t *testing.T) {
	a := &article.Article{Blocks: []article.Block{{
		Kind: article.KindParagraph, Element: "p", Owner: -1,
		Text: "To był <1>tydzień</1> z <2>klastrem</2>. Wizytę zorganizowała <3>fundacja</3> <4/>.",
		Tags: []article.Tag{
			{Name: "strong"}, {Name: "em"},
			{Name: "a", Attrs: []article.Attr{{Key: "href", Val: "https://pfrr.example/"}}},
			{Name: "img", Attrs: []article.Attr{{Key: "src", Val: "logo.png"}}, Empty: true},
		},
	}}}
	s, err := segment.New("pl", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Article(a)
	second := a.Blocks[0].Segments[1]
	if second.Text != "Wizytę zorganizowała <1>fundacja</1> <2/>." {
		t.Fatalf("second segment %q: its placeholders do not start at <1>", second.Text)
	}
	en := map[int]string{0: "It was a <1>week</1> with the <2>cluster</2>.", 1: "The visit was organised by the <1>foundation</1> <2/>."}
	html, err := Body(a, func(b, seg int) Text { return Text{Text: en[seg]} }, "pl", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p>It was a <strong>week</strong> with the <em>cluster</em>. The visit was organised by the <a href="https://pfrr.example/">foundation</a> <img src="logo.png">.</p>`
	if strings.TrimSpace(string(html)) != want {
		t.Errorf("body\n%s\nwant\n%s", html, want)
	}
	one, err := Segment(a, 0, 1, Text{Text: en[1]}, nil, nil)
	if err != nil || !strings.Contains(string(one), `<a href="https://pfrr.example/">foundation</a>`) {
		t.Errorf("parallel row %q, %v", one, err)
	}
}
