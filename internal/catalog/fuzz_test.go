package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzParse: any bytes, no panic; a file that parses saves back byte for
// byte, and each of its tables cut at its keys (splitTable) is put back
// byte for byte; values edited in place read back as set, with every key
// of the translator's own kept; and a canonical rewrite parses to the
// same units.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/hand-edited.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("[article]\nslug = \"a\"\n[[segment]]\nid = \"x\"\nsource = \"A <1>b</1>.\"\ntranslation = \"\"\nstatus = \"new\"\n"))
	f.Add([]byte("# c\n[article]\nslug='a'\nlang='ru'\n[[segment]]\nid = 'x'\nobsolete = true\nnote = {a = [1, 2.5, true]}\n"))
	f.Add([]byte(keptFile))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.toml", data, false)
		if err != nil {
			return
		}
		if out := file.Bytes(); string(out) != string(data) {
			t.Fatalf("load+save changed the file:\n%q\n%q", data, out)
		}
		for _, u := range append(file.Units, Unit{raw: file.headerRaw}) {
			if tab, ok := splitTable(u.raw); ok && tab.String() != u.raw {
				t.Fatalf("a table cut at its keys is put back as %q, was %q", tab.String(), u.raw)
			}
		}
		checkEdits(t, data)
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

// checkEdits changes every value mosty writes in a parsed file and checks
// that the file reads back with the new values and all else kept.
func checkEdits(t *testing.T, data []byte) {
	file, _ := Parse("f.toml", data, false)
	file.Header.Title += " (nowy)"
	for i := range file.Units {
		u := &file.Units[i]
		u.Translation += " x"
		u.PreviousSource = map[bool]string{true: "", false: "poprzednie"}[u.PreviousSource != ""]
		u.Status = map[Status]Status{New: Fuzzy, Fuzzy: Translated, Translated: Reviewed, Reviewed: New}[u.Status]
		u.Obsolete = !u.Obsolete
		if u.Extra == nil {
			u.Extra = map[string]any{}
		}
		u.Extra["tm_match"] = int64(i)
	}
	out := file.Bytes()
	again, err := Parse("f.toml", out, false)
	if err != nil {
		t.Fatalf("edited file does not parse: %v\n%s", err, out)
	}
	if again.Header.Title != file.Header.Title || len(again.Units) != len(file.Units) {
		t.Fatalf("header %+v, %d units; want %+v, %d", again.Header, len(again.Units), file.Header, len(file.Units))
	}
	for i, u := range file.Units {
		v := again.Units[i]
		if u.ID != v.ID || u.Source != v.Source || u.Translation != v.Translation || u.Status != v.Status ||
			u.PreviousSource != v.PreviousSource || u.Obsolete != v.Obsolete || !reflect.DeepEqual(u.Extra, v.Extra) {
			t.Fatalf("unit %d edited:\n%+v\nread back:\n%+v\n%s", i, u, v, out)
		}
	}
}

// FuzzMerge3: any three versions, no panic. When all three read, the
// merge reads back, holds every edit that only one side made and every
// translation and key either side wrote, and keeps every comment a side
// added to a segment that is still there.
func FuzzMerge3(f *testing.F) {
	paths, _ := filepath.Glob("testdata/merge3/*.txtar")
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil || len(a.Files) < 3 {
			continue
		}
		f.Add(a.Files[0].Data, a.Files[1].Data, a.Files[2].Data)
	}
	f.Fuzz(func(t *testing.T, base, ours, theirs []byte) {
		res, err := Merge3("f.toml", base, ours, theirs, false)
		if err != nil {
			return
		}
		var v [4]*File
		for i, data := range [][]byte{base, ours, theirs, res.Data} {
			if v[i], err = parse("f.toml", data, false, len(bytes.TrimSpace(data)) == 0); err != nil {
				t.Fatalf("version %d does not read: %v\n%s", i, err, data)
			}
		}
		checkMerged(t, 0, v[0], v[1], v[2], v[3], res)
		have := commentsOf(string(res.Data))
		for _, side := range v[1:3] {
			for _, c := range addedComments(v[0], side) {
				if !slices.Contains(have, c) {
					t.Fatalf("comment %q is lost:\n%s", c, res.Data)
				}
			}
		}
	})
}

// addedComments lists the comments side added to its header and to the
// segments that the merged file m still has.
func addedComments(base, side *File) []string {
	var out []string
	added := func(raw, was string) {
		for _, c := range commentsOf(raw) {
			if !slices.Contains(commentsOf(was), c) {
				out = append(out, c)
			}
		}
	}
	added(side.headerRaw, base.headerRaw)
	for _, u := range side.Units {
		was := ""
		if b := unitByID(base, u.ID); b != nil {
			was = b.raw
		}
		added(u.raw, was)
	}
	return out
}
