package catalog

import (
	"strings"
	"testing"
)

const conflicted = `[article]
slug = "a"
lang = "ru"

[[segment]]
id = "a1"
source = "Jeden."
previous_source = "Jeden!"
translation = "Раз."  # ours
status = "translated"
reviewer = "Anna"
conflict_translation = "Один."
conflict_status = "reviewed"
conflict_previous_source = ""
conflict_reviewer = "Boris"

[[segment]]
id = "b2"
source = "Dwa."
translation = "Два."
status = "translated"
`

func TestResolve(t *testing.T) {
	// Keys whose values stay keep their lines, comments and all; a value
	// that changes is written in its line, as every edit of mosty's is
	// (editTable), the comment after it staying.
	tests := []struct {
		name string
		side Side
		ids  []string
		want string // the first segment as written
		done []string
	}{
		{"ours", Ours, nil, "[[segment]]\nid = \"a1\"\nsource = \"Jeden.\"\nprevious_source = \"Jeden!\"\ntranslation = \"Раз.\"  # ours\nstatus = \"translated\"\nreviewer = \"Anna\"\n", []string{"a1"}},
		{"theirs", Theirs, nil, "[[segment]]\nid = \"a1\"\nsource = \"Jeden.\"\ntranslation = \"Один.\"  # ours\nstatus = \"reviewed\"\nreviewer = \"Boris\"\n", []string{"a1"}},
		{"another segment only", Theirs, []string{"b2"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, conflicted, false)
			done, err := f.Resolve(tt.side, tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(done, ",") != strings.Join(tt.done, ",") {
				t.Errorf("resolved %v, want %v", done, tt.done)
			}
			out := string(f.Bytes())
			if tt.want == "" {
				if out != conflicted {
					t.Errorf("file changed:\n%s", out)
				}
				return
			}
			if !strings.Contains(out, tt.want) || strings.Contains(out, ConflictPrefix) {
				t.Errorf("resolved file:\n%s\nwant the segment as:\n%s", out, tt.want)
			}
			if again := mustParse(t, out, false); len(again.Conflicts()) != 0 {
				t.Errorf("conflicts left: %v", again.Conflicts())
			}
		})
	}
}

func TestResolveRefusesBadStatus(t *testing.T) {
	f := mustParse(t, strings.Replace(conflicted, `conflict_status = "reviewed"`, `conflict_status = "done"`, 1), false)
	if _, err := f.Resolve(Theirs, nil); err == nil || !strings.Contains(err.Error(), `segment "a1": their version: status "done" is not one of`) {
		t.Fatalf("err = %v", err)
	}
	if len(f.Conflicts()) != 1 {
		t.Error("a failed resolve changed the file")
	}
}

func TestConflictKeys(t *testing.T) {
	u := mustParse(t, conflicted, false).Units[0]
	if got := strings.Join(u.ConflictKeys(), ","); got != "translation,status,previous_source,reviewer" {
		t.Errorf("ConflictKeys = %s", got)
	}
}

func TestUsable(t *testing.T) {
	f := mustParse(t, conflicted, false)
	tests := []struct {
		name string
		unit Unit
		want bool
	}{
		{"in conflict, marked translated", f.Units[0], false},
		{"translated", f.Units[1], true},
		{"fuzzy", Unit{Translation: "Два.", Status: Fuzzy}, false},
		{"reviewed but empty", Unit{Status: Reviewed}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.unit.Usable(); got != tt.want {
				t.Errorf("Usable() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestForReview(t *testing.T) {
	f := mustParse(t, conflicted, false)
	tests := []struct {
		name       string
		unit       Unit
		wantStatus Status
		wantNote   string
	}{
		{"in conflict: fuzzy, both versions in the note", f.Units[0], Fuzzy,
			`changed two ways in a git merge: ours "Раз." (translated), theirs "Один." (reviewed); previous_source: theirs ""; reviewer: theirs "Boris"; confirm one, or run mosty resolve`},
		{"in conflict, ours empty: new", Unit{ID: "x", Status: Translated, Extra: map[string]any{KeyConflictTranslation: "Один.", KeyConflictStatus: "translated"}}, New,
			`changed two ways in a git merge: ours "" (translated), theirs "Один." (translated); confirm one, or run mosty resolve`},
		{"no conflict: as it is", f.Units[1], Translated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note := tt.unit.ForReview()
			if got.Status != tt.wantStatus || note != tt.wantNote {
				t.Errorf("ForReview() = %s, %q\nwant %s, %q", got.Status, note, tt.wantStatus, tt.wantNote)
			}
			if got.Translation != tt.unit.Translation || got.Conflicted() != tt.unit.Conflicted() {
				t.Errorf("ForReview changed more than the status: %+v", got)
			}
		})
	}
}

// A conflicted segment exported for review (ForReview) and merged back:
// the file unchanged changes nothing, the conflict stays; a translation
// confirmed in the tool is a version picked, the conflict goes.
func TestMergeBackOfConflictExportedForReview(t *testing.T) {
	cur := mustParse(t, conflicted, false).Units[0]
	sent, _ := cur.ForReview()
	base := &Exported{Source: sent.Source, Translation: sent.Translation, Status: sent.Status}
	tests := []struct {
		name         string
		in           Incoming
		want         Outcome
		wantConflict bool
		wantText     string
	}{
		{"untouched", Incoming{ID: "a1", Source: "Jeden.", Translation: "Раз.", Status: Fuzzy}, Unchanged, true, "Раз."},
		{"ours confirmed", Incoming{ID: "a1", Source: "Jeden.", Translation: "Раз.", Status: Translated}, Apply, false, "Раз."},
		{"theirs confirmed", Incoming{ID: "a1", Source: "Jeden.", Translation: "Один.", Status: Reviewed}, Apply, false, "Один."},
		{"edited, still fuzzy", Incoming{ID: "a1", Source: "Jeden.", Translation: "Раз?", Status: Fuzzy}, Apply, true, "Раз?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DecideMerge(cur, tt.in, base, "ru", false)
			if d.Outcome != tt.want {
				t.Fatalf("outcome %v (%s), want %v", d.Outcome, d.Reason, tt.want)
			}
			if d.Outcome != Apply {
				return
			}
			if d.Unit.Conflicted() != tt.wantConflict || d.Unit.Translation != tt.wantText {
				t.Errorf("unit %q conflicted=%v, want %q conflicted=%v", d.Unit.Translation, d.Unit.Conflicted(), tt.wantText, tt.wantConflict)
			}
		})
	}
}
