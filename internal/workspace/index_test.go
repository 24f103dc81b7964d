package workspace

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/index"
)

// scanLookups reads every article's metadata and Polish file — the full
// scan the index saves — and makes each lookup from them.
func scanLookups(t *testing.T, w *Workspace) map[string][]string {
	t.Helper()
	metas, err := w.Sources()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	add := func(key, slug string) {
		if !strings.HasSuffix(key, ":") && !slices.Contains(out[key], slug) {
			out[key] = append(out[key], slug)
		}
	}
	for _, m := range metas {
		f, _, err := w.LoadLocale(w.Config.SourceLanguage, m.Slug)
		if err != nil || f == nil {
			t.Fatalf("%s: %v", m.Slug, err)
		}
		add("origin:"+m.Origin, m.Slug)
		add("url:"+index.NormalURL(m.Origin), m.Slug)
		add("url:"+index.NormalURL(m.FinalURL), m.Slug)
		add("sum:"+m.SHA256, m.Slug)
		add("canonical:"+index.NormalURL(m.Canonical), m.Slug)
		add("title:"+strings.ToLower(f.Header.Title)+"|"+f.Header.Date, m.Slug)
	}
	for _, s := range out {
		slices.Sort(s)
	}
	return out
}

// indexLookups asks the index the same questions.
func indexLookups(t *testing.T, w *Workspace, keys []string) map[string][]string {
	t.Helper()
	idx, err := w.loadIndex()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, k := range keys {
		kind, v, _ := strings.Cut(k, ":")
		var got []string
		switch kind {
		case "origin":
			got = idx.ByOrigin(v)
		case "url":
			got = idx.ByURL(v)
		case "sum":
			got = idx.BySum(v)
		case "canonical":
			got = idx.ByCanonical(v)
		case "title":
			title, date, _ := strings.Cut(v, "|")
			got = idx.ByTitleDate(title, date)
		}
		if len(got) > 0 {
			out[k] = got
		}
	}
	return out
}

// replaceFile writes a file as git and most tools do: a new file renamed
// over the old one.
func replaceFile(t *testing.T, path string, data []byte) {
	t.Helper()
	tmp := path + ".new"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestIndexAgreesWithScan: after imports, re-imports, and changes made
// behind mosty's back (an article deleted by hand, a metadata file
// replaced, an article copied in from elsewhere), every lookup of the
// index gives what reading every article's files gives.
func TestIndexAgreesWithScan(t *testing.T) {
	for seed := range uint64(4) {
		rng := rand.New(rand.NewPCG(seed, 7))
		w := newWorkspace(t)
		other := newWorkspace(t) // where articles copied in come from
		in := t.TempDir()
		titles := []string{"Forum gospodarcze", "Targi budowlane", "Spotkanie z partnerami"}
		page := func(i int) string {
			return fmt.Sprintf("%s\n\n2018-0%d-01\n\nTreść numer %d. Drugie zdanie.\n", titles[i%3], 1+i%2, rng.IntN(3))
		}
		for step := range 25 {
			i := rng.IntN(8)
			switch op := rng.IntN(10); {
			case op < 4: // import or re-import
				p := filepath.Join(in, fmt.Sprintf("d%d", i%2), fmt.Sprintf("art-%d.txt", i))
				writeFile(p, []byte(page(i)))
				importOne(t, w, p)
			case op < 5: // a page naming its canonical URL
				p := filepath.Join(in, fmt.Sprintf("d%d", rng.IntN(3)), fmt.Sprintf("strona-%d.html", i))
				writeFile(p, []byte(fmt.Sprintf(`<html><head><link rel="canonical" href="https://www.site.example/c/%d/"></head>`+
					`<body><article><h1>%s %d</h1><p>Treść strony. Drugie zdanie numer %d.</p></article></body></html>`, i%3, titles[i%3], i, rng.IntN(3))))
				importOne(t, w, p)
			case op < 7: // delete an article by hand
				slugs, _ := w.Articles()
				if len(slugs) == 0 {
					continue
				}
				slug := slugs[rng.IntN(len(slugs))]
				for _, p := range append([]string{w.metaPath(slug)}, globFiles(w, slug)...) {
					os.Remove(p)
				}
			case op < 9: // replace a metadata file: a new final URL
				slugs, _ := w.Articles()
				if len(slugs) == 0 {
					continue
				}
				slug := slugs[rng.IntN(len(slugs))]
				m, err := readMeta(w.metaPath(slug))
				if err != nil {
					t.Fatal(err)
				}
				m.FinalURL = fmt.Sprintf("https://www.site.example/n/%d/", rng.IntN(3))
				data, _ := encodeMeta(m)
				replaceFile(t, w.metaPath(slug), data)
			default: // an article copied in from another workspace
				p := filepath.Join(in, fmt.Sprintf("other-%d.txt", i))
				writeFile(p, []byte(page(i)))
				r := importOne(t, other, p)
				for _, f := range append([]string{other.metaPath(r.Slug)}, globFiles(other, r.Slug)...) {
					rel, _ := filepath.Rel(other.Dir, f)
					data, _ := os.ReadFile(f)
					writeFile(w.Path(rel), data)
				}
			}
			want := scanLookups(t, w)
			var keys []string
			for k := range want {
				keys = append(keys, k)
			}
			keys = append(keys, "url:"+index.NormalURL("https://site.example/n/1"), "title:forum gospodarcze|2018-01-01", "origin:nowhere")
			if d := cmp.Diff(want, indexLookups(t, w, keys)); d != "" {
				t.Fatalf("seed %d, step %d: lookups (-scan +index):\n%s", seed, step, d)
			}
			checkIdentities(t, w)
		}
	}
}

// globFiles are an article's original and locale files.
func globFiles(w *Workspace, slug string) []string {
	var out []string
	for _, pattern := range []string{w.Path("sources", slug+".*"), w.Path("locales", "*", slug+".toml")} {
		found, _ := filepath.Glob(pattern)
		out = append(out, found...)
	}
	return out
}

// checkIdentities: the identity rule's lookups (article.FindArticle's
// keys) answered from the index give what a scan of every article's
// metadata and Polish file gives: the first slug, in slug order, holding
// the key.
func checkIdentities(t *testing.T, w *Workspace) {
	t.Helper()
	metas, err := w.Sources()
	if err != nil {
		t.Fatal(err)
	}
	scan := map[string]string{}
	for _, m := range metas {
		id := article.Identity{Origin: m.Origin, Canonical: m.Canonical}
		if f, _, err := w.LoadLocale(w.Config.SourceLanguage, m.Slug); err == nil && f != nil {
			id.Title = f.Header.Title
			id.Date, _ = time.Parse("2006-01-02", f.Header.Date)
		}
		for _, k := range id.Keys() {
			if _, ok := scan[k]; !ok {
				scan[k] = m.Slug
			}
		}
	}
	idx, err := w.loadIndex()
	if err != nil {
		t.Fatal(err)
	}
	si := newSlugIndex(w, idx)
	for key, want := range scan {
		if got, ok := si.lookup(key); !ok || got != want {
			t.Errorf("identity %q: the index says %q, a scan %q", key, got, want)
		}
	}
	if got, ok := si.lookup("title 2018-01-01 nie ma takiego"); ok {
		t.Errorf("an unknown identity found %q", got)
	}
}
