package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/catalog"
)

const sampleText = `Tytuł artykułu

13-12-2017

Pierwsze zdanie o klastrze. Drugie zdanie o spotkaniu w Białymstoku. Trzecie zdanie do usunięcia.
`

// setup imports one text article and translates all of it into Russian.
func setup(t *testing.T) (*Workspace, string) {
	t.Helper()
	w := newWorkspace(t)
	file := filepath.Join(t.TempDir(), "art.txt")
	if err := os.WriteFile(file, []byte(sampleText), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, w, file)
	err := w.UpdateLocale("ru", "art", func(f *catalog.File) {
		for i := range f.Units {
			f.Units[i].Translation = fmt.Sprintf("Перевод %d.", i)
			f.Units[i].Status = catalog.Translated
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w, file
}

func unitsBySource(t *testing.T, w *Workspace, lang string) map[string]catalog.Unit {
	t.Helper()
	f, _, err := w.LoadLocale(lang, "art")
	if err != nil || f == nil {
		t.Fatalf("loading %s: %v", lang, err)
	}
	m := map[string]catalog.Unit{}
	for _, u := range f.Units {
		m[u.Source] = u
	}
	return m
}

// TestSyncSourceEdited: the original is edited in sources/; sync extracts
// it again and applies every merge rule.
func TestSyncSourceEdited(t *testing.T) {
	w, _ := setup(t)
	edited := strings.Replace(sampleText, "Drugie zdanie o spotkaniu w Białymstoku.", "Drugie zdanie o udanym spotkaniu w Białymstoku.", 1)
	edited = strings.Replace(edited, " Trzecie zdanie do usunięcia.", " Całkiem nowe zdanie.", 1)
	if err := os.WriteFile(w.Path("sources", "art.txt"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := w.Sync(SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 1 || len(rep.Written) != 3 { // pl, ru, en; the metadata is not a locale file
		t.Errorf("report %+v", rep)
	}
	ru := unitsBySource(t, w, "ru")
	if u := ru["Pierwsze zdanie o klastrze."]; u.Status != catalog.Translated || u.Translation != "Перевод 1." {
		t.Errorf("unchanged: %+v", u)
	}
	if u := ru["Drugie zdanie o udanym spotkaniu w Białymstoku."]; u.Status != catalog.Fuzzy ||
		u.PreviousSource != "Drugie zdanie o spotkaniu w Białymstoku." || u.Translation != "Перевод 2." {
		t.Errorf("changed: %+v", u)
	}
	if u := ru["Całkiem nowe zdanie."]; u.Status != catalog.New || u.Translation != "" {
		t.Errorf("new: %+v", u)
	}
	if u := ru["Trzecie zdanie do usunięcia."]; !u.Obsolete || u.Translation != "Перевод 3." {
		t.Errorf("removed: %+v", u)
	}
	if _, ok := unitsBySource(t, w, "en")["Trzecie zdanie do usunięcia."]; ok {
		t.Error("an untranslated removed sentence was kept in en")
	}
	metas, _ := w.Sources()
	if raw, _ := os.ReadFile(w.Path("sources", "art.txt")); metas[0].SHA256 != sha256Hex(raw) {
		t.Error("metadata does not record the edited original's checksum")
	}

	// Nothing changed since: the next sync skips the article.
	rep, err = w.Sync(SyncOptions{})
	if err != nil || rep.Checked != 0 || rep.Skipped != 1 || len(rep.Written) != 0 {
		t.Errorf("second sync: %+v, %v", rep, err)
	}
	// --prune drops the obsolete segment.
	if _, err := w.Sync(SyncOptions{Prune: true}); err != nil {
		t.Fatal(err)
	}
	if _, ok := unitsBySource(t, w, "ru")["Trzecie zdanie do usunięcia."]; ok {
		t.Error("prune kept the obsolete segment")
	}
}

// TestSyncBrokenFileWritesNothing: a TOML mistake in one translators'
// file stops sync with its position; no file is written.
func TestSyncBrokenFileWritesNothing(t *testing.T) {
	w, _ := setup(t)
	ruPath := w.LocalePath("ru", "art")
	data, _ := os.ReadFile(ruPath)
	broken := strings.Replace(string(data), `translation = "Перевод 1."`, `translation = "Перевод "1"."`, 1)
	if err := os.WriteFile(ruPath, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(w.Path("sources", "art.txt"), []byte(sampleText+"\nDopisany akapit.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, w)
	_, err := w.Sync(SyncOptions{})
	var se *catalog.SyntaxError
	if !errors.As(err, &se) || se.Path != "locales/ru/art.toml" || se.Line == 0 {
		t.Fatalf("error %v, want a SyntaxError in locales/ru/art.toml with a line", err)
	}
	if after := snapshot(t, w); before != after {
		t.Errorf("files changed despite the error:\n%s\n---\n%s", before, after)
	}
}

// snapshot is the names, sizes and times of every file in the workspace.
func snapshot(t *testing.T, w *Workspace) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(w.Dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && !strings.Contains(p, ".mosty") {
			fmt.Fprintf(&b, "%s %d %s\n", p, info.Size(), info.ModTime().Format(time.RFC3339Nano))
		}
		return nil
	})
	return b.String()
}

func TestSyncNewTargetLanguage(t *testing.T) {
	w, _ := setup(t)
	w.Config.TargetLanguages = append(w.Config.TargetLanguages, "be")
	rep, err := w.Sync(SyncOptions{Full: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 1 || rep.Written[0].Lang != "be" || !rep.Written[0].Created {
		t.Errorf("written %+v", rep.Written)
	}
}

// TestImportAgainMerges: importing a changed file again merges it like a
// sync does.
func TestImportAgainMerges(t *testing.T) {
	w, file := setup(t)
	os.WriteFile(file, []byte(strings.Replace(sampleText, "Pierwsze zdanie o klastrze.", "Pierwsze zdanie o naszym klastrze.", 1)), 0o644)
	r := importOne(t, w, file)
	if r.Status != ImportUpdated {
		t.Fatalf("status %s", r.Status)
	}
	if u := unitsBySource(t, w, "ru")["Pierwsze zdanie o naszym klastrze."]; u.Status != catalog.Fuzzy || u.Translation != "Перевод 1." {
		t.Errorf("unit %+v", u)
	}
}

// A Polish file made by another mosty (its fingerprint differs) is
// extracted again by a plain sync, keeping every translation.
func TestSyncAfterUpgrade(t *testing.T) {
	w, _ := setup(t)
	path := w.LocalePath("pl", "art")
	data, _ := os.ReadFile(path)
	old := strings.Replace(string(data), `extractor = "`+w.pipelineFingerprint()+`"`, `extractor = "older"`, 1)
	// The older mosty split a sentence in two.
	old = strings.Replace(old, `source = "Drugie zdanie o spotkaniu w Białymstoku."`, `source = "Drugie zdanie o spotkaniu"`, 1)
	if old == string(data) {
		t.Fatal("the Polish file has no fingerprint to change")
	}
	os.WriteFile(path, []byte(old), 0o644)
	rep, err := w.Sync(SyncOptions{})
	if err != nil || len(rep.Failed) > 0 {
		t.Fatalf("sync: %v %v", err, rep)
	}
	if got, _ := os.ReadFile(path); string(got) != string(data) {
		t.Errorf("the Polish file was not extracted again:\n%s", got)
	}
	for src, u := range unitsBySource(t, w, "ru") {
		if u.Translation == "" {
			t.Errorf("%q lost its translation", src)
		}
	}
}

// A workspace made by a mosty that numbered placeholders per block
// ("Wizytę zorganizowała <2>fundacja</2>." as the second sentence) is
// brought to per-segment numbering by sync: the translations are
// renumbered with their Polish, their statuses kept, and the change is
// reported.
func TestSyncRenumbersPlaceholders(t *testing.T) {
	w := newWorkspace(t)
	file := filepath.Join(t.TempDir(), "art.html")
	page := `<html><body><article><h1>Tytuł artykułu</h1><p>To był tydzień z <b>klastrem</b>. ` +
		`Wizytę zorganizowała <a href="https://pfrr.example/">fundacja</a> z Białegostoku.</p></article></body></html>`
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	importOne(t, w, file)
	second := "Wizytę zorganizowała <1>fundacja</1> z Białegostoku."
	err := w.UpdateLocale("ru", "art", func(f *catalog.File) {
		for i, u := range f.Units {
			f.Units[i].Status = catalog.Reviewed
			f.Units[i].Translation = map[string]string{second: "Визит организовал <1>фонд</1> из Белостока."}[u.Source]
			if f.Units[i].Translation == "" {
				f.Units[i].Translation = "Перевод."
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// Make the files look like an earlier mosty's.
	old := strings.NewReplacer(second, "Wizytę zorganizowała <2>fundacja</2> z Białegostoku.",
		"Визит организовал <1>фонд</1> из Белостока.", "Визит организовал <2>фонд</2> из Белостока.",
		`extractor = "`+w.pipelineFingerprint()+`"`, `extractor = "older"`)
	for _, lang := range []string{"pl", "ru"} {
		data, _ := os.ReadFile(w.LocalePath(lang, "art"))
		os.WriteFile(w.LocalePath(lang, "art"), []byte(old.Replace(string(data))), 0o644)
	}
	rep, err := w.Sync(SyncOptions{})
	if err != nil || len(rep.Failed) > 0 {
		t.Fatalf("sync: %v %v", err, rep)
	}
	u := unitsBySource(t, w, "ru")[second]
	if u.Translation != "Визит организовал <1>фонд</1> из Белостока." || u.Status != catalog.Reviewed || u.PreviousSource != "" {
		t.Errorf("renumbered unit %+v", u)
	}
	var ru *FileChange
	for i, f := range rep.Written {
		if f.Lang == "ru" {
			ru = &rep.Written[i]
		}
	}
	if ru == nil || ru.Changes.Renumbered != 1 || ru.Changes.Fuzzy+ru.Changes.Added+ru.Changes.Obsoleted != 0 {
		t.Errorf("ru change %+v", ru)
	}
	if ru != nil && !strings.Contains(ru.Changes.String(), "1 with placeholders renumbered") {
		t.Errorf("report %q does not say so", ru.Changes.String())
	}
}
