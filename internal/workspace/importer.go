package workspace

import (
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
)

// importChunk is how many articles an import reads, extracts and writes
// at a time: each chunk is one durable batch.
const importChunk = 256

// An importer adds articles to the workspace a chunk at a time, with one
// op, one look at the index, and the index saved when asked (a crash
// before that costs the next operation a look at the files that changed,
// never a wrong answer: see loadIndex).
type importer struct {
	w     *Workspace
	o     *op
	idx   *articleIndex
	slugs *slugIndex
	// keep, when not nil, decides from the extracted article whether to
	// import it at all (fetch --since).
	keep func(*article.Article) bool
}

func (w *Workspace) newImporter(keep func(*article.Article) bool) (*importer, error) {
	idx, err := w.loadIndex()
	if err != nil {
		return nil, err
	}
	o := w.newOp()
	// The index, up to date with sources/ (loadIndex), says which articles
	// there are: the memory does not list sources/ again. It is made while
	// an article is planned (importSource), never while the index is
	// written.
	o.articles = func() (func(string) bool, error) { return idx.Has, nil }
	return &importer{w: w, o: o, idx: idx, slugs: newSlugIndex(w, idx), keep: keep}, nil
}

// add imports one chunk of sources and tells each result, in order.
// listDates, when not nil, holds for each source the date its site's list
// gave it, recorded in the index.
func (im *importer) add(srcs []*acquire.Source, listDates []string, each func(ImportResult)) error {
	extracted := im.o.extractAll(srcs)
	results := make([]ImportResult, 0, len(srcs))
	var plans []articlePlan
	for i, src := range srcs {
		if x := extracted[i]; im.keep != nil && x.err == nil && !im.keep(x.a) {
			results = append(results, ImportResult{File: src.Origin, Status: ImportSkipped, Article: x.a})
			continue
		}
		r, plan := im.o.importSource(src.Origin, src, extracted[i], im.slugs)
		if r.Err == nil {
			if listDates != nil {
				plan.listDate = listDates[i]
			}
			plans = append(plans, plan)
			if r.Status == ImportNew || r.SameAs != "" {
				im.slugs.add(SourceMeta{Slug: r.Slug, Origin: src.Origin, SHA256: src.Sum(), File: r.Slug + src.Ext()}, r.Article)
			}
		}
		results = append(results, r)
	}
	err := im.w.write(plans, &SyncReport{}, im.idx)
	if err == nil {
		im.w.removeReplaced(plans)
		im.slugs = newSlugIndex(im.w, im.idx) // the index knows this chunk's articles now
	}
	for _, r := range results {
		each(r)
	}
	return err
}

// save writes the index.
func (im *importer) save() error { return im.w.saveIndex(im.idx) }
