package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOfferGitSetup: at a terminal, init asks before setting git up, and
// yes is the default.
func TestOfferGitSetup(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, tt := range []struct {
		answer string
		set    bool
	}{{"\n", true}, {"y\n", true}, {"yes\n", true}, {"n\n", false}, {"no\n", false}} {
		t.Run(strings.TrimSpace(tt.answer), func(t *testing.T) {
			dir := t.TempDir()
			if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
				t.Fatalf("git init: %v %s", err, out)
			}
			var stdout bytes.Buffer
			e := &env{stdin: strings.NewReader(tt.answer), stdout: &stdout, stderr: &stdout}
			if err := offerGitSetup(context.Background(), e, dir, true); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(stdout.String(), "This folder is in a git repository. Let git merge translators' files segment by segment (mosty git-setup)? [Y/n] ") {
				t.Errorf("no question:\n%s", stdout.String())
			}
			_, err := os.Stat(filepath.Join(dir, ".gitattributes"))
			if set := err == nil; set != tt.set {
				t.Errorf("set up %v, want %v:\n%s", set, tt.set, stdout.String())
			}
		})
	}
}
