package main

import (
	"errors"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/gitmerge"
	"github.com/mosty-dev/mosty/internal/hint"
)

// TestDriverReport: what the driver says when a person must look, and
// nothing when the merge is clean.
func TestDriverReport(t *testing.T) {
	syntax := &catalog.VersionError{Version: "theirs", Err: &catalog.SyntaxError{Path: "locales/ru/a.toml", Line: 3, Column: 9, Msg: "expected newline", Advice: "quote quotes"}}
	tests := []struct {
		name      string
		path      string
		out       gitmerge.Outcome
		msg, hint string
	}{
		{"clean", "locales/ru/a.toml", gitmerge.Outcome{}, "", ""},
		{"conflicts", "locales/ru/a.toml", gitmerge.Outcome{Conflicts: []string{"x1", "y2"}},
			"locales/ru/a.toml: 2 segments changed two ways (x1, y2): ours kept, theirs in conflict_translation and conflict_status",
			`keep one version with "mosty resolve --locale ru --ours a" (or --theirs), or edit the file and remove the conflict_ keys; then git add it`},
		{"a workspace in a folder of the repository", "site/locales/en/a.toml", gitmerge.Outcome{Conflicts: []string{"x1"}},
			"site/locales/en/a.toml: 1 segment changed two ways (x1): ours kept, theirs in conflict_translation and conflict_status",
			`keep one version with "mosty -C site resolve --locale en --ours a" (or --theirs), or edit the file and remove the conflict_ keys; then git add it`},
		{"extracted twice", "locales/pl/a.toml", gitmerge.Outcome{Reextract: true},
			`locales/pl/a.toml: both sides extracted the article differently: ours kept where they differ; the next "mosty sync" extracts it again`,
			`settle sources/ first, then run "mosty sync" and git add the locale files`},
		{"text merge with markers", "locales/ru/a.toml", gitmerge.Outcome{Text: true, TextReason: syntax, TextConflicts: true},
			"locales/ru/a.toml: not merged by segment: their version does not read: locales/ru/a.toml:3:9: expected newline; merged as text by git merge-file instead",
			"quote quotes\nhint: edit the lines between <<<<<<< and >>>>>>>, check the file with \"mosty check\", then git add it"},
		{"text merge that does not read", "locales/ru/a.toml", gitmerge.Outcome{Text: true, TextReason: syntax, TextBroken: errors.New("locales/ru/a.toml:3:9: expected newline")},
			"locales/ru/a.toml: not merged by segment: their version does not read: locales/ru/a.toml:3:9: expected newline; merged as text by git merge-file instead\nmosty: the text merge does not read either: locales/ru/a.toml:3:9: expected newline",
			"quote quotes\nhint: fix the file, check it with \"mosty check\", then git add it"},
		{"text merge, clean and readable", "locales/ru/a.toml", gitmerge.Outcome{Text: true, TextReason: syntax},
			"locales/ru/a.toml: not merged by segment: their version does not read: locales/ru/a.toml:3:9: expected newline; merged as text by git merge-file instead",
			"quote quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := driverReport(tt.path, tt.out)
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("clean merge reported %v", err)
				}
				return
			}
			if err == nil || err.Error() != tt.msg || hint.Of(err) != tt.hint {
				t.Errorf("got %v\nhint: %s\nwant %s\nhint: %s", err, hint.Of(err), tt.msg, tt.hint)
			}
		})
	}
}
