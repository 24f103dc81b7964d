package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

const samplesDir = "../../../shared/samples/"

func newWorkspace(t testing.TB) *Workspace {
	t.Helper()
	w, err := Init(t.TempDir(), "Test")
	if err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }
	return w
}

// units lists an article's segments as "[kind] text" lines, in the form of
// the samples' .segments.txt: body kinds are "body", attribute kinds
// "attr", placeholders removed.
func units(a *article.Article) []string {
	var out []string
	for _, b := range a.Blocks {
		kind := "body"
		switch {
		case b.Kind == article.KindTitle:
			kind = "title"
		case b.Kind == article.KindDescription:
			continue
		case b.Kind.IsAttribute():
			kind = "attr"
		}
		for _, s := range b.Segments {
			out = append(out, "["+kind+"] "+article.Plain(s.Text))
		}
	}
	return out
}

func readUnits(t *testing.T, name string) []string {
	t.Helper()
	raw, err := os.ReadFile(samplesDir + name)
	if err != nil {
		sharedtest.Missing(t, "../shared/samples: "+err.Error())
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestSampleSegments imports the first user's samples through the whole
// pipeline and compares the segments with the expected ones exactly.
func TestSampleSegments(t *testing.T) {
	tests := []struct {
		file, want string
		extra      []string // units the HTML page has beyond the plain text
	}{
		{"klaster-bialorus-2017.txt", "klaster-bialorus-2017.segments.txt", nil},
		{"forum-2018-cp1250.html", "forum-2018-cp1250.segments.txt", nil},
		{"klaster-bialorus-2017.html", "klaster-bialorus-2017.segments.txt", []string{"[attr] Goście z Białorusi w siedzibie klastra w Białymstoku"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want := readUnits(t, tt.want)
			w := newWorkspace(t)
			results, err := w.Import([]string{samplesDir + tt.file})
			if err != nil {
				t.Fatal(err)
			}
			if r := results[0]; r.Err != nil || r.Status != ImportNew {
				t.Fatalf("import: %v (%s)", r.Err, r.Status)
			}
			got := units(results[0].Article)
			if tt.extra != nil {
				// The page's image sits between paragraphs; compare its alt
				// text apart, in any place.
				var rest []string
				for _, u := range got {
					if u == tt.extra[0] {
						continue
					}
					rest = append(rest, u)
				}
				if len(rest) != len(got)-1 {
					t.Errorf("alt text %q not found", tt.extra[0])
				}
				got = rest
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("segments differ (-want +got):\n%s", d)
			}
		})
	}
}

func TestImportKeepsOriginalAndSlug(t *testing.T) {
	w := newWorkspace(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "Spotkanie w Łodzi.txt")
	writeFile(file, []byte("Spotkanie w Łodzi\n\n2018-04-01\n\nTreść artykułu."))
	r := importOne(t, w, file)
	if r.Slug != "spotkanie-w-lodzi" || r.Status != ImportNew {
		t.Fatalf("slug %q status %s", r.Slug, r.Status)
	}
	raw, _ := os.ReadFile(w.Path("sources", "spotkanie-w-lodzi.txt"))
	if string(raw) != "Spotkanie w Łodzi\n\n2018-04-01\n\nTreść artykułu." {
		t.Errorf("original changed: %q", raw)
	}
	metas, err := w.Sources()
	if err != nil || len(metas) != 1 || metas[0].Origin != file || metas[0].Charset != "utf-8" {
		t.Fatalf("meta %+v, %v", metas, err)
	}

	if r := importOne(t, w, file); r.Status != ImportUnchanged || r.Slug != "spotkanie-w-lodzi" {
		t.Errorf("re-import: %s %s", r.Status, r.Slug)
	}
	writeFile(file, []byte("Spotkanie w Łodzi\n\n2018-04-01\n\nNowa treść."))
	if r := importOne(t, w, file); r.Status != ImportUpdated || r.Slug != "spotkanie-w-lodzi" {
		t.Errorf("changed file: %s %s", r.Status, r.Slug)
	}
	other := filepath.Join(dir, "sub", "Spotkanie w Łodzi.txt")
	writeFile(other, []byte("Inne\n\nTekst."))
	if r := importOne(t, w, other); r.Slug != "spotkanie-w-lodzi-2" {
		t.Errorf("same name, other file: slug %q", r.Slug)
	}
	page := filepath.Join(dir, "Page.txt")
	writeFile(page, []byte("Strona\n\nTekst."))
	if r := importOne(t, w, page); r.Slug != "page-2" {
		t.Errorf("a name the site's listings use: slug %q", r.Slug)
	}
}

func importOne(t *testing.T, w *Workspace, path string) ImportResult {
	t.Helper()
	rs, err := w.Import([]string{path})
	if err != nil || len(rs) != 1 || rs[0].Err != nil {
		t.Fatalf("import %s: %v %+v", path, err, rs)
	}
	return rs[0]
}

func TestLock(t *testing.T) {
	w := newWorkspace(t)
	unlock, err := w.Lock()
	if err != nil {
		t.Fatal(err)
	}
	w2, _ := Open(w.Dir)
	if _, err := w2.Lock(); err == nil {
		t.Fatal("a second lock was granted while the first is held")
	}
	unlock()
	unlock2, err := w2.Lock()
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	unlock2()
}
