package gitmerge

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzMerge: the driver reading any three versions never panics and
// never loses a line: merged by segment, the file reads back; merged as
// text, every line either side added is in the result (between conflict
// markers, if need be); failed, ours is as it was.
func FuzzMerge(f *testing.F) {
	paths, _ := filepath.Glob("../catalog/testdata/merge3/*.txtar")
	for _, p := range paths {
		if a, err := txtar.ParseFile(p); err == nil && len(a.Files) >= 3 {
			f.Add(a.Files[0].Data, a.Files[1].Data, a.Files[2].Data)
			broken := strings.Replace(string(a.Files[2].Data), `status = "new"`, `status = "new`, 1)
			f.Add(a.Files[0].Data, a.Files[1].Data, []byte(broken))
		}
	}
	needGit(f)
	f.Fuzz(func(t *testing.T, base, ours, theirs []byte) {
		fs := files(t, string(base), string(ours), string(theirs))
		out, err := Merge(context.Background(), fs, false)
		got := read(t, fs.Ours)
		switch {
		case err != nil:
			if got != string(ours) {
				t.Fatalf("failed (%v), and ours changed", err)
			}
		case !out.Text:
			if _, err := catalog.Parse("f.toml", []byte(got), false); err != nil {
				t.Fatalf("merged by segment, does not read back: %v", err)
			}
		default:
			have := strings.Split(got, "\n")
			was := strings.Split(string(base), "\n")
			for _, side := range []string{string(ours), string(theirs)} {
				for _, l := range strings.Split(side, "\n") {
					if !slices.Contains(was, l) && !slices.Contains(have, l) {
						t.Fatalf("line %q is lost:\n%s", l, got)
					}
				}
			}
		}
	})
}
