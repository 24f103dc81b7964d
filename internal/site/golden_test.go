package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/extsort"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/indexes.golden from the current Indexes")

// goldenVersions are n generated articles in Polish, Russian and
// English, in a shuffled order: dates over several years, some with a
// time of day and another zone, some undated, some on the same day; five
// categories, one named in the targets, one none; unpublished versions;
// summaries on some versions. The seed fixes them.
func goldenVersions(n int) []Version {
	r := rand.New(rand.NewPCG(12, 2026))
	warsaw := time.FixedZone("CET", 3600)
	cats := []string{"Działania klastra", "Aktualności", "Wydarzenia", "Ogłoszenia", ""}
	var vs []Version
	for i := range n {
		slug := fmt.Sprintf("art-%04d", r.IntN(10*n)) + fmt.Sprint("-", i)
		var date time.Time
		switch k := r.IntN(10); {
		case k == 0: // undated
		case k < 3:
			date = time.Date(2015+r.IntN(6), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), 0, 0, warsaw)
		default:
			date = time.Date(2015+r.IntN(6), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		cat := cats[r.IntN(len(cats))]
		for _, lang := range []string{"pl", "ru", "en"} {
			v := Version{Slug: slug, Lang: lang, Title: lang + " title of " + slug + " <&>", Category: cat, Date: date,
				Published: lang == "pl" || r.IntN(4) != 0}
			if r.IntN(3) == 0 {
				v.Summary = "Summary of " + lang + "/" + slug
			}
			vs = append(vs, v)
		}
	}
	r.Shuffle(len(vs), func(i, j int) { vs[i], vs[j] = vs[j], vs[i] })
	return vs
}

// goldenIndexes runs Indexes on the golden versions with small pages,
// feeds and sitemap files, sorting in tmp.
func goldenIndexes(t *testing.T, tmp string) map[string]string {
	t.Helper()
	cfg := testConfig(t, DefaultRules())
	cfg.TempDir = tmp
	cfg.Targets = []string{"ru", "en"}
	cfg.Layout = Layout{PageSize: 7, FeedSize: 5, SitemapURLs: 100,
		Categories: map[string]map[string]string{"Aktualności": {"en": "News", "ru": "Новости"}, "Wydarzenia": {"en": "Events"}}}
	vs := goldenVersions(300)
	var ptrs []*Version
	for i := range vs {
		ptrs = append(ptrs, &vs[i])
	}
	summarize := func(v *Version) (string, error) { return "Summarized " + v.Lang + "/" + v.Slug, nil }
	out := newMemOutput(t)
	if err := Indexes(slices.Values(ptrs), cfg, summarize, out); err != nil {
		t.Fatal(err)
	}
	return out.done()
}

// TestIndexesGolden: on a few hundred generated articles, Indexes emits
// the very files, byte for byte, that it emitted when it held every
// version in memory: testdata/indexes.golden has the SHA-256 of each,
// written by that code. The versions are sorted in memory, and on disk
// in runs of a few dozen merged three at a time; the sort's files are
// gone after.
func TestIndexesGolden(t *testing.T) {
	for name, opts := range map[string]extsort.Options{"in memory": {}, "on disk": {RunLen: 40, FanIn: 3}} {
		t.Run(name, func(t *testing.T) {
			defer func(o extsort.Options) { sortOptions = o }(sortOptions)
			sortOptions = opts
			tmp := t.TempDir()
			compareGolden(t, goldenIndexes(t, tmp))
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("%d files left in the temporary folder", len(left))
			}
		})
	}
}

func compareGolden(t *testing.T, files map[string]string) {
	golden := filepath.Join("testdata", "indexes.golden")
	var lines []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		sum := sha256.Sum256([]byte(files[name]))
		lines = append(lines, name+" "+hex.EncodeToString(sum[:]))
	}
	if *updateGolden {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, sum, _ := strings.Cut(sc.Text(), " ")
		want[name] = sum
	}
	if len(want) < 250 {
		t.Fatalf("%s lists %d files: too few to say much", golden, len(want))
	}
	for _, line := range lines {
		name, sum, _ := strings.Cut(line, " ")
		if w, ok := want[name]; !ok {
			t.Errorf("%s: not emitted by the old Indexes", name)
		} else if w != sum {
			t.Errorf("%s differs from what the old Indexes emitted", name)
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("%s: emitted by the old Indexes, not now", name)
	}
}
