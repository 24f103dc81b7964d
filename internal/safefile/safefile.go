// Package safefile writes files atomically, reads them within bounds, and
// cleans up after writes that never finished.
//
// Read reads only regular files, each up to a limit, and never opens a
// FIFO or a device: no file can exhaust memory or hang a command.
//
// A file is written to a temporary file, synced when asked, then renamed
// over the old one: a crash or a kill leaves the old file or the new one,
// never half of either. Temporary files have names mosty recognises,
// ".<name>.mosty-<random>.tmp", so that the next mosty command can remove
// what a killed one left (Clean), and errors name the file the user knows,
// never the temporary one. The package knows nothing of workspaces: the
// caller says where to write and which folders to clean, under its lock.
package safefile

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"github.com/mosty-dev/mosty/internal/hint"
)

// Options tune a write.
type Options struct {
	// Sync waits for the data to reach the disk before the rename; a file
	// that can be made again (a built page) may skip it.
	Sync bool
	// TempDir, when set, is where the temporary file goes (on the same
	// file system as the file, or the write falls back to the file's own
	// folder): a file being written then never appears in the folder of
	// the file, not even under a temporary name.
	TempDir string
}

// Write writes data to path atomically. It makes path's folder when
// missing. An error names path and says what to do when the disk is full
// or the folder cannot be written.
func Write(path string, data []byte, o Options) error {
	return WriteFunc(path, o, func(w *bufio.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write for a file that fill produces a piece at a time into
// a buffered writer (flushed after it), so that a large file is never
// held whole in memory. When
// the temporary folder is on another file system, fill runs again in the
// file's own folder.
func WriteFunc(path string, o Options, fill func(w *bufio.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return explain(path, err)
	}
	dir := o.TempDir
	if dir == "" {
		dir = filepath.Dir(path)
	}
	err := write(path, dir, fill, o.Sync)
	if errors.Is(err, syscall.EXDEV) && dir != filepath.Dir(path) {
		err = write(path, filepath.Dir(path), fill, o.Sync)
	}
	return explain(path, err)
}

func write(path, dir string, fill func(w *bufio.Writer) error, sync bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(dir, TempName(filepath.Base(path)))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 64<<10)
	err = fill(b)
	if err == nil {
		err = b.Flush()
	}
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if sync {
		syncDir(filepath.Dir(path))
	}
	return nil
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// explain names the file a write was for, never its temporary file, and
// gives a hint for a full disk or a folder mosty may not write.
func explain(path string, err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	e := fmt.Errorf("writing %s: %w", path, err)
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return hint.Wrap(e, "the disk is full: free some space and run the command again; the file is as it was before")
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return hint.Wrap(e, "mosty may not write there: check the permissions of "+filepath.Dir(path)+"; the file is as it was before")
	}
	return e
}

// TempName is the name of a temporary file for a file named name.
func TempName(name string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "." + name + ".mosty-" + hex.EncodeToString(b[:]) + ".tmp"
}

// Temporary files of mosty's, and those of earlier versions: renameio's
// ".<name><digits>" and the site build's "<name>.<hex>.tmp".
var (
	ours      = regexp.MustCompile(`^\..+\.mosty-[0-9a-f]{12}\.tmp$`)
	renameio  = regexp.MustCompile(`^\..+\.(toml|html|htm|txt|md|json)[0-9]+$`)
	buildTemp = regexp.MustCompile(`^.+\.(html|xml|css|txt)\.[0-9a-f]{1,16}\.tmp$`)
)

// IsTemp reports whether a file name is one of mosty's temporary files.
func IsTemp(name string) bool {
	return ours.MatchString(name) || renameio.MatchString(name) || buildTemp.MatchString(name)
}

// Clean removes the temporary files a killed mosty left directly in the
// folders dirs (a missing one is skipped) and returns the paths removed.
// Call it under the workspace's lock, so that no other mosty is writing
// them.
func Clean(dirs ...string) ([]string, error) {
	return clean(dirs, false, IsTemp)
}

// CleanTree removes mosty's temporary files anywhere under dir (but in
// .git folders): for a folder whose files a person arranges in
// subfolders, such as static/.
func CleanTree(dir string) ([]string, error) {
	return clean([]string{dir}, true, IsTemp)
}

// CleanSite removes the temporary files a killed build left anywhere in
// an output folder: mosty's own and the earlier build's; nothing else,
// whoever else's files the folder holds.
func CleanSite(dir string) ([]string, error) {
	return clean([]string{dir}, true, func(name string) bool { return ours.MatchString(name) || buildTemp.MatchString(name) })
}

func clean(dirs []string, deep bool, temp func(string) bool) ([]string, error) {
	var removed []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil
			case err != nil:
				return err
			case d.IsDir() && p != dir && (!deep || strings.HasPrefix(d.Name(), ".git")):
				return filepath.SkipDir
			case d.Type().IsRegular() && temp(d.Name()):
				if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
				removed = append(removed, p)
			}
			return nil
		})
		if err != nil {
			return removed, err
		}
	}
	return removed, nil
}
