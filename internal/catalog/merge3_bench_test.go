package catalog

import (
	"fmt"
	"math/rand"
	"testing"
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

// BenchmarkMerge3 merges a 300-segment file; the baseline parses the
// three versions, which any merge must do.
func BenchmarkMerge3(b *testing.B) {
	base, ours, theirs := benchVersions(b, 300)
	b.Run("parse-baseline", func(b *testing.B) {
		for b.Loop() {
			for _, d := range [][]byte{base, ours, theirs} {
				if _, err := Parse("b.toml", d, false); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("merge", func(b *testing.B) {
		for b.Loop() {
			if _, err := Merge3("b.toml", base, ours, theirs, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}
