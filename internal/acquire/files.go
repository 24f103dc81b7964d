package acquire

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// MaxArticleFile is the largest article file mosty reads, as for a page
// it fetches.
const MaxArticleFile = 20 << 20

// ErrOutside is why a file found in a folder is not read: it is a link
// leading out of the folder.
var ErrOutside = errors.New("a link to a file outside the folder")

// ReadRegular reads a regular file of at most limit bytes
// (safefile.Read): a device, a FIFO, a folder or a file over the limit is
// refused with an error naming it.
func ReadRegular(path string, limit int64) ([]byte, error) { return safefile.Read(path, limit) }

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
		return safefile.NotRegular(p, info.Mode())
	}
	return nil
}
