package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func srcUnits(texts ...string) []SourceUnit {
	out := make([]SourceUnit, len(texts))
	for i, t := range texts {
		out[i] = SourceUnit{Kind: "paragraph", Block: i, Text: t}
	}
	return out
}

func ids(units []Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.ID
	}
	return out
}

func TestAssignIDs(t *testing.T) {
	base := AssignIDs(nil, srcUnits(
		"Wizytę zorganizowała fundacja.",
		"Spotkanie trwało dwa dni.",
		"Goście odwiedzili trzy firmy budowlane w Białymstoku.",
		"Na koniec podpisano list intencyjny.",
	))
	a, b, c, d := base[0].ID, base[1].ID, base[2].ID, base[3].ID
	tests := []struct {
		name string
		next []string
		want []string // ids; "" for a new one
	}{
		{"unchanged", []string{base[0].Source, base[1].Source, base[2].Source, base[3].Source}, []string{a, b, c, d}},
		{"sentence added in the middle", []string{base[0].Source, "Nowe zdanie.", base[1].Source, base[2].Source, base[3].Source}, []string{a, "", b, c, d}},
		{"sentence removed", []string{base[0].Source, base[2].Source, base[3].Source}, []string{a, c, d}},
		{"sentence edited in place", []string{base[0].Source, "Spotkanie trwało trzy dni.", base[2].Source, base[3].Source}, []string{a, b, c, d}},
		{"sentence rewritten completely", []string{base[0].Source, "Pogoda była piękna przez cały czas.", base[2].Source, base[3].Source}, []string{a, "", c, d}},
		{"sentence edited and moved", []string{base[2].Source + " Tak.", base[0].Source, base[1].Source, base[3].Source}, []string{c, a, b, d}},
		{"short sentences sharing one word are not the same", []string{"Y dwa.", base[0].Source, base[2].Source, base[3].Source}, []string{"", a, c, d}},
		{"edited and moved far, still similar", []string{base[0].Source, base[1].Source, base[3].Source, "Goście odwiedzili trzy firmy budowlane w Białymstoku i Łomży."}, []string{a, b, d, c}},
		{"all replaced", []string{"X jeden.", "Y dwa."}, []string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(AssignIDs(base, srcUnits(tt.next...)))
			seen := map[string]bool{a: true, b: true, c: true, d: true}
			for i, id := range got {
				if tt.want[i] == "" {
					if seen[id] {
						t.Errorf("segment %d got old id %s, want a new one", i, id)
					}
					got[i] = ""
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ids (-want +got):\n%s", d)
			}
		})
	}
}

func TestAssignIDsDuplicates(t *testing.T) {
	first := AssignIDs(nil, srcUnits("Tak.", "Środek.", "Tak."))
	if first[0].ID == first[2].ID {
		t.Fatalf("the same sentence twice got one id %s", first[0].ID)
	}
	if !strings.HasSuffix(first[2].ID, "-2") {
		t.Errorf("second copy id %q", first[2].ID)
	}
	// Remove the first copy: the second keeps its own id.
	next := AssignIDs(first, srcUnits("Środek.", "Tak."))
	if next[0].ID != first[1].ID || next[1].ID != first[2].ID {
		t.Errorf("ids after removing the first copy: %v, want [%s %s]", ids(next), first[1].ID, first[2].ID)
	}
}

func target(units ...Unit) *File {
	return &File{Header: Header{Slug: "a", Lang: "ru", SourceLang: "pl"}, Units: units}
}

func TestMerge(t *testing.T) {
	src := []Unit{
		{ID: "t", Kind: "title", Source: "Tytuł."},
		{ID: "p1", Kind: "paragraph", Source: "Pierwsze zdanie."},
		{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, zmienione."},
	}
	tests := []struct {
		name    string
		before  []Unit
		src     []Unit
		prune   bool
		want    []Unit
		changes string
	}{
		{"new file: every segment new", nil, src, false, []Unit{
			{ID: "t", Kind: "title", Source: "Tytuł.", Status: New},
			{ID: "p1", Kind: "paragraph", Source: "Pierwsze zdanie.", Status: New},
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, zmienione.", Status: New},
		}, "3 new"},
		{"unchanged keeps status, translation and own keys", []Unit{
			{ID: "t", Kind: "title", Source: "Tytuł.", Translation: "Заголовок.", Status: Reviewed, Extra: map[string]any{"note": "ok"}},
		}, src[:1], false, []Unit{
			{ID: "t", Kind: "title", Source: "Tytuł.", Translation: "Заголовок.", Status: Reviewed, Extra: map[string]any{"note": "ok"}},
		}, "unchanged"},
		{"changed with translation: fuzzy, translation and old Polish kept", []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie.", Translation: "Второе предложение.", Status: Reviewed},
		}, src[2:], false, []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, zmienione.", PreviousSource: "Drugie zdanie.", Translation: "Второе предложение.", Status: Fuzzy},
		}, "1 fuzzy"},
		{"changed twice while fuzzy: the Polish it was translated from stays", []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, raz.", PreviousSource: "Drugie zdanie.", Translation: "Второе.", Status: Fuzzy},
		}, src[2:], false, []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, zmienione.", PreviousSource: "Drugie zdanie.", Translation: "Второе.", Status: Fuzzy},
		}, "1 fuzzy"},
		{"changed before translation: just the new Polish", []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie.", Status: New},
		}, src[2:], false, []Unit{
			{ID: "p2", Kind: "paragraph", Source: "Drugie zdanie, zmienione.", Status: New},
		}, "1 changed before translation"},
		{"removed with translation: obsolete at the end", []Unit{
			{ID: "old", Kind: "paragraph", Source: "Stare zdanie.", Translation: "Старое.", Status: Translated},
			{ID: "t", Kind: "title", Source: "Tytuł.", Status: New},
		}, src[:1], false, []Unit{
			{ID: "t", Kind: "title", Source: "Tytuł.", Status: New},
			{ID: "old", Kind: "paragraph", Source: "Stare zdanie.", Translation: "Старое.", Status: Translated, Obsolete: true},
		}, "1 obsolete"},
		{"removed with only a note: obsolete too", []Unit{
			{ID: "old", Kind: "paragraph", Source: "Stare.", Status: New, Extra: map[string]any{"note": "ask"}},
		}, nil, false, []Unit{
			{ID: "old", Kind: "paragraph", Source: "Stare.", Status: New, Obsolete: true, Extra: map[string]any{"note": "ask"}},
		}, "1 obsolete"},
		{"removed with nothing written: dropped", []Unit{
			{ID: "old", Kind: "paragraph", Source: "Stare.", Status: New},
		}, nil, false, []Unit{}, "1 removed"},
		{"prune drops obsolete", []Unit{
			{ID: "old", Kind: "paragraph", Source: "Stare.", Translation: "Старое.", Status: Translated, Obsolete: true},
		}, nil, true, []Unit{}, "1 pruned"},
		{"a sentence that comes back brings its translation", []Unit{
			{ID: "gone", Kind: "paragraph", Source: "Pierwsze zdanie.", Translation: "Первое.", Status: Translated, Obsolete: true},
		}, src[1:2], false, []Unit{
			{ID: "p1", Kind: "paragraph", Source: "Pierwsze zdanie.", Translation: "Первое.", Status: Translated},
		}, "1 back from obsolete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := target(tt.before...)
			c := f.Merge(tt.src, nil, tt.prune)
			if d := cmp.Diff(tt.want, f.Units, cmp.AllowUnexported(Unit{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".raw" || p.Last().String() == ".read"
			}, cmp.Ignore())); d != "" {
				t.Errorf("units (-want +got):\n%s", d)
			}
			if c.String() != tt.changes {
				t.Errorf("changes %q, want %q", c, tt.changes)
			}
		})
	}
}

// TestMergeSourceEditedByHand: a source changed in the translators' file
// is put back and reported; the translation is kept, fuzzy, with what the
// file said as previous_source: mosty cannot tell a hand edit from a file
// older than the Polish, and only the second must never stay current.
func TestMergeSourceEditedByHand(t *testing.T) {
	f := target(Unit{ID: "p", Kind: "paragraph", Source: "Zdanie poprawione przez tłumacza.", Translation: "Фраза.", Status: Translated})
	c := f.Merge([]Unit{{ID: "p", Kind: "paragraph", Source: "Zdanie."}}, map[string]string{"p": "Zdanie."}, false)
	u := f.Units[0]
	if u.Source != "Zdanie." || u.Status != Fuzzy || u.PreviousSource != "Zdanie poprawione przez tłumacza." || u.Translation != "Фраза." || len(c.Restored) != 1 {
		t.Errorf("unit %+v, changes %+v", u, c)
	}
}

