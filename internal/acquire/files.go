package acquire

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/mosty-dev/mosty/internal/hint"
)

// MaxArticleFile is the largest article file mosty reads, as for a page
// it fetches.
const MaxArticleFile = 20 << 20

// Why a file is not read.
var (
	ErrNotRegular   = errors.New("not a regular file")
	ErrFileTooLarge = errors.New("file too large")
	ErrOutside      = errors.New("a link to a file outside the folder")
)

// ReadRegular reads a regular file of at most limit bytes. Anything else
// — a device such as /dev/zero, a FIFO, a socket, a folder — is refused
// without being read (a FIFO is never opened: that would wait for a
// writer forever), and a file over the limit is refused naming it and the
// limit, so that no file can exhaust memory or hang a command.
func ReadRegular(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, info, limit); err != nil {
		return nil, err
	}
	// Opened without blocking and checked again, in case the file was
	// swapped for something else meanwhile.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(path, info, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

func checkRegular(path string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return notRegular(path, info.Mode())
	}
	if info.Size() > limit {
		return tooLarge(path, info.Size(), limit)
	}
	return nil
}

func tooLarge(path string, size, limit int64) error {
	return hint.Wrap(fmt.Errorf("%s: %w: %s, over mosty's limit of %s for this kind of file", path, ErrFileTooLarge, sizeText(size), sizeText(limit)),
		"check that it is the file you meant; nothing was read from it")
}

func notRegular(path string, m fs.FileMode) error {
	return hint.Wrap(fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kindOf(m)),
		"mosty reads ordinary files only: take it out of the folder, or name the files to read")
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// A Found file is one the command line names, or one found in a folder
// it names; Refused says why it will not be read.
type Found struct {
	Path    string
	Refused error
}

// ExpandPaths turns the command line's files and folders into the list of
// article files to import: folders are searched recursively for files of
// known formats, in name order, hidden folders left out. A file named on
// the command line must have a known format. In a folder, a file of a
// known format that is not a regular file (a FIFO, a device, a folder) or
// a symbolic link leading out of the folder is listed as refused, never
// read, so that the caller reports it.
func ExpandPaths(args []string) ([]Found, error) {
	var files []Found
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			if _, err := FormatOf(arg); err != nil {
				return nil, err
			}
			files = append(files, Found{Path: arg})
			continue
		}
		found, err := walkFolder(arg)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%q: no .html, .htm, .txt or .md files in this folder", arg)
		}
		files = append(files, found...)
	}
	return files, nil
}

// walkFolder lists a folder's article files, in name order.
func walkFolder(root string) ([]Found, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	var found []Found
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if _, ok := extensions[strings.ToLower(filepath.Ext(p))]; ok && !d.IsDir() {
			found = append(found, Found{Path: p, Refused: refusal(p, d, realRoot)})
		}
		return nil
	})
	slices.SortFunc(found, func(a, b Found) int { return strings.Compare(a.Path, b.Path) })
	return found, err
}

// refusal says why a file found in a folder must not be read, or nil.
func refusal(p string, d fs.DirEntry, realRoot string) error {
	if d.Type()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return err
		}
		if rel, err := filepath.Rel(realRoot, target); err != nil || !filepath.IsLocal(rel) {
			return hint.Wrap(fmt.Errorf("%s: %w (%s)", p, ErrOutside, target),
				"copy the file into the folder, or name it on the command line, if it is an article to import")
		}
	}
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return notRegular(p, info.Mode())
	}
	return nil
}
