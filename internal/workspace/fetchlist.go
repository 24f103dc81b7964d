package workspace

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/hint"
)

// list reads FetchOptions.List: a sitemap, whose sitemap index is
// followed, a feed, or else a listing page whose pages are followed.
func (r *fetchRun) list(ctx context.Context) ([]fetchTarget, error) {
	doc, err := r.f.FetchDocument(ctx, r.opts.List, nil, acquire.MaxListBytes)
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse(doc.URL)
	l, err := acquire.ReadList(doc.Body, base)
	if errors.Is(err, acquire.ErrNotList) {
		return r.crawlListing(ctx, doc)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.opts.List, err)
	}
	r.site.add(base.Hostname()) // where the site itself redirected
	return r.entries(ctx, l, 1), nil
}

// maxSitemapDepth bounds sitemap indexes naming sitemap indexes: the
// protocol allows none; some sites nest one level.
const maxSitemapDepth = 2

// entries are a list's pages; a sitemap index's sitemaps are read in
// turn, those whose lastmod is older than Since left out: nothing in
// them changed since. A sitemap that cannot be read is reported and the
// others go on.
func (r *fetchRun) entries(ctx context.Context, l *acquire.List, depth int) []fetchTarget {
	if l.Kind != acquire.ListSitemapIndex {
		out := make([]fetchTarget, 0, len(l.Entries))
		for _, e := range l.Entries {
			if u, err := url.Parse(e.URL); err != nil || !r.site.has(u) {
				r.report(FetchResult{URL: e.URL, Status: FetchFailed,
					Err: hint.Wrap(fmt.Errorf("%s: on another host than the list, not fetched", e.URL), "--hosts lets mosty fetch articles from other hosts")})
				continue
			}
			out = append(out, fetchTarget{url: e.URL, listDate: e.Date(), listed: true})
		}
		return out
	}
	var out []fetchTarget
	for _, e := range l.Entries {
		if ctx.Err() != nil {
			break
		}
		if !r.opts.Since.IsZero() && !e.Modified.IsZero() && e.Modified.Before(r.opts.Since) {
			continue
		}
		child, err := r.readList(ctx, e.URL)
		if err == nil && child.Kind == acquire.ListSitemapIndex && depth >= maxSitemapDepth {
			err = fmt.Errorf("a sitemap index %d levels deep: mosty follows %d", depth+1, maxSitemapDepth)
		}
		if err != nil {
			r.report(FetchResult{URL: e.URL, Status: FetchFailed, Err: err})
			continue
		}
		out = append(out, r.entries(ctx, child, depth+1)...)
	}
	return out
}

// readList fetches and reads one sitemap or feed.
func (r *fetchRun) readList(ctx context.Context, u string) (*acquire.List, error) {
	doc, err := r.f.FetchDocument(ctx, u, nil, acquire.MaxListBytes)
	if err != nil {
		return nil, err
	}
	base, _ := url.Parse(doc.URL)
	l, err := acquire.ReadList(doc.Body, base)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	return l, nil
}

// A fetchJournal is .mosty/fetch/<list>.txt: the pages a run over a list
// has done, so that the run, stopped (Ctrl-C, a crash), goes on where it
// stopped when started again. It is removed when a run finishes.
type fetchJournal struct {
	path  string
	done  map[string]bool
	added []string // not yet saved
}

const journalHeader = "# mosty fetch --list: the pages done so far; removed when the run finishes\n"

func (w *Workspace) openJournal(list string) (*fetchJournal, error) {
	sum := sha256.Sum256([]byte(list))
	j := &fetchJournal{path: w.Path(".mosty", "fetch", hex.EncodeToString(sum[:8])+".txt"), done: map[string]bool{}}
	f, err := os.Open(j.path)
	if errors.Is(err, os.ErrNotExist) {
		return j, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			j.done[line] = true
		}
	}
	return j, sc.Err()
}

func (j *fetchJournal) add(u string) {
	if !j.done[u] {
		j.done[u] = true
		j.added = append(j.added, u)
	}
}

// save appends the pages done since the last save. It is not synced: a
// crash costs asking for the last few pages again.
func (j *fetchJournal) save() error {
	if len(j.added) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(j.path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	var b strings.Builder
	if info, err := f.Stat(); err == nil && info.Size() == 0 {
		b.WriteString(journalHeader)
	}
	for _, u := range j.added {
		b.WriteString(u + "\n")
	}
	_, err = f.WriteString(b.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	j.added = nil
	return err
}

// finish removes the journal: the run is complete.
func (j *fetchJournal) finish() { os.Remove(j.path) }
