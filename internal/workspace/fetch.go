package workspace

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/extract"
)

// FetchOptions say what to fetch.
type FetchOptions struct {
	URLs []string // article pages
	// List is a listing page, a sitemap (or sitemap index, gzipped or
	// not), or an RSS or Atom feed, whose articles to fetch: which one is
	// told from what the server sends.
	List     string
	Max      int       // at most this many articles from the list (0: no limit)
	MaxPages int       // at most this many listing pages (0: 20)
	Since    time.Time // skip articles dated before this
	// Hosts are other hosts a list may lead to (--hosts): its articles
	// and next pages; by default it stays on its own host.
	Hosts []string
	// Progress, when set, is told of every finished URL.
	Progress func(r FetchResult)
	// Planned, when set, is told how many pages the run will ask for once
	// it has read the list and left out what the list says is older than
	// Since or unchanged: what a progress bar counts down.
	Planned func(n int)
}

// FetchStatus says what a fetch did with one URL.
type FetchStatus string

// The statuses of a fetch.
const (
	FetchNew       FetchStatus = "new"       // fetched and imported for the first time
	FetchUpdated   FetchStatus = "updated"   // changed since the last fetch, merged
	FetchUnchanged FetchStatus = "unchanged" // 304, the same bytes, or the list's date unchanged: nothing written
	FetchOld       FetchStatus = "skipped"   // dated before --since
	FetchRobots    FetchStatus = "robots"    // disallowed by robots.txt
	FetchFailed    FetchStatus = "failed"
)

// A FetchResult is what happened to one URL.
type FetchResult struct {
	URL    string      `json:"url"`
	Slug   string      `json:"slug,omitempty"`
	Status FetchStatus `json:"status"`
	Title  string      `json:"title,omitempty"`
	Err    error       `json:"-"`
}

// fetchChunk is how many pages a fetch asks for before importing them:
// each chunk is one durable batch, and what a Ctrl-C or a crash can cost.
const fetchChunk = 16

// Fetch fetches articles and imports them as import does, with the
// response's metadata kept under sources/. A URL that fails is reported
// and the others go on. Pages are imported a chunk at a time as they
// arrive; when ctx is cancelled (Ctrl-C), what was fetched completely is
// imported, and a run over a list can be started again to go on where it
// stopped.
func (w *Workspace) Fetch(ctx context.Context, f *acquire.Fetcher, opts FetchOptions) ([]FetchResult, error) {
	keep := func(a *article.Article) bool {
		return opts.Since.IsZero() || a.Date.IsZero() || !a.Date.Before(opts.Since)
	}
	im, err := w.newImporter(keep)
	if err != nil {
		return nil, err
	}
	defer im.o.close()
	run := &fetchRun{w: w, f: f, opts: opts, im: im, site: newSite(opts.List, opts.Hosts)}
	targets := make([]fetchTarget, 0, len(opts.URLs))
	for _, u := range opts.URLs {
		targets = append(targets, fetchTarget{url: u})
	}
	if opts.List != "" {
		listed, err := run.list(ctx)
		if err != nil {
			run.report(FetchResult{URL: opts.List, Status: FetchFailed, Err: err})
		}
		targets = append(targets, listed...)
		if run.journal, err = w.openJournal(opts.List); err != nil {
			return run.results, err
		}
	}
	todo := run.plan(targets)
	if opts.Planned != nil {
		opts.Planned(len(todo))
	}
	left := 0
	for chunk := range slices.Chunk(todo, fetchChunk) {
		if ctx.Err() != nil {
			left += len(chunk)
			continue
		}
		if err := run.fetchChunk(ctx, chunk); err != nil {
			return run.results, err
		}
	}
	if left > 0 {
		run.report(FetchResult{URL: opts.List, Status: FetchFailed,
			Err: fmt.Errorf("interrupted with %d pages not asked for: run the same command again to go on where it stopped", left)})
	} else if run.journal != nil {
		run.journal.finish()
	}
	return run.results, nil
}

