package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

// upgradeFixtures are workspaces as earlier mosty releases left them, in
// testdata/upgrade/<commit>, made by testdata/upgrade/make.sh with the
// mosty of that commit: sources, locales with translations (fuzzy,
// obsolete, reviewed, pre-filled, with a translator's key and comment),
// glossary and the caches in .mosty/.
//
// To add one for a new release: testdata/upgrade/make.sh <commit>, then
// list it here. Do not make an existing fixture again: it stands for
// what users have on disk. Refreshing one needs a reason, written here
// beside its name (the fixture itself was wrong), never "the test failed".
var upgradeFixtures = []string{
	"a55dece", // the first release: main before the reshape of issue 14
}

// TestUpgrade opens each earlier workspace with this mosty, syncs it and
// builds it: every translation, status, translator's key and comment is
// kept, and the site builds.
func TestUpgrade(t *testing.T) {
	for _, name := range upgradeFixtures {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ws")
			copyTree(t, filepath.Join("testdata", "upgrade", name), dir)
			w, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			before := translatorsUnits(t, w)
			rep, err := w.Sync(SyncOptions{})
			if err != nil || len(rep.Failed) > 0 {
				t.Fatalf("sync: %v, failed %v", err, rep.Failed)
			}
			if rep.Checked == 0 {
				t.Fatal("sync checked no article")
			}
			after := translatorsUnits(t, w)
			for key, old := range before {
				now, ok := after[key]
				switch {
				case !ok:
					t.Errorf("%s: gone after sync", key)
				case !sameText(now.Translation, old.Translation) || now.Status != old.Status || now.Obsolete != old.Obsolete || !sameText(now.PreviousSource, old.PreviousSource):
					t.Errorf("%s: was %q (%s, obsolete %v), now %q (%s, obsolete %v)", key, old.Translation, old.Status, old.Obsolete, now.Translation, now.Status, now.Obsolete)
				case now.Status.Done() && article.CheckPlaceholders(now.Source, now.Translation) != nil:
					t.Errorf("%s: the placeholders of %q do not match %q any more: %v", key, now.Translation, now.Source, article.CheckPlaceholders(now.Source, now.Translation))
				}
				for k, v := range old.Extra {
					if k == "terms" {
						continue // mosty's own, written again on every sync
					}
					if !reflect.DeepEqual(now.Extra[k], v) {
						t.Errorf("%s: the key %s = %v became %v", key, k, v, now.Extra[k])
					}
				}
			}
			checkFilesKept(t, w, filepath.Join("testdata", "upgrade", name))
			for _, slug := range mustArticles(t, w) {
				f, _, _ := w.LoadLocale(w.Config.SourceLanguage, slug)
				if f.Header.Extractor != w.pipelineFingerprint() {
					t.Errorf("%s: extractor %q after sync, want %q", slug, f.Header.Extractor, w.pipelineFingerprint())
				}
			}
			rules := w.Config.Build
			rules.MinCoverage = 40
			if _, err := w.Build(BuildOptions{Rules: &rules}); err != nil {
				t.Fatalf("build: %v", err)
			}
			for _, page := range []string{"index.html", "ru/klaster-bialorus-2017/index.html", "en/klaster-bialorus-2017/index.html", "ru/forum/index.html"} {
				if _, err := os.Stat(w.Path("public", page)); err != nil {
					t.Errorf("the build made no %s", page)
				}
			}
			if rep, err := w.Sync(SyncOptions{}); err != nil || len(rep.Written) > 0 {
				t.Errorf("a second sync wrote %v (%v)", rep.Written, err)
			}
		})
	}
}

// sameText reports whether two texts are the same but for the numbers
// of their placeholders, which a newer mosty may number otherwise (it
// carries translations over to the new numbers).
func sameText(a, b string) bool {
	return article.Plain(a) == article.Plain(b) && strings.Count(a, "<") == strings.Count(b, "<")
}

// translatorsUnits reads every unit of every translators' file, by
// "lang/slug/id".
func translatorsUnits(t *testing.T, w *Workspace) map[string]catalog.Unit {
	t.Helper()
	out := map[string]catalog.Unit{}
	for _, slug := range mustArticles(t, w) {
		for _, lang := range w.Config.TargetLanguages {
			f, _, err := w.LoadLocale(lang, slug)
			if err != nil || f == nil {
				t.Fatalf("%s/%s: %v", lang, slug, err)
			}
			for _, u := range f.Units {
				out[lang+"/"+slug+"/"+u.ID] = u
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no translators' units")
	}
	return out
}

// checkFilesKept checks that every comment line a person wrote in a
// translators' file of the fixture is still there.
func checkFilesKept(t *testing.T, w *Workspace, fixture string) {
	t.Helper()
	for _, lang := range w.Config.TargetLanguages {
		paths, _ := filepath.Glob(filepath.Join(fixture, "locales", lang, "*.toml"))
		for _, p := range paths {
			old, _ := os.ReadFile(p)
			now, _ := os.ReadFile(w.Path("locales", lang, filepath.Base(p)))
			_, body, _ := strings.Cut(string(old), "[article]")
			for _, line := range strings.Split(body, "\n") {
				if strings.HasPrefix(line, "#") && !strings.Contains(string(now), line) {
					t.Errorf("%s: the comment %q is gone", p, line)
				}
			}
		}
	}
}

func mustArticles(t *testing.T, w *Workspace) []string {
	t.Helper()
	slugs, err := w.Articles()
	if err != nil || len(slugs) == 0 {
		t.Fatalf("articles: %v %v", slugs, err)
	}
	return slugs
}

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
