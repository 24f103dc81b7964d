// Package report presents translation coverage for people and scripts:
// an aligned table, JSON, and (later) an HTML report. It reads nothing
// from disk; callers pass what the workspace measured.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// Totals adds up the coverage of every article, by language.
func Totals(articles []catalog.ArticleCoverage) map[string]catalog.Coverage {
	t := map[string]catalog.Coverage{}
	for _, a := range articles {
		AddTotals(t, a)
	}
	return t
}

// AddTotals adds an article's coverage to totals, by language.
func AddTotals(totals map[string]catalog.Coverage, a catalog.ArticleCoverage) {
	for lang, c := range a.Coverage {
		sum := totals[lang]
		sum.Add(c)
		totals[lang] = sum
	}
}

// Table writes the coverage as an aligned table: one row per article and
// language, then the totals per language.
func Table(w io.Writer, articles []catalog.ArticleCoverage, langs []string) error {
	totalName := fmt.Sprintf("all %d articles", len(articles))
	if len(articles) == 1 {
		totalName = "all 1 article"
	}
	// Numbers align right, titles left: titles are padded here to one
	// width (in characters, so Polish letters count once), then tabwriter
	// aligns the rest.
	width := len([]rune(totalName))
	for _, a := range articles {
		width = max(width, len([]rune(shorten(a.Title, 44))))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-len([]rune(s))) }
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tlang\tsegments\tnew\tfuzzy\ttranslated\treviewed\twords\tdone\t\n", pad("article"))
	row := func(name, lang string, c catalog.Coverage) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f%%\t\n", pad(name), lang, c.TotalSegments(),
			c.Segments[catalog.New], c.Segments[catalog.Fuzzy], c.Segments[catalog.Translated], c.Segments[catalog.Reviewed],
			c.TotalWords(), c.Percent())
	}
	for _, a := range articles {
		for i, lang := range langs {
			name := ""
			if i == 0 {
				name = shorten(a.Title, 44)
			}
			row(name, lang, a.Coverage[lang])
		}
	}
	totals := Totals(articles)
	for i, lang := range langs {
		name := ""
		if i == 0 {
			name = totalName
		}
		row(name, lang, totals[lang])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range conflictNotes(totals, langs) {
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// conflictNotes say, under the table (text or HTML), how many segments a
// git merge left in two versions in each language; nothing when there
// are none.
func conflictNotes(totals map[string]catalog.Coverage, langs []string) []string {
	var out []string
	for _, lang := range langs {
		n := totals[lang].Conflicts
		if n == 0 {
			continue
		}
		what := "segments"
		if n == 1 {
			what = "segment"
		}
		out = append(out, fmt.Sprintf("%s: %d %s changed two ways in a git merge, not counted as done: \"mosty check\" lists them, \"mosty resolve\" keeps one version", lang, n, what))
	}
	return out
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// JSON shapes, documented in the README.
type (
	jsonCounts struct {
		New        int `json:"new"`
		Fuzzy      int `json:"fuzzy"`
		Translated int `json:"translated"`
		Reviewed   int `json:"reviewed"`
		Total      int `json:"total"`
	}
	jsonCoverage struct {
		Segments jsonCounts `json:"segments"`
		Words    jsonCounts `json:"words"`
		Percent  float64    `json:"percent"`
		Obsolete int        `json:"obsolete"`
		// Conflicts are segments a git merge left in two versions.
		Conflicts int `json:"conflicts"`
	}
	jsonArticle struct {
		Slug      string                  `json:"slug"`
		Title     string                  `json:"title"`
		Languages map[string]jsonCoverage `json:"languages"`
	}
	jsonReport struct {
		Articles []jsonArticle           `json:"articles"`
		Totals   map[string]jsonCoverage `json:"totals"`
	}
)

func counts(m map[catalog.Status]int) jsonCounts {
	c := jsonCounts{New: m[catalog.New], Fuzzy: m[catalog.Fuzzy], Translated: m[catalog.Translated], Reviewed: m[catalog.Reviewed]}
	c.Total = c.New + c.Fuzzy + c.Translated + c.Reviewed
	return c
}

// CoverageJSON is a language's coverage as mosty status --json gives it.
type CoverageJSON = jsonCoverage

// ArticleJSON is an article as mosty status --json writes it.
type ArticleJSON = jsonArticle

// CountsJSON are segments or words by status, as in CoverageJSON.
type CountsJSON = jsonCounts

// CoverageOf gives c as mosty status --json writes it.
func CoverageOf(c catalog.Coverage) CoverageJSON { return coverage(c) }

func coverage(c catalog.Coverage) jsonCoverage {
	return jsonCoverage{Segments: counts(c.Segments), Words: counts(c.Words), Percent: round1(c.Percent()), Obsolete: c.Obsolete, Conflicts: c.Conflicts}
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// JSON is the coverage for scripts, as the README's schema for
// mosty status --json has it, ready for a JSON encoder.
func JSON(articles []catalog.ArticleCoverage, langs []string) any {
	r := jsonReport{Articles: []jsonArticle{}}
	for _, a := range articles {
		r.Articles = append(r.Articles, JSONArticle(a, langs))
	}
	r.Totals = JSONTotals(Totals(articles), langs)
	return r
}

// JSONArticle is an article of the JSON report, the report's "articles"
// a list of them, for a writer that writes them one at a time.
func JSONArticle(a catalog.ArticleCoverage, langs []string) ArticleJSON {
	ja := jsonArticle{Slug: a.Slug, Title: a.Title, Languages: map[string]jsonCoverage{}}
	for _, lang := range langs {
		ja.Languages[lang] = coverage(a.Coverage[lang])
	}
	return ja
}

// JSONTotals is the JSON report's "totals" of langs.
func JSONTotals(totals map[string]catalog.Coverage, langs []string) map[string]CoverageJSON {
	out := map[string]jsonCoverage{}
	for lang, c := range totals {
		if slices.Contains(langs, lang) {
			out[lang] = coverage(c)
		}
	}
	return out
}
