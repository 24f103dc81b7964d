package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestRoot(t *testing.T) {
	// The repository's go.mod is beside the shared folder's place.
	if _, err := os.Stat(filepath.Join(Root(), "..", filepath.Base(repo(t)), "go.mod")); err != nil {
		t.Errorf("Root() = %s is not beside the repository: %v", Root(), err)
	}
}

func repo(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(wd, "..", "..")
}

// A missing folder skips a test, or fails it in CI.
func TestMissing(t *testing.T) {
	for _, ci := range []string{"", "1"} {
		t.Run("CI="+ci, func(t *testing.T) {
			t.Setenv("CI", ci)
			var r recorder
			done := make(chan bool)
			go func() {
				defer close(done)
				Path(&r, "no-such-folder")
			}()
			<-done
			if ci == "" && (!r.skipped || r.failed) || ci != "" && (!r.failed || r.skipped) {
				t.Errorf("CI=%q: skipped %v, failed %v", ci, r.skipped, r.failed)
			}
		})
	}
	if _, ok := Find("no-such-folder"); ok {
		t.Error("Find found a missing folder")
	}
}

// recorder is a testing.TB that records how a test ended.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(string, ...any) {
	r.skipped = true
	runtime.Goexit()
}
func (r *recorder) Fatalf(string, ...any) {
	r.failed = true
	runtime.Goexit()
}
