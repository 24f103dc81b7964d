package workspace

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/qa"
)

// manyArticles imports n articles of sentences Polish sentences each,
// none translated: a finding per segment and language.
func manyArticles(t testing.TB, n, sentences int) *Workspace {
	t.Helper()
	w := newWorkspace(t)
	var srcs []*acquire.Source
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Artykuł %03d\n\n", i)
		for k := range sentences {
			fmt.Fprintf(&b, "Zdanie numer %d artykułu %d o klastrze. ", k, i)
			if k%8 == 7 {
				b.WriteString("\n\n")
			}
		}
		src, err := acquire.FromBytes(fmt.Sprintf("a%03d.txt", i), fmt.Sprintf("test:a%03d", i), []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := w.ImportSources(srcs); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestCheckStreams: the first findings are given before the last
// articles are read — here the last article's file is broken once the
// first finding is out, and the check reports that file, having given
// the findings before it in order.
func TestCheckStreams(t *testing.T) {
	n := (checkAhead+3)*runtime.GOMAXPROCS(0) + 10 // more than the check reads ahead
	w := manyArticles(t, n, 2)
	last := w.LocalePath("en", fmt.Sprintf("a%03d", n-1))
	var got []qa.Finding
	err := w.CheckEach(nil, func(f qa.Finding) error {
		if len(got) == 0 {
			if err := os.WriteFile(last, []byte("not toml ="), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got = append(got, f)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), w.Rel(last)) {
		t.Fatalf("the last file was read before the first finding was given: err %v", err)
	}
	if len(got) == 0 || got[0].File != "locales/ru/a000.toml" || strings.Contains(got[len(got)-1].File, fmt.Sprintf("a%03d", n-1)) {
		t.Errorf("findings given: %d, first %v, last %v", len(got), got[0], got[len(got)-1])
	}
	// The cache is left as it was (none): a check that failed wrote none.
	if _, err := os.Stat(w.checkCachePath()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed check left a cache: %v", err)
	}
}

// TestCheckMemoryBounded: a check holds the findings of a few articles,
// not the archive's, both when it reads the files and when the findings
// come from the cache: the live heap (after a collection) while the
// findings are given stays within a bound well under the findings' size
// above what it was before the check.
func TestCheckMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 900 articles")
	}
	// Two workers whatever the machine, each an article ahead at most: the
	// workers wait while the heap is measured, what is read ahead stays
	// the same.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(v int) { checkAhead = v }(checkAhead)
	checkAhead = 1
	const n, sentences = 900, 24
	w := manyArticles(t, n, sentences) // 45,000 findings: some 8 MB of them
	// A first check makes what the checks make once (tables, patterns);
	// the next reads the files again.
	if err := w.CheckEach(nil, func(qa.Finding) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(w.checkCachePath()); err != nil {
		t.Fatal(err)
	}
	// The live heap as the last collection marked it: what the workers
	// allocate after it, garbage for the most part, does not count.
	live := func() uint64 {
		runtime.GC()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	for _, run := range []string{"files read", "from the cache"} {
		base := live()
		most := base
		count := 0
		err := w.CheckEach(nil, func(f qa.Finding) error {
			if count%1000 == 0 {
				most = max(most, live())
			}
			count++
			return nil
		})
		if err != nil || count != 2*n*(sentences+1) {
			t.Fatalf("%s: %d findings, %v", run, count, err)
		}
		grew := int64(most) - int64(base)
		t.Logf("%s: the live heap grew by %.2f MB over %d findings", run, float64(grew)/(1<<20), count)
		if grew > 3<<20 {
			t.Errorf("%s: the live heap grew by %.1f MB while %d findings were given", run, float64(grew)/(1<<20), count)
		}
	}
}

// FuzzCheckCache reads any lines as .mosty/check under the right key: the
// check never fails nor panics for it, and a file whose stamps no line
// names has the findings a check without the cache gives.
func FuzzCheckCache(f *testing.F) {
	w := manyArticles(f, 3, 2)
	fresh, err := w.Check(nil)
	if err != nil {
		f.Fatal(err)
	}
	made, err := os.ReadFile(w.checkCachePath())
	if err != nil {
		f.Fatal(err)
	}
	key, lines, _ := strings.Cut(string(made), "\n")
	f.Add([]byte(lines))
	f.Add([]byte("locales/ru/a001.toml\t1:2,3:4\tnull\nlocales/en/a000.toml\tx\t[{\"file\":1}]\n"))
	f.Add([]byte("locales/ru/a002.toml\t\t[]\nlocales/ru/a000.toml\t\t[]\n"))
	stamps, err := w.stampAll()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(w.checkCachePath(), append([]byte(key+"\n"), data...), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := w.Check(nil)
		if err != nil {
			t.Fatalf("a cache made the check fail: %v", err)
		}
		for _, slug := range stamps.slugs() {
			for _, lang := range w.Config.TargetLanguages {
				st := index.FormatStamps([]index.Stamp{stamps.locale(slug, lang), stamps.locale(slug, w.Config.SourceLanguage)})
				if strings.Contains(string(data), st) {
					continue // a line with the file's stamps is trusted
				}
				rel := "locales/" + lang + "/" + slug + ".toml"
				of := func(all []qa.Finding) []qa.Finding {
					return slices.DeleteFunc(slices.Clone(all), func(f qa.Finding) bool { return f.File != rel })
				}
				if g, want := of(got), of(fresh); !slices.Equal(g, want) {
					t.Fatalf("%s: findings %v, want %v", rel, g, want)
				}
			}
		}
	})
}
