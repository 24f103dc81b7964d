package names

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// A sample is a row of testdata/names.tsv.
type sample struct {
	kind, pl, ru, source string
	line                 int
}

func readSamples(t *testing.T) []sample {
	t.Helper()
	f, err := os.Open("testdata/names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 4 || p[3] == "" {
			t.Fatalf("testdata/names.tsv:%d: want kind, Polish, Russian and source, tab-separated", n)
		}
		out = append(out, sample{kind: p[0], pl: p[1], ru: p[2], source: p[3], line: n})
	}
	return out
}

func sampleKind(k string) Kind {
	if strings.HasSuffix(k, "-town") {
		return Place
	}
	return Person
}

// TestAccuracy measures the rules on names the tables have not seen and
// prints the share right per kind: go test -run TestAccuracy -v ./internal/names
func TestAccuracy(t *testing.T) {
	tb := loadTables()
	type score struct{ right, all int }
	perKind := map[string]*score{}
	var total score
	var wrong []string
	for _, s := range readSamples(t) {
		if _, seen := tb.exceptions[strings.ToLower(s.pl)]; seen {
			t.Errorf("testdata/names.tsv:%d: %q is in exceptions.tsv: the measure must use names the table has not seen", s.line, s.pl)
			continue
		}
		sc := perKind[s.kind]
		if sc == nil {
			sc = &score{}
			perKind[s.kind] = sc
		}
		got := Transcribe(s.pl, sampleKind(s.kind)).Russian
		sc.all++
		total.all++
		if foldYo(got) == foldYo(s.ru) {
			sc.right++
			total.right++
		} else {
			wrong = append(wrong, fmt.Sprintf("%s: %s → %s, established %s", s.kind, s.pl, got, s.ru))
		}
	}
	kinds := make([]string, 0, len(perKind))
	for k := range perKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		sc := perKind[k]
		t.Logf("%-14s %3d/%3d %5.1f%%", k, sc.right, sc.all, 100*float64(sc.right)/float64(sc.all))
	}
	pct := 100 * float64(total.right) / float64(total.all)
	t.Logf("%-14s %3d/%3d %5.1f%%", "all", total.right, total.all, pct)
	for _, w := range wrong {
		t.Log("wrong: " + w)
	}
	if pct < 90 {
		t.Errorf("%.1f%% right on unseen names, want at least 90%%", pct)
	}
}
