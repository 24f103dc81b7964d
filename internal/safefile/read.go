package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/mosty-dev/mosty/internal/hint"
)

// Why a file is not read.
var (
	ErrNotRegular   = errors.New("not a regular file")
	ErrFileTooLarge = errors.New("file too large")
)

// Read reads a regular file of at most limit bytes. Anything else
// — a device such as /dev/zero, a FIFO, a socket, a folder — is refused
// without being read (a FIFO is never opened: that would wait for a
// writer forever), and a file over the limit is refused naming it and the
// limit, so that no file can exhaust memory or hang a command.
func Read(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // as os.ReadFile says it
		}
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
		return NotRegular(path, info.Mode())
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

// NotRegular is the error for a file of mode m that is not a regular
// file, naming it, with a hint.
func NotRegular(path string, m fs.FileMode) error {
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
