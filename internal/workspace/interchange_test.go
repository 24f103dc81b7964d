package workspace

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// TestExportMerge: a translator fills an exported file; merge applies
// it by id with every rule.
func TestExportMerge(t *testing.T) {
	for _, format := range []string{"xliff", "xliff12", "po"} {
		t.Run(format, func(t *testing.T) {
			w := demoWorkspace(t) // ru: first half translated
			slug := "klaster-bialorus-2017"
			data := exportTo(t, w, format)
			ru, _, _ := w.LoadLocale("ru", slug)
			// The CAT tool translates segment 8 (new) and 0 (already translated),
			// and 2, which meanwhile gets reviewed in mosty.
			edited := string(data)
			for _, k := range []int{8, 0, 2} {
				old := ru.Units[k].Translation
				neu := "ПЕРЕВОД " + ru.Units[k].ID
				if old == "" {
					edited = fillEmpty(t, format, edited, ru.Units[k].ID, neu)
				} else {
					edited = strings.Replace(edited, escapeFor(format, old), neu, 1)
				}
			}
			w.UpdateLocale("ru", slug, func(f *catalog.File) { f.Units[2].Status = catalog.Reviewed })
			ext := map[string]string{"xliff": ".xlf", "xliff12": ".xlf", "po": ".po"}[format]
			path := filepath.Join(t.TempDir(), "ru"+ext)
			os.WriteFile(path, []byte(edited), 0o644)

			changes := mergeItems(t, w, false, path)
			after, _, _ := w.LoadLocale("ru", slug)
			if u := after.Units[8]; u.Translation != "ПЕРЕВОД "+u.ID || u.Status != catalog.Translated {
				t.Errorf("new segment: %+v", u)
			}
			if u := after.Units[0]; u.Translation != "ПЕРЕВОД "+u.ID {
				t.Errorf("translated segment: %+v", u)
			}
			if u := after.Units[2]; u.Translation == "ПЕРЕВОД "+u.ID || u.Status != catalog.Reviewed {
				t.Errorf("a reviewed segment was overwritten: %+v", u)
			}
			conflicts := 0
			for _, c := range changes {
				if c.Outcome == MergeConflict {
					conflicts++
				}
			}
			if conflicts != 1 || len(changes) != 3 {
				t.Errorf("changes %+v", changes)
			}
			// --force takes the file's translation.
			mergeItems(t, w, true, path)
			after, _, _ = w.LoadLocale("ru", slug)
			if u := after.Units[2]; u.Translation != "ПЕРЕВОД "+u.ID {
				t.Errorf("--force: %+v", u)
			}
		})
	}
}

// TestMergeAfterPolishChanged: a translation of Polish that changed
// since the export lands as fuzzy.
func TestMergeAfterPolishChanged(t *testing.T) {
	w := demoWorkspace(t)
	slug := "klaster-bialorus-2017"
	data := exportTo(t, w, "po")
	ru, _, _ := w.LoadLocale("ru", slug)
	var id string
	for _, u := range ru.Units {
		if strings.HasPrefix(u.Source, "Spotkania takie to kolejny krok") {
			id = u.ID
		}
	}
	edited := fillEmpty(t, "po", string(data), id, "Такие встречи.")
	path := filepath.Join(t.TempDir(), "ru.po")
	os.WriteFile(path, []byte(edited), 0o644)
	// The Polish changes, and sync runs, before the merge.
	src, _ := os.ReadFile(w.Path("sources", "klaster-bialorus-2017.html"))
	os.WriteFile(w.Path("sources", "klaster-bialorus-2017.html"), []byte(strings.Replace(string(src), "Spotkania takie to kolejny krok", "Spotkania takie to następny krok", 1)), 0o644)
	if _, err := w.Sync(SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	mergeItems(t, w, false, path)
	after, _, _ := w.LoadLocale("ru", slug)
	for _, u := range after.Units {
		if u.ID == id {
			if u.Status != catalog.Fuzzy || u.Translation != "Такие встречи." || !strings.Contains(u.PreviousSource, "kolejny krok") {
				t.Errorf("unit %+v", u)
			}
			return
		}
	}
	t.Errorf("segment %s gone", id)
}

// fillEmpty puts a translation into the empty target of segment id.
func fillEmpty(t *testing.T, format, doc, id, text string) string {
	t.Helper()
	switch format {
	case "po":
		i := strings.Index(doc, `msgctxt "klaster-bialorus-2017/`+id+`"`)
		j := strings.Index(doc[i:], "msgstr \"\"") + i
		return doc[:j] + `msgstr "` + text + `"` + doc[j+len(`msgstr ""`):]
	case "xliff":
		// A tool fills the target and says it is translated.
		i := strings.Index(doc, `<unit id="`+id+`">`)
		j := strings.Index(doc[i:], "</source>") + i + len("</source>")
		doc = doc[:j] + "<target>" + text + "</target>" + doc[j:]
		k := strings.Index(doc[i:], `state="initial"`) + i
		return doc[:k] + `state="translated"` + doc[k+len(`state="initial"`):]
	default:
		i := strings.Index(doc, `<trans-unit id="klaster-bialorus-2017/`+id+`"`)
		j := strings.Index(doc[i:], `<target state="needs-translation"></target>`) + i
		return doc[:j] + `<target state="translated">` + text + `</target>` + doc[j+len(`<target state="needs-translation"></target>`):]
	}
}

func escapeFor(format, s string) string {
	if format == "po" {
		return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestMergeChangedSinceExport: a translation edited in mosty after the
// export is not overwritten by the file's older one without --force.
func TestMergeChangedSinceExport(t *testing.T) {
	w := demoWorkspace(t)
	slug := "klaster-bialorus-2017"
	data := exportTo(t, w, "po")
	ru, _, _ := w.LoadLocale("ru", slug)
	old := ru.Units[2].Translation
	edited := strings.Replace(string(data), old, "Перевод из CAT-инструмента.", 1)
	path := filepath.Join(t.TempDir(), "ru.po")
	os.WriteFile(path, []byte(edited), 0o644)
	w.UpdateLocale("ru", slug, func(f *catalog.File) { f.Units[2].Translation = "Правка редактора." })
	changes := mergeItems(t, w, false, path)
	if len(changes) != 1 || changes[0].Outcome != MergeConflict || !strings.Contains(changes[0].What, "changed in mosty since the export") {
		t.Errorf("changes %+v", changes)
	}
	after, _, _ := w.LoadLocale("ru", slug)
	if after.Units[2].Translation != "Правка редактора." {
		t.Errorf("the newer translation was overwritten: %q", after.Units[2].Translation)
	}
}

// exportTo exports the Russian translators' files in a format, keeping
// the export's record as mosty export does.
func exportTo(t *testing.T, w *Workspace, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := w.Export(ExportOptions{Format: format, Lang: "ru"}, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mergeItems merges files back and returns what it did.
func mergeItems(t *testing.T, w *Workspace, force bool, paths ...string) []MergeItem {
	t.Helper()
	res, err := w.Merge(MergeOptions{Paths: paths, Force: force})
	if err != nil {
		t.Fatal(err)
	}
	return res.Items
}
