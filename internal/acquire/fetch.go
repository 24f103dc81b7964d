package acquire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// A Fetcher downloads pages politely and robustly: a User-Agent that says
// who it is, robots.txt obeyed (on every host a redirect leads to), one
// request per second per host by default (slower when robots.txt asks), a
// few hosts at a time, timeouts, a size limit, at most ten redirects,
// retries with backoff on 429, 5xx and network errors, Retry-After
// honoured for the whole host (a URL is given up, saying when to try
// again, when the wait would be longer than MaxWait), and conditional
// requests so an unchanged page costs a 304.
//
// Every knob is a field; tests set the client, the clock-dependent waits
// and the limits. The zero value is not ready: use NewFetcher.
type Fetcher struct {
	Client       *http.Client
	UserAgent    string
	PerHost      rate.Limit    // requests per second to one host
	Concurrency  int           // requests in flight across hosts
	MaxBody      int64         // bytes; a larger page is refused
	Retries      int           // attempts after the first, on 429, 5xx and network errors
	Backoff      time.Duration // the first wait between attempts; it doubles
	MaxWait      time.Duration // the longest Retry-After waited for; a longer one gives the URL up
	IgnoreRobots bool
	Now          func() time.Time
	Sleep        func(ctx context.Context, d time.Duration) error

	mu        sync.Mutex
	limiters  map[string]*rate.Limiter
	notBefore map[string]time.Time // by host: a Retry-After in force
	robots    map[string]*robotsRules
	slots     chan struct{}
}

// NewFetcher returns a Fetcher with mosty's defaults: a 30-second timeout
// per request (connect within 10), 20 MB pages, one request per second per
// host, four hosts at a time, three retries.
func NewFetcher(userAgent string, timeout time.Duration) *Fetcher {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	dialer := &net.Dialer{Timeout: min(timeout, 10*time.Second)}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.DialContext = dialer.DialContext
	client := &http.Client{Timeout: timeout, Transport: transport}
	return &Fetcher{Client: client, UserAgent: userAgent, PerHost: 1, Concurrency: 4, MaxBody: 20 << 20,
		Retries: 3, Backoff: time.Second, MaxWait: 2 * time.Minute, Now: time.Now, Sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

var errTooManyRedirects = errors.New("more than 10 redirects (a redirect loop?)")

// Reasons a fetch fails, for callers that count them.
var (
	ErrNotHTML      = errors.New("not an HTML page")
	ErrTooLarge     = errors.New("page too large")
	ErrRobots       = errors.New("disallowed by robots.txt")
	ErrHTTP         = errors.New("HTTP error")
	ErrRedirectLoop = errTooManyRedirects
	ErrRetryLater   = errors.New("the server asks mosty to wait")
)

// A FetchError names the URL that failed and why.
type FetchError struct {
	URL     string
	Status  int // the HTTP status, 0 when there was no response
	Err     error
	RetryAt time.Time // for ErrRetryLater: when the server will take requests again
}

func (e *FetchError) Error() string { return fmt.Sprintf("%s: %v", e.URL, e.Err) }
func (e *FetchError) Unwrap() error { return e.Err }

// Hint says what to do about a URL given up because of a long
// Retry-After.
func (e *FetchError) Hint() string {
	if e.RetryAt.IsZero() {
		return ""
	}
	return "run the same mosty fetch again after " + e.RetryAt.UTC().Format("2006-01-02 15:04 MST") + "; what was fetched is kept"
}

// Validators are what a previous fetch of a page returned, for asking
// whether it changed.
type Validators struct {
	ETag, LastModified string
}

// A Fetched page: its Source, or NotModified when the server said the
// stored copy is current.
type Fetched struct {
	Source       *Source
	NotModified  bool
	FinalURL     string // after redirects
	ContentType  string
	ETag         string
	LastModified string
	At           time.Time
}

// Fetch gets one page. prev, when not nil, makes the request conditional.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, prev *Validators) (*Fetched, error) {
	u, err := f.mayFetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	resp, body, err := f.get(ctx, u, prev, f.MaxBody)
	if err != nil {
		return nil, err
	}
	out := &Fetched{FinalURL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), At: f.Now().UTC()}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if !isHTML(out.ContentType, body) {
		mt, _, _ := mime.ParseMediaType(out.ContentType)
		return nil, &FetchError{URL: rawURL, Status: resp.StatusCode, Err: fmt.Errorf("%w (%s)", ErrNotHTML, mt)}
	}
	out.Source = &Source{Origin: rawURL, Name: pageName(resp.Request.URL), Format: HTML, Raw: body, Decoded: Decode(body, out.ContentType), Fetch: out}
	return out, nil
}

// mayFetch parses rawURL and checks that it may be fetched: an http or
// https address that robots.txt allows (unless told to ignore it).
func (f *Fetcher) mayFetch(ctx context.Context, rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &FetchError{URL: rawURL, Err: errors.New("not an http:// or https:// URL")}
	}
	if f.IgnoreRobots {
		return u, nil
	}
	allowed, err := f.allowed(ctx, u)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Err: err}
	}
	if !allowed {
		return nil, &FetchError{URL: rawURL, Err: ErrRobots}
	}
	return u, nil
}

