package acquire

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.html", "a.txt", "notes.pdf", "sub/c.md", ".git/x.html"} {
		writeTestFile(t, dir+"/"+f, "x")
	}
	got, err := ExpandPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []Found{{Path: dir + "/a.txt"}, {Path: dir + "/b.html"}, {Path: dir + "/sub/c.md"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if _, err := ExpandPaths([]string{dir + "/notes.pdf"}); err == nil {
		t.Error("a .pdf named on the command line was accepted")
	}
}

// TestUnboundedFiles is issue 15's tenth case: a .html symlinked to
// /dev/zero exhausted memory, a FIFO hung the import holding the lock, a
// symlink could read any file of the system. Each is refused, named, and
// nothing is opened that could block.
func TestUnboundedFiles(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeTestFile(t, outside+"/secret.txt", "tajne")
	writeTestFile(t, dir+"/ok.html", "<p>Dobry.</p>")
	writeTestFile(t, dir+"/sub/inner.txt", "Wewnątrz.")
	links := map[string]string{"zero.html": "/dev/zero", "secret.txt": outside + "/secret.txt", "inside.txt": dir + "/sub/inner.txt"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.html"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	done := make(chan []Found)
	go func() {
		found, err := ExpandPaths([]string{dir})
		if err != nil {
			t.Error(err)
		}
		done <- found
	}()
	var found []Found
	select {
	case found = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("listing the folder hangs")
	}
	want := map[string]error{
		"fifo.html": ErrNotRegular, "inside.txt": nil, "ok.html": nil, "secret.txt": ErrOutside,
		"sub/inner.txt": nil, "zero.html": ErrOutside,
	}
	if len(found) != len(want) {
		t.Errorf("found %v", found)
	}
	for _, f := range found {
		rel, _ := filepath.Rel(dir, f.Path)
		if w, ok := want[rel]; !ok || !errors.Is(f.Refused, w) || w == nil && f.Refused != nil {
			t.Errorf("%s: refused %v, want %v", rel, f.Refused, w)
		}
		if f.Refused != nil && !strings.HasPrefix(f.Refused.Error(), f.Path+": ") {
			t.Errorf("%q does not name the file", f.Refused)
		}
	}
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir+"/small.html", "<p>x</p>")
	writeTestFile(t, dir+"/big.html", strings.Repeat("x", 2000))
	fifo := dir + "/fifo.html"
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	tests := []struct {
		name, path string
		want       error
		msg        string
	}{
		{"small", dir + "/small.html", nil, ""},
		{"over the limit", dir + "/big.html", ErrFileTooLarge, "2000 bytes, over mosty's limit of 1000 bytes"},
		{"a device", "/dev/zero", ErrNotRegular, "/dev/zero: not a regular file (a device)"},
		{"a FIFO", fifo, ErrNotRegular, "(a FIFO)"},
		{"a folder", dir, ErrNotRegular, "(a folder)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := ReadRegular(tt.path, 1000); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) || tt.want == nil && err != nil || !strings.Contains(errString(err), tt.msg) {
					t.Errorf("error %v, want %v %q", err, tt.want, tt.msg)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("ReadRegular hangs")
			}
		})
	}
	if _, err := ReadFile("/dev/zero.html"); err == nil {
		t.Error("a missing file read")
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
