package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/gitmerge"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdMergeDriver(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge-driver",
		Usage:     "merge a locale file for git, segment by segment (git runs it)",
		ArgsUsage: "BASE OURS THEIRS PATH",
		Description: `Git runs this for locale files once "mosty git-setup" has routed them to
   it: it merges the three versions of a translators' file (or of a Polish
   file) by segment id, writes the result over OURS and exits 1 when a
   person must look: a segment changed two ways keeps ours in its keys and
   theirs in conflict_translation and conflict_status (the file stays
   valid TOML; "mosty check" lists it, "mosty resolve" picks one). A
   version that is not valid TOML is merged as text by git merge-file.

   Example:
      mosty merge-driver %O %A %B %P     (as git runs it; see "mosty git-setup")`,
		Action: func(c *cli.Context) error {
			a := c.Args()
			return runMergeDriver(c.Context, e, gitmerge.Files{Base: a.Get(0), Ours: a.Get(1), Theirs: a.Get(2), Path: a.Get(3)})
		},
	}
}

// runMergeDriver merges one file for git; a merge that needs a person is
// an error saying what and how (exit 1), which git reports as a conflict.
func runMergeDriver(ctx context.Context, e *env, f gitmerge.Files) error {
	out, err := gitmerge.Merge(ctx, f, isSourceFile(e.dir, f))
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	err = driverReport(f.Path, out)
	if err != nil && out.Clean() {
		e.fail(err) // merged as text, cleanly: said, and git takes it
		return nil
	}
	return err
}

// isSourceFile tells whether the file git merges is an article's source
// file: by the workspace around it (locales/<source language>/), or,
// when that cannot be read, by the file's header.
func isSourceFile(dir string, f gitmerge.Files) bool {
	langDir := filepath.Dir(filepath.Join(dir, f.Path))
	if locales := filepath.Dir(langDir); filepath.Base(locales) == "locales" {
		if w, err := workspace.Open(filepath.Dir(locales)); err == nil {
			return filepath.Base(langDir) == w.Config.SourceLanguage
		}
	}
	data, err := os.ReadFile(f.Ours)
	return err == nil && gitmerge.LooksLikeSource(data)
}

// driverReport says what a merge that was not simply clean did, and what
// to do: an error that makes git report the file as conflicted, unless
// the outcome is clean (merged as text without trouble).
func driverReport(path string, out gitmerge.Outcome) error {
	slug := strings.TrimSuffix(filepath.Base(path), ".toml")
	lang := filepath.Base(filepath.Dir(path))
	mosty := "mosty" // run from the top of the repository, as git runs the driver
	if ws := filepath.Dir(filepath.Dir(filepath.Dir(path))); ws != "." {
		mosty += " -C " + ws
	}
	var msgs []string
	var hints []string
	if out.Text {
		msgs = append(msgs, fmt.Sprintf("%s: not merged by segment: %v; merged as text by git merge-file instead", path, out.TextReason))
		if h := hint.Of(out.TextReason); h != "" {
			hints = append(hints, h)
		}
		switch {
		case out.TextConflicts:
			hints = append(hints, "edit the lines between <<<<<<< and >>>>>>>, check the file with \"mosty check\", then git add it")
		case out.TextBroken != nil:
			msgs = append(msgs, fmt.Sprintf("the text merge does not read either: %v", out.TextBroken))
			hints = append(hints, "fix the file, check it with \"mosty check\", then git add it")
		}
	}
	if n := len(out.Conflicts); n > 0 {
		msgs = append(msgs, fmt.Sprintf("%s: %d %s changed two ways (%s): ours kept, theirs in conflict_translation and conflict_status",
			path, n, plural(n, "segment", "segments"), strings.Join(out.Conflicts, ", ")))
		hints = append(hints, fmt.Sprintf("keep one version with \"%s resolve --locale %s --ours %s\" (or --theirs), or edit the file and remove the conflict_ keys; then git add it", mosty, lang, slug))
	}
	if out.Reextract {
		msgs = append(msgs, fmt.Sprintf("%s: both sides extracted the article differently: ours kept where they differ; the next \"mosty sync\" extracts it again", path))
		hints = append(hints, "settle sources/ first, then run \"mosty sync\" and git add the locale files")
	}
	if len(msgs) == 0 {
		return nil
	}
	return hint.Wrap(errors.New(strings.Join(msgs, "\nmosty: ")), strings.Join(hints, "\nhint: "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
