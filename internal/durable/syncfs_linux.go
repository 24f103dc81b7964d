package durable

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

func init() {
	syncFiles = func(files []file) error {
		dirs := make([]string, len(files))
		for i, f := range files {
			dirs[i] = filepath.Dir(f.tmp)
		}
		return syncFilesystems(dirs)
	}
	syncDirs = syncFilesystems
}

// syncFilesystems calls syncfs once for each file system the folders are
// on.
func syncFilesystems(dirs []string) error {
	done := map[uint64]bool{}
	seen := map[string]bool{}
	var errs []error
	for _, d := range dirs {
		if seen[d] {
			continue
		}
		seen[d] = true
		info, err := os.Stat(d)
		if err != nil {
			return err
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			return fsync(d)
		}
		if done[st.Dev] {
			continue
		}
		done[st.Dev] = true
		errs = append(errs, syncfs(d))
	}
	return errors.Join(errs...)
}

func syncfs(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	for {
		if err := unix.Syncfs(int(f.Fd())); err != unix.EINTR {
			return err
		}
	}
}
