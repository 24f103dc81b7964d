package workspace

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// BenchmarkSync5000OneChanged: a workspace of 5,000 articles in which one
// original changed since the last sync. The sync must extract that one
// again and touch one file per language; the other 4,999 cost a look at
// their files' sizes and times.
func BenchmarkSync5000OneChanged(b *testing.B) {
	w := newWorkspace(b)
	srcs := make([]*acquire.Source, 5000)
	for i := range srcs {
		text := fmt.Sprintf("Artykuł numer %d\n\n13-12-2017\n\nKlaster gościł partnerów z Białorusi po raz %d. Rozmawiano m.in. o współpracy. Spotkanie trwało dwa dni.\n", i, i)
		src, err := acquire.FromBytes(fmt.Sprintf("art-%04d.txt", i), fmt.Sprintf("bench:%d", i), []byte(text))
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
	}
	if _, err := w.ImportSources(srcs); err != nil {
		b.Fatal(err)
	}
	if _, err := w.Sync(SyncOptions{}); err != nil {
		b.Fatal(err)
	}
	path := w.Path("sources", "art-2500.txt")
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		changed := strings.Replace(string(orig), "Spotkanie trwało dwa dni.", fmt.Sprintf("Spotkanie trwało %d dni.", n+2), 1)
		if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := w.Sync(SyncOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Checked != 1 || len(rep.Written) != 3 {
			b.Fatalf("sync checked %d articles and wrote %v, want 1 and pl, ru, en", rep.Checked, rep.Written)
		}
	}
}
