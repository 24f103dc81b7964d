package segment

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// segDevDir holds the team's development cases (Universal Dependencies
// dev/test splits not used for acceptance), shared but not in the
// repository.
const segDevDir = "../../../shared/corpus/seg-dev"

// segDevFloor is the share of seg-dev cases per language that must split
// exactly right: set just under the figure reached, so that a change that
// loses cases fails.
var segDevFloor = map[string]float64{"pl": 0.992, "ru": 0.974, "en": 0.967}

type segDevCase struct {
	Source   string   `json:"source"`
	Name     string   `json:"name"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
}

// TestSegDev scores the splitter on seg-dev the way
// ../shared/tools/segscore.py scores `mosty segment` (exact match per case,
// inner white space folded) and fails below the floor. MOSTY_SEGDEV=v logs
// every failing case.
func TestSegDev(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(segDevDir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no seg-dev cases at %s", segDevDir)
	}
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".json")
		floor, ok := segDevFloor[lang]
		if !ok {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			cases := readSegDev(t, file)
			s, err := New(lang, nil)
			if err != nil {
				t.Fatal(err)
			}
			ok, bySource := 0, map[string][2]int{}
			for _, c := range cases {
				got := splitLikeCLI(s, c.Text)
				pass := slices.Equal(got, fold(c.Expected))
				src := sourceName(c.Source)
				n := bySource[src]
				n[1]++
				if pass {
					ok++
					n[0]++
				} else if os.Getenv("MOSTY_SEGDEV") == "v" {
					t.Logf("FAIL %s %s\n  want %s\n  got  %s", src, c.Name, strings.Join(fold(c.Expected), " ‖ "), strings.Join(got, " ‖ "))
				}
				bySource[src] = n
			}
			share := float64(ok) / float64(len(cases))
			t.Logf("%s: %d/%d %.1f%% (%s)", lang, ok, len(cases), 100*share, perSource(bySource))
			if share < floor {
				t.Errorf("%s: %.1f%% of seg-dev split exactly right, under the floor of %.1f%%", lang, 100*share, 100*floor)
			}
		})
	}
}

func readSegDev(t *testing.T, file string) []segDevCase {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []segDevCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return cases
}

// splitLikeCLI splits as `mosty segment` does: lines of a paragraph
// joined with a space.
func splitLikeCLI(s *Segmenter, text string) []string {
	return fold(s.Split(strings.Join(strings.Fields(text), " ")))
}

// fold trims segments, folds inner white space and drops empty ones, as
// segscore.py does.
func fold(segs []string) []string {
	var out []string
	for _, s := range segs {
		if f := strings.Join(strings.Fields(s), " "); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// sourceName shortens "UniversalDependencies/UD_Polish-PDB/pl_pdb-ud-dev.conllu@…"
// to "pl_pdb-ud-dev".
func sourceName(s string) string {
	s, _, _ = strings.Cut(s, "@")
	return strings.TrimSuffix(filepath.Base(s), ".conllu")
}

func perSource(m map[string][2]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d/%d", k, m[k][0], m[k][1]))
	}
	return strings.Join(parts, ", ")
}
