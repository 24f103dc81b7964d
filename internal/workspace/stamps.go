package workspace

import (
	"errors"
	"os"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/par"
)

// articleStamps are the stamps of one article's files, in a fixed order:
// its metadata, its original, then its locale file in each of the
// workspace's languages (source first). A missing file is index.Missing.
type articleStamps []index.Stamp

// The places of articleStamps before the locale files.
const (
	stampMeta = iota
	stampOriginal
	stampLocales
)

// stampSet is the stamps of every article's files in sources/ and
// locales/<lang>/, by slug, read with one directory listing per folder.
type stampSet struct {
	langs []string // the workspace's languages, source first
	by    map[string]articleStamps
}

// stampAll lists sources/ and each language's locales/ folder, the
// folders at once. Folders are read in chunks, so that a folder of
// 100,000 files is never held as a list.
func (w *Workspace) stampAll() (stampSet, error) {
	s := stampSet{langs: w.Languages(), by: map[string]articleStamps{}}
	// A stamped file: whose, and where in its article's stamps.
	type stamped struct {
		slug string
		at   int
		st   index.Stamp
	}
	found := make([][]stamped, 1+len(s.langs))
	errs := make([]error, len(found))
	par.Do(len(found), len(found), func(i int) {
		if i == 0 {
			errs[i] = eachFile(w.Path("sources"), func(name string, st index.Stamp) {
				switch slug, ext, _ := strings.Cut(name, "."); ext {
				case "meta.toml":
					found[i] = append(found[i], stamped{slug, stampMeta, st})
				case "html", "txt", "md":
					found[i] = append(found[i], stamped{slug, stampOriginal, st})
				}
			})
			return
		}
		errs[i] = eachFile(w.Path("locales", s.langs[i-1]), func(name string, st index.Stamp) {
			if slug, ok := strings.CutSuffix(name, ".toml"); ok && !strings.Contains(slug, ".") {
				found[i] = append(found[i], stamped{slug, stampLocales + i - 1, st})
			}
		})
	})
	if err := errors.Join(errs...); err != nil {
		return s, err
	}
	for _, f := range found {
		for _, x := range f {
			st, ok := s.by[x.slug]
			if !ok {
				st = s.empty()
				s.by[x.slug] = st
			}
			st[x.at] = x.st
		}
	}
	return s, nil
}

func (s stampSet) empty() articleStamps {
	st := make(articleStamps, stampLocales+len(s.langs))
	for i := range st {
		st[i] = index.Missing
	}
	return st
}

// slugs lists the articles, sorted: those with sources/<slug>.meta.toml,
// as Articles does.
func (s stampSet) slugs() []string {
	var out []string
	for slug, st := range s.by {
		if st[stampMeta] != index.Missing {
			out = append(out, slug)
		}
	}
	slices.Sort(out)
	return out
}

// of returns the stamps of one article's files.
func (s stampSet) of(slug string) articleStamps {
	if st, ok := s.by[slug]; ok {
		return st
	}
	return s.empty()
}

// locale is the stamp of an article's locale file in lang.
func (s stampSet) locale(slug, lang string) index.Stamp {
	return s.of(slug)[stampLocales+slices.Index(s.langs, lang)]
}

// stampArticle stamps one article's files, as stampAll would; source is
// the original's file name in sources/.
func (w *Workspace) stampArticle(slug, source string) articleStamps {
	langs := w.Languages()
	paths := []string{"sources/" + slug + metaSuffix, "sources/" + source}
	for _, l := range langs {
		paths = append(paths, "locales/"+l+"/"+slug+".toml")
	}
	st := stampSet{langs: langs}.empty()
	for i, p := range paths {
		if info, err := os.Stat(w.Path(p)); err == nil {
			st[i] = stampOf(info)
		}
	}
	return st
}