// A fetchTarget is a page to fetch, with the date its site's list gives
// it, when it came from one.
type fetchTarget struct {
	url      string
	listDate time.Time
	listed   bool // from the list, not named on the command line
}

// A fetchRun is one run of Fetch.
type fetchRun struct {
	w       *Workspace
	f       *acquire.Fetcher
	opts    FetchOptions
	im      *importer
	journal *fetchJournal // for a list: the pages done, to go on after a stop
	site    boundary      // the hosts a list's articles may be on
	results []FetchResult
}

func (r *fetchRun) report(res FetchResult) {
	r.results = append(r.results, res)
	if r.opts.Progress != nil {
		r.opts.Progress(res)
	}
}

// plan leaves out the pages the list says need no request — dated
// before Since, or with the date the list gave when they were last
// fetched — and those an interrupted run over the same list did, and
// stops at Max.
func (r *fetchRun) plan(targets []fetchTarget) []fetchTarget {
	var todo []fetchTarget
	seen := map[string]bool{}
	listed := 0
	for _, t := range targets {
		if seen[t.url] {
			continue
		}
		seen[t.url] = true
		switch {
		case !t.listDate.IsZero() && !r.opts.Since.IsZero() && t.listDate.Before(r.opts.Since):
			r.report(FetchResult{URL: t.url, Status: FetchOld})
		case !t.listDate.IsZero() && r.listedBefore(t):
			r.report(FetchResult{URL: t.url, Slug: r.slugOf(t.url), Status: FetchUnchanged})
		case r.journal != nil && r.journal.done[t.url]:
			r.report(FetchResult{URL: t.url, Slug: r.slugOf(t.url), Status: FetchUnchanged})
		case t.listed && r.opts.Max > 0 && listed >= r.opts.Max:
		default:
			if t.listed {
				listed++
			}
			todo = append(todo, t)
		}
	}
	return todo
}

// listedBefore reports whether the page was fetched when its list gave
// it the same date.
func (r *fetchRun) listedBefore(t fetchTarget) bool {
	for _, slug := range r.im.idx.ByURL(t.url) {
		if e, _ := r.im.idx.Get(slug); e.ListDate == listDate(t.listDate) {
			return true
		}
	}
	return false
}

func listDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func (r *fetchRun) slugOf(u string) string {
	if slugs := r.im.idx.ByURL(u); len(slugs) > 0 {
		return slugs[0]
	}
	return ""
}

// validators are what the last fetch of a page said, to ask whether it
// changed.
func (r *fetchRun) validators(u string) *acquire.Validators {
	for _, slug := range r.im.idx.ByOrigin(u) {
		if m, err := readMeta(r.w.metaPath(slug)); err == nil && (m.ETag != "" || m.LastModified != "") {
			return &acquire.Validators{ETag: m.ETag, LastModified: m.LastModified}
		}
	}
	return nil
}

// fetchChunk fetches a few pages at once (the Fetcher keeps to each
// site's rate) and imports those that arrived.
func (r *fetchRun) fetchChunk(ctx context.Context, chunk []fetchTarget) error {
	fetched := make([]*acquire.Fetched, len(chunk))
	errs := make([]error, len(chunk))
	var wg sync.WaitGroup
	for i, t := range chunk {
		prev := r.validators(t.url) // the index is read here, not by the goroutines
		wg.Go(func() {
			fetched[i], errs[i] = r.f.Fetch(ctx, t.url, prev)
		})
	}
	wg.Wait()
	var srcs []*acquire.Source
	var dates []string
	var at []int
	results := make([]FetchResult, len(chunk))
	for i, t := range chunk {
		results[i] = resultOf(t.url, fetched[i], errs[i])
		if results[i].Status == "" {
			srcs, dates, at = append(srcs, fetched[i].Source), append(dates, listDate(t.listDate)), append(at, i)
		}
	}
	k := 0
	err := r.im.add(srcs, dates, func(ir ImportResult) {
		results[at[k]] = fetchResultOf(results[at[k]], ir)
		k++
	})
	for _, res := range results {
		r.report(res)
		if r.journal != nil && res.Status != FetchFailed {
			r.journal.add(res.URL)
		}
	}
	if err != nil {
		return err
	}
	if err := r.im.save(); err != nil {
		return err
	}
	if r.journal != nil {
		return r.journal.save()
	}
	return nil
}

