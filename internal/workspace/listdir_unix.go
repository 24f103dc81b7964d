//go:build linux || darwin || freebsd || netbsd || openbsd

package workspace

import (
	"io/fs"
	"os"

	"github.com/mosty-dev/mosty/internal/index"
	"golang.org/x/sys/unix"
)

// statAt returns what stamps an entry of the open folder d: fstatat on
// the folder's descriptor, which looks up one name instead of every
// folder of the path, and fills no fs.FileInfo.
func statAt(d *os.File) func(fs.DirEntry) (index.Stamp, bool) {
	fd := int(d.Fd())
	var st unix.Stat_t
	return func(e fs.DirEntry) (index.Stamp, bool) {
		if unix.Fstatat(fd, e.Name(), &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
			return index.Missing, false
		}
		return index.Stamp{Size: st.Size, MTime: st.Mtim.Nano()}, true
	}
}
