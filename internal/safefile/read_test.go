package safefile

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRead: only regular files are read, up to a limit; a device, a FIFO
// or a folder is refused naming it, and nothing blocks (issue 15, case
// 10).
func TestRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/small.html", []byte("<p>x</p>"), 0o644)
	os.WriteFile(dir+"/big.html", []byte(strings.Repeat("x", 2000)), 0o644)
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
			go func() { _, err := Read(tt.path, 1000); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) || tt.want == nil && err != nil || !strings.Contains(errString(err), tt.msg) {
					t.Errorf("error %v, want %v %q", err, tt.want, tt.msg)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Read hangs")
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
