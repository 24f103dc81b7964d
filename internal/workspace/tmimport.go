package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/interchange"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/tm"
)

// MemoryDir is where memories from outside live: TMX files, as imported.
const MemoryDir = "memory"

// checksFingerprint is what decides which translations pass checks: the
// bytes its glossary was read from (the same the checks use, however the
// file changed since) and the checks made errors.
func checksFingerprint(checks *qa.Checker) string {
	var g [sha256.Size]byte
	if checks.Glossary != nil {
		g = checks.Glossary.Sum
	}
	h := sha256.Sum256(append(g[:], strings.Join(checks.Errors, ",")...))
	return hex.EncodeToString(h[:6])
}

// importedEntries are the pairs of lang from the memories in memory/
// that pass the checks; their origin is the file.
func (w *Workspace) importedEntries(lang string, checks *qa.Checker) ([]tm.Entry, error) {
	paths, err := filepath.Glob(w.Path(MemoryDir, "*.tmx"))
	if err != nil {
		return nil, err
	}
	var out []tm.Entry
	for _, p := range paths {
		pairs, err := w.readMemoryFile(p, lang)
		if err != nil {
			return nil, err
		}
		origin := MemoryDir + "/" + filepath.Base(p)
		for _, pr := range pairs {
			u := catalog.Unit{ID: origin, Source: pr.Source, Translation: pr.Translation, Status: catalog.Translated}
			if !qa.HasErrors(checks.Unit(origin, lang, u)) {
				out = append(out, tm.Entry{Source: pr.Source, Translation: pr.Translation, Origin: origin})
			}
		}
	}
	return out, nil
}

// readMemoryFile reads the pairs of lang of a TMX file.
func (w *Workspace) readMemoryFile(p, lang string) ([]interchange.Pair, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	_, units, err := interchange.ReadTMX(bytes.NewReader(data))
	if err != nil {
		return nil, hint.Wrap(fmt.Errorf("%s: %w", w.Rel(p), err), "fix or remove the file: it is a memory mosty tm import brought in")
	}
	return interchange.MemoryPairs(units, w.Config.SourceLanguage, lang), nil
}

// A MemoryImport says what importing a TMX file brought in.
type MemoryImport struct {
	Path  string         `json:"path"`  // where it is kept, relative to the workspace
	Pairs map[string]int `json:"pairs"` // by target language
}

// ImportMemory adds an outside translation memory, a TMX file, to the
// workspace: it is read first (a file that is no TMX, or has no pair of
// the source language and a target language, is refused), then kept as it
// is in memory/, from where every memory is built. A file of that name
// already there is replaced only when replace is set.
func (w *Workspace) ImportMemory(path string, replace bool) (*MemoryImport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	_, units, err := interchange.ReadTMX(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	res := &MemoryImport{Path: MemoryDir + "/" + filepath.Base(path), Pairs: map[string]int{}}
	total := 0
	for _, lang := range w.Config.TargetLanguages {
		n := len(interchange.MemoryPairs(units, w.Config.SourceLanguage, lang))
		res.Pairs[lang], total = n, total+n
	}
	if total == 0 {
		return nil, hint.Wrap(fmt.Errorf("%s: no unit pairs %s with %s", path, w.Config.SourceLanguage, strings.Join(w.Config.TargetLanguages, " or ")),
			"a TMX memory for mosty has <tuv> elements in the source language and a target language")
	}
	if !strings.EqualFold(filepath.Ext(path), ".tmx") {
		res.Path += ".tmx"
	}
	dst := w.Path(filepath.FromSlash(res.Path))
	if old, err := os.ReadFile(dst); err == nil && !replace && !bytes.Equal(old, data) {
		return nil, hint.Wrap(fmt.Errorf("%s is there already, with other content", res.Path), "rename the file to import, or replace it with --replace")
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return res, writeFile(dst, data)
}
