package main

import (
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/extract"
)

// TestAddSentence: the sentence the one-changed import adds lands in the
// article's text as mosty extracts it, not in the page's sidebar.
func TestAddSentence(t *testing.T) {
	g, err := newGenerator()
	if err != nil {
		t.Fatal(err)
	}
	const sentence = " Artykuł zaktualizowano dzisiaj rano."
	page := string(g.page(7, 100))
	changed, err := addSentence(page, sentence)
	if err != nil {
		t.Fatal(err)
	}
	before, err := extract.HTML(page, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, err := extract.HTML(changed, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Blocks) != len(before.Blocks) {
		t.Fatalf("%d blocks before, %d after", len(before.Blocks), len(after.Blocks))
	}
	diff := 0
	for i := range after.Blocks {
		if after.Blocks[i].Text != before.Blocks[i].Text {
			diff++
			if !strings.HasSuffix(after.Blocks[i].Text, sentence) {
				t.Errorf("block %d became %q", i, after.Blocks[i].Text)
			}
		}
	}
	if diff != 1 {
		t.Errorf("%d blocks changed, want 1", diff)
	}
	if _, err := addSentence("<p>no date</p>", sentence); err == nil {
		t.Error("a page without a date paragraph was changed")
	}
}
