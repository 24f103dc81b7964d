package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/hint"
)

// writeFolder makes a new folder dir with files (by slash path; a path
// ending in "/" is a folder): written in a temporary folder beside it,
// then renamed into place, so a failure leaves no half-made folder. An
// existing folder that is not empty is never written into: it may hold a
// translator's work.
func writeFolder(dir string, files map[string][]byte) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return hint.Wrap(fmt.Errorf("%s exists and is not empty", dir), "it may hold a translator's work: merge it first (mosty merge "+dir+"), then export to a new folder")
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(dir)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, data := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	os.Remove(dir) // an empty folder, if any
	return os.Rename(tmp, dir)
}
