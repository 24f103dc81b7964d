package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/qa"
)

// TestMergeOldExport: files exported by the mosty of a55dece, whose
// placeholders are numbered across the paragraph (<2>…</2> in a second
// sentence), filled in by a translator and merged after the upgrade: the
// translations land in today's numbers, translated and not fuzzy, mosty's
// unchanged translations are no conflict, check finds nothing wrong with
// the placeholders, and the result says how many were renumbered.
func TestMergeOldExport(t *testing.T) {
	exports := filepath.Join("testdata", "upgrade", "a55dece-exports")
	want := map[string]string{
		"klaster-bialorus-2017/daa901c6": "Визит организовал <1>Подляшский фонд регионального развития (ПФРР)</1>.",
		"targi/fa8e0875":                 "Переговоры велись, в частности, с <1>партнёрами из Гродно</1>.",
	}
	// The PO again as tools that drop msgctxt leave it: matched by the
	// Polish, in today's numbering.
	po, err := os.ReadFile(filepath.Join(exports, "ru.po"))
	if err != nil {
		t.Fatal(err)
	}
	var noCtxt []string
	for _, l := range strings.SplitAfter(string(po), "\n") {
		if !strings.HasPrefix(l, "msgctxt ") {
			noCtxt = append(noCtxt, l)
		}
	}
	lost := filepath.Join(t.TempDir(), "no-msgctxt.po")
	if err := os.WriteFile(lost, []byte(strings.Join(noCtxt, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(exports, "ru.po"), filepath.Join(exports, "ru.xlf"), filepath.Join(exports, "ru12.xlf"), lost} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ws")
			copyTree(t, filepath.Join("testdata", "upgrade", "a55dece"), dir)
			w, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Sync(SyncOptions{}); err != nil {
				t.Fatal(err)
			}
			res, err := w.Merge(MergeOptions{Paths: []string{path}})
			if err != nil {
				t.Fatal(err)
			}
			applied := 0
			for _, it := range res.Items {
				switch {
				case it.Outcome == MergeApplied:
					applied++
				case path == lost && strings.Contains(it.What, "segments have this Polish"):
					continue // a sentence two articles share: no id, no way to tell
				default:
					t.Errorf("%+v", it)
				}
				if _, ok := want[it.Slug+"/"+it.ID]; !ok || !strings.Contains(it.What, "renumbered") {
					t.Errorf("%s/%s: %q does not say the placeholders were renumbered", it.Slug, it.ID, it.What)
				}
			}
			if applied != len(want) || res.Renumbered < len(want) {
				t.Errorf("%d applied, %d renumbered", applied, res.Renumbered)
			}
			for ref, tr := range want {
				slug, id, _ := strings.Cut(ref, "/")
				f, _, err := w.LoadLocale("ru", slug)
				if err != nil {
					t.Fatal(err)
				}
				u := f.Units[f.UnitIndex(id)]
				if u.Translation != tr || u.Status != catalog.Translated {
					t.Errorf("%s: %q (%s), want %q translated", ref, u.Translation, u.Status, tr)
				}
			}
			findings, err := w.Check([]string{"ru"})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if f.Check == qa.CheckPlaceholders {
					t.Errorf("after the merge: %s", f)
				}
			}
			// Merged again, the same file changes nothing.
			again, err := w.Merge(MergeOptions{Paths: []string{path}, DryRun: true})
			if err != nil || len(again.Items) != res.Refused() {
				t.Errorf("merged again: %+v (%v)", again, err)
			}
		})
	}
}
