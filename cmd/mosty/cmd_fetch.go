package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/time/rate"
)

// defaultUserAgent says who mosty is; sites may write rules for "mosty"
// in robots.txt.
const defaultUserAgent = "mosty/1 (article translation pipeline; +https://github.com/mosty-dev/mosty)"

func cmdFetch(e *env) *cli.Command {
	return &cli.Command{
		Name:      "fetch",
		Usage:     "fetch articles from a site and import them",
		ArgsUsage: "[URL…]",
		Description: `Fetches article pages and imports them as import does. With --list,
   reads the site's list of articles and fetches them: a sitemap (or a
   sitemap index, gzipped or not), an RSS or Atom feed, or a listing page
   (a news index, a category) whose next pages are followed; which it is
   is told from the content. The articles must be on the list's host
   unless --hosts names others (a <base href> or next page elsewhere is not
   followed). A list's lastmod or pubDate feeds --since, and a page whose
   lastmod is the one it had when last fetched is not asked for at all. A
   run over a list that is stopped (Ctrl-C) goes on where it stopped when
   run again. --discover finds a site's sitemaps and feeds.

   mosty obeys robots.txt (on every host a redirect leads to), asks each
   site at most once a second (slower if robots.txt says so), retries on
   429 and 5xx honouring Retry-After (a URL whose server asks for more than
   2 minutes is given up, saying when to try again), and asks for a page
   again conditionally: an unchanged article costs a 304 and writes
   nothing. On a terminal a progress bar shows the time left.

   Example:
      mosty fetch https://wkb.example/aktualnosci/polsko-bialoruskie-rozmowy
      mosty fetch --discover https://wkb.example
      mosty fetch --list https://wkb.example/sitemap.xml --since 2017-01-01
      mosty fetch --list https://wkb.example/dzialania-klastra --max 20
      mosty fetch --list https://wkb.example/archiwum --hosts archiwum.wkb.example`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "list", Usage: "a sitemap, feed or listing page whose articles to fetch (`URL`)"},
			&cli.StringFlag{Name: "discover", Usage: "list the sitemaps and feeds of the site at `URL`, fetching no article"},
			&cli.IntFlag{Name: "max", Usage: "fetch at most `N` articles from the list"},
			&cli.IntFlag{Name: "max-pages", Value: 20, Usage: "follow at most `N` pages of the listing"},
			&cli.StringSliceFlag{Name: "hosts", Usage: "let the listing lead to these other `HOST`s too (a,b or repeated); by default it stays on its own"},
			&cli.StringFlag{Name: "since", Usage: "skip articles dated before `DATE` (2017-12-31)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "give up on a request after `DURATION`"},
			&cli.StringFlag{Name: "user-agent", Usage: "introduce mosty to sites as `UA` (default: mosty.toml [fetch], then mosty's)"},
			&cli.BoolFlag{Name: "ignore-robots", Usage: "do not read robots.txt (only for your own site)"},
			&cli.BoolFlag{Name: "json", Usage: "print the results as JSON for build scripts"},
		},
		Action: func(c *cli.Context) error {
			return runFetch(c.Context, e, fetchOpts{urls: c.Args().Slice(), list: c.String("list"), discover: c.String("discover"), max: c.Int("max"), maxPages: c.Int("max-pages"), hosts: c.StringSlice("hosts"),
				since: c.String("since"), timeout: c.Duration("timeout"), userAgent: c.String("user-agent"), ignoreRobots: c.Bool("ignore-robots"), json: c.Bool("json")})
		},
	}
}

type fetchOpts struct {
	urls          []string
	list          string
	discover      string
	max, maxPages int
	hosts         []string // other hosts a listing may lead to
	since         string   // a date, "" for none
	timeout       time.Duration
	userAgent     string // "" for mosty.toml's, then mosty's
	ignoreRobots  bool
	json          bool
}

func runFetch(ctx context.Context, e *env, o fetchOpts) error {
	if o.discover != "" {
		if len(o.urls) > 0 || o.list != "" {
			return usagef("--discover finds lists and fetches no article: give it alone")
		}
		return runDiscover(ctx, e, o)
	}
	if len(o.urls) == 0 && o.list == "" {
		return usagef("fetch needs a URL, or --list URL")
	}
	var since time.Time
	if o.since != "" {
		d, ok := extract.ParseDate(o.since)
		if !ok {
			return usagef("--since %q is not a date (use 2017-12-31)", o.since)
		}
		since = d
	}
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	f := newFetcher(w, o)
	opts := workspace.FetchOptions{URLs: o.urls, List: o.list, Max: o.max, MaxPages: o.maxPages, Since: since, Hosts: o.hosts}
	done := progress(e.stderr, &opts)
	results, err := w.Fetch(ctx, f, opts)
	done()
	if err != nil {
		return err
	}
	if o.json {
		if err := printFetchJSON(e, results); err != nil {
			return err
		}
	}
	return fetchSummary(e, results, o.json)
}

