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

// TestDecideMergeOldNumbering: a unit of a file exported before
// placeholders were numbered per segment (its Polish "<3>Fundacja</3>…",
// mosty's now "<1>Fundacja</1>…" after sync renumbered the file) merges
// as if exported today: its translation, the export's record and the
// fingerprint of the exported translation are read in today's numbers.
func TestDecideMergeOldNumbering(t *testing.T) {
	const (
		pl    = "Wizytę zorganizowała <1>Fundacja</1> z <2/> Białegostoku."
		oldPl = "Wizytę zorganizowała <3>Fundacja</3> z <4/> Białegostoku."
		ru    = "Визит организовал <1>Фонд</1> из <2/> Белостока."
		oldRu = "Визит организовал <3>Фонд</3> из <4/> Белостока."
		ru2   = "Визит организовал <1>Фонд</1> <2/> Белостока."
		old2  = "Визит организовал <3>Фонд</3> <4/> Белостока."
	)
	tests := []struct {
		name       string
		cur        Unit
		in         Incoming
		base       *Exported
		want       Outcome
		unit       *Unit
		renumbered bool
	}{
		{"edited in the tool, fingerprint of the old numbers", Unit{ID: "x", Source: pl, Translation: ru, Status: Translated},
			Incoming{Source: oldPl, Translation: old2, Status: Translated, Base: BaseOf(oldRu)}, nil,
			Apply, &Unit{ID: "x", Source: pl, Translation: ru2, Status: Translated}, true},
		{"left as exported", Unit{ID: "x", Source: pl, Translation: ru, Status: Translated},
			Incoming{Source: oldPl, Translation: oldRu, Status: Translated, Base: BaseOf(oldRu)}, nil,
			Unchanged, nil, true},
		{"the export's record in the old numbers", Unit{ID: "x", Source: pl, Translation: ru, Status: Translated},
			Incoming{Source: oldPl, Translation: old2, Status: Reviewed}, &Exported{Source: oldPl, Translation: oldRu, Status: Translated},
			Apply, &Unit{ID: "x", Source: pl, Translation: ru2, Status: Reviewed}, true},
		{"changed in mosty since: still a conflict", Unit{ID: "x", Source: pl, Translation: "Другой <1>фонд</1> <2/>.", Status: Translated},
			Incoming{Source: oldPl, Translation: old2, Status: Translated, Base: BaseOf(oldRu)}, nil,
			Conflict, nil, true},
		{"a new translation", Unit{ID: "x", Source: pl, Status: New},
			Incoming{Source: oldPl, Translation: oldRu, Status: Translated, Base: BaseOf("")}, nil,
			Apply, &Unit{ID: "x", Source: pl, Translation: ru, Status: Translated}, true},
		{"placeholders in another order", Unit{ID: "x", Source: pl, Status: New},
			Incoming{Source: oldPl, Translation: "Из <4/> Белостока — <3>Фонд</3>.", Status: Translated}, nil,
			Apply, &Unit{ID: "x", Source: pl, Translation: "Из <2/> Белостока — <1>Фонд</1>.", Status: Translated}, true},
		{"a number the Polish lacks: fuzzy", Unit{ID: "x", Source: pl, Status: New},
			Incoming{Source: oldPl, Translation: "Визит <3>Фонд</3> <4/> <9/>.", Status: Translated}, nil,
			Apply, &Unit{ID: "x", Source: pl, Translation: "Визит <1>Фонд</1> <2/> <3/>.", Status: Fuzzy}, true},
		{"the Polish changed too: fuzzy, previous_source renumbered", Unit{ID: "x", Source: "Wizytę przygotowała <1>Fundacja</1> z <2/> Białegostoku.", Status: New},
			Incoming{Source: oldPl, Translation: oldRu, Status: Translated}, nil,
			Apply, &Unit{ID: "x", Source: "Wizytę przygotowała <1>Fundacja</1> z <2/> Białegostoku.", PreviousSource: pl, Translation: ru, Status: Fuzzy}, true},
		{"a file of today", Unit{ID: "x", Source: pl, Status: New},
			Incoming{Source: pl, Translation: ru, Status: Translated}, nil,
			Apply, &Unit{ID: "x", Source: pl, Translation: ru, Status: Translated}, false},
		{"a workspace not synced yet: both old", Unit{ID: "x", Source: oldPl, Status: New},
			Incoming{Source: oldPl, Translation: oldRu, Status: Translated}, nil,
			Apply, &Unit{ID: "x", Source: oldPl, Translation: oldRu, Status: Translated}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DecideMerge(tt.cur, tt.in, tt.base, "ru", false)
			if d.Outcome != tt.want {
				t.Fatalf("outcome %d (%s), want %d", d.Outcome, d.Reason, tt.want)
			}
			if d.Renumbered != tt.renumbered {
				t.Errorf("Renumbered = %v", d.Renumbered)
			}
			if said := strings.Contains(d.Reason, "renumbered"); d.Outcome != Unchanged && said != tt.renumbered {
				t.Errorf("reason %q", d.Reason)
			}
			if tt.unit != nil {
				if diff := cmp.Diff(*tt.unit, d.Unit, cmp.AllowUnexported(Unit{})); diff != "" {
					t.Errorf("unit (-want +got):\n%s", diff)
				}
			}
		})
	}
}