// pageName is the last part of a URL's path, when it names the page
// ("polsko-bialoruskie-rozmowy.html"); "" for generic ones ("index.php",
// a query), so the slug comes from the title instead.
func pageName(u *url.URL) string {
	name := path.Base(strings.TrimSuffix(u.Path, "/"))
	for _, ext := range []string{".html", ".htm", ".php", ".aspx", ".asp", ".jsp"} {
		name = strings.TrimSuffix(name, ext)
	}
	switch strings.ToLower(name) {
	case "", ".", "/", "index", "default", "article", "artykul", "news", "view", "show":
		return ""
	}
	if u.RawQuery != "" && len(name) < 4 {
		return ""
	}
	return name
}

// isHTML accepts text/html and XHTML, and a missing Content-Type when the
// bytes look like HTML.
func isHTML(contentType string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" {
		return strings.Contains(strings.ToLower(http.DetectContentType(body)), "text/html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// get does one GET, following redirects, with a slot among the
// concurrent requests and retries.
func (f *Fetcher) get(ctx context.Context, u *url.URL, prev *Validators, limit int64) (*http.Response, []byte, error) {
	if err := f.acquire(ctx); err != nil {
		return nil, nil, &FetchError{URL: u.String(), Err: err}
	}
	defer f.release()
	wait := f.Backoff
	for attempt := 0; ; attempt++ {
		resp, body, err := f.follow(ctx, u, prev, limit, true)
		retry, after := retryable(resp, err, f.Now())
		if after > 0 {
			// The server's wait holds for its whole host, and for this
			// URL's next attempt.
			until := f.hold(resp.Request.URL.Host, after)
			if after > f.MaxWait {
				return nil, nil, f.retryLater(u, until)
			}
		}
		if !retry || attempt >= f.Retries {
			if err != nil {
				return nil, nil, err
			}
			if resp.StatusCode >= 400 {
				return nil, nil, &FetchError{URL: u.String(), Status: resp.StatusCode, Err: fmt.Errorf("%w %s", ErrHTTP, resp.Status)}
			}
			return resp, body, nil
		}
		if after == 0 {
			d := min(wait+time.Duration(rand.Int64N(int64(wait)/4+1)), f.MaxWait)
			if err := f.Sleep(ctx, d); err != nil {
				return nil, nil, &FetchError{URL: u.String(), Err: err}
			}
		}
		wait *= 2
	}
}

// once does a single request, never following a redirect, and reads at
// most limit bytes of the body: more is an error, or with truncate is cut
// off.
func (f *Fetcher) once(ctx context.Context, u *url.URL, prev *Validators, limit int64, truncate bool) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, &FetchError{URL: u.String(), Err: err}
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "pl,ru;q=0.8,en;q=0.6")
	if prev != nil {
		if prev.ETag != "" {
			req.Header.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			req.Header.Set("If-Modified-Since", prev.LastModified)
		}
	}
	client := *f.Client
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, &FetchError{URL: u.String(), Err: unwrapURLError(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return resp, nil, &FetchError{URL: u.String(), Status: resp.StatusCode, Err: unwrapURLError(err)}
	}
	if int64(len(body)) > limit {
		if truncate {
			return resp, body[:limit], nil
		}
		return resp, nil, &FetchError{URL: u.String(), Status: resp.StatusCode, Err: fmt.Errorf("%w: over %d MB", ErrTooLarge, limit>>20)}
	}
	return resp, body, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryable says whether a response or error is worth another try, and
// how long the server asked to wait.
func retryable(resp *http.Response, err error, now time.Time) (bool, time.Duration) {
	if err != nil {
		// Network errors and timeouts may pass; a page too large, a
		// redirect loop, robots.txt, a long wait or a cancelled run will
		// not.
		stop := errors.Is(err, ErrTooLarge) || errors.Is(err, errTooManyRedirects) || errors.Is(err, ErrRobots) ||
			errors.Is(err, ErrRetryLater) || errors.Is(err, context.Canceled)
		return !stop, 0
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return true, retryAfter(resp.Header.Get("Retry-After"), now)
	}
	return false, 0
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && s >= 0 {
		return time.Duration(min(s, 1<<32)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

func (f *Fetcher) limiter(host string) *rate.Limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.limiters == nil {
		f.limiters = map[string]*rate.Limiter{}
	}
	l, ok := f.limiters[host]
	if !ok {
		l = rate.NewLimiter(f.PerHost, 1)
		f.limiters[host] = l
	}
	return l
}

func (f *Fetcher) acquire(ctx context.Context) error {
	f.mu.Lock()
	if f.slots == nil {
		f.slots = make(chan struct{}, max(1, f.Concurrency))
	}
	slots := f.slots
	f.mu.Unlock()
	select {
	case slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (f *Fetcher) release() { <-f.slots }
