package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walkBody runs the block walker over a page's whole body, as if it were
// the article.
func walkBody(t *testing.T, body string) []article.Block {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	p := newPage(root)
	b := findFirst(root, atom.Body)
	w := &walker{page: p, skip: map[*html.Node]bool{}, roots: map[*html.Node]bool{b: true}}
	w.walk(b, article.KindParagraph, "p")
	w.flush(article.KindParagraph, "p")
	return w.blocks
}

// brief is a block in one line for table tests: "kind|text|tags".
func brief(b article.Block) string {
	var tags []string
	for _, t := range b.Tags {
		s := t.Name
		for _, a := range t.Attrs {
			s += " " + a.Key + "=" + a.Val
		}
		tags = append(tags, s)
	}
	out := string(b.Kind) + "|" + b.Text
	if len(tags) > 0 {
		out += "|" + strings.Join(tags, ";")
	}
	if b.Wrap != nil {
		out += "|wrap " + b.Wrap.Name
	}
	if b.Owner >= 0 {
		out += "|owner " + string(rune('0'+b.Owner)) + ":" + string(rune('0'+b.OwnerTag))
	}
	return out
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"bold and link", `<p>To był <strong>tydzień</strong> z <a href="/x">fundacją</a>.</p>`,
			[]string{"paragraph|To był <1>tydzień</1> z <2>fundacją</2>.|strong;a href=/x"}},
		{"nested pair", `<p>Zob. <a href="/a"><b>raport</b> roczny</a> tutaj.</p>`,
			[]string{"paragraph|Zob. <1><2>raport</2> roczny</1> tutaj.|a href=/a;b"}},
		{"whole block wrapped needs no placeholder", `<p><strong>Emerytury</strong></p>`,
			[]string{"paragraph|Emerytury|wrap strong"}},
		{"wrapped block keeps inner placeholders", `<p><em>Tak, <a href="/t">to</a> prawda.</em></p>`,
			[]string{"paragraph|Tak, <1>to</1> prawda.|a href=/t|wrap em"}},
		{"spaces move out of pairs", "<p>A<b> ważne </b>słowo.</p>",
			[]string{"paragraph|A <1>ważne</1> słowo.|b"}},
		{"empty pair dropped", `<p>Tekst<b> </b>dalej <a name="x"></a>i koniec.</p>`,
			[]string{"paragraph|Tekst dalej i koniec."}},
		{"bare span dropped, styled span kept", `<p><span>Jeden</span> i <span class="hl">dwa</span>.</p>`,
			[]string{"paragraph|Jeden i <1>dwa</1>.|span class=hl"}},
		{"image inside a sentence", `<p>Logo <img src="l.png" alt="Logo klastra"> firmy.</p>`,
			[]string{"paragraph|Logo <1/> firmy.|img src=l.png alt=Logo klastra", "alt|Logo klastra|owner 0:1"}},
		{"image alone is its alt text", `<p><img src="f.jpg" alt="Goście z Białorusi"></p>`,
			[]string{"alt|Goście z Białorusi|wrap img"}},
		{"link title is its own unit", `<p>Szczegóły w <a href="p.pdf" title="Program (PDF)">załączniku</a>.</p>`,
			[]string{"paragraph|Szczegóły w <1>załączniku</1>.|a href=p.pdf title=Program (PDF)", "tooltip|Program (PDF)|owner 0:1"}},
		{"abbr title", `<p>Członek <abbr title="Unia Europejska">UE</abbr> od lat.</p>`,
			[]string{"paragraph|Członek <1>UE</1> od lat.|abbr title=Unia Europejska", "tooltip|Unia Europejska|owner 0:1"}},
		{"br is a line break", "<p>Serdecznie zapraszamy!<br>Zespół Biura<br/><br>Klastra</p>",
			[]string{"paragraph|Serdecznie zapraszamy!\nZespół Biura\nKlastra"}},
		{"source newlines are spaces", "<p>Jeden\n   dwa\ttrzy</p>",
			[]string{"paragraph|Jeden dwa trzy"}},
		{"nbsp-only paragraph dropped", "<p>&nbsp;</p><p>Tekst.</p>",
			[]string{"paragraph|Tekst."}},
		{"numbers without letters are not text", "<table><tr><td>10.00–10.30</td><td>Rejestracja</td></tr></table>",
			[]string{"table-cell|Rejestracja"}},
		{"kinds", "<h2>Program</h2><ul><li>Punkt</li></ul><dl><dt>Termin</dt><dd>Opis</dd></dl><blockquote><p>Cytat</p></blockquote><figure><img src=x><figcaption>Podpis</figcaption></figure>",
			[]string{"heading|Program", "list-item|Punkt", "term|Termin", "definition|Opis", "quote|Cytat", "caption|Podpis"}},
		{"nested list", "<ul><li>Jeden<ul><li>Pod</li></ul></li><li>Dwa</li></ul>",
			[]string{"list-item|Jeden", "list-item|Pod", "list-item|Dwa"}},
		{"text directly in a div", "<div>Tekst w divie <div>i w drugim</div> i dalej</div>",
			[]string{"paragraph|Tekst w divie", "paragraph|i w drugim", "paragraph|i dalej"}},
		{"read-more link cut", `<p>Akcja Katolicka też. [<a href="/x">czytaj więcej</a>]</p>`,
			[]string{"paragraph|Akcja Katolicka też."}},
		{"teaser link dropped", `<p>Były dowódca wojsk USA: <a href="/r">Rosja jest groźna</a></p><p>Dalej tekst.</p>`,
			[]string{"paragraph|Dalej tekst."}},
		{"boilerplate phrases", `<p>REKLAMA</p><p>Czytaj także: <a href="/z">Inny</a></p><p>Treść.</p>`,
			[]string{"paragraph|Treść."}},
		{"photo credit", `<p>PAP/ Rafał Guz</p><p>Treść.</p>`,
			[]string{"paragraph|Treść."}},
		{"scripts and forms", `<p>Tekst.<script>alert(1)</script></p><form><input value=x><button>OK</button></form>`,
			[]string{"paragraph|Tekst."}},
		{"hidden", `<p style="display: none">Ukryty.</p><p hidden>Też.</p><p>Widać.</p>`,
			[]string{"paragraph|Widać."}},
		{"entities and NFC", "<p>Cze&#347;&#263; i zo\u0301łw</p>",
			[]string{"paragraph|Cześć i zółw"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range walkBody(t, tt.html) {
				got = append(got, brief(b))
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("blocks differ (-want +got):\n%s", d)
			}
		})
	}
}

// TestPlaceholdersBalanced checks that every block's placeholders are
// numbered 1…n in order, each pair closed in order.
func TestPlaceholdersBalanced(t *testing.T) {
	blocks := walkBody(t, `<p>A <b>b <i>c</i></b> <a href="/"><img src=x alt=y> d</a> <sup>2</sup>.</p>`)
	if err := checkPlaceholders(blocks[0]); err != nil {
		t.Fatal(err)
	}
	if got, want := blocks[0].Text, "A <1>b <2>c</2></1> <3><4/> d</3> <5>2</5>."; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}

func TestLiteralPlaceholderText(t *testing.T) {
	blocks := walkBody(t, `<p>Wpisz &lt;1&gt; albo <b>&lt;2/&gt;</b> w polu.</p>`)
	if len(blocks) != 1 || len(blocks[0].Tags) != 1 {
		t.Fatalf("blocks %+v", blocks)
	}
	if err := checkPlaceholders(blocks[0]); err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(plain(blocks[0].Text), "\u2060", ""); got != "Wpisz <1> albo <2/> w polu." {
		t.Errorf("text %q", got)
	}
}