func newFetcher(w *workspace.Workspace, o fetchOpts) *acquire.Fetcher {
	ua := o.userAgent
	if ua == "" {
		ua = w.Config.Fetch.UserAgent
	}
	if ua == "" {
		ua = defaultUserAgent
	}
	f := acquire.NewFetcher(ua, o.timeout)
	if r := w.Config.Fetch.PerHost; r > 0 {
		f.PerHost = rate.Limit(r)
	}
	f.IgnoreRobots = o.ignoreRobots
	return f
}

// progress draws a bar on stderr when it is a terminal: the pages the
// run asks for, once it knows how many, and the time left at the rate
// they come (the polite rate, for one site). It returns the function that
// ends it.
func progress(stderr io.Writer, opts *workspace.FetchOptions) func() {
	if !isTerminal(stderr) {
		return func() {}
	}
	p := mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40))
	bar := p.AddBar(0, mpb.PrependDecorators(decor.Name("fetching "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(), decor.Name(" · "), decor.AverageETA(decor.ET_STYLE_GO), decor.Name(" left")))
	var mu sync.Mutex
	total, planned := int64(0), false
	opts.Planned = func(n int) {
		mu.Lock()
		defer mu.Unlock()
		total, planned = int64(n), true
		bar.SetTotal(total, false)
		bar.EnableTriggerComplete()
	}
	opts.Progress = func(workspace.FetchResult) {
		mu.Lock()
		defer mu.Unlock()
		if !planned {
			return // what the list left out: no request
		}
		if bar.Current()+1 > total {
			total = bar.Current() + 1
			bar.SetTotal(total, false)
		}
		bar.Increment()
	}
	return func() { bar.SetTotal(-1, true); p.Wait() }
}

// runDiscover prints the sitemaps and feeds a site offers.
func runDiscover(ctx context.Context, e *env, o fetchOpts) error {
	w, err := e.open()
	if err != nil {
		return err
	}
	found, err := newFetcher(w, o).Discover(ctx, o.discover)
	if err != nil {
		return err
	}
	if o.json {
		if found == nil {
			found = []acquire.FoundList{}
		}
		if err := e.printJSON(found); err != nil {
			return err
		}
	} else {
		for _, fd := range found {
			fmt.Fprintln(e.stdout, fd)
		}
	}
	if len(found) == 0 {
		return hint.Wrap(fmt.Errorf("%s: no sitemap or feed found (robots.txt, <link rel=alternate>, /sitemap.xml)", o.discover),
			"fetch --list a listing page of the site instead: a news index or a category")
	}
	fmt.Fprintf(e.summary(o.json), "%d found; fetch one with: mosty fetch --list %s\n", len(found), found[0].URL)
	return nil
}

// fetchSummary prints a line per URL unless the results went out as
// JSON, the totals, and one line per URL that failed or that robots.txt
// refused; it returns how the fetch ended.
func fetchSummary(e *env, results []workspace.FetchResult, asJSON bool) error {
	counts := map[workspace.FetchStatus]int{}
	var failed []error
	for _, r := range results {
		counts[r.Status]++
		switch {
		case r.Err != nil:
			failed = append(failed, r.Err)
		case !asJSON:
			fmt.Fprintf(e.stdout, "%-9s %s  %s\n", r.Status, r.Slug, r.URL)
		}
	}
	fmt.Fprintf(e.summary(asJSON), "%d fetched (%d new, %d updated), %d unchanged, %d skipped as older, %d failed, %d disallowed by robots.txt\n",
		counts[workspace.FetchNew]+counts[workspace.FetchUpdated], counts[workspace.FetchNew], counts[workspace.FetchUpdated],
		counts[workspace.FetchUnchanged], counts[workspace.FetchOld], counts[workspace.FetchFailed], counts[workspace.FetchRobots])
	noneDone := hint.Wrap(fmt.Errorf("nothing fetched"), "check the addresses and your connection; --timeout gives slow sites longer")
	if len(results) > 0 && counts[workspace.FetchRobots] == len(results) {
		noneDone = hint.Wrap(fmt.Errorf("nothing fetched: robots.txt disallows every page asked for"), "ask the site's owner; --ignore-robots is only for your own site")
	}
	return e.items(failed, len(results), "URLs failed or were refused", noneDone)
}

func printFetchJSON(e *env, results []workspace.FetchResult) error {
	type row struct {
		workspace.FetchResult
		Error string `json:"error,omitempty"`
	}
	out := make([]row, 0, len(results))
	for _, r := range results {
		x := row{FetchResult: r}
		if r.Err != nil {
			x.Error = r.Err.Error()
		}
		out = append(out, x)
	}
	return e.printJSON(out)
}
