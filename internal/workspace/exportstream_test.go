package workspace

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// TestExportSameBytes: an export writes, document by document, the very
// bytes the export that held every document wrote (the golden files were
// written by that code), and records the same export base for merge.
func TestExportSameBytes(t *testing.T) {
	w := demoWorkspace(t) // ru: the first half translated; the rest gets memory matches
	cases := []struct {
		name string
		opts ExportOptions
	}{
		{"xliff", ExportOptions{Format: "xliff", Lang: "ru"}},
		{"xliff12", ExportOptions{Format: "xliff12", Lang: "ru"}},
		{"po", ExportOptions{Format: "po", Lang: "ru"}},
		{"po-en", ExportOptions{Format: "po", Lang: "en"}},
		{"po-none", ExportOptions{Format: "po", Lang: "ru", Statuses: []catalog.Status{catalog.Reviewed}}},
		{"xliff-new", ExportOptions{Format: "xliff", Lang: "ru", Statuses: []catalog.Status{catalog.New}}},
		{"tmx", ExportOptions{Format: "tmx"}},
		{"go-i18n", ExportOptions{Format: "go-i18n", Lang: "ru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, base := exportBytes(t, w, c.opts)
			CompareExportGolden(t, filepath.Join("testdata", "export", "demo-"+c.name), data, base)
		})
	}
}

// CompareExportGolden compares an export's file with golden+".out" and
// its record, decoded, with golden+".base.json"; -update rewrites them.
func CompareExportGolden(t *testing.T, golden string, data []byte, base *catalog.ExportBase) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		os.WriteFile(golden+".out", data, 0o644)
		os.Remove(golden + ".base.json")
		if base != nil {
			enc, err := base.Encode()
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(golden+".base.json", enc, 0o644)
		}
	}
	want, err := os.ReadFile(golden + ".out")
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(want) {
		t.Errorf("%s: the export differs from the golden file (%d bytes, want %d)", golden, len(data), len(want))
		writeDiffable(t, golden, data)
	}
	enc, err := os.ReadFile(golden + ".base.json")
	switch {
	case base == nil && err == nil:
		t.Errorf("%s: no export record, want one", golden)
	case base != nil && err != nil:
		t.Errorf("%s: an export record, want none: %v", golden, err)
	case base != nil:
		wantBase, err := catalog.DecodeExportBase(enc)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(base, wantBase) {
			t.Errorf("%s: the export record differs from the golden one", golden)
		}
	}
}

// writeDiffable keeps a differing export beside the test's files, for diff.
func writeDiffable(t *testing.T, golden string, data []byte) {
	t.Helper()
	p := filepath.Join(t.TempDir(), filepath.Base(golden)+".out")
	os.WriteFile(p, data, 0o644)
	t.Logf("diff %s.out %s", golden, p)
}

// exportBytes exports and returns the file and the record the export
// keeps in .mosty/exports/, read back as merge reads it.
func exportBytes(t *testing.T, w *Workspace, opts ExportOptions) ([]byte, *catalog.ExportBase) {
	t.Helper()
	var b bytes.Buffer
	x, err := w.Export(opts, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Recorded {
		return b.Bytes(), nil
	}
	base, err := w.exportBase(x.ID)
	if err != nil || base == nil {
		t.Fatalf("reading the record back: %v", err)
	}
	return b.Bytes(), base
}

// TestExportWriteFails: when the file an export writes to fails midway,
// Export says so with a WriteError (for the caller to name its file) and
// keeps no record of the export.
func TestExportWriteFails(t *testing.T) {
	w := demoWorkspace(t)
	for _, format := range []string{"xliff", "xliff12", "po", "tmx", "go-i18n"} {
		t.Run(format, func(t *testing.T) {
			out := &failingWriter{room: 100}
			_, err := w.Export(ExportOptions{Format: format, Lang: "ru"}, out)
			var we *WriteError
			if !errors.As(err, &we) || !errors.Is(err, errDiskFull) {
				t.Fatalf("err = %v, want a WriteError of the writer's", err)
			}
			records, _ := filepath.Glob(w.Path(".mosty", "exports", "*"))
			if len(records) != 0 {
				t.Errorf("records kept of a failed export: %v", records)
			}
		})
	}
}

var errDiskFull = errors.New("no space left on device")

// failingWriter takes room bytes, then fails.
type failingWriter struct{ room int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n := f.room
		f.room = 0
		return n, errDiskFull
	}
	f.room -= len(p)
	return len(p), nil
}
