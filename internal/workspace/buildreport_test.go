package workspace

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mosty-dev/mosty/internal/site"
)

// TestAddVersion: a report keeps every version while there are at most
// ListVersions, then only the first ListVersions not published in full,
// in order, whatever came first; it counts them all.
func TestAddVersion(t *testing.T) {
	v := func(i int, full bool) site.Version {
		return site.Version{Slug: fmt.Sprintf("a%04d", i), Lang: "ru", Published: true, Fallbacks: map[bool]int{true: 0, false: 1}[full]}
	}
	for _, c := range []struct {
		name     string
		full     func(i int) bool // whether version i is published in full
		n        int
		want     []int // the versions kept
		rendered VersionCounts
	}{
		{"few", func(i int) bool { return i%2 == 0 }, 5, []int{0, 1, 2, 3, 4}, VersionCounts{Full: 3, Partly: 2}},
		{"as many as listed", func(int) bool { return true }, ListVersions, seq(0, ListVersions), VersionCounts{Full: ListVersions}},
		{"one more: the full ones go", func(i int) bool { return i != 3 }, ListVersions + 1, []int{3}, VersionCounts{Full: ListVersions, Partly: 1}},
		{"many, the partial ones late", func(i int) bool { return i < 100 }, 200, seq(100, 150), VersionCounts{Full: 100, Partly: 100}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var rep BuildReport
			for i := range c.n {
				rep.AddVersion(v(i, c.full(i)))
			}
			var got []int
			for _, kept := range rep.Versions {
				var i int
				fmt.Sscanf(kept.Slug, "a%d", &i)
				got = append(got, i)
			}
			if !slices.Equal(got, c.want) || rep.Rendered != c.rendered {
				t.Errorf("kept %v, counted %+v; want %v, %+v", got, rep.Rendered, c.want, c.rendered)
			}
		})
	}
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// TestCompactRecord: an article the build keeps as its cache line gives
// the versions, files, coverage and line it was made from.
func TestCompactRecord(t *testing.T) {
	rec := &builtArticle{
		Stamps: articleStamps{{Size: 1, MTime: 2}, {Size: 3, MTime: 4}},
		Versions: []site.Version{
			{Slug: "targi", Lang: "pl", Title: "Targi\tw Kijowie", Category: "Wydarzenia", Published: true, Coverage: 100},
			{Slug: "targi", Lang: "ru", Title: "Ярмарка", Category: "Wydarzenia", Coverage: 62.5, Fallbacks: 2, Previous: 1},
		},
		Coverage: []counts{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		Stale:    []staleUnit{{Lang: "ru", ID: "s2", Source: "Nowe", PreviousSource: "Stare", Translation: "Старое"}},
	}
	line, files := rec.line("targi"), rec.files("targi", "pl")
	cov := rec.articleCoverage("targi", []string{"ru"})
	versions := slices.Clone(rec.Versions)
	rec.compact()
	if rec.Versions != nil || rec.Coverage != nil || rec.Stale != nil {
		t.Fatal("compact kept the fields")
	}
	if got := rec.versions("targi"); !cmpVersions(got, versions) {
		t.Errorf("versions %+v, want %+v", got, versions)
	}
	if got := rec.files("targi", "pl"); !slices.Equal(got, files) {
		t.Errorf("files %v, want %v", got, files)
	}
	if got := rec.line("targi"); got != line {
		t.Errorf("line %q, want %q", got, line)
	}
	if got := rec.articleCoverage("targi", []string{"ru"}); fmt.Sprint(got) != fmt.Sprint(cov) {
		t.Errorf("coverage %+v, want %+v", got, cov)
	}
}

func cmpVersions(a, b []site.Version) bool {
	return slices.EqualFunc(a, b, func(x, y site.Version) bool { return x == y })
}
