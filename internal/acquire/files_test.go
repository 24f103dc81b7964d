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
	"github.com/mosty-dev/mosty/internal/safefile"
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
		"fifo.html": safefile.ErrNotRegular, "inside.txt": nil, "ok.html": nil, "secret.txt": ErrOutside,
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

func TestReadFileRefusesDevices(t *testing.T) {
	if _, err := ReadFile("/dev/zero.html"); err == nil {
		t.Error("a missing file read")
	}
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", dir+"/zero.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(dir + "/zero.html"); !errors.Is(err, safefile.ErrNotRegular) {
		t.Errorf("a link to /dev/zero: %v", err)
	}
}
