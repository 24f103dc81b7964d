package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The supervisor passes the worker's exit code on, and turns a crash —
// which a Go program reports with status 2, mosty's usage code — into 1.
func TestSupervisor(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		args   []string
		want   int
		stderr string
	}{
		{"success", []string{"mosty", "version"}, exitOK, ""},
		{"usage error", []string{"mosty", "bogus"}, exitUsage, ""},
		{"error", []string{"mosty", "-C", t.TempDir(), "status"}, exitError, ""},
		{"out of memory", []string{"mosty-oom"}, exitError, "fatal error: "}, // "out of memory"; with -race, "too many address space collisions"
		{"out of memory, said", []string{"mosty-oom"}, exitError, "mosty: crashed (exit status 2): it ran out of memory, or hit a bug"},
		{"panic in a goroutine", []string{"mosty-panic"}, exitError, "panic: a bug"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := os.Create(filepath.Join(t.TempDir(), "out"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			got := superviseExe(exe, tt.args, [3]*os.File{nil, out, out})
			data, _ := os.ReadFile(out.Name())
			if got != tt.want {
				t.Errorf("exit code %d, want %d; output:\n%s", got, tt.want, data)
			}
			// What the worker said comes first, then the supervisor.
			if !bytes.Contains(data, []byte(tt.stderr)) || tt.stderr != "" && !bytes.Contains(data, []byte("\nhint: ")) {
				t.Errorf("output does not say %q with a hint:\n%s", tt.stderr, data)
			}
		})
	}
}
