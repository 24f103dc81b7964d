package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// TestPrintBuild: a build of a few articles lists every version; one of
// an archive lists those not published in full, the first workspace.ListVersions of
// them, and counts every kind.
func TestPrintBuild(t *testing.T) {
	report := func(n int) *workspace.BuildReport {
		rep := &workspace.BuildReport{Out: "public"}
		for i := range n {
			slug := fmt.Sprintf("a%04d", i)
			rep.AddVersion(site.Version{Slug: slug, Lang: "pl", Published: true})
			rep.AddVersion(site.Version{Slug: slug, Lang: "ru", Published: i%2 == 0, Coverage: 40})
			rep.AddVersion(site.Version{Slug: slug, Lang: "en", Published: true, Fallbacks: i % 3 / 2})
		}
		return rep
	}
	for _, c := range []struct {
		name  string
		n     int
		lines int // lines about versions
		want  []string
		not   []string
	}{
		{"few", 3, 9, []string{"pl   a0000: published\n", "ru   a0001: not published: 40.0% translated\n", "en   a0002: published, 1 segment in Polish\n"}, []string{"rendered"}},
		{"many", 100, workspace.ListVersions, []string{"ru   a0001: not published: 40.0% translated\n",
			"300 article versions rendered (an article in a language): 217 published, 33 published with Polish in places, 50 not published (the first 50 of those not published in full are listed above; mosty status lists every article)\n"},
			[]string{"pl   a0000: published\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			printBuild(&b, report(c.n))
			out := b.String()
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
			for _, w := range c.not {
				if strings.Contains(out, w) {
					t.Errorf("%q in\n%s", w, out)
				}
			}
			if got := strings.Count(out, ": published") + strings.Count(out, ": not published"); got != c.lines {
				t.Errorf("%d lines about versions, want %d", got, c.lines)
			}
		})
	}
}
