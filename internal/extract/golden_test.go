package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// TestGolden extracts every page in testdata/pages and compares the whole
// article with testdata/golden/<page>.json. Run with -update to rewrite
// the goldens after a deliberate change, then read the diff.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatal("no test pages", err)
	}
	var want []string
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html") + ".json"
		want = append(want, name)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a, err := HTML(string(raw), Options{Lang: "pl"})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata/golden", name)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if d := cmp.Diff(string(exp), string(got)); d != "" {
				t.Errorf("%s differs (-golden +got):\n%s", golden, d)
			}
		})
	}
	// Goldens without a page are stale.
	have, _ := filepath.Glob("testdata/golden/*.json")
	for _, g := range have {
		if !slices.Contains(want, filepath.Base(g)) {
			t.Errorf("%s has no page in testdata/pages: remove it", g)
		}
	}
}
