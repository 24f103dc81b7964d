package workspace

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
)

// A Resolved is one translators' file whose conflicts were resolved.
type Resolved struct {
	Slug, Lang, Path string
	Segments         []string // the ids of the segments resolved
}

// Resolve picks one side of every conflicted segment (of those in
// segments, when it is not empty) in the translators' files of slugs in
// lang, as catalog.File.Resolve does. It reads and resolves every file
// before writing any: an unknown article or a segment that cannot be
// resolved stops it with nothing written. The caller holds the lock.
func (w *Workspace) Resolve(lang string, slugs, segments []string, side catalog.Side) ([]Resolved, error) {
	type plan struct {
		res  Resolved
		data []byte
	}
	var plans []plan
	for _, slug := range slugs {
		f, _, err := w.LoadLocale(lang, slug)
		if err != nil {
			return nil, err
		}
		if f == nil {
			return nil, hint.Wrap(fmt.Errorf("%s: no such translators' file", w.Rel(w.LocalePath(lang, slug))),
				"name an article as \"mosty status\" lists it, and a target language of the workspace")
		}
		done, err := f.Resolve(side, segments)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", w.Rel(f.Path), err)
		}
		res := Resolved{Slug: slug, Lang: lang, Path: f.Path, Segments: done}
		plans = append(plans, plan{res: res, data: f.Bytes()})
	}
	var out []Resolved
	for _, p := range plans {
		if len(p.res.Segments) > 0 {
			if err := writeFile(p.res.Path, p.data); err != nil {
				return out, err
			}
		}
		out = append(out, p.res)
	}
	return out, nil
}
