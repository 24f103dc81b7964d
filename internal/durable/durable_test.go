package durable

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestBatch(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "a", "old.txt")
	os.MkdirAll(filepath.Dir(old), 0o755)
	os.WriteFile(old, []byte("old"), 0o644)
	var b Batch
	var steps []string
	b.Step = func(s string) { steps = append(steps, s) }
	b.Add(old, []byte("new"), 0o644)
	b.Add(filepath.Join(dir, "b", "c", "made.txt"), []byte("first"), 0o600)
	b.Add(filepath.Join(dir, "b", "c", "made.txt"), []byte("second"), 0o600)
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{old: "new", filepath.Join(dir, "b", "c", "made.txt"): "second"} {
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v", path, got, err)
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, "b", "c", "made.txt")); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode())
	}
	var written, renamed int
	for _, s := range steps {
		written += btoi(strings.HasPrefix(s, "written "))
		renamed += btoi(strings.HasPrefix(s, "renamed "))
	}
	if written != 2 || renamed != 2 || !slices.Contains(steps, "synced") || steps[len(steps)-1] != "done" {
		t.Errorf("steps %q", steps)
	}
	if b.Len() != 0 {
		t.Error("a committed batch still holds its files")
	}
}

// TestBatchFailsWhole: when a temporary file cannot be written, nothing
// is renamed and no temporary file is left.
func TestBatchFailsWhole(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("old"), 0o644)
	blocked := filepath.Join(dir, "file")
	os.WriteFile(blocked, nil, 0o644)
	var b Batch
	b.Add(good, []byte("new"), 0o644)
	b.Add(filepath.Join(blocked, "under-a-file.txt"), []byte("x"), 0o644) // its folder is a file
	if err := b.Commit(); err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(good); string(got) != "old" {
		t.Errorf("good.txt is %q: the batch was half done", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
