package render

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/article"
)

// hostileURLs are addresses a source page may carry, as the HTML parser
// hands them over (character references already decoded: "java&#9;script:"
// arrives as "java\tscript:"), none of which a published page may link to.
var hostileURLs = []struct{ name, url string }{
	{"plain", "javascript:alert(1)"},
	{"mixed case", "JaVaScRiPt:alert(1)"},
	{"leading space", "  javascript:alert(1)"},
	{"tab inside (&#9;)", "java\tscript:alert(1)"},
	{"line feed inside (&#10;)", "java\nscript:alert(1)"},
	{"carriage return inside (&#13;)", "java\rscript:alert(1)"},
	{"control inside (&#1;)", "java\x01script:alert(1)"},
	{"leading control (&#1;)", "\x01javascript:alert(1)"},
	{"leading vertical tab", "\x0bjavascript:alert(1)"},
	{"NUL before the colon", "javascript\x00:alert(1)"},
	{"tab in the scheme's tail", "javascript\t:alert(1)"},
	{"newline after the colon", "javascript:\nalert(1)"},
	{"C1 control inside", "java\u0085script:alert(1)"},
	{"vbscript", "vbscript:msgbox(1)"},
	{"data HTML", "data:text/html,<script>alert(1)</script>"},
	{"data HTML base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
	{"data SVG", "data:image/svg+xml,<svg onload=alert(1)>"},
	{"unknown scheme", "livescript:alert(1)"},
	{"file", "file:///etc/passwd"},
	{"javascript with slashes", "javascript://%0aalert(1)"},
	{"trailing controls", "javascript:alert(1)\x00\x1f"},
}

func TestSafeURLRefuses(t *testing.T) {
	for _, tt := range hostileURLs {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := SafeURL(tt.url); ok {
				t.Errorf("SafeURL(%q) = %q, allowed", tt.url, got)
			}
			if got, ok := safeImageURL(tt.url); ok {
				t.Errorf("safeImageURL(%q) = %q, allowed", tt.url, got)
			}
		})
	}
}

