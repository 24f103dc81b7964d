package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/langtag"
	"github.com/mosty-dev/mosty/internal/qa"
)

// twoArticles is a workspace with the articles "a" and "b".
func twoArticles(t *testing.T) *Workspace {
	t.Helper()
	w := newWorkspace(t)
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		p := filepath.Join(dir, name+".txt")
		if err := os.WriteFile(p, []byte("Tytuł "+name+"\n\nAkapit artykułu "+name+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		importOne(t, w, p)
	}
	return w
}

func TestArticles(t *testing.T) {
	w := twoArticles(t)
	// Files that are not an article's metadata are not articles.
	os.WriteFile(w.Path("sources", "notes.txt"), []byte("x"), 0o644)
	os.Mkdir(w.Path("sources", "x.meta.toml"), 0o755)
	got, err := w.Articles()
	if err != nil || !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("Articles() = %v, %v", got, err)
	}
	stamps, err := w.stampAll()
	if err != nil || !slices.Equal(stamps.slugs(), got) {
		t.Errorf("an op's listing says %v, Articles %v", stamps.slugs(), got)
	}
}

func TestSelect(t *testing.T) {
	w := twoArticles(t)
	for _, tt := range []struct {
		name  string
		slugs []string
		want  []string
		bad   string // the slug the error names
	}{
		{"none is all", nil, []string{"a", "b"}, ""},
		{"some, sorted, once", []string{"b", "a", "b"}, []string{"a", "b"}, ""},
		{"unknown", []string{"a", "c"}, nil, "c"},
		{"not a slug", []string{"../a"}, nil, "../a"},
		{"empty", []string{""}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := w.Select(tt.slugs)
			var ue *UnknownSlugError
			if tt.want == nil {
				if !errors.As(err, &ue) || ue.Slug != tt.bad || hint.Of(err) == "" {
					t.Fatalf("Select(%q) = %v, %v; want an UnknownSlugError naming %q, with a hint", tt.slugs, got, err, tt.bad)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("Select(%q) = %v, %v; want %v", tt.slugs, got, err, tt.want)
			}
		})
	}
}

func TestTargetLanguage(t *testing.T) {
	w := newWorkspace(t)
	for _, tt := range []struct{ given, want string }{
		{"ru", "ru"}, {"ru-RU", "ru"}, {"ru_RU", "ru"}, {"RU", "ru"}, {"en-GB", "en"},
		{"xx", ""}, {"pl", ""}, {"be", ""}, {"", ""},
	} {
		t.Run(tt.given, func(t *testing.T) {
			got, err := w.TargetLanguage(tt.given)
			var ue *langtag.UnknownError
			switch {
			case tt.want == "" && (!errors.As(err, &ue) || !slices.Equal(ue.Known, []string{"ru", "en"})):
				t.Errorf("TargetLanguage(%q) = %q, %v; want an error naming ru and en", tt.given, got, err)
			case tt.want != "" && (err != nil || got != tt.want):
				t.Errorf("TargetLanguage(%q) = %q, %v; want %q", tt.given, got, err, tt.want)
			}
		})
	}
	got, err := w.TargetLanguages([]string{"en", "ru-RU", "RU"})
	if err != nil || !slices.Equal(got, []string{"en", "ru"}) {
		t.Errorf("TargetLanguages = %v, %v", got, err)
	}
}

// What one operation read is not seen by the next: the Workspace holds
// no state of its own after Open.
func TestOperationsDoNotShareState(t *testing.T) {
	w := twoArticles(t)
	const polish = "Akapit artykułu a."
	if m, err := w.Lookup("ru", polish, 100); err != nil || len(m) != 0 {
		t.Fatalf("Lookup before translating = %v, %v", m, err)
	}
	err := w.UpdateLocale("ru", "a", func(f *catalog.File) {
		for i := range f.Units {
			f.Units[i].Translation, f.Units[i].Status = "Перевод.", catalog.Translated
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, err := w.Lookup("ru", polish, 100); err != nil || len(m) != 1 {
		t.Errorf("Lookup after translating = %v, %v; want the new translation", m, err)
	}
	// The glossary too: a check after it was written uses it.
	os.WriteFile(w.Path("glossary.toml"), []byte("[[term]]\npl = \"artykułu\"\nru = \"статьи\"\n"), 0o644)
	findings, err := w.Check([]string{"ru"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(findings, func(f qa.Finding) bool { return f.Check == "glossary" }) {
		t.Errorf("Check did not read the new glossary: %v", findings)
	}
}

// One Workspace serves operations from several goroutines (go test -race).
func TestConcurrentOperations(t *testing.T) {
	w := twoArticles(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := w.Lookup("ru", "Akapit.", 50); err != nil {
				t.Error(err)
			}
			if _, err := w.Check(nil); err != nil {
				t.Error(err)
			}
			if _, err := w.Coverage(nil); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}
