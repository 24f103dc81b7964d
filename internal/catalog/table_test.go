package catalog

import (
	"strings"
	"testing"
)

// TestOneTableEditor: the writer (a value changed in a file read from
// disk), resolve (theirs taken) and the three-way merge (a status the
// merge works out, which neither side has) change a value the same way:
// in its line, with the key's spelling, the spacing and the comment
// after it kept.
func TestOneTableEditor(t *testing.T) {
	const seg = "[[segment]]\nid = \"a1\"\nsource = \"Jeden.\"\ntranslation = \"Один.\"\nstatus   = \"translated\"  # Anna\n"
	file := "[article]\nslug = \"a\"\nlang = \"ru\"\n\n" + seg
	t.Run("writer", func(t *testing.T) {
		f := mustParse(t, file, false)
		f.Units[0].Status = Reviewed
		if out := string(f.Bytes()); !strings.Contains(out, "status   = \"reviewed\"  # Anna\n") {
			t.Errorf("got:\n%s", out)
		}
	})
	t.Run("resolve", func(t *testing.T) {
		f := mustParse(t, file+"conflict_translation = \"Раз.\"\nconflict_status = \"reviewed\"\n", false)
		if _, err := f.Resolve(Theirs, nil); err != nil {
			t.Fatal(err)
		}
		if out := string(f.Bytes()); !strings.Contains(out, "translation = \"Раз.\"\nstatus   = \"reviewed\"  # Anna\n") || strings.Contains(out, "conflict_") {
			t.Errorf("got:\n%s", out)
		}
	})
	t.Run("merge", func(t *testing.T) {
		// Base: not translated. Ours translates it; theirs is a sync after
		// the Polish changed. The merge makes ours' translation fuzzy.
		base := strings.Replace(strings.Replace(file, "Один.", "", 1), "status   = \"translated\"  # Anna", "status   = \"new\"  # Anna", 1)
		theirs := strings.Replace(base, "Jeden.", "Jeden!", 1)
		res, err := Merge3("a.toml", []byte(base), []byte(file), []byte(theirs), false)
		if err != nil {
			t.Fatal(err)
		}
		if out := string(res.Data); !strings.Contains(out, "status   = \"fuzzy\"  # Anna\n") || !strings.Contains(out, "previous_source = \"Jeden.\"") {
			t.Errorf("got:\n%s", out)
		}
	})
}

// TestSplitTable: a table is cut at its keys and put back byte for byte;
// the tables after it are kept whole, apart.
func TestSplitTable(t *testing.T) {
	tests := []struct {
		name, raw string
		keys      string
		single    bool
	}{
		{"segment", "# note\n[[segment]]\nid = \"a\" # x\n\n# about b\nb = 1\n\n\n", "id,b", true},
		{"no keys", "[article]\n", "", true},
		{"a sub-table after it", "[[segment]]\nid = \"a\"\n[segment.meta]\nasked = \"Adam\"\n", "id", false},
		{"a dotted key", "[[segment]]\nid = \"a\"\nmeta.a = 1\nmeta.b = 2\n", "id,meta", true},
		{"a dotted key in two places", "[[segment]]\nmeta.a = 1\nid = \"a\"\nmeta.b = 2\n", "meta,id", false},
		{"no final newline", "[article]\nslug = \"a\"", "slug", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, ok := splitTable(tt.raw)
			if !ok {
				t.Fatal("not cut")
			}
			if got := tab.String(); got != tt.raw {
				t.Errorf("put back as %q", got)
			}
			if got := strings.Join(tab.keys, ","); got != tt.keys || tab.single() != tt.single {
				t.Errorf("keys %s, single %v", got, tab.single())
			}
		})
	}
}
