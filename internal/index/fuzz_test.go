package index

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzLoad: any file where the index should be, no panic; a file that
// loads saves and loads again as the same entries and token.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(header + "\nv1\\nabc\na\thttps://x.example/a\t\t\t0f\tTytuł\t2018-04-03\t\t10:20,0:0\n"))
	f.Add([]byte(header + "\n\n\t\t\t\t\t\t\t\t\n"))
	f.Add([]byte("not an index\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "index")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		x, token, err := Load(path, 1<<20)
		if err != nil {
			return
		}
		again := filepath.Join(dir, "again")
		if err := x.Save(again, token); err != nil {
			t.Fatal(err)
		}
		y, token2, err := Load(again, 1<<20)
		if err != nil {
			t.Fatalf("a saved index does not load: %v", err)
		}
		if token2 != token {
			t.Fatalf("token %q came back as %q", token, token2)
		}
		if d := cmp.Diff(all(x), all(y)); d != "" {
			t.Fatalf("entries changed on a round trip (-loaded +again):\n%s", d)
		}
	})
}

// all is every entry of x, by slug.
func all(x *Index) map[string]Entry {
	out := map[string]Entry{}
	for _, slug := range x.Slugs() {
		out[slug], _ = x.Get(slug)
	}
	return out
}

// FuzzStampsSyntax: the check Load makes of a line's stamps agrees with
// ParseStamps.
func FuzzStampsSyntax(f *testing.F) {
	f.Add("10:20,0:0")
	f.Add("-1:9223372036854775807")
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := ParseStamps(s); ok != stampsSyntax(s) {
			t.Fatalf("stampsSyntax(%q) = %v, ParseStamps: %v", s, !ok, ok)
		}
	})
}
