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
	// Keys whose values stay keep their lines, comments and all.
	tests := []struct {
		name string
		side Side
		ids  []string
		want string // the first segment as written
		done []string
	}{
		{"ours", Ours, nil, "[[segment]]\nid = \"a1\"\nsource = \"Jeden.\"\nprevious_source = \"Jeden!\"\ntranslation = \"Раз.\"  # ours\nstatus = \"translated\"\nreviewer = \"Anna\"\n", []string{"a1"}},
		{"theirs", Theirs, nil, "[[segment]]\nid = \"a1\"\nsource = \"Jeden.\"\n# ours\ntranslation = \"Один.\"\nstatus = \"reviewed\"\nreviewer = \"Boris\"\n", []string{"a1"}},
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
