package durable

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/renameio/v2"
	"github.com/mosty-dev/mosty/internal/par"
)

// BenchmarkCommit2500 writes 2,500 files of 3 KB over five folders — what
// importing 500 articles writes — three ways in one run: "batch", a
// Batch with this system's sync; "fsync", a Batch that fsyncs each file
// (many at a time); "one-by-one", each file written, synced and renamed on
// its own, eight at a time, as mosty did before batches.
func BenchmarkCommit2500(b *testing.B) {
	data := make([]byte, 3000)
	paths := func(dir string) []string {
		var out []string
		for i := range 2500 {
			out = append(out, filepath.Join(dir, fmt.Sprint(i%5), fmt.Sprintf("art-%04d.toml", i)))
		}
		return out
	}
	batch := func(b *testing.B) {
		for b.Loop() {
			var bt Batch
			for _, p := range paths(b.TempDir()) {
				bt.Add(p, data, 0o644)
			}
			if err := bt.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("batch", batch)
	b.Run("fsync", func(b *testing.B) {
		files, dirs := syncFiles, syncDirs
		syncFiles, syncDirs = fsyncFiles, fsyncDirs
		defer func() { syncFiles, syncDirs = files, dirs }()
		batch(b)
	})
	b.Run("one-by-one", func(b *testing.B) {
		for b.Loop() {
			ps := paths(b.TempDir())
			for _, p := range ps[:5] {
				os.MkdirAll(filepath.Dir(p), 0o755)
			}
			errs := make([]error, len(ps))
			par.Do(len(ps), 8, func(i int) {
				errs[i] = renameio.WriteFile(ps[i], data, 0o644, renameio.WithTempDir(filepath.Dir(ps[i])))
			})
			for _, err := range errs {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkCommit5 writes the 5 files importing one article writes:
// "batch", a Batch as it is (a few files: an fsync each); "syncfs", a
// Batch made durable with this system's way for many files. On a file
// system others are writing to, a syncfs waits for their data too.
func BenchmarkCommit5(b *testing.B) {
	data := make([]byte, 3000)
	batch := func(b *testing.B) {
		for b.Loop() {
			dir := b.TempDir()
			var bt Batch
			for i := range 5 {
				bt.Add(filepath.Join(dir, fmt.Sprint(i%4), fmt.Sprintf("art-%04d.toml", i)), data, 0o644)
			}
			if err := bt.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("batch", batch)
	b.Run("syncfs", func(b *testing.B) {
		below := fsyncBelow
		fsyncBelow = 0
		defer func() { fsyncBelow = below }()
		batch(b)
	})
}