// fetchResultOf is a fetched page's result once imported.
func fetchResultOf(r FetchResult, ir ImportResult) FetchResult {
	r.Slug = ir.Slug
	if ir.Article != nil {
		r.Title = ir.Article.Title
	}
	switch {
	case ir.Err != nil:
		r.Status, r.Err = FetchFailed, ir.Err
	case ir.Status == ImportSkipped:
		r.Status = FetchOld
	case ir.Status == ImportNew:
		r.Status = FetchNew
	case ir.Status == ImportUpdated:
		r.Status = FetchUpdated
	default:
		r.Status = FetchUnchanged
	}
	return r
}

// resultOf is the result of a fetch before import: "" status when the
// page is to be imported.
func resultOf(u string, f *acquire.Fetched, err error) FetchResult {
	switch {
	case errors.Is(err, acquire.ErrRobots):
		return FetchResult{URL: u, Status: FetchRobots, Err: err}
	case err != nil:
		return FetchResult{URL: u, Status: FetchFailed, Err: err}
	case f.NotModified:
		return FetchResult{URL: u, Status: FetchUnchanged}
	}
	return FetchResult{URL: u}
}

// crawlListing follows a listing page, whose first page is first, and
// its next pages, and returns the article URLs it links to, up to the
// limits.
func (r *fetchRun) crawlListing(ctx context.Context, first *acquire.Document) ([]fetchTarget, error) {
	maxPages := r.opts.MaxPages
	if maxPages <= 0 {
		maxPages = 20
	}
	var found []fetchTarget
	seen := map[string]bool{}
	page, doc := r.opts.List, first
	for n := 0; page != "" && n < maxPages; n++ {
		if seen[page] {
			break
		}
		seen[page] = true
		if doc == nil {
			got, err := r.f.Fetch(ctx, page, nil)
			if err != nil {
				return found, fmt.Errorf("listing page %s: %w", page, err)
			}
			doc = &acquire.Document{URL: got.FinalURL, Body: got.Source.Raw, ContentType: got.ContentType}
		}
		base, _ := url.Parse(doc.URL)
		if n == 0 {
			r.site.add(base.Hostname()) // where the site itself redirected
		}
		links, next, err := extract.Listing(acquire.Decode(doc.Body, doc.ContentType).Text, base, r.w.Config.Profile, r.site.has)
		if err != nil {
			return found, fmt.Errorf("%s: %w", page, err)
		}
		for _, l := range links {
			if !seen[l] {
				seen[l] = true
				found = append(found, fetchTarget{url: l, listed: true})
				if r.opts.Max > 0 && len(found) >= r.opts.Max {
					return found, nil // enough: no need for more listing pages
				}
			}
		}
		page, doc = next, nil
	}
	return found, nil
}

// boundary is where a list may lead: the hosts its articles and next
// pages may be on — its own, with or without "www.", and those --hosts
// adds.
type boundary map[string]bool

func newSite(list string, hosts []string) boundary {
	s := boundary{}
	if u, err := url.Parse(list); err == nil {
		s.add(u.Hostname())
	}
	for _, h := range hosts {
		s.add(h)
	}
	return s
}

func (s boundary) add(host string) {
	s[strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(host, ".")), "www.")] = true
}

func (s boundary) has(u *url.URL) bool {
	return s[strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")), "www.")]
}
