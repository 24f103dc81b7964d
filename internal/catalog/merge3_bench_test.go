package catalog

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// benchVersions makes an article of n sentences on two branches: ours
// synced an edited article, theirs translated every fifth segment.
func benchVersions(b *testing.B, n int) (base, ours, theirs []byte) {
	r := rand.New(rand.NewSource(1))
	t := b
	br := &branch{file: target()}
	var art []string
	for range n {
		art = append(art, sentence(r))
	}
	br.sync(t, art)
	o, th := br.clone(t), br.clone(t)
	next := art
	for range n / 20 {
		next = edit(r, next)
	}
	o.sync(t, next)
	for i := range th.file.Units {
		if i%5 == 0 {
			th.file.Units[i].Translation, th.file.Units[i].Status = fmt.Sprintf("Перевод %d.", i), Translated
		}
	}
	th.reread(t)
	return br.file.Bytes(), o.file.Bytes(), th.file.Bytes()
}

// BenchmarkMerge3 merges a 300-segment file. Its baseline, parsing the
// three versions (which any merge must do), runs in the same loop, turn
// about with the merge, so that both meet the same load on a shared
// machine: x-parse is the merge's time over the baseline's.
func BenchmarkMerge3(b *testing.B) {
	base, ours, theirs := benchVersions(b, 300)
	var parse, merge time.Duration
	for b.Loop() {
		start := time.Now()
		for _, d := range [][]byte{base, ours, theirs} {
			if _, err := Parse("b.toml", d, false); err != nil {
				b.Fatal(err)
			}
		}
		mid := time.Now()
		if _, err := Merge3("b.toml", base, ours, theirs, false); err != nil {
			b.Fatal(err)
		}
		parse, merge = parse+mid.Sub(start), merge+time.Since(mid)
	}
	b.ReportMetric(float64(merge)/float64(parse), "x-parse")
	b.ReportMetric(float64(merge.Milliseconds())/float64(b.N), "merge-ms/op")
}
