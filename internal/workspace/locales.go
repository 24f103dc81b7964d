package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/segment"
	toml "github.com/pelletier/go-toml/v2"
)

// LocalePath is the locale file of an article in a language.
func (w *Workspace) LocalePath(lang, slug string) string {
	return w.Path("locales", lang, slug+".toml")
}

// LoadLocale reads a locale file; a file that does not exist is (nil, nil).
func (w *Workspace) LoadLocale(lang, slug string) (*catalog.File, []byte, error) {
	path := w.LocalePath(lang, slug)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	f, err := catalog.Parse(w.Rel(path), data, lang == w.Config.SourceLanguage)
	if err != nil {
		advice := "fix the file"
		if h := hint.Of(err); h != "" {
			advice = h
		}
		return nil, nil, hint.Wrap(err, advice+"; nothing was written, run the command again once it is fixed")
	}
	f.Path = path
	return f, data, nil
}

// Rel is path relative to the workspace when it is inside it, for
// messages a person reads.
func (w *Workspace) Rel(path string) string {
	if r, err := relPath(w.Dir, path); err == nil {
		return r
	}
	return path
}

// extractorVersion fingerprints everything that decides how a source is
// segmented: mosty's rules and the workspace's own abbreviations and site
// profile. Source files record it; when it changes, sync extracts again.
func (w *Workspace) extractorVersion() string {
	own, err := toml.Marshal(struct {
		Abbrev  map[string][]string
		Profile *extract.Profile
	}{w.Config.Segment.Abbreviations, w.Config.Profile})
	if err != nil {
		panic(fmt.Sprintf("encoding settings: %v", err)) // plain structs always encode
	}
	h := sha256.Sum256(append([]byte(extract.RulesVersion()+segment.RulesVersion()), own...))
	return hex.EncodeToString(h[:6])
}
