package catalog

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

var updateCases = flag.Bool("update", false, "rewrite the want and result sections of testdata/merge3/*.txtar")

// TestMerge3 runs the cases in testdata/merge3: each txtar file says
// what it shows, then holds base, ours and theirs, the merged file
// (want) and the result (conflicts, reextract). A comment starting
// "source:" merges a source file. -update rewrites want and result;
// review the diff.
func TestMerge3(t *testing.T) {
	paths, err := filepath.Glob("testdata/merge3/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string][]byte{}
			for _, f := range a.Files {
				sec[f.Name] = f.Data
			}
			isSource := strings.HasPrefix(string(a.Comment), "source:")
			res, err := Merge3("rozmowy.toml", sec["base"], sec["ours"], sec["theirs"], isSource)
			if err != nil {
				t.Fatal(err)
			}
			result := fmt.Sprintf("conflicts: %v\nreextract: %v\n", res.Conflicts, res.Reextract)
			if *updateCases {
				a.Files = slices.DeleteFunc(a.Files, func(f txtar.File) bool { return f.Name == "want" || f.Name == "result" })
				a.Files = append(a.Files, txtar.File{Name: "want", Data: res.Data}, txtar.File{Name: "result", Data: []byte(result)})
				if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if d := cmp.Diff(string(sec["want"]), string(res.Data)); d != "" {
				t.Errorf("merged file (-want +got):\n%s", d)
			}
			if d := cmp.Diff(string(sec["result"]), result); d != "" {
				t.Errorf("result (-want +got):\n%s", d)
			}
			// Swapping the sides conflicts on the same segments.
			swapped, err := Merge3("rozmowy.toml", sec["base"], sec["theirs"], sec["ours"], isSource)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(sorted(swapped.Conflicts), sorted(res.Conflicts)) || swapped.Reextract != res.Reextract {
				t.Errorf("swapped sides: conflicts %v reextract %v, want %v %v", swapped.Conflicts, swapped.Reextract, res.Conflicts, res.Reextract)
			}
		})
	}
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }
