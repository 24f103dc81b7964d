package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMergeBack(t *testing.T) {
	const src = "Rozmowy z <1>partnerami</1>."
	unit := func(translation string, status Status) Unit {
		return Unit{ID: "a1", Kind: "paragraph", Source: src, Translation: translation, Status: status}
	}
	tests := []struct {
		name    string
		have    Unit
		in      Incoming
		force   bool
		want    Unit
		verdict Verdict
		ok      bool
	}{
		{"new translation", unit("", New), Incoming{ID: "a1", Source: src, Translation: "Talks with <1>partners</1>.", Status: Translated},
			false, unit("Talks with <1>partners</1>.", Translated), Verdict{What: "translated"}, true},
		{"a tool's new counts as translated", unit("", New), Incoming{ID: "a1", Source: src, Translation: "Talks with <1>partners</1>.", Status: New},
			false, unit("Talks with <1>partners</1>.", Translated), Verdict{What: "translated"}, true},
		{"empty changes nothing", unit("X <1>y</1>.", Translated), Incoming{ID: "a1", Source: src, Status: New},
			false, unit("X <1>y</1>.", Translated), Verdict{}, false},
		{"same text and status changes nothing", unit("X <1>y</1>.", Translated), Incoming{ID: "a1", Source: src, Translation: "X <1>y</1>.", Status: Translated},
			false, unit("X <1>y</1>.", Translated), Verdict{}, false},
		{"PO cannot say reviewed", unit("X <1>y</1>.", Reviewed), Incoming{ID: "a1", Source: src, Translation: "X <1>y</1>.", Status: Translated},
			false, unit("X <1>y</1>.", Reviewed), Verdict{}, false},
		{"no such segment", unit("", New), Incoming{ID: "zz", Translation: "X"},
			false, unit("", New), Verdict{What: "the segment is no longer in the article", Conflict: true}, true},
		{"changed in mosty since the export", unit("Mine <1>y</1>.", Translated), Incoming{ID: "a1", Source: src, Translation: "Theirs <1>y</1>.", Status: Translated, Base: BaseOf("")},
			false, unit("Mine <1>y</1>.", Translated), Verdict{What: "the translation was changed in mosty since the export (--force to take the file's)", Conflict: true}, true},
		{"changed in mosty, forced", unit("Mine <1>y</1>.", Translated), Incoming{ID: "a1", Source: src, Translation: "Theirs <1>y</1>.", Status: Translated, Base: BaseOf("")},
			true, unit("Theirs <1>y</1>.", Translated), Verdict{What: "translated"}, true},
		{"unchanged in mosty since the export", unit("Old <1>y</1>.", Translated), Incoming{ID: "a1", Source: src, Translation: "New <1>y</1>.", Status: Translated, Base: BaseOf("Old <1>y</1>.")},
			false, unit("New <1>y</1>.", Translated), Verdict{What: "translated"}, true},
		{"reviewed is not overwritten", unit("Checked <1>y</1>.", Reviewed), Incoming{ID: "a1", Source: src, Translation: "Other <1>y</1>.", Status: Translated},
			false, unit("Checked <1>y</1>.", Reviewed), Verdict{What: "the segment is reviewed (--force to replace it)", Conflict: true}, true},
		{"broken placeholders land fuzzy", unit("", New), Incoming{ID: "a1", Source: src, Translation: "Talks with partners.", Status: Translated},
			false, unit("Talks with partners.", Fuzzy), Verdict{What: "fuzzy: <1>…</1> is missing"}, true},
		{"the Polish changed since the export", unit("", New), Incoming{ID: "a1", Source: "Rozmowy.", Translation: "Talks with <1>partners</1>.", Status: Translated},
			false, Unit{ID: "a1", Kind: "paragraph", Source: src, PreviousSource: "Rozmowy.", Translation: "Talks with <1>partners</1>.", Status: Fuzzy},
			Verdict{What: "fuzzy: the Polish changed since the export"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := target(tt.have)
			v, ok := f.MergeBack(tt.in, tt.force)
			if ok != tt.ok || v != tt.verdict {
				t.Errorf("MergeBack = %+v, %v; want %+v, %v", v, ok, tt.verdict, tt.ok)
			}
			if diff := cmp.Diff(tt.want, f.Units[0], cmp.AllowUnexported(Unit{})); diff != "" {
				t.Errorf("unit (-want +got):\n%s", diff)
			}
		})
	}
}

// An obsolete unit with the id is not the segment.
func TestMergeBackSkipsObsolete(t *testing.T) {
	f := target(Unit{ID: "a1", Source: "Stare.", Translation: "Old.", Status: Translated, Obsolete: true})
	v, ok := f.MergeBack(Incoming{ID: "a1", Translation: "New."}, true)
	if !ok || !v.Conflict || f.Units[0].Translation != "Old." {
		t.Errorf("MergeBack into an obsolete unit = %+v, %v; unit %+v", v, ok, f.Units[0])
	}
}
