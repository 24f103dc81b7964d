package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/extract/quality"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

// corpusDir holds real news pages with gold texts, shared with the team
// but not part of the repository (they have their own licences).
const corpusDir = "../../../shared/corpus/real"

// knownMisses are gold snippets mosty leaves out on purpose, with why.
var knownMisses = map[string]string{
	"Stadion im. Alfreda Smoczyka w Lesznie": "the stadium is match metadata in a sidebar table, not text of the live report",
}

type goldMeta struct {
	With    []string `json:"with"`
	Without []string `json:"without"`
	Date    string   `json:"date"`
}

func corpusPages(t testing.TB) []string {
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "*.html"))
	var out []string
	for _, p := range pages {
		if !strings.HasSuffix(p, ".gold.html") {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		sharedtest.Missing(t, corpusDir)
	}
	return out
}

func extractFile(t testing.TB, path string) *article.Article {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := HTML(acquire.Decode(raw, "").Text, Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// articleText is the text a reader of the article sees: the title and body
// blocks, without attributes or placeholders.
func articleText(a *article.Article) string {
	var parts []string
	for _, b := range a.Blocks {
		if !b.Kind.IsAttribute() {
			parts = append(parts, plain(b.Text))
		}
	}
	return strings.Join(parts, "\n")
}

// bodyText is articleText without image captions: the benchmarks' gold
// texts leave captions out, but they are text a translator translates, so
// mosty keeps them (and, like alt texts, counts them as their own kind).
func bodyText(a *article.Article) string {
	var parts []string
	for _, b := range a.Blocks {
		if !b.Kind.IsAttribute() && b.Kind != article.KindCaption {
			parts = append(parts, plain(b.Text))
		}
	}
	return strings.Join(parts, "\n")
}

// TestCorpusExtraction measures extraction on real news pages against
// their gold texts. Targets (issue 13): mean F1 at least 0.93 and no page
// under 0.85; the floor for the mean is set just under today's 0.939.
func TestCorpusExtraction(t *testing.T) {
	var sum float64
	var n int
	for _, page := range corpusPages(t) {
		id := strings.TrimSuffix(filepath.Base(page), ".html")
		goldTxt, err := os.ReadFile(filepath.Join(corpusDir, id+".gold.txt"))
		if err != nil || strings.HasPrefix(id, "ru-chromium") {
			continue // no body gold; checked by snippets, dates or charset tests
		}
		a := extractFile(t, page)
		p, r, f := quality.Score(articleText(a), string(goldTxt))
		t.Logf("%-34s P=%.3f R=%.3f F1=%.3f", id, p, r, f)
		sum += f
		n++
		if f < 0.85 {
			t.Errorf("%s: F1 %.3f is under 0.85 (P=%.3f R=%.3f)", id, f, p, r)
		}
	}
	if n == 0 {
		t.Fatalf("no page of %s has a gold text: nothing was measured", corpusDir)
	}
	mean := sum / float64(n)
	t.Logf("mean F1 over %d pages: %.3f", n, mean)
	if mean < 0.935 {
		t.Errorf("mean F1 %.3f is under 0.935", mean)
	}
}

// TestCorpusSnippets checks the pages whose gold is a list of snippets
// that must, and must not, be in the article, and the date. The snippet
// score is the share of those checks that pass (a known miss counts as a
// failure); it must stay at 0.95 or more.
func TestCorpusSnippets(t *testing.T) {
	passed, total := 0, 0
	check := func(ok bool) bool {
		total++
		if ok {
			passed++
		}
		return ok
	}
	for _, page := range corpusPages(t) {
		id := strings.TrimSuffix(filepath.Base(page), ".html")
		var g goldMeta
		raw, err := os.ReadFile(filepath.Join(corpusDir, id+".gold.json"))
		if err != nil || json.Unmarshal(raw, &g) != nil || len(g.With)+len(g.Without)+len(g.Date) == 0 {
			continue
		}
		t.Run(id, func(t *testing.T) {
			a := extractFile(t, page)
			text := strings.Join(strings.Fields(articleText(a)), " ")
			body := strings.Join(strings.Fields(bodyText(a)), " ")
			for _, s := range g.With {
				if !check(strings.Contains(text, s)) && knownMisses[s] == "" {
					t.Errorf("missing article text %q", s)
				}
			}
			for _, s := range g.Without {
				if !check(!strings.Contains(body, s)) {
					t.Errorf("boilerplate %q in the article", s)
				}
			}
			if g.Date != "" && !check(a.Date.Format("2006-01-02") == g.Date) {
				t.Errorf("date %s, want %s", a.Date.Format("2006-01-02"), g.Date)
			}
			if strings.ContainsRune(text, '\uFFFD') && !strings.Contains(id, "radiomaryja") {
				t.Errorf("replacement characters in the text: mojibake")
			}
		})
	}
	score := float64(passed) / float64(total)
	t.Logf("snippet score: %d of %d checks pass, %.3f", passed, total, score)
	if score < 0.95 {
		t.Errorf("snippet score %.3f is under 0.95", score)
	}
}
