package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/tm"
)

// TestPrefill: a new article with a sentence translated elsewhere gets it
// pre-filled as fuzzy (with origin and match), numbers carried over; a
// close one gets a suggestion; neither counts as translated.
func TestPrefill(t *testing.T) {
	w, _ := setup(t) // "art": everything translated into Russian
	dir := t.TempDir()
	second := filepath.Join(dir, "drugi.txt")
	os.WriteFile(second, []byte("Drugi artykuł\n\n2018-01-10\n\nPierwsze zdanie o klastrze. Drugie zdanie o spotkaniu w Białymstoku i Łomży. Coś zupełnie nowego.\n"), 0o644)
	importOne(t, w, second)
	f, _, _ := w.LoadLocale("ru", "drugi")
	by := map[string]catalog.Unit{}
	for _, u := range f.Units {
		by[u.Source] = u
	}
	if u := by["Pierwsze zdanie o klastrze."]; u.Status != catalog.Fuzzy || u.Translation != "Перевод 1." ||
		u.Extra[tm.KeyMatch] != int64(100) || u.Extra[tm.KeyOrigin] != "art/"+idOf(t, w, "Pierwsze zdanie o klastrze.") {
		t.Errorf("exact match: %+v", u)
	}
	if u := by["Drugie zdanie o spotkaniu w Białymstoku i Łomży."]; u.Status != catalog.New || u.Translation != "" || u.Extra[tm.KeySuggestion] != "Перевод 2." {
		t.Errorf("close match: %+v", u)
	}
	if u := by["Coś zupełnie nowego."]; u.Extra != nil {
		t.Errorf("no match: %+v", u)
	}
	cov := f.Coverage()
	if cov.Words[catalog.Translated] != 0 {
		t.Error("pre-filled text counts as translated")
	}
	matches, err := w.Lookup("ru", "Pierwsze zdanie o klastrze!", 75)
	if err != nil || len(matches) == 0 || matches[0].Translation != "Перевод 1." {
		t.Errorf("lookup: %+v %v", matches, err)
	}
}

func idOf(t *testing.T, w *Workspace, source string) string {
	t.Helper()
	f, _, _ := w.LoadLocale("pl", "art")
	for _, u := range f.Units {
		if u.Source == source {
			return u.ID
		}
	}
	t.Fatalf("no %q", source)
	return ""
}
