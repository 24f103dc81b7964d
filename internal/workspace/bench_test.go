package workspace

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/sharedtest"
)

// BenchmarkImport500 imports 500 pages end to end — decode, extract,
// segment, store the original — into a fresh workspace. The pages are the
// real corpus (and samples) cycled with distinct origins; MB/s is HTML
// read per second; user-s/op the user CPU time of an import.
func BenchmarkImport500(b *testing.B) { benchImport500(b, false) }

// BenchmarkImport500NoNameHints is BenchmarkImport500 without the names
// hints of the Russian files: the two side by side give what the hints
// cost (compare user-s/op, which the fsyncs of the writes do not blur):
//
//	go test -run '^$' -bench 'Import500' -benchtime 2x -count 9 ./internal/workspace
func BenchmarkImport500NoNameHints(b *testing.B) { benchImport500(b, true) }

func benchImport500(b *testing.B, noNameHints bool) {
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
	var user time.Duration
	for b.Loop() {
		b.StopTimer()
		w := newWorkspace(b)
		w.noNameHints = noNameHints
		before := userCPU(b)
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
		user += userCPU(b) - before
	}
	b.ReportMetric(user.Seconds()/float64(b.N), "user-s/op")
}

// userCPU is the user CPU time the process has used.
func userCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano())
}
