package main

import (
	"os"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/rogpeppe/go-internal/testscript"
)

// translateCmd is the script command "translate FILE TEXT TRANSLATION
// [STATUS]": what a translator does in an editor. It sets the
// translation and status (default translated) of the one segment of a
// translators' file whose Polish contains TEXT.
func translateCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 || len(args) > 4 {
		ts.Fatalf("usage: translate FILE TEXT TRANSLATION [STATUS]")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	f, err := catalog.Parse(args[0], data, false)
	ts.Check(err)
	status := catalog.Translated
	if len(args) == 4 {
		status = catalog.Status(args[3])
	}
	found := -1
	for i, u := range f.Units {
		if strings.Contains(u.Source, args[1]) {
			if found >= 0 {
				ts.Fatalf("%s: more than one segment has %q", args[0], args[1])
			}
			found = i
		}
	}
	if found < 0 {
		ts.Fatalf("%s: no segment has %q", args[0], args[1])
	}
	f.Units[found].Translation, f.Units[found].Status = args[2], status
	ts.Check(os.WriteFile(path, f.Bytes(), 0o644))
}