// TestLostWrite is issue 15's second case: translations made, one Polish
// sentence changed and merged, then the target file put back as it was
// before that merge (an editor saving an old buffer, a crash between
// writes, a full disk). Merging again, with the source file already
// holding the new Polish, must leave the segment fuzzy — never translated
// with the translation of the old Polish.
func TestLostWrite(t *testing.T) {
	before := target(
		Unit{ID: "a", Kind: "paragraph", Source: "Pierwsze zdanie.", Translation: "First sentence.", Status: Translated},
		Unit{ID: "b", Kind: "paragraph", Source: "Drugie zdanie.", Translation: "Second sentence.", Status: Reviewed},
	)
	old := before.Bytes()
	now := []Unit{{ID: "a", Kind: "paragraph", Source: "Pierwsze zdanie."}, {ID: "b", Kind: "paragraph", Source: "Drugie zdanie, zmienione."}}
	first, err := Parse("en.toml", old, false)
	if err != nil {
		t.Fatal(err)
	}
	first.Merge(now, map[string]string{"a": "Pierwsze zdanie.", "b": "Drugie zdanie."}, false)
	if u := first.Units[1]; u.Status != Fuzzy {
		t.Fatalf("first merge: %+v", u)
	}
	// The write of the merged file is lost; the source file has the new
	// Polish.
	restored, err := Parse("en.toml", old, false)
	if err != nil {
		t.Fatal(err)
	}
	c := restored.Merge(now, map[string]string{"a": "Pierwsze zdanie.", "b": "Drugie zdanie, zmienione."}, false)
	u := restored.Units[1]
	if u.Status != Fuzzy || u.PreviousSource != "Drugie zdanie." || u.Source != "Drugie zdanie, zmienione." || u.Translation != "Second sentence." {
		t.Errorf("after the lost write: %+v", u)
	}
	if c.Fuzzy != 1 || !c.Any() {
		t.Errorf("changes %+v: the merge must say it changed the file", c)
	}
	if a := restored.Units[0]; a.Status != Translated {
		t.Errorf("the unchanged sentence became %s", a.Status)
	}
	again, err := Parse("en.toml", restored.Bytes(), false)
	if err != nil || again.Units[1].Status != Fuzzy || again.Units[1].PreviousSource != "Drugie zdanie." {
		t.Errorf("written and read again: %+v (%v)", again.Units[1], err)
	}
}

func TestAgainst(t *testing.T) {
	tests := []struct {
		name string
		in   Unit
		want Unit
		what Staleness
	}{
		{"current", Unit{Source: "A.", Translation: "A.", Status: Reviewed}, Unit{Source: "A.", Translation: "A.", Status: Reviewed}, Current},
		{"translated from other Polish", Unit{Source: "Stare.", Translation: "Old.", Status: Translated},
			Unit{Source: "Nowe.", PreviousSource: "Stare.", Translation: "Old.", Status: Fuzzy}, BecameFuzzy},
		{"fuzzy already: the first Polish stays", Unit{Source: "Pośrednie.", PreviousSource: "Pierwsze.", Translation: "First.", Status: Fuzzy},
			Unit{Source: "Nowe.", PreviousSource: "Pierwsze.", Translation: "First.", Status: Fuzzy}, BecameFuzzy},
		{"pre-filled fuzzy without previous", Unit{Source: "Stare.", Translation: "Old.", Status: Fuzzy},
			Unit{Source: "Nowe.", PreviousSource: "Stare.", Translation: "Old.", Status: Fuzzy}, BecameFuzzy},
		{"nothing translated", Unit{Source: "Stare.", Status: New}, Unit{Source: "Nowe.", Status: New}, BecameNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			polish := tt.want.Source
			got, what := tt.in.Against(polish)
			if d := cmp.Diff(tt.want, got, cmp.AllowUnexported(Unit{})); d != "" || what != tt.what {
				t.Errorf("(-want +got):\n%s\nwhat %v, want %v", d, what, tt.what)
			}
		})
	}
}
