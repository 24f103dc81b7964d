package workspace

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/par"
)

// ImportStatus says what an import did with one article.
type ImportStatus string

// The statuses of an import.
const (
	ImportNew       ImportStatus = "new"       // first import of this origin
	ImportUpdated   ImportStatus = "updated"   // the original changed since the last import
	ImportUnchanged ImportStatus = "unchanged" // same bytes as last time: nothing written
	ImportSkipped   ImportStatus = "skipped"   // left out by the caller's filter (fetch --since)
	ImportFailed    ImportStatus = "failed"
)

// An ImportResult is what happened to one file.
type ImportResult struct {
	File    string
	Slug    string
	Status  ImportStatus
	Article *article.Article
	// SameAs says how an article imported from a new origin was known to
	// be one already there ("canonical URL", "title and date"), which it
	// then updates; "" otherwise.
	SameAs string
	Err    error
}

// Import imports local article files (folders are searched for them).
// One file failing does not stop the others: its result carries the
// error. The results hold every article: for many files, ImportEach.
func (w *Workspace) Import(paths []string) ([]ImportResult, error) {
	var results []ImportResult
	err := w.ImportEach(paths, func(r ImportResult) { results = append(results, r) })
	return results, err
}

// ImportEach imports local article files as Import does, a chunk at a
// time — read, extracted on all cores, written as one durable batch — and
// tells each of its results in file order, so that an import of a whole
// archive holds one chunk in memory. The result's Article is valid only
// during the call.
func (w *Workspace) ImportEach(paths []string, each func(ImportResult)) error {
	files, err := acquire.ExpandPaths(paths)
	if err != nil {
		return hint.Wrap(err, "name .html, .htm, .txt or .md files, or folders holding them")
	}
	im, err := w.newImporter(nil)
	if err != nil {
		return err
	}
	defer im.o.close()
	for chunk := range slices.Chunk(files, importChunk) {
		var srcs []*acquire.Source
		for _, f := range chunk {
			err := f.Refused
			var src *acquire.Source
			if err == nil {
				src, err = acquire.ReadFile(f.Path)
			}
			if err != nil {
				each(ImportResult{File: f.Path, Status: ImportFailed, Err: err})
				continue
			}
			srcs = append(srcs, src)
		}
		if err := im.add(srcs, nil, each); err != nil {
			return err
		}
	}
	return im.save()
}

// ImportSources imports sources already in memory (the demo's bundled
// article, fetched pages), in order.
func (w *Workspace) ImportSources(srcs []*acquire.Source) ([]ImportResult, error) {
	im, err := w.newImporter(nil)
	if err != nil {
		return nil, err
	}
	defer im.o.close()
	var results []ImportResult
	if err := im.add(srcs, nil, func(r ImportResult) { results = append(results, r) }); err != nil {
		return results, err
	}
	return results, im.save()
}

// extracted is the outcome of extracting one source.
type extracted struct {
	a   *article.Article
	err error
}

// extractAll extracts sources on all cores; the results come back in the
// order of srcs, so that slugs and writes stay deterministic.
func (o *op) extractAll(srcs []*acquire.Source) []extracted {
	out := make([]extracted, len(srcs))
	par.Do(len(srcs), runtime.GOMAXPROCS(0), func(i int) {
		out[i].a, out[i].err = o.extract(srcs[i])
	})
	return out
}

// importSource stores one extracted source and plans its locale files.
// Nothing is written when planning fails: a broken translators' file
// leaves the article as it was.
func (o *op) importSource(name string, src *acquire.Source, x extracted, slugs *slugIndex) (ImportResult, articlePlan) {
	w := o.w
	r := ImportResult{File: name, Status: ImportFailed}
	a, err := x.a, x.err
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", name, err)
		return r, articlePlan{}
	}
	r.Slug, r.SameAs = slugs.slugFor(src, a)
	a.Slug = r.Slug
	r.Article = a
	m := w.newMeta(r.Slug, src, SourceMeta{Canonical: article.IdentityOf(a).Canonical})
	status := ImportUpdated
	old := slugs.byOrigin(src.Origin)
	if r.SameAs != "" {
		old = slugs.bySlug(r.Slug)
	}
	var replaced string // an original of the article under another name, to go once this one is in
	if old != nil && old.File != "" && old.File != m.File {
		replaced = w.Path("sources", old.File)
	}
	switch {
	case old == nil:
		status = ImportNew
	case old.SHA256 == m.SHA256:
		status = ImportUnchanged
		if full, err := readMeta(w.metaPath(r.Slug)); err == nil {
			m = full // keep the first import's time
		}
	}
	plan, err := o.planArticle(m, a, false)
	if err != nil {
		r.Err = err
		return r, articlePlan{}
	}
	if status != ImportUnchanged {
		// The original and its metadata go first in the plan: the locale
		// files record the original's checksum.
		meta, err := encodeMeta(m)
		if err != nil {
			r.Err = err
			return r, articlePlan{}
		}
		plan.writes = append([]pendingWrite{{path: w.Path("sources", m.File), data: src.Raw}, {path: w.metaPath(m.Slug), data: meta}}, plan.writes...)
		plan.replaced = replaced
	}
	r.Status = status
	return r, plan
}

// extract reads a source into an article with its segments, with the
// workspace's site profile and abbreviations.
func (o *op) extract(src *acquire.Source) (*article.Article, error) {
	opts := extract.Options{Lang: o.w.Config.SourceLanguage, Profile: o.w.Config.Profile}
	var a *article.Article
	var err error
	switch src.Format {
	case acquire.HTML:
		a, err = extract.HTML(src.Decoded.Text, opts)
	case acquire.Text:
		a, err = extract.Text(src.Decoded.Text, opts)
	case acquire.Markdown:
		a, err = extract.Markdown(src.Decoded.Text, opts)
	default:
		err = fmt.Errorf("unknown format %q", src.Format)
	}
	if errors.Is(err, extract.ErrNoArticle) {
		return nil, hint.Wrap(err, "the page has no paragraphs of text mosty can find; if it is an article, describe your site's pages in the [profile] section of mosty.toml")
	}
	if err != nil {
		return nil, err
	}
	a.Origin = src.Origin
	seg, err := o.segmenter()
	if err != nil {
		return nil, err
	}
	seg.Article(a)
	return a, nil
}

// removeReplaced removes the originals that an import of the same
// article from another origin replaced (a .txt by an .html), once the new
// one is written.
func (w *Workspace) removeReplaced(plans []articlePlan) {
	for _, p := range plans {
		if p.replaced != "" {
			os.Remove(p.replaced) // what is left is unused, not wrong
		}
	}
}
