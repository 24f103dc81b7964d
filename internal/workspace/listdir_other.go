//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package workspace

import (
	"io/fs"
	"os"

	"github.com/mosty-dev/mosty/internal/index"
)

// statAt returns what stamps an entry of the open folder d: its Info.
func statAt(*os.File) func(fs.DirEntry) (index.Stamp, bool) {
	return func(e fs.DirEntry) (index.Stamp, bool) {
		info, err := e.Info()
		if err != nil {
			return index.Missing, false
		}
		return stampOf(info), true
	}
}
