// Package durable writes files so that a crash — of mosty or of the
// machine — never leaves one half-written or lost: each file goes to a
// temporary file beside it, reaches the disk, and is renamed over the old
// one, so that what is on disk is always the old bytes or the new.
//
// A Batch does this for many files at once with one wait on the disk
// instead of one per file: every temporary file is written, then all of
// them are made durable together, then renamed, then the renames are made
// durable together. It knows nothing of what the files hold.
package durable

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/mosty-dev/mosty/internal/par"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// A Batch is a set of files to write together. The zero value is ready.
type Batch struct {
	files []file
	// Step, when set, is called after each step of Commit with its name —
	// "written <path>", "synced", "renamed <path>", "done" — so that tests
	// can stop the process between any two steps. Calls do not overlap.
	Step func(step string)
	mu   sync.Mutex
}

type file struct {
	path string
	data []byte
	perm os.FileMode
	tmp  string
}

// Add queues a file to write; a later Add of the same path wins.
func (b *Batch) Add(path string, data []byte, perm os.FileMode) {
	b.files = append(b.files, file{path: path, data: data, perm: perm})
}

// Len is the number of files queued.
func (b *Batch) Len() int { return len(b.files) }

// workers is how many files are written at a time: writes of small files
// wait on the file system more than on the CPU.
const workers = 16

// Commit writes the queued files. Until the renames start nothing has
// changed; an error after that leaves some files new and the others old,
// each whole. Folders are made as needed.
func (b *Batch) Commit() error {
	files := b.last()
	if len(files) == 0 {
		return nil
	}
	defer func() {
		for _, f := range files {
			if f.tmp != "" {
				os.Remove(f.tmp) // only left when something failed
			}
		}
	}()
	if err := b.writeAll(files); err != nil {
		return err
	}
	syncFiles, syncDirs := syncFiles, syncDirs
	if len(files) < fsyncBelow {
		syncFiles, syncDirs = fsyncFiles, fsyncDirs
	}
	if err := syncFiles(files); err != nil {
		return fmt.Errorf("making %d files durable: %w", len(files), err)
	}
	b.step("synced")
	dirs := map[string]bool{}
	for i := range files {
		f := &files[i]
		if err := os.Rename(f.tmp, f.path); err != nil {
			return err
		}
		f.tmp = ""
		dirs[filepath.Dir(f.path)] = true
		b.step("renamed " + f.path)
	}
	if err := syncDirs(slices.Sorted(maps.Keys(dirs))); err != nil {
		return fmt.Errorf("making the renames durable: %w", err)
	}
	b.step("done")
	b.files = nil
	return nil
}

// last keeps the last Add of each path, in the order of first adds.
func (b *Batch) last() []file {
	at := map[string]int{}
	var out []file
	for _, f := range b.files {
		if i, ok := at[f.path]; ok {
			out[i] = f
			continue
		}
		at[f.path] = len(out)
		out = append(out, f)
	}
	return out
}

func (b *Batch) step(s string) {
	if b.Step != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.Step(s)
	}
}

// writeAll writes every file's temporary file, a few at a time.
func (b *Batch) writeAll(files []file) error {
	made := map[string]bool{}
	for _, f := range files {
		if d := filepath.Dir(f.path); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
	}
	errs := make([]error, len(files))
	par.Do(len(files), workers, func(i int) {
		if files[i].tmp, errs[i] = writeTemp(files[i]); errs[i] == nil {
			b.step("written " + files[i].path)
		}
	})
	return errors.Join(errs...)
}

// writeTemp writes f's bytes to a new temporary file beside it and
// returns its name.
func writeTemp(f file) (string, error) {
	dir, base := filepath.Split(f.path)
	tmp := filepath.Join(dir, safefile.TempName(base)) // a name the next mosty command cleans up after a kill
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, f.perm)
	if err != nil {
		return "", err
	}
	_, err = out.Write(f.data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("writing %s: %w", f.path, err)
	}
	return tmp, nil
}

// WriteFile writes one file durably: a batch of one.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	var b Batch
	b.Add(path, data, perm)
	return b.Commit()
}
