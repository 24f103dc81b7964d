// Package gitmerge is mosty's side of git. Merge is the merge driver git
// calls for a locale file: it merges the file segment by segment
// (catalog.Merge3) and, for a version that is not a locale file, falls
// back to git's own text merge, so that no line either side wrote is
// lost. Setup routes a workspace's locale files to the driver.
//
// It runs git and writes the files git gives it and the repository's
// attributes and configuration; it does not read workspaces: callers say
// which files are source files.
package gitmerge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/google/renameio/v2"
	"github.com/mosty-dev/mosty/internal/catalog"
)

// Files are the paths git gives a merge driver.
type Files struct {
	Base   string // %O: the common ancestor's version
	Ours   string // %A: ours; the merge is written here
	Theirs string // %B: theirs
	Path   string // %P: the file's path in the repository, for messages
}

// An Outcome says how a merge went.
type Outcome struct {
	// Conflicts are the segments left with conflict keys.
	Conflicts []string
	// Reextract: a source file the two sides extracted differently; the
	// next sync extracts the article again.
	Reextract bool
	// Text is set when the file was merged as text by git merge-file, and
	// TextReason says why.
	Text       bool
	TextReason error
	// TextConflicts is set when the text merge left conflict markers;
	// TextBroken when it left none but the file still does not read.
	TextConflicts bool
	TextBroken    error
}

// Clean reports whether git can take the merge as it is.
func (o Outcome) Clean() bool {
	return len(o.Conflicts) == 0 && !o.Reextract && !o.TextConflicts && o.TextBroken == nil
}

// Merge merges the versions in f into f.Ours. isSource says whether the
// file is an article's source file (locales/<source language>/). A
// version that is not a locale file makes it merge the file as text with
// git merge-file instead (Outcome.Text); an error means nothing could be
// merged and f.Ours is as it was.
func Merge(ctx context.Context, f Files, isSource bool) (Outcome, error) {
	var data [3][]byte
	for i, p := range []string{f.Base, f.Ours, f.Theirs} {
		b, err := os.ReadFile(p)
		if err != nil {
			return Outcome{}, err
		}
		data[i] = b
	}
	res, err := catalog.Merge3(f.Path, data[0], data[1], data[2], isSource)
	if err != nil {
		return mergeText(ctx, f, isSource, err)
	}
	if err := writeOver(f.Ours, res.Data); err != nil {
		return Outcome{}, err
	}
	return Outcome{Conflicts: res.Conflicts, Reextract: res.Reextract}, nil
}

// mergeText merges f as lines with git merge-file, which leaves conflict
// markers where both sides changed the same lines. A merge without
// markers that still does not read as a locale file is not clean either.
func mergeText(ctx context.Context, f Files, isSource bool, reason error) (Outcome, error) {
	cmd := exec.CommandContext(ctx, "git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", f.Ours, f.Base, f.Theirs)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	out := Outcome{Text: true, TextReason: reason}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128:
		out.TextConflicts = true // the exit code counts the conflicts
		return out, nil
	case err != nil:
		return Outcome{}, fmt.Errorf("git merge-file: %v %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	data, err := os.ReadFile(f.Ours)
	if err != nil {
		return Outcome{}, err
	}
	if _, err := catalog.Parse(f.Path, data, isSource); err != nil {
		out.TextBroken = err
	}
	return out, nil
}

// writeOver replaces a file's bytes atomically, keeping its mode.
func writeOver(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	return renameio.WriteFile(path, data, mode, renameio.WithTempDir(filepath.Dir(path)))
}

// LooksLikeSource guesses from a locale file's bytes whether it is a
// source file, for a merge outside a workspace that says so: source
// files record what they were extracted from.
func LooksLikeSource(data []byte) bool {
	f, err := catalog.Parse("", data, false)
	return err == nil && (f.Header.SourceSHA256 != "" || f.Header.Extractor != "")
}
