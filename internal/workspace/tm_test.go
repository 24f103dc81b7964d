package workspace

import (
	"bufio"
	"bytes"
	"encoding/json"
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

// TestMemoryCache: the memory a command builds is kept in .mosty/tm-ru,
// and the next command takes it from there, not from the files; a cache
// an earlier mosty left as JSON (tm-ru.json) is read the same and then
// replaced.
func TestMemoryCache(t *testing.T) {
	w, _ := setup(t) // "art": everything translated into Russian
	first, err := w.Memory("ru")
	if err != nil || first.Len() == 0 {
		t.Fatalf("memory: %d entries, %v", first.Len(), err)
	}
	path := w.Path(".mosty", "tm-ru")
	cache, _ := loadTMCache(path)
	if len(cache.Files) != 1 || len(cache.Files["locales/ru/art.toml"].Entries) != first.Len() {
		t.Fatalf("the cache holds %+v", cache.Files)
	}
	// What the cache says wins over the file while the file's stamp is
	// the same: a planted entry shows the cache is read.
	f := cache.Files["locales/ru/art.toml"]
	f.Entries = append(f.Entries, tm.Entry{Source: "Zdanie tylko w pamięci.", Translation: "Только в памяти.", Origin: "art/x"})
	cache.Files["locales/ru/art.toml"] = f
	legacy, _ := json.Marshal(cache)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".json", legacy, 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := w.Memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Lookup("Zdanie tylko w pamięci.", 100, 1); len(got) != 1 || got[0].Translation != "Только в памяти." {
		t.Errorf("the earlier mosty's JSON cache was not read: %+v", got)
	}
	if _, err := os.Stat(path + ".json"); err == nil {
		t.Error("the JSON cache was kept beside the new one")
	}
	if again, legacy := loadTMCache(path); legacy || len(again.Files["locales/ru/art.toml"].Entries) != first.Len()+1 {
		t.Errorf("the cache written again holds %+v", again.Files)
	}
}

// FuzzTMCache reads .mosty/tm-<lang> as any file could hold it: a cache
// that reads is written back and reads again to the same.
func FuzzTMCache(f *testing.F) {
	f.Add([]byte(tmCacheHeader + "\nchecks\\t1\nF\tlocales/ru/a.toml\t10:20\nE\tZdanie\\n<1>x</1>\tЗдание\tart/1\nE\ta\tb\tc\nF\tlocales/ru/b.toml\t-1:0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := readTMCache(bytes.NewReader(data))
		if c.Files == nil {
			return
		}
		first := writeTM(c)
		again := readTMCache(bytes.NewReader(first))
		if second := writeTM(again); !bytes.Equal(first, second) {
			t.Fatalf("written, read and written again it differs:\n%q\n%q", first, second)
		}
	})
}

func writeTM(c tmCache) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeTMCache(w, c)
	w.Flush()
	return b.Bytes()
}
