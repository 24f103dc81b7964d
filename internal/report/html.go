package report

import (
	_ "embed"
	"html/template"
	"io"
	"iter"

	"github.com/mosty-dev/mosty/internal/catalog"
)

//go:embed report.html
var reportTemplate string

var reportPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct": func(n, total int) float64 {
		if total == 0 {
			return 0
		}
		return float64(int(1000*float64(n)/float64(total))) / 10
	},
}).Parse(reportTemplate))

type reportRow struct {
	Slug, Title, Lang string
	C                 catalog.Coverage
	New, Fuzzy, Done  int // words
	Total             int
	Percent           float64
}

type staleRow struct {
	Slug, Lang, ID, Old, New, Translation string
}

// HTML writes the coverage report for editors: one self-contained page
// (no external files), a row per article and language with its segments
// in conflict (left in two versions by a git merge) and bars for done,
// to-check (fuzzy, or done but in conflict) and new words, sortable by
// any column; the conflict notes the text table has; and the list of
// stale segments with their old and new Polish. The articles are read
// twice, one at a time, so that the report of a large archive is written
// without holding it.
func HTML(w io.Writer, siteName string, articles iter.Seq[catalog.ArticleCoverage], langs []string) error {
	if err := reportPage.ExecuteTemplate(w, "start", map[string]any{"Site": siteName}); err != nil {
		return err
	}
	totals := map[string]catalog.Coverage{}
	stale := 0
	for a := range articles {
		for _, l := range langs {
			c := a.Coverage[l]
			sum := totals[l]
			sum.Add(c)
			totals[l] = sum
			stale += len(a.Stale[l])
			if err := reportPage.ExecuteTemplate(w, "row", row(a.Slug, a.Title, l, c)); err != nil {
				return err
			}
		}
	}
	var sums []reportRow
	for _, l := range langs {
		sums = append(sums, row("", "", l, totals[l]))
	}
	if err := reportPage.ExecuteTemplate(w, "totals", map[string]any{"Totals": sums, "Conflicts": conflictNotes(totals, langs)}); err != nil {
		return err
	}
	if err := staleRows(w, articles, langs, stale); err != nil {
		return err
	}
	return reportPage.ExecuteTemplate(w, "end", nil)
}

// row is a row's counts: words done as Percent counts them, the rest of
// the words marked done (in conflict) to check with the fuzzy ones.
func row(slug, title, lang string, c catalog.Coverage) reportRow {
	done := c.DoneWords()
	return reportRow{Slug: slug, Title: title, Lang: lang, C: c, New: c.Words[catalog.New], Done: done,
		Fuzzy: c.Words[catalog.Fuzzy] + c.Words[catalog.Translated] + c.Words[catalog.Reviewed] - done,
		Total: c.TotalWords(), Percent: round1(c.Percent())}
}

// staleRows lists the stale segments, n of them.
func staleRows(w io.Writer, articles iter.Seq[catalog.ArticleCoverage], langs []string, n int) error {
	if n == 0 {
		return reportPage.ExecuteTemplate(w, "no-stale", nil)
	}
	if err := reportPage.ExecuteTemplate(w, "stale-start", nil); err != nil {
		return err
	}
	for a := range articles {
		for _, l := range langs {
			for _, u := range a.Stale[l] {
				r := staleRow{Slug: a.Slug, Lang: l, ID: u.ID, Old: u.PreviousSource, New: u.Source, Translation: u.Translation}
				if err := reportPage.ExecuteTemplate(w, "stale-row", r); err != nil {
					return err
				}
			}
		}
	}
	return reportPage.ExecuteTemplate(w, "stale-end", nil)
}
