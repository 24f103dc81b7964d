package catalog

import (
	"strings"
	"testing"
)

// keptFile is a translators' file with content of the translator's own
// everywhere mosty does not write: a note at the top, a key of their own
// in [article], a [glossary] table before the segments, trailing comments
// on their keys, a sub-table of a segment, and a [notes] table at the end.
const keptFile = `# Russian translation of "Tytuł"
# Anna: terms agreed with the client on 12.01

[article]
slug = "a"
lang = "ru"
source_lang = "pl"
title = "Tytuł"
translator = "Anna"   # for the invoice

[glossary]
klaster = "кластер"

[[segment]]
id = "t"
kind = "title"
source = "Tytuł"
translation = "Заголовок"
status = "translated"
reviewer = "Anna" # checked on Monday

[[segment]]
id = "p1"
kind = "paragraph"
source    = "Pierwsze zdanie."   # the client's wording
translation = 'Первое предложение.'
status = "translated"
[segment.meta]
asked = "Adam"

[[segment]]
id = "p2"
kind = "paragraph"
source = "Drugie zdanie."
translation = ""
status = "new"

# what is left to do
[notes]
todo = "check the numbers" # before Friday
`

var keptPieces = []string{
	"# Anna: terms agreed with the client on 12.01\n",
	`translator = "Anna"   # for the invoice`,
	"[glossary]\nklaster = \"кластер\"\n",
	`reviewer = "Anna" # checked on Monday`,
	"[segment.meta]\nasked = \"Adam\"\n",
	"# what is left to do\n[notes]\ntodo = \"check the numbers\" # before Friday\n",
}

func TestKeepsTranslatorsContent(t *testing.T) {
	src := func(texts ...string) []Unit {
		ids := []string{"t", "p1", "p2"}
		var out []Unit
		for i, s := range texts {
			if s != "" {
				out = append(out, Unit{ID: ids[i], Kind: map[bool]string{true: "title", false: "paragraph"}[i == 0], Source: s})
			}
		}
		return out
	}
	tests := []struct {
		name   string
		change func(f *File)
		also   []string // more that must be in the file
	}{
		{"the last segment changes", func(f *File) { f.Merge(src("Tytuł", "Pierwsze zdanie.", "Drugie zdanie, nowe."), nil, false) },
			[]string{`source = "Drugie zdanie, nowe."`}},
		{"the last segment is removed", func(f *File) { f.Merge(src("Tytuł", "Pierwsze zdanie.", ""), nil, false) }, nil},
		{"every segment changes", func(f *File) { f.Merge(src("Tytuł nowy", "Pierwsze zdanie, nowe.", "Drugie, nowe."), nil, false) },
			[]string{`previous_source = "Tytuł"`, `previous_source = "Pierwsze zdanie."`, "source    = \"Pierwsze zdanie, nowe.\"   # the client's wording"}},
		{"a segment goes obsolete and moves to the end", func(f *File) { f.Merge(src("Tytuł", "", "Drugie zdanie."), nil, false) },
			[]string{"obsolete = true"}},
		{"the title changes", func(f *File) { f.Header.Title = "Nowy tytuł" },
			[]string{"# Russian translation of \"Nowy tytuł\"\n", `title = "Nowy tytuł"`}},
		{"a status changes", func(f *File) { f.Units[0].Status = Reviewed }, []string{"status = \"reviewed\"\nreviewer"}},
		{"pruned", func(f *File) { f.Merge(src("Tytuł", "", ""), nil, true) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, keptFile, false)
			tt.change(f)
			out := string(f.Bytes())
			for _, want := range append(keptPieces, tt.also...) {
				if tt.name == "pruned" && strings.HasPrefix(want, "[segment.meta]") {
					continue // pruning drops the segment, sub-tables and all
				}
				if !strings.Contains(out, want) {
					t.Errorf("lost %q:\n%s", want, out)
				}
			}
			again, err := Parse("ru.toml", []byte(out), false)
			if err != nil {
				t.Fatalf("the written file does not parse: %v\n%s", err, out)
			}
			if again.Header.Slug != "a" || again.Header.Lang != "ru" {
				t.Errorf("header %+v", again.Header)
			}
		})
	}
}

func TestRemovedKeyKeepsItsComment(t *testing.T) {
	f := mustParse(t, strings.Replace(keptFile, "status = \"new\"\n", "status = \"fuzzy\"\nprevious_source = \"Stare.\" # was it right?\n", 1), false)
	f.Units[2].PreviousSource = ""
	f.Units[2].Status = New
	out := string(f.Bytes())
	if !strings.Contains(out, "status = \"new\"\n# was it right?\n") || strings.Contains(out, "Stare.") {
		t.Errorf("got:\n%s", out)
	}
}
