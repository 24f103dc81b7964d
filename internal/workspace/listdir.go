package workspace

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/mosty-dev/mosty/internal/index"
)

// eachFile calls f for every regular file in dir with its stamp; a missing
// dir has none. Each file is stamped by its name in the open folder
// (statAt), not by its whole path: in a folder of 100,000 files that is
// most of the cost.
func eachFile(dir string, f func(name string, st index.Stamp)) error {
	var stat func(fs.DirEntry) (index.Stamp, bool)
	return eachEntry(dir, func(d *os.File, e fs.DirEntry) {
		if !e.Type().IsRegular() {
			return
		}
		if stat == nil {
			stat = statAt(d)
		}
		if st, ok := stat(e); ok { // else removed meanwhile
			f(e.Name(), st)
		}
	})
}

// eachName calls f with the name of every regular file in dir, without
// stamping them; a missing dir has none.
func eachName(dir string, f func(name string)) error {
	return eachEntry(dir, func(_ *os.File, e fs.DirEntry) {
		if e.Type().IsRegular() {
			f(e.Name())
		}
	})
}

// eachEntry calls f for every entry of dir, d the open folder. The
// folder is read in chunks, so that a folder of 100,000 files is never
// held as a list.
func eachEntry(dir string, f func(d *os.File, e fs.DirEntry)) error {
	d, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		entries, err := d.ReadDir(1024)
		for _, e := range entries {
			f(d, e)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// stampOf is the stamp of a file as os.Stat describes it.
func stampOf(info fs.FileInfo) index.Stamp {
	return index.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
}
