package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// coverageOf counts a translators' file given as TOML.
func coverageOf(t *testing.T, toml string) catalog.Coverage {
	t.Helper()
	f, err := catalog.Parse("ru/a.toml", []byte(toml), false)
	if err != nil {
		t.Fatal(err)
	}
	return f.Coverage()
}

const withConflict = `[article]
slug = "a"
lang = "ru"

[[segment]]
id = "a1"
source = "Jeden dwa trzy."
translation = "Раз два три."
status = "translated"
conflict_translation = "Один два три."
conflict_status = "reviewed"

[[segment]]
id = "b2"
source = "Cztery."
translation = "Четыре."
status = "reviewed"
`

// The HTML report says what the table and the JSON say of conflicts:
// the count per row and in total, the note under the table, and their
// words not counted as done.
func TestConflictsInEveryOutput(t *testing.T) {
	articles := []catalog.ArticleCoverage{{Slug: "a", Title: "Artykuł", Coverage: map[string]catalog.Coverage{"ru": coverageOf(t, withConflict)}}}
	langs := []string{"ru"}
	note := `ru: 1 segment changed two ways in a git merge, not counted as done: "mosty check" lists them, "mosty resolve" keeps one version`

	var text bytes.Buffer
	if err := Table(&text, articles, langs); err != nil {
		t.Fatal(err)
	}
	var h bytes.Buffer
	if err := HTML(&h, "Site", slices.Values(articles), langs); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(JSON(articles, langs))
	if err != nil {
		t.Fatal(err)
	}
	page := h.String()
	tests := []struct {
		name, out, want string
	}{
		{"text: the note", text.String(), note + "\n"},
		{"text: 1 of 4 words done", text.String(), "25.0%"},
		{"json: the count", string(js), `"percent":25,"obsolete":0,"conflicts":1`},
		{"html: the note", page, `<p class="conflicts">ru: 1 segment changed two ways in a git merge, not counted as done: &#34;mosty check&#34; lists them, &#34;mosty resolve&#34; keeps one version</p>`},
		{"html: the column", page, `<th>Segments</th><th>Conflicts</th>`},
		{"html: the article's row", page, `<td>ru</td><td class="n">2</td><td class="n">1</td><td class="n">4</td><td class="n" data-v="25">25</td>`},
		{"html: the totals' row", page, `<td>All articles</td><td>ru</td><td class="n">2</td><td class="n">1</td><td class="n">4</td><td class="n">25</td>`},
		{"html: conflicted words are to check, not done", page, `aria-label="1 of 4 words translated, 3 to check, 0 new"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.out, tt.want) {
				t.Errorf("no %q in:\n%s", tt.want, tt.out)
			}
		})
	}
}

// Without conflicts nothing is said of them but the zero column.
func TestNoConflictNote(t *testing.T) {
	articles := []catalog.ArticleCoverage{{Slug: "a", Title: "Artykuł", Coverage: map[string]catalog.Coverage{"ru": coverageOf(t, strings.ReplaceAll(withConflict, "conflict_", "x_"))}}}
	var text, h bytes.Buffer
	if err := Table(&text, articles, []string{"ru"}); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&h, "Site", slices.Values(articles), []string{"ru"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "changed two ways") || strings.Contains(h.String(), "changed two ways") {
		t.Errorf("a conflict note without conflicts:\n%s\n%s", text.String(), h.String())
	}
}
