package workspace

import (
	"errors"
	"io/fs"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// LocalePath is the locale file of an article in a language.
func (w *Workspace) LocalePath(lang, slug string) string {
	return w.Path("locales", lang, slug+".toml")
}

// LoadLocale reads a locale file; a file that does not exist is (nil, nil).
func (w *Workspace) LoadLocale(lang, slug string) (*catalog.File, []byte, error) {
	path := w.LocalePath(lang, slug)
	data, err := safefile.Read(path, MaxLocaleFile)
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

// UpdateLocale loads an article's translators' file for lang, lets edit
// change it, and writes it back atomically if its bytes changed. The
// caller holds the workspace lock.
func (w *Workspace) UpdateLocale(lang, slug string, edit func(*catalog.File)) error {
	f, data, err := w.LoadLocale(lang, slug)
	if err != nil {
		return err
	}
	if f == nil {
		return nil
	}
	edit(f)
	if out := f.Bytes(); string(out) != string(data) {
		return writeFile(f.Path, out)
	}
	return nil
}
