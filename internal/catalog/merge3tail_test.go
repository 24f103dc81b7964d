package catalog

import (
	"strings"
	"testing"
)

// TestMerge3KeepsTranslatorsTables: a table of the translator's own after
// a segment ([notes]) survives a three-way merge, with the side's change
// that made one; so does one that followed a segment a side dropped.
func TestMerge3KeepsTranslatorsTables(t *testing.T) {
	ours := strings.Replace(keptFile, `translation = ""`, `translation = "Второе."`, 1)
	theirs := strings.Replace(keptFile, `todo = "check the numbers"`, `todo = "check the dates"`, 1)
	res, err := Merge3("f.toml", []byte(keptFile), []byte(ours), []byte(theirs), false)
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.Data)
	for _, want := range []string{`translation = "Второе."`, "[notes]\ntodo = \"check the dates\" # before Friday\n", "[glossary]", "[segment.meta]"} {
		if !strings.Contains(out, want) {
			t.Errorf("merged file lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "[notes]") != 1 {
		t.Errorf("[notes] is there %d times:\n%s", strings.Count(out, "[notes]"), out)
	}
}
