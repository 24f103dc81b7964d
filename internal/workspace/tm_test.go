package workspace

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/qa"
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
	// Every target language's memory was made, and kept in .mosty/.
	for _, lang := range w.Config.TargetLanguages {
		if _, err := os.Stat(w.tmIndexPath(lang)); err != nil {
			t.Errorf("the %s memory was not kept: %v", lang, err)
		}
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

// TestMemoryCache: the memory a command builds is kept as an index in
// .mosty/tm-ru.idx, and the next command takes it from there, not from
// the files; a cache an earlier mosty left, as lines (tm-ru) or JSON
// (tm-ru.json), makes the index and is removed.
func TestMemoryCache(t *testing.T) {
	w, _ := setup(t) // "art": everything translated into Russian
	first, err := w.Memory("ru")
	if err != nil || first.Len() == 0 {
		t.Fatalf("memory: %d entries, %v", first.Len(), err)
	}
	st, _ := os.Stat(w.LocalePath("ru", "art"))
	stamp := index.Stamp{Size: st.Size(), MTime: st.ModTime().UnixNano()}
	planted := tm.Entry{Source: "Zdanie tylko w pamięci.", Translation: "Только в памяти.", Origin: "art/x"}
	for _, tc := range []struct {
		name  string
		write func(path string, c tmCache) error
	}{
		{"lines", func(path string, c tmCache) error { return os.WriteFile(path, writeTM(c), 0o644) }},
		{"json", func(path string, c tmCache) error {
			data, _ := json.Marshal(c)
			return os.WriteFile(path+".json", data, 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// What the earlier cache says wins over the file while the
			// file's stamp is the same: a planted entry shows it is read.
			c := tmCache{Checks: checksFingerprint(opChecker(t, w)), Files: map[string]tmCacheFile{
				"locales/ru/art.toml": {Stamp: stamp, Entries: append(slices.Clone(first.Entries()), planted)},
			}}
			os.Remove(w.tmIndexPath("ru"))
			legacy := w.Path(".mosty", "tm-ru")
			if err := tc.write(legacy, c); err != nil {
				t.Fatal(err)
			}
			for run := range 2 { // made from the earlier cache, then read from the index
				m, err := w.Memory("ru")
				if err != nil {
					t.Fatal(err)
				}
				if got := m.Lookup(planted.Source, 100, 1); len(got) != 1 || got[0].Entry != planted {
					t.Errorf("run %d: the planted entry is not found: %+v", run, got)
				}
			}
			for _, p := range []string{legacy, legacy + ".json"} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("%s was kept beside the index", p)
				}
			}
		})
	}
}

// TestMemoryLeavesNoScratch: the index is made through scratch files in
// .mosty, none of which is left there.
func TestMemoryLeavesNoScratch(t *testing.T) {
	w, _ := setup(t)
	s, err := w.tmScratch()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := s.(*os.File)
	if !ok {
		t.Fatalf("scratch in memory (%T), not in .mosty", s)
	}
	if _, err := os.Stat(f.Name()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the scratch file %s is still named in .mosty: %v", f.Name(), err)
	}
	buf := make([]byte, 5)
	if _, err := s.Write([]byte("hello")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReadAt(buf, 0); err != nil || string(buf) != "hello" {
		t.Fatalf("read back %q, %v", buf, err)
	}
	s.Close()
	os.Remove(w.tmIndexPath("ru"))
	m, err := w.Memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	if _, err := os.Stat(w.tmIndexPath("ru")); err != nil {
		t.Fatalf("no index: %v", err)
	}
	entries, _ := os.ReadDir(w.Path(".mosty"))
	for _, e := range entries {
		if strings.Contains(e.Name(), "scratch") {
			t.Errorf("%s left in .mosty", e.Name())
		}
	}
}

// opChecker is the checker an op makes memories with.
func opChecker(t *testing.T, w *Workspace) *qa.Checker {
	t.Helper()
	g, err := w.newOp().glossary()
	if err != nil {
		t.Fatal(err)
	}
	return &qa.Checker{Glossary: g, Errors: w.Config.Check.Errors}
}

// wholeMemory is the memory of lang made whole from the files, as mosty
// made it before it kept an index.
func wholeMemory(t *testing.T, w *Workspace, lang string) *tm.Memory {
	t.Helper()
	return wholeMemoryWith(t, w, opChecker(t, w), lang)
}

// wholeMemoryWith is wholeMemory by checks.
func wholeMemoryWith(t *testing.T, w *Workspace, checks *qa.Checker, lang string) *tm.Memory {
	t.Helper()
	stamps, err := w.newOp().listing()
	if err != nil {
		t.Fatal(err)
	}
	m := tm.New()
	for _, slug := range stamps.slugs() {
		entries, err := w.memoryOf(lang, slug, checks)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			m.Add(e)
		}
	}
	imported, _ := w.importedEntries(lang, checks)
	for _, e := range imported {
		m.Add(e)
	}
	return m
}

