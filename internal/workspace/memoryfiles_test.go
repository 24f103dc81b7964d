package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMemoryFilesAsListed: the files a memory lists for itself (an import
// stamps only its language's folder) are those a listing of every folder
// gives it: articles' locale files, not a file without its article's
// metadata, nor another file or folder.
func TestMemoryFilesAsListed(t *testing.T) {
	w, _ := setup(t)
	ru := w.Path("locales", "ru")
	for name, data := range map[string]string{"orphan.toml": "x", "notes.txt": "x", "art.bak.toml": "x"} {
		if err := os.WriteFile(filepath.Join(ru, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(ru, "sub.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ru", "en"} {
		all, err := w.newOp().listing()
		if err != nil {
			t.Fatal(err)
		}
		want := all.memoryFiles(lang)
		got, err := w.newOp().memoryFiles(lang)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got, cmp.AllowUnexported(memoryFile{})); d != "" {
			t.Errorf("%s (-every folder listed +its own):\n%s", lang, d)
		}
		if lang == "ru" && len(got) != 1 {
			t.Errorf("ru: %d files, want art's", len(got))
		}
	}
}

// TestMemoryFindsInPlaceSave: a translation saved into a translators'
// file in place — the file rewritten, no name added to its folder, as
// some editors save — is in the memory of the next command that lists
// only that language's files.
func TestMemoryFindsInPlaceSave(t *testing.T) {
	w, _ := setup(t)
	if m, err := w.Memory("ru"); err != nil {
		t.Fatal(err)
	} else {
		m.Close() // the index is written
	}
	path := w.LocalePath("ru", "art")
	f, _, err := w.LoadLocale("ru", "art")
	if err != nil {
		t.Fatal(err)
	}
	f.Units[0].Translation = "Только что сохранено."
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := out.Write(f.Bytes()); err != nil {
		t.Fatal(err)
	}
	out.Close()
	o := w.newOp()
	defer o.close()
	m, err := o.memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	got := m.Lookup(f.Units[0].Source, 100, 1)
	if len(got) != 1 || got[0].Entry.Translation != "Только что сохранено." {
		t.Errorf("lookup of %q after an in-place save: %+v", f.Units[0].Source, got)
	}
	if o.listed {
		t.Error("the memory listed every folder: it needs only its language's")
	}
}
