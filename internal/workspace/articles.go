package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/hint"
)

// metaSuffix ends the name of an article's metadata in sources/: an
// article exists when sources/<slug>.meta.toml does.
const metaSuffix = ".meta.toml"

// slugOfMeta returns the slug of a file name in sources/ that is an
// article's metadata.
func slugOfMeta(name string) (string, bool) {
	slug, ok := strings.CutSuffix(name, metaSuffix)
	return slug, ok && slug != ""
}

// Articles lists the workspace's articles, sorted: those with
// sources/<slug>.meta.toml. It is the one answer to "which articles
// exist"; an op's listing (stampSet.slugs) gives the same from the files
// it stamped.
func (w *Workspace) Articles() ([]string, error) {
	entries, err := os.ReadDir(w.Path("sources"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if slug, ok := slugOfMeta(e.Name()); ok && !e.IsDir() {
			if err := acquire.CheckSlug(slug); err != nil {
				return nil, hint.Wrap(fmt.Errorf("%s: %w", w.Rel(w.metaPath(slug)), err),
					"an article's slug names its files: rename the metadata and its original to a slug, or remove them")
			}
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out, nil
}

// An UnknownSlugError names an article the workspace does not have.
type UnknownSlugError struct {
	Slug string
	Err  error // why it is not a slug at all; nil when it is one, but not here
}

func (e *UnknownSlugError) Error() string {
	if e.Err != nil {
		return e.Err.Error()
	}
	return fmt.Sprintf("no article %q in this workspace", e.Slug)
}

func (e *UnknownSlugError) Unwrap() error { return e.Err }

// Hint says where the slugs are.
func (e *UnknownSlugError) Hint() string {
	return "mosty status lists the articles by slug"
}

// Select checks slugs named by a person — each must be a slug
// (acquire.CheckSlug) of an article of the workspace, else an
// *UnknownSlugError names it — and returns them sorted, without repeats;
// none means every article.
func (w *Workspace) Select(slugs []string) ([]string, error) {
	all, err := w.Articles()
	if err != nil || len(slugs) == 0 {
		return all, err
	}
	var out []string
	for _, s := range slugs {
		if err := acquire.CheckSlug(s); err != nil {
			return nil, &UnknownSlugError{Slug: s, Err: err}
		}
		if _, ok := slices.BinarySearch(all, s); !ok {
			return nil, &UnknownSlugError{Slug: s}
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