// TestMemoryMasking: a file changed, removed or new since the index was
// written is masked in it and read, and lookups answer as the memory made
// whole from the files; the index is written again only when the checks
// fingerprint changed (here: every other change is few enough).
func TestMemoryMasking(t *testing.T) {
	defer func(v int) { tmRewriteShare = v }(tmRewriteShare)
	tmRewriteShare = 0 // never written again for the files changed
	w, _ := setup(t)
	dir := t.TempDir()
	add := func(slug, text string) {
		p := filepath.Join(dir, slug+".txt")
		os.WriteFile(p, []byte(text), 0o644)
		importOne(t, w, p)
		if err := w.UpdateLocale("ru", slug, func(f *catalog.File) {
			for i := range f.Units {
				f.Units[i].Translation, f.Units[i].Status = fmt.Sprintf("%s %d.", slug, i), catalog.Translated
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	add("bravo", "Bravo\n\n2018-01-10\n\nPierwsze zdanie o klastrze. Zdanie o Łomży w 2018 roku.\n")
	add("charlie", "Charlie\n\n2018-01-11\n\nZdanie o Łomży w 2019 roku. Inne zdanie.\n")
	if _, err := w.Memory("ru"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		change  func()
		rewrite bool // the index is written again
	}{
		{"changed", func() {
			w.UpdateLocale("ru", "bravo", func(f *catalog.File) { f.Units[1].Translation = "Другой перевод." })
		}, false},
		{"removed", func() { os.Remove(w.LocalePath("ru", "art")) }, false},
		{"new", func() {
			add("alpha", "Alpha\n\n2018-01-12\n\nZdanie o Łomży w 2020 roku. Pierwsze zdanie o klastrze.\n")
		}, false},
		{"checks", func() { os.WriteFile(w.Path("glossary.toml"), []byte("# no terms yet\n"), 0o644) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(w.tmIndexPath("ru"))
			tc.change()
			got, err := w.Memory("ru")
			if err != nil {
				t.Fatal(err)
			}
			want := wholeMemory(t, w, "ru")
			if g, w := got.Entries(), want.Entries(); !slices.Equal(g, w) {
				t.Fatalf("entries\n got %v\nwant %v", g, w)
			}
			for _, e := range want.Entries() {
				for _, q := range []string{e.Source, strings.ReplaceAll(e.Source, "20", "21"), e.Translation} {
					if g, w := got.Lookup(q, 50, 10), want.Lookup(q, 50, 10); !reflect.DeepEqual(g, w) {
						t.Errorf("lookup %q\n got %v\nwant %v", q, g, w)
					}
					if g, w := got.Search(q, 0), want.Search(q, 0); !reflect.DeepEqual(g, w) {
						t.Errorf("search %q\n got %v\nwant %v", q, g, w)
					}
				}
			}
			if _, err := os.Stat(w.Path(".mosty", "tm-ru.delta")); (err == nil) == tc.rewrite {
				t.Errorf("the delta's cache is there: %v; the index was written again: %v", err == nil, tc.rewrite)
			}
			after, _ := os.ReadFile(w.tmIndexPath("ru"))
			if rewritten := !bytes.Equal(before, after); rewritten != tc.rewrite {
				t.Errorf("index written again: %v, want %v", rewritten, tc.rewrite)
			}
		})
	}
}

// TestMemoryDamaged: a damaged index is written again, never read for a
// wrong match, whether the damage shows when it is opened or in a lookup.
func TestMemoryDamaged(t *testing.T) {
	w, _ := setup(t)
	want := wholeMemory(t, w, "ru")
	if _, err := w.Memory("ru"); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(w.tmIndexPath("ru"))
	rewritten := 0
	for at := 0; at < len(good); at += max(1, len(good)/97) {
		bad := slices.Clone(good)
		bad[at] ^= 0x55
		os.WriteFile(w.tmIndexPath("ru"), bad, 0o644)
		m, err := w.Memory("ru")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range want.Entries() {
			if g, w := m.Lookup(e.Source, 50, 10), want.Lookup(e.Source, 50, 10); !reflect.DeepEqual(g, w) {
				t.Fatalf("byte %d damaged: lookup %q\n got %v\nwant %v", at, e.Source, g, w)
			}
		}
		if g, w := m.Entries(), want.Entries(); !slices.Equal(g, w) {
			t.Fatalf("byte %d damaged: entries\n got %v\nwant %v", at, g, w)
		}
		if err := m.Err(); err != nil {
			t.Fatal(err)
		}
		for _, e := range want.Entries() {
			if g, w := m.Search(e.Translation, 0), want.Search(e.Translation, 0); !reflect.DeepEqual(g, w) {
				t.Fatalf("byte %d damaged: search %q\n got %v\nwant %v", at, e.Translation, g, w)
			}
		}
		// Damage a lookup did not read may stay; what was read was
		// written again.
		if again, _ := os.ReadFile(w.tmIndexPath("ru")); bytes.Equal(again, good) {
			rewritten++
		}
	}
	if rewritten < 50 {
		t.Errorf("the index was written again after %d damages of 97", rewritten)
	}
}

// FuzzTMCache reads .mosty/tm-<lang> as any file could hold it: a cache
// that reads is written back and reads again to the same.
func FuzzTMCache(f *testing.F) {
	v1 := []byte(tmCacheHeaderV1 + "\nchecks\\t1\nF\tlocales/ru/a.toml\t10:20\nE\tZdanie\\n<1>x</1>\tЗдание\tart/1\nE\ta\tb\tc\nF\tlocales/ru/b.toml\t-1:0\n")
	f.Add(v1)
	f.Add(writeTM(readTMCache(bytes.NewReader(v1))))
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

// TestMemoryDamagedRebuildFails: an index damaged where a lookup reads
// it, and a locale file that no longer parses though its stamp is as the
// index recorded (so the memory is made again from the files, which
// fails): tm lookup and tm search report an error naming the file, never
// a panic nor "no match".
func TestMemoryDamagedRebuildFails(t *testing.T) {
	w, _ := setup(t)
	if _, err := w.Memory("ru"); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(w.tmIndexPath("ru"))
	locale := w.LocalePath("ru", "art")
	info, err := os.Stat(locale)
	if err != nil {
		t.Fatal(err)
	}
	// The same size and time: the index's stamp still matches.
	if err := os.WriteFile(locale, bytes.Repeat([]byte("="), int(info.Size())), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(locale, info.ModTime(), info.ModTime())
	reported := 0
	for at := 0; at < len(good); at += max(1, len(good)/97) {
		bad := slices.Clone(good)
		bad[at] ^= 0x55
		for _, use := range []func() error{
			func() error { _, err := w.Lookup("ru", "Pierwsze zdanie o klastrze.", 0); return err },
			func() error { _, err := w.Search("ru", "zdanie", 0); return err },
		} {
			os.WriteFile(w.tmIndexPath("ru"), bad, 0o644)
			err := use()
			if err == nil {
				continue
			}
			if !strings.Contains(err.Error(), "locales/ru/art.toml") || hint.Of(err) == "" {
				t.Fatalf("byte %d damaged: %v (hint %q), want the file named and a hint", at, err, hint.Of(err))
			}
			if errors.Is(err, tm.ErrDamaged) {
				reported++
			}
		}
	}
	if reported == 0 {
		t.Error("no damage met in a lookup was reported")
	}
}

// TestTMCacheEnd: a cache ends with a line counting the lines and summing
// the bytes before it; one cut short, or changed, reads as empty (every
// file read again), and an earlier mosty's, without the end line, reads.
func TestTMCacheEnd(t *testing.T) {
	c := tmCache{Checks: "c", Files: map[string]tmCacheFile{
		"art":   {Stamp: index.Stamp{Size: 10, MTime: 20}, Entries: []tm.Entry{{Source: "Zdanie.", Translation: "Предложение.", Origin: "art/1"}, {Source: "Dom.", Translation: "Дом.", Origin: "art/2"}}},
		"other": {Stamp: index.Stamp{Size: 1, MTime: 2}},
	}}
	whole := writeTM(c)
	lastLine := bytes.LastIndexByte(whole[:len(whole)-1], '\n') + 1
	for _, tc := range []struct {
		name string
		data []byte
		want bool // read as c
	}{
		{"whole", whole, true},
		{"without its last newline", whole[:len(whole)-1], true},
		{"without the end line", whole[:lastLine], false},
		{"cut in the end line", whole[:len(whole)-3], false},
		{"an entry lost", bytes.Replace(whole, []byte("E\tDom.\tДом.\tart/2\n"), nil, 1), false},
		{"an entry changed", bytes.Replace(whole, []byte("Dom."), []byte("Dym."), 1), false},
		{"a line after the end", append(slices.Clone(whole), "F\tx\t1:2\n"...), false},
		{"an earlier mosty's, no end line", bytes.Replace(whole[:lastLine], []byte(tmCacheHeader), []byte(tmCacheHeaderV1), 1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readTMCache(bytes.NewReader(tc.data))
			if read := reflect.DeepEqual(got, c); read != tc.want {
				t.Errorf("read as written: %v, want %v (got %+v)", read, tc.want, got)
			}
			if !tc.want && got.Files != nil {
				t.Errorf("a damaged cache read as %+v, want empty", got)
			}
		})
	}
}

// TestMemoryDeltaCut: a .delta cut at the end of any of its lines is not
// read as whole: the files it held are read again.
func TestMemoryDeltaCut(t *testing.T) {
	defer func(v int) { tmRewriteShare = v }(tmRewriteShare)
	tmRewriteShare = 0 // never written again for the files changed
	w, _ := setup(t)
	if _, err := w.Memory("ru"); err != nil {
		t.Fatal(err)
	}
	w.UpdateLocale("ru", "art", func(f *catalog.File) {
		for i := range f.Units {
			f.Units[i].Translation = fmt.Sprintf("Другой %d.", i)
		}
	})
	if _, err := w.Memory("ru"); err != nil { // writes the delta
		t.Fatal(err)
	}
	want := wholeMemory(t, w, "ru")
	p := w.Path(".mosty", "tm-ru.delta")
	whole, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for at := bytes.IndexByte(whole, '\n') + 1; at < len(whole)-1; at += bytes.IndexByte(whole[at:], '\n') + 1 {
		os.WriteFile(p, whole[:at], 0o644)
		got, err := w.Memory("ru")
		if err != nil {
			t.Fatal(err)
		}
		if g, w := got.Entries(), want.Entries(); !slices.Equal(g, w) {
			t.Fatalf("the delta cut at byte %d of %d read as whole:\n got %v\nwant %v", at, len(whole), g, w)
		}
	}
}

// TestMemoryGlossaryEditedDuringOp: glossary.toml edited between an op's
// reading it for its checks and its making the memory: the memory kept
// is filtered by the glossary read and keyed by it, so the next command,
// with the new glossary, does not take it for its own.
func TestMemoryGlossaryEditedDuringOp(t *testing.T) {
	w, _ := setup(t)
	stamps, err := w.newOp().listing()
	if err != nil {
		t.Fatal(err)
	}
	checks := opChecker(t, w) // no glossary yet
	forbid := "[[term]]\npl = \"zdanie\"\nru = \"предложение\"\nforbidden = { ru = [\"Перевод\"] }\n"
	if err := os.WriteFile(w.Path("glossary.toml"), []byte(forbid), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := w.buildMemory("ru", stamps, checks); err != nil {
		t.Fatal(err)
	}
	want := wholeMemory(t, w, "ru")
	if before := len(want.Entries()); before == len(wholeMemoryWith(t, w, checks, "ru").Entries()) {
		t.Fatalf("the glossary forbids nothing of the memory (%d entries): the test shows nothing", before)
	}
	got, err := w.Memory("ru") // the next command
	if err != nil {
		t.Fatal(err)
	}
	if g, w := got.Entries(), want.Entries(); !slices.Equal(g, w) {
		t.Errorf("the next command's memory holds what its glossary forbids:\n got %v\nwant %v", g, w)
	}
}

// TestMemoryClosesIndex: tm lookup and search, a memory closed, and a
// sync that pre-filled from the memory leave no file open on the index
// (mosty serve makes a memory every few seconds).
func TestMemoryClosesIndex(t *testing.T) {
	w, _ := setup(t)
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd to count open files")
	}
	m, err := w.Memory("ru") // the index written
	if err != nil {
		t.Fatal(err)
	}
	m.Close()
	idx, err := filepath.EvalSymlinks(w.tmIndexPath("ru"))
	if err != nil {
		t.Fatal(err)
	}
	openOnIndex := func() int {
		n := 0
		d, _ := os.ReadDir("/proc/self/fd")
		for _, e := range d {
			if l, _ := os.Readlink("/proc/self/fd/" + e.Name()); l == idx || l == idx+" (deleted)" { // or one written again since
				n++
			}
		}
		return n
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		use  func(i int) error
	}{
		{"lookup", func(int) error { _, err := w.Lookup("ru", "Pierwsze zdanie o klastrze.", 0); return err }},
		{"search", func(int) error { _, err := w.Search("ru", "zdanie", 0); return err }},
		{"memory closed", func(int) error {
			m, err := w.Memory("ru")
			if err == nil {
				err = m.Close()
			}
			return err
		}},
		{"import pre-filled", func(i int) error { // a new article's sentence found in the memory
			p := filepath.Join(dir, fmt.Sprintf("new%d.txt", i))
			os.WriteFile(p, []byte(fmt.Sprintf("Nowy %d\n\n2018-01-10\n\nPierwsze zdanie o klastrze.\n", i)), 0o644)
			_, err := w.Import([]string{p})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// No collection meanwhile: its finalizers close lost files.
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			for i := range 20 {
				if err := tc.use(i); err != nil {
					t.Fatal(err)
				}
			}
			if n := openOnIndex(); n != 0 {
				t.Errorf("%d files open on the index after 20 uses", n)
			}
		})
	}
}

// TestMemoryCachesWithoutLock: the memory's index and delta are caches
// that commands without the workspace lock (tm lookup, export, serve)
// write too, atomically; a lock holder's cleaning after a crash, which
// removes temporary files, at most makes such a write fail: the lookup
// still answers from the files, and the index left is whole.
func TestMemoryCachesWithoutLock(t *testing.T) {
	w, _ := setup(t)
	want := wholeMemory(t, w, "ru")
	q := want.Entries()[0].Source
	wantMatch := want.Lookup(q, 0, 10)
	done := make(chan struct{})
	cleaned := make(chan int)
	go func() { // a lock holder finding no clean mark, again and again
		n := 0
		for {
			select {
			case <-done:
				cleaned <- n
				return
			default:
				if err := w.cleanLeftovers(); err != nil {
					t.Error(err)
				}
				n++
			}
		}
	}()
	for range 100 {
		os.Remove(w.tmIndexPath("ru")) // every lookup writes the index again
		got, err := w.Lookup("ru", q, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, wantMatch) {
			t.Fatalf("lookup %q\n got %v\nwant %v", q, got, wantMatch)
		}
	}
	close(done)
	t.Logf("cleaned %d times", <-cleaned)
	m, err := w.Memory("ru")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if g, w := m.Entries(), want.Entries(); !slices.Equal(g, w) || m.Err() != nil {
		t.Errorf("entries after\n got %v\nwant %v (err %v)", g, w, m.Err())
	}
}
