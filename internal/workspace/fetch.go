package workspace

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/extract"
)

// FetchOptions say what to fetch.
type FetchOptions struct {
	URLs     []string  // article pages
	List     string    // a listing page whose articles to fetch
	Max      int       // at most this many articles from the listing (0: no limit)
	MaxPages int       // at most this many listing pages (0: 20)
	Since    time.Time // skip articles dated before this
	// Hosts are other hosts a listing may lead to (--hosts): its articles
	// and next pages; by default it stays on its own host.
	Hosts []string
	// Progress, when set, is told of every finished URL.
	Progress func(r FetchResult)
}

// FetchStatus says what a fetch did with one URL.
type FetchStatus string

// The statuses of a fetch.
const (
	FetchNew       FetchStatus = "new"       // fetched and imported for the first time
	FetchUpdated   FetchStatus = "updated"   // changed since the last fetch, merged
	FetchUnchanged FetchStatus = "unchanged" // 304, or the same bytes: nothing written
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

// Fetch fetches articles and imports them as import does, with the
// response's metadata kept under sources/. A URL that fails is reported
// and the others go on; when ctx is cancelled (Ctrl-C), what was fetched
// completely is still imported.
func (w *Workspace) Fetch(ctx context.Context, f *acquire.Fetcher, opts FetchOptions) ([]FetchResult, error) {
	metas, err := w.Sources()
	if err != nil {
		return nil, err
	}
	known := map[string]SourceMeta{}
	for _, m := range metas {
		known[m.Origin] = m
	}
	urls := append([]string{}, opts.URLs...)
	var results []FetchResult
	if opts.List != "" {
		found, listErr := w.crawlListing(ctx, f, opts)
		if listErr != nil {
			results = append(results, FetchResult{URL: opts.List, Status: FetchFailed, Err: listErr})
		}
		urls = append(urls, found...)
	}
	fetched := make([]*acquire.Fetched, len(urls))
	errs := make([]error, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() {
			var prev *acquire.Validators
			if m, ok := known[u]; ok && (m.ETag != "" || m.LastModified != "") {
				prev = &acquire.Validators{ETag: m.ETag, LastModified: m.LastModified}
			}
			fetched[i], errs[i] = f.Fetch(ctx, u, prev)
			if opts.Progress != nil && (errs[i] != nil || fetched[i].NotModified) {
				opts.Progress(resultOf(u, fetched[i], errs[i]))
			}
		})
	}
	wg.Wait()
	var srcs []*acquire.Source
	var srcAt []int
	for i, u := range urls {
		r := resultOf(u, fetched[i], errs[i])
		if r.Status == "" {
			srcs = append(srcs, fetched[i].Source)
			srcAt = append(srcAt, len(results))
		}
		results = append(results, r)
	}
	keep := func(a *article.Article) bool {
		return opts.Since.IsZero() || a.Date.IsZero() || !a.Date.Before(opts.Since)
	}
	imported, err := w.importSources(srcs, keep)
	if err != nil {
		return results, err
	}
	for k, ir := range imported {
		r := &results[srcAt[k]]
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
		if opts.Progress != nil {
			opts.Progress(*r)
		}
	}
	return results, nil
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

// crawlListing follows a listing and its next pages and returns the
// article URLs it links to, up to the limits.
func (w *Workspace) crawlListing(ctx context.Context, f *acquire.Fetcher, opts FetchOptions) ([]string, error) {
	maxPages := opts.MaxPages
	if maxPages <= 0 {
		maxPages = 20
	}
	var found []string
	seen := map[string]bool{}
	page := opts.List
	site := newSite(opts.List, opts.Hosts)
	for n := 0; page != "" && n < maxPages; n++ {
		if seen[page] {
			break
		}
		seen[page] = true
		got, err := f.Fetch(ctx, page, nil)
		if err != nil {
			if n == 0 {
				return nil, err
			}
			return found, fmt.Errorf("listing page %s: %w", page, err)
		}
		base, _ := url.Parse(got.FinalURL)
		if n == 0 {
			site.add(base.Hostname()) // where the site itself redirected
		}
		links, next, err := extract.Listing(got.Source.Decoded.Text, base, w.Config.Profile, site.has)
		if err != nil {
			return found, fmt.Errorf("%s: %w", page, err)
		}
		for _, l := range links {
			if !seen[l] {
				seen[l] = true
				found = append(found, l)
				if opts.Max > 0 && len(found) >= opts.Max {
					return found, nil
				}
			}
		}
		page = next
	}
	return found, nil
}

// boundary is where a listing may lead: the hosts its links and next
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
