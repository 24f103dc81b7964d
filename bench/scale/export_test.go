package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite testdata/export from the current export")

// TestExportSameBytes: on a few generated articles, half of them
// translated (so the rest gets the memory's matches), an export writes
// the very bytes, and keeps the very record, that the export holding every
// document did: testdata/export was written by that code.
func TestExportSameBytes(t *testing.T) {
	w := generatedWorkspace(t, 4)
	for _, opts := range []workspace.ExportOptions{
		{Format: "xliff", Lang: "ru"},
		{Format: "xliff12", Lang: "ru"},
		{Format: "po", Lang: "ru"},
		{Format: "po", Lang: "en", Statuses: []catalog.Status{catalog.New}},
		{Format: "tmx"},
		{Format: "go-i18n", Lang: "ru"},
	} {
		name := strings.Join(append([]string{opts.Format, opts.Lang}, statusNames(opts.Statuses)...), "-")
		t.Run(name, func(t *testing.T) {
			data, base := exportFile(t, w, opts)
			golden := filepath.Join("testdata", "export", name)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden+".out", data, 0o644)
				os.WriteFile(golden+".base.json", base, 0o644)
			}
			want, err := os.ReadFile(golden + ".out")
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != string(want) {
				t.Errorf("the export differs from %s.out (%d bytes, want %d)", golden, len(data), len(want))
			}
			wantBase, err := os.ReadFile(golden + ".base.json")
			if err != nil {
				t.Fatal(err)
			}
			if !sameRecord(t, base, wantBase) {
				t.Errorf("the export's record differs from %s.base.json", golden)
			}
		})
	}
}

// sameRecord compares two export records as merge reads them; two
// empty ones (no record) are the same.
func sameRecord(t *testing.T, a, b []byte) bool {
	t.Helper()
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	ra, err := catalog.DecodeExportBase(a)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := catalog.DecodeExportBase(b)
	if err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(ra, rb)
}

func statusNames(ss []catalog.Status) []string {
	var out []string
	for _, s := range ss {
		out = append(out, string(s))
	}
	return out
}

// generatedWorkspace imports n generated articles and translates them
// as bench/scale does, every other Russian file half done.
func generatedWorkspace(t *testing.T, n int) *workspace.Workspace {
	t.Helper()
	g, err := newGenerator()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	w, err := workspace.Init(dir, "Test")
	if err != nil {
		t.Fatal(err)
	}
	var srcs []*acquire.Source
	for i := range n {
		src, err := acquire.FromBytes(name(i), "https://example.org/"+name(i), g.page(i, n))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := w.ImportSources(srcs); err != nil {
		t.Fatal(err)
	}
	if err := translateAll(dir, []string{"en", "ru"}, 2); err != nil {
		t.Fatal(err)
	}
	if w, err = workspace.Open(dir); err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }
	return w
}

// exportFile exports and returns the file and the record kept in
// .mosty/exports/ (nil when none).
func exportFile(t *testing.T, w *workspace.Workspace, opts workspace.ExportOptions) ([]byte, []byte) {
	t.Helper()
	var b bytes.Buffer
	x, err := w.Export(opts, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Recorded {
		return b.Bytes(), nil
	}
	base, err := os.ReadFile(filepath.Join(w.Dir, ".mosty", "exports", x.ID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), base
}
