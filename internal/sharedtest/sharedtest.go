// Package sharedtest gives tests the team's shared test data: the folder
// ../shared beside the repository (samples, a corpus of real pages), kept
// out of the repository for its licences. Where it is absent a test that
// needs it is skipped on a developer's machine but fails in CI (the CI
// variable set, as .ci/run and hosted CI do): there a missing ../shared
// would otherwise pass every test that needs it without running one.
//
// It is for tests only, and reads nothing but file names.
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the shared folder, ../shared beside the repository, whichever
// package's test asks.
func Root() string {
	_, file, _, _ := runtime.Caller(0) // …/internal/sharedtest/sharedtest.go
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// Find returns the path of elem under the shared folder and whether it
// exists.
func Find(elem ...string) (string, bool) {
	p := filepath.Join(append([]string{Root()}, elem...)...)
	_, err := os.Stat(p)
	return p, err == nil
}

// InCI reports whether the tests run in CI, where shared data must be
// there.
func InCI() bool { return os.Getenv("CI") != "" }

// Path returns the path of elem under the shared folder; when it is
// absent the test is skipped, or fails in CI.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	p, ok := Find(elem...)
	if !ok {
		Missing(t, p)
	}
	return p
}

// Missing ends a test that did not find the shared data it needs (what
// names it): skipped on a developer's machine, failed in CI.
func Missing(t testing.TB, what string) {
	t.Helper()
	if InCI() {
		t.Fatalf("shared test data missing (%s): CI is set, and CI must have ../shared beside the repository", what)
	}
	t.Skipf("shared test data missing (%s): skipped here, failed in CI", what)
}
