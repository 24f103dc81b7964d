package workspace

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

// BenchmarkImport500 imports 500 pages end to end — decode, extract,
// segment, store the original — into a fresh workspace. The pages are the
// real corpus (and samples) cycled with distinct origins; MB/s is HTML
// read per second.
func BenchmarkImport500(b *testing.B) {
	pages, _ := filepath.Glob("../../../shared/corpus/real/*.html")
	pages = append(pages, samplesDir+"klaster-bialorus-2017.html", samplesDir+"forum-2018-cp1250.html")
	var raws [][]byte
	for _, p := range pages {
		if raw, err := os.ReadFile(p); err == nil {
			raws = append(raws, raw)
		}
	}
	if len(raws) == 0 {
		sharedtest.Missing(b, "../shared/corpus/real")
	}
	var size int64
	for i := 0; i < 500; i++ {
		size += int64(len(raws[i%len(raws)]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		w := newWorkspace(b)
		b.StartTimer()
		srcs := make([]*acquire.Source, 500)
		for i := range srcs {
			src, err := acquire.FromBytes("page.html", "bench:"+strconv.Itoa(i), raws[i%len(raws)])
			if err != nil {
				b.Fatal(err)
			}
			srcs[i] = src
		}
		if _, err := w.ImportSources(srcs); err != nil {
			b.Fatal(err)
		}
	}
}
