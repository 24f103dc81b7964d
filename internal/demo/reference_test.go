package demo

import (
	"testing"

	"github.com/mosty-dev/mosty/internal/names"
)

// TestReferenceNames: the reference Russian translation gives every name
// of the sample in its standard form (it had Крайевский for Adam
// Krajewski), and the English one keeps them or uses their exonyms.
func TestReferenceNames(t *testing.T) {
	checked := 0
	for pl, tr := range Reference() {
		for _, n := range names.Find(pl) {
			checked++
			if !n.InRussian(names.RussianWords(tr["ru"])) {
				t.Errorf("%q is not rendered as %q in %q", n.Text, n.Russian, tr["ru"])
			}
		}
	}
	if checked < 5 {
		t.Errorf("%d names checked in the sample, want at least 5", checked)
	}
}
