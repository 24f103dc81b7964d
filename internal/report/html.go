package report

import (
	_ "embed"
	"html/template"
	"io"

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
// stale segments with their old and new Polish.
func HTML(w io.Writer, siteName string, articles []catalog.ArticleCoverage, langs []string) error {
	var rows []reportRow
	var stale []staleRow
	for _, a := range articles {
		for _, l := range langs {
			r := rowOf(a.Coverage[l])
			r.Slug, r.Title, r.Lang = a.Slug, a.Title, l
			rows = append(rows, r)
			for _, u := range a.Stale[l] {
				stale = append(stale, staleRow{Slug: a.Slug, Lang: l, ID: u.ID, Old: u.PreviousSource, New: u.Source, Translation: u.Translation})
			}
		}
	}
	totals := Totals(articles)
	var sums []reportRow
	for _, l := range langs {
		r := rowOf(totals[l])
		r.Lang = l
		sums = append(sums, r)
	}
	return reportPage.Execute(w, map[string]any{"Site": siteName, "Rows": rows, "Totals": sums, "Stale": stale,
		"Conflicts": conflictNotes(totals, langs)})
}

// rowOf is a row's counts: words done as Percent counts them, the rest
// of the words marked done (in conflict) to check with the fuzzy ones.
func rowOf(c catalog.Coverage) reportRow {
	done := c.DoneWords()
	return reportRow{C: c, New: c.Words[catalog.New], Done: done, Total: c.TotalWords(), Percent: round1(c.Percent()),
		Fuzzy: c.Words[catalog.Fuzzy] + c.Words[catalog.Translated] + c.Words[catalog.Reviewed] - done}
}
