package interchange

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// runTool runs a command in dir, skipping the test when it is not
// installed.
func runTool(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed", name)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// TestPOThroughTools has gettext and Translate Toolkit edit and convert
// the PO export the way translators' tools do, and reads what comes back:
// every entry with its Polish, translation and state, the export id and
// the fingerprints; msgctxt only where the tools keep it.
func TestPOThroughTools(t *testing.T) {
	for _, tt := range []struct {
		name  string
		steps [][]string // commands run in turn on ru.po, ending with out.po
		c3    catalog.Status
		ctx   bool
	}{
		{"msgattrib clears fuzzy (accepting it)", [][]string{{"msgattrib", "--clear-fuzzy", "-o", "out.po", "ru.po"}}, catalog.Translated, true},
		{"msgcat rewraps", [][]string{{"msgcat", "--width=30", "-o", "out.po", "ru.po"}}, catalog.Fuzzy, true},
		{"po2xliff then xliff2po lose msgctxt", [][]string{{"po2xliff", "--progress=none", "ru.po", "ru.xlf"}, {"xliff2po", "--progress=none", "ru.xlf", "out.po"}}, catalog.Fuzzy, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTo(t, dir, "ru.po", func(b *bytes.Buffer) error { return WritePO(b, contextDocs(), "ru") })
			for _, s := range tt.steps {
				runTool(t, dir, s[0], s[1:]...)
			}
			data, err := os.ReadFile(filepath.Join(dir, "out.po"))
			if err != nil {
				t.Fatal(err)
			}
			lang, ts, err := ReadPO(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			units := contextDocs()[0].Units
			if lang != "ru" || len(ts) != len(units) {
				t.Fatalf("read %q, %d entries:\n%s", lang, len(ts), data)
			}
			for i, tr := range ts {
				u := units[i]
				wantStatus := u.Status
				if wantStatus == catalog.Reviewed {
					wantStatus = catalog.Translated
				}
				if u.ID == "c3" {
					wantStatus = tt.c3
				}
				if tr.Source != u.Source || tr.Translation != u.Translation || tr.Status != wantStatus ||
					tr.ExportID != "e1" || tr.Base != BaseOf(u.Translation) || (tr.ID == u.ID) != tt.ctx {
					t.Errorf("entry %d: %+v, want %+v", i, tr, u)
				}
			}
		})
	}
}
