package durable

import (
	"errors"
	"os"

	"github.com/mosty-dev/mosty/internal/par"
)

// syncFiles makes the files' temporary copies durable; syncDirs makes
// renames in dirs durable. Where the system can sync a whole file system
// in one call (Linux's syncfs), each does that once per file system;
// elsewhere they fsync each file, many at a time, so that the file system
// gathers the waits into few journal commits.
var (
	syncFiles = fsyncFiles
	syncDirs  = fsyncDirs
)

// fsyncBelow is the size of a batch, in files, below which it fsyncs each
// file, wherever the system has a faster way for many: a syncfs waits for
// the data every process wrote on the file system, which on a busy
// machine costs a few files' batch (an article imported) several times
// what their own fsyncs do (BenchmarkCommit5). A variable for the
// benchmark.
var fsyncBelow = 64

// syncWorkers is how many fsyncs wait at a time.
const syncWorkers = 64

func fsyncFiles(files []file) error {
	errs := make([]error, len(files))
	par.Do(len(files), syncWorkers, func(i int) { errs[i] = fsync(files[i].tmp) })
	return errors.Join(errs...)
}

func fsyncDirs(dirs []string) error {
	errs := make([]error, len(dirs))
	par.Do(len(dirs), syncWorkers, func(i int) { errs[i] = fsync(dirs[i]) })
	return errors.Join(errs...)
}

func fsync(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
