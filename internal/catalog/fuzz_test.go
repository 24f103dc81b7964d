package catalog

import (
	"os"
	"testing"
)

// FuzzParse: any bytes, no panic; a file that parses saves back byte for
// byte, and a canonical rewrite parses to the same units.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/hand-edited.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[article]\nslug = \"a\"\n[[segment]]\nid = \"x\"\nsource = \"A <1>b</1>.\"\ntranslation = \"\"\nstatus = \"new\"\n"))
	f.Add([]byte("# c\n[[segment]]\nid = 'x'\nobsolete = true\nnote = {a = [1, 2.5, true]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.toml", data, false)
		if err != nil {
			return
		}
		if out := file.Bytes(); string(out) != string(data) {
			t.Fatalf("load+save changed the file:\n%q\n%q", data, out)
		}
		// Force a canonical rewrite of every unit and the header.
		for i := range file.Units {
			file.Units[i].raw = ""
		}
		file.headerRead = false
		again, err := Parse("f.toml", file.Bytes(), false)
		if err != nil {
			t.Fatalf("rewritten file does not parse: %v\n%s", err, file.Bytes())
		}
		if len(again.Units) != len(file.Units) {
			t.Fatalf("%d units became %d", len(file.Units), len(again.Units))
		}
		for i, u := range file.Units {
			v := again.Units[i]
			if u.ID != v.ID || u.Source != v.Source || u.Translation != v.Translation || u.Status != v.Status ||
				u.PreviousSource != v.PreviousSource || u.Obsolete != v.Obsolete || len(u.Extra) != len(v.Extra) {
				t.Fatalf("unit %d changed:\n%+v\n%+v", i, u, v)
			}
		}
	})
}
