package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A splitCase is one line of testdata/cases/<lang>.txt.
type splitCase struct {
	name, input string
	want        []string
}

func readCases(t *testing.T, lang string) []splitCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata/cases", lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []splitCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		name, text, ok := strings.Cut(l, " :: ")
		if !ok {
			t.Fatalf("%s.txt:%d: no \" :: \" between name and text", lang, line)
		}
		want := strings.Split(text, " ‖ ")
		cases = append(cases, splitCase{name: name, input: strings.Join(want, " "), want: want})
	}
	return cases
}

// TestCases runs every named trap of every language and reports, per
// language, how many split exactly right.
func TestCases(t *testing.T) {
	for _, lang := range []string{"pl", "ru", "en"} {
		t.Run(lang, func(t *testing.T) {
			s, err := New(lang, nil)
			if err != nil {
				t.Fatal(err)
			}
			cases := readCases(t, lang)
			passed := 0
			for _, c := range cases {
				ok := t.Run(c.name, func(t *testing.T) {
					if d := cmp.Diff(c.want, s.Split(c.input)); d != "" {
						t.Errorf("%q (-want +got):\n%s", c.input, d)
					}
				})
				if ok {
					passed++
				}
			}
			t.Logf("%s: %d of %d cases split exactly right", lang, passed, len(cases))
		})
	}
}
