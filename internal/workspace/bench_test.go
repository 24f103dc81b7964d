package workspace

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// BenchmarkImport500 imports 500 pages end to end — decode, extract,
// segment, store the original and the locale files durably — into a fresh
// workspace ("mosty"), and has Translate Toolkit's html2po turn the same
// 500 pages into PO files ("html2po"), in the same run. The pages are the
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
		b.Skip("no pages in ../shared")
	}
	var size int64
	for i := 0; i < 500; i++ {
		size += int64(len(raws[i%len(raws)]))
	}
	b.Run("mosty", func(b *testing.B) { importPages(b, raws, size) })
	b.Run("html2po", func(b *testing.B) { html2po(b, raws, size) })
}

func importPages(b *testing.B, raws [][]byte, size int64) {
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

// html2po times Translate Toolkit's html2po converting the pages, as
// files in a folder, to PO files in another. Skipped without html2po.
func html2po(b *testing.B, raws [][]byte, size int64) {
	bin, err := exec.LookPath("html2po")
	if err != nil {
		b.Skip("no html2po (apt-get install translate-toolkit)")
	}
	in := b.TempDir()
	for i := range 500 {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("page-%03d.html", i)), raws[i%len(raws)], 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(b.TempDir(), "po")
		b.StartTimer()
		// Some pages are too broken for html2po: it says so and goes on.
		exec.Command(bin, "--progress=none", "--errorlevel=none", "-i", in, "-o", out).Run()
		b.StopTimer()
		if pos, _ := filepath.Glob(filepath.Join(out, "*.po")); len(pos) < 400 {
			b.Fatalf("html2po wrote %d PO files of 500", len(pos))
		}
		b.StartTimer()
	}
}