func TestSafeURLAllows(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"https", "https://wkb.example/aktualnosci/", "https://wkb.example/aktualnosci/"},
		{"http, spaces trimmed", "  http://wkb.example/a  ", "http://wkb.example/a"},
		{"mailto", "mailto:biuro@wkb.example", "mailto:biuro@wkb.example"},
		{"tel", "tel:+48857320000", "tel:+48857320000"},
		{"relative path", "../forum-2018.html", "../forum-2018.html"},
		{"fragment", "#program", "#program"},
		{"protocol-relative", "//cdn.example/a.png", "//cdn.example/a.png"},
		{"newline in a long address", "https://wkb.example/a\n/b", "https://wkb.example/a/b"},
		{"colon after a slash is a path", "a/b:c", "a/b:c"},
		{"a reference left undecoded is text", "javascript&colon;alert(1)", "javascript&colon;alert(1)"},
		{"no-break space first: not a scheme", "\u00a0javascript:alert(1)", "\u00a0javascript:alert(1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SafeURL(tt.in)
			if !ok || got != tt.want {
				t.Errorf("SafeURL(%q) = %q, %v; want %q, true", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestImageURLs(t *testing.T) {
	for in, want := range map[string]bool{
		"data:image/png;base64,iVBORw0KGgo=": true,
		"DATA:image/jpeg;base64,/9j/":        true,
		"data:image/svg+xml,<svg/>":          false,
		"data:text/html,x":                   false,
		"https://wkb.example/a.jpg":          true,
	} {
		if _, ok := safeImageURL(in); ok != want {
			t.Errorf("safeImageURL(%q) allowed %v, want %v", in, ok, want)
		}
	}
	if _, ok := SafeURL("data:image/png;base64,iVBORw0KGgo="); ok {
		t.Error("a data: URL is allowed as a link")
	}
}

// linkArticle is one paragraph "<1>Kliknij</1> tutaj.<2/>" whose link
// and image carry the given addresses.
func linkArticle(href, src string, extra ...article.Attr) *article.Article {
	text := "<1>Kliknij</1> tutaj.<2/>"
	return &article.Article{Blocks: []article.Block{{
		Kind: article.KindParagraph, Element: "p", Text: text, Owner: -1,
		Tags: []article.Tag{
			{Name: "a", Attrs: append([]article.Attr{{Key: "href", Val: href}, {Key: "onclick", Val: "alert(1)"}}, extra...)},
			{Name: "img", Empty: true, Attrs: []article.Attr{{Key: "src", Val: src}, {Key: "srcset", Val: src + " 2x"}}},
		},
		Segments: []article.Segment{{Text: text, End: len(text)}},
	}}}
}

func renderBody(t *testing.T, a *article.Article, base *url.URL) string {
	t.Helper()
	text := func(b, seg int) Text { return Text{Text: a.Blocks[b].Segments[seg].Text} }
	out, err := Body(a, text, "pl", "", base)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestBodyDropsHostileURLs(t *testing.T) {
	base, _ := url.Parse("https://wkb.example/aktualnosci/artykul.html")
	for _, tt := range hostileURLs {
		t.Run(tt.name, func(t *testing.T) {
			for _, b := range []*url.URL{nil, base} {
				got := renderBody(t, linkArticle(tt.url, tt.url, article.Attr{Key: "cite", Val: tt.url}), b)
				if strings.Contains(got, "href") || strings.Contains(got, "src") || strings.Contains(got, "cite") || strings.Contains(got, "onclick") {
					t.Errorf("base %v: %s", b, got)
				}
				if !strings.Contains(got, "<a>Kliknij</a> tutaj.<img>") {
					t.Errorf("base %v: the text or the elements are lost: %s", b, got)
				}
			}
		})
	}
}

func TestBodyKeepsGoodURLs(t *testing.T) {
	base, _ := url.Parse("https://wkb.example/aktualnosci/artykul.html")
	got := renderBody(t, linkArticle(" ../forum.html\t", "foto/a.jpg"), base)
	want := `<p><a href="https://wkb.example/forum.html">Kliknij</a> tutaj.<img src="https://wkb.example/aktualnosci/foto/a.jpg" srcset="https://wkb.example/aktualnosci/foto/a.jpg 2x"></p>`
	if strings.TrimSpace(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestHostileBase(t *testing.T) {
	// A fetched page's address comes from sources/<slug>.meta.toml, a file
	// anyone on the team may edit.
	for _, raw := range []string{"javascript:alert(1)//", "java\tscript:alert(1)//x/", "data:text/html,x/"} {
		base, err := url.Parse(raw)
		if err != nil {
			continue // not even a URL: build never makes it a base
		}
		got := renderBody(t, linkArticle("x.html", "a.jpg"), base)
		if strings.Contains(got, "href") || strings.Contains(got, "src") {
			t.Errorf("base %q: %s", raw, got)
		}
	}
}

func TestElementsOutsideTheAllowlist(t *testing.T) {
	text := "<1>tekst</1> i <2/> oraz <3>więcej</3>"
	a := &article.Article{Blocks: []article.Block{{
		Kind: article.KindParagraph, Element: "p", Text: text, Owner: -1,
		Tags: []article.Tag{
			{Name: "base", Attrs: []article.Attr{{Key: "href", Val: "https://evil.example/"}}},
			{Name: "iframe", Empty: true, Attrs: []article.Attr{{Key: "src", Val: "https://evil.example/"}}},
			{Name: `a"onmouseover=alert(1)`, Attrs: []article.Attr{{Key: "title", Val: "x"}}},
		},
		Segments: []article.Segment{{Text: text, End: len(text)}},
	}}}
	got := strings.TrimSpace(renderBody(t, a, nil))
	want := `<p><span>tekst</span> i  oraz <span title="x">więcej</span></p>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
