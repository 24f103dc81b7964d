package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRenumberPlaceholders(t *testing.T) {
	tests := []struct {
		name     string
		in, want Unit
		changed  bool
	}{
		{"no placeholders",
			Unit{Source: "Zdanie.", Translation: "Sentence."},
			Unit{Source: "Zdanie.", Translation: "Sentence."}, false},
		{"already from one",
			Unit{Source: "A <1>b</1>.", Translation: "A <1>b</1>."},
			Unit{Source: "A <1>b</1>.", Translation: "A <1>b</1>."}, false},
		{"second sentence of a block",
			Unit{Source: "Wizytę zorganizowała <3>fundacja</3>.", Translation: "The visit was organised by the <3>foundation</3>.", Status: Reviewed},
			Unit{Source: "Wizytę zorganizowała <1>fundacja</1>.", Translation: "The visit was organised by the <1>foundation</1>.", Status: Reviewed}, true},
		{"translation in another order",
			Unit{Source: "<4>Klaster</4> i <5/> <6>fundacja</6>", Translation: "<6>Фонд</6> и <4>кластер</4> <5/>"},
			Unit{Source: "<1>Klaster</1> i <2/> <3>fundacja</3>", Translation: "<3>Фонд</3> и <1>кластер</1> <2/>"}, true},
		{"fuzzy: the previous source's numbers too",
			Unit{Source: "Nowe <5>zdanie</5>.", PreviousSource: "Stare <5>zdanie</5> z <6>linkiem</6>.", Translation: "Old <5>sentence</5> with a <6>link</6>.", Status: Fuzzy},
			Unit{Source: "Nowe <1>zdanie</1>.", PreviousSource: "Stare <1>zdanie</1> z <2>linkiem</2>.", Translation: "Old <1>sentence</1> with a <2>link</2>.", Status: Fuzzy}, true},
		{"a number only the translation has",
			Unit{Source: "<2>a</2>", Translation: "<2>a</2> <7/>"},
			Unit{Source: "<1>a</1>", Translation: "<1>a</1> <2/>"}, true},
		{"not yet translated",
			Unit{Source: "<2>a</2> <3/>", Status: New},
			Unit{Source: "<1>a</1> <2/>", Status: New}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.in
			if got := u.RenumberPlaceholders(); got != tt.changed {
				t.Errorf("changed = %v, want %v", got, tt.changed)
			}
			if d := cmp.Diff(tt.want, u, cmp.AllowUnexported(Unit{})); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestRenumberFile reads a translators' file of an earlier mosty and
// writes it back renumbered, the translator's own keys and comments kept.
func TestRenumberFile(t *testing.T) {
	old := `[article]
slug = "x"
lang = "en"

[[segment]]
id = "a1"
kind = "paragraph"
source = "To był tydzień z <1>klastrem</1>."
translation = "It was a week with the <1>cluster</1>."
status = "translated"

# checked with the client
[[segment]]
id = "b2"
kind = "paragraph"
source = "Wizytę zorganizowała <2>fundacja</2>."
translation = "The visit was organised by the <2>foundation</2>."
status = "reviewed"
reviewer = "Anna"
`
	f, err := Parse("locales/en/x.toml", []byte(old), false)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.RenumberPlaceholders(); n != 1 {
		t.Errorf("%d units renumbered, want 1", n)
	}
	got := string(f.Bytes())
	for _, want := range []string{
		`source = "Wizytę zorganizowała <1>fundacja</1>."`,
		`translation = "The visit was organised by the <1>foundation</1>."`,
		`status = "reviewed"`, `reviewer = "Anna"`, "# checked with the client",
		"[[segment]]\nid = \"a1\"\nkind = \"paragraph\"\nsource = \"To był tydzień z <1>klastrem</1>.\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("renumbered file lacks %q:\n%s", want, got)
		}
	}
}
