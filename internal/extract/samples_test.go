package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

const samplesDir = "../../../shared/samples/"

// expectedUnits reads a .segments.txt: "[kind] text" lines after comments.
func expectedUnits(t *testing.T, name string) (title string, body, attrs []string) {
	t.Helper()
	raw, err := os.ReadFile(samplesDir + name)
	if err != nil {
		sharedtest.Missing(t, "../shared/samples: "+err.Error())
	}
	for _, l := range strings.Split(string(raw), "\n") {
		kind, text, ok := strings.Cut(l, "] ")
		if !ok || strings.HasPrefix(l, "#") {
			continue
		}
		switch kind {
		case "[title":
			title = text
		case "[body":
			body = append(body, text)
		case "[attr":
			attrs = append(attrs, text)
		}
	}
	return title, body, attrs
}

func readSample(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(samplesDir + name)
	if err != nil {
		sharedtest.Missing(t, "../shared/samples: "+err.Error())
	}
	return acquire.Decode(raw, "").Text
}

// splitBlocks returns the body text (sentences joined by spaces, blocks by
// newlines) and the attribute texts of an article.
func splitBlocks(a *article.Article) (body string, attrs []string) {
	var parts []string
	for _, b := range a.Blocks {
		switch {
		case b.Kind == article.KindTitle || b.Kind == article.KindDescription:
		case b.Kind.IsAttribute():
			attrs = append(attrs, b.Text)
		default:
			parts = append(parts, strings.ReplaceAll(plain(b.Text), "\n", " "))
		}
	}
	return strings.Join(parts, " "), attrs
}

func TestSamples(t *testing.T) {
	tests := []struct {
		name, file, segments string
		extract              func(string, Options) (*article.Article, error)
		date, category       string
	}{
		{"plain text", "klaster-bialorus-2017.txt", "klaster-bialorus-2017.segments.txt", Text, "2017-12-13", "Działania klastra"},
		{"CMS page", "klaster-bialorus-2017.html", "klaster-bialorus-2017.segments.txt", HTML, "2017-12-13", "Działania klastra"},
		{"old table layout in windows-1250", "forum-2018-cp1250.html", "forum-2018-cp1250.segments.txt", HTML, "2018-03-05", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, wantBody, wantAttrs := expectedUnits(t, tt.segments)
			a, err := tt.extract(readSample(t, tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != title || a.Blocks[0].Kind != article.KindTitle || a.Blocks[0].Text != title {
				t.Errorf("title %q (first block %q), want %q", a.Title, a.Blocks[0].Text, title)
			}
			if got := a.Date.Format("2006-01-02"); got != tt.date {
				t.Errorf("date %s, want %s", got, tt.date)
			}
			if a.Category != tt.category {
				t.Errorf("category %q, want %q", a.Category, tt.category)
			}
			body, attrs := splitBlocks(a)
			if d := cmp.Diff(strings.Join(wantBody, " "), body); d != "" {
				t.Errorf("body text differs (-want +got):\n%s", d)
			}
			if tt.file == "klaster-bialorus-2017.html" {
				wantAttrs = []string{"Goście z Białorusi w siedzibie klastra w Białymstoku"}
			}
			if d := cmp.Diff(wantAttrs, attrs); d != "" {
				t.Errorf("attributes differ (-want +got):\n%s", d)
			}
			for _, b := range a.Blocks {
				if err := checkPlaceholders(b); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestSampleInlineMarkup checks that the CMS page's bold and link are
// placeholders whose attributes stay on the source side.
func TestSampleInlineMarkup(t *testing.T) {
	a, err := HTML(readSample(t, "klaster-bialorus-2017.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := a.Blocks[1]
	if !strings.HasPrefix(b.Text, "To był tydzień, w którym <1>Wschodni Klaster Budowlany</1> dzielił") ||
		!strings.HasSuffix(b.Text, "Wizytę zorganizowała <2>Podlaska Fundacja Rozwoju Regionalnego</2>.") {
		t.Errorf("first paragraph %q", b.Text)
	}
	if href, _ := b.Tags[1].Attr("href"); b.Tags[0].Name != "strong" || href != "http://www.pfrr.pl/" {
		t.Errorf("tags %+v", b.Tags)
	}
	if strings.Contains(b.Text, "pfrr.pl") {
		t.Error("a link target is in front of translators")
	}
	last := a.Blocks[len(a.Blocks)-1]
	if last.Kind != article.KindDescription || last.Text != "Wschodni Klaster Budowlany gościł przedstawicieli Białorusi." {
		t.Errorf("meta description block %+v", last)
	}
}
