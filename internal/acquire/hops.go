package acquire

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// maxRedirects is how many redirects a fetch follows.
const maxRedirects = 10

// follow does one GET and follows its redirects itself, so that every hop
// waits for its own host (the rate limit, a Retry-After in force) and,
// when robots is set, is allowed by its own host's robots.txt: a redirect
// to another site obeys that site's rules, which mosty reads before
// asking it for anything. robots is false for robots.txt itself, whose
// body is cut at limit rather than refused.
func (f *Fetcher) follow(ctx context.Context, u *url.URL, prev *Validators, limit int64, robots bool) (*http.Response, []byte, error) {
	start := u
	for hop := 0; ; hop++ {
		if hop > 0 && robots && !f.IgnoreRobots {
			allowed, err := f.allowed(ctx, u)
			if err != nil {
				return nil, nil, &FetchError{URL: start.String(), Err: fmt.Errorf("redirected to %s: %w", u, err)}
			}
			if !allowed {
				return nil, nil, &FetchError{URL: start.String(), Err: fmt.Errorf("redirected to %s: %w", u, ErrRobots)}
			}
		}
		if err := f.waitHost(ctx, u); err != nil {
			return nil, nil, err
		}
		resp, body, err := f.once(ctx, u, prev, limit, !robots)
		if err != nil || !isRedirect(resp.StatusCode) {
			return resp, body, err
		}
		next, err := u.Parse(resp.Header.Get("Location"))
		switch {
		case err != nil || resp.Header.Get("Location") == "":
			return nil, nil, &FetchError{URL: start.String(), Status: resp.StatusCode, Err: fmt.Errorf("%w %s without a usable Location", ErrHTTP, resp.Status)}
		case next.Scheme != "http" && next.Scheme != "https":
			return nil, nil, &FetchError{URL: start.String(), Status: resp.StatusCode, Err: fmt.Errorf("redirected to %q, not an http:// or https:// URL", next.Redacted())}
		case hop >= maxRedirects-1:
			return nil, nil, &FetchError{URL: start.String(), Err: errTooManyRedirects}
		}
		next.Fragment = ""
		u = next
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// waitHost waits for a host: for a Retry-After in force (or gives the URL
// up when that is longer than MaxWait), then for its rate limit.
func (f *Fetcher) waitHost(ctx context.Context, u *url.URL) error {
	f.mu.Lock()
	until := f.notBefore[u.Host]
	f.mu.Unlock()
	if d := until.Sub(f.Now()); d > 0 {
		if d > f.MaxWait {
			return f.retryLater(u, until)
		}
		if err := f.Sleep(ctx, d); err != nil {
			return &FetchError{URL: u.String(), Err: err}
		}
	}
	if err := f.limiter(u.Host).Wait(ctx); err != nil {
		return &FetchError{URL: u.String(), Err: err}
	}
	return nil
}

// hold records that a host asked for a wait of d, and returns until when.
func (f *Fetcher) hold(host string, d time.Duration) time.Time {
	until := f.Now().Add(d)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.notBefore == nil {
		f.notBefore = map[string]time.Time{}
	}
	if until.After(f.notBefore[host]) {
		f.notBefore[host] = until
	}
	return f.notBefore[host]
}

// retryLater is the error of a URL given up because its host asked for a
// longer wait than MaxWait: it says until when.
func (f *Fetcher) retryLater(u *url.URL, until time.Time) error {
	wait := until.Sub(f.Now()).Round(time.Second)
	return &FetchError{URL: u.String(), Status: http.StatusTooManyRequests, RetryAt: until,
		Err: fmt.Errorf("%w %s (Retry-After), longer than the %s mosty waits: try again after %s",
			ErrRetryLater, wait, f.MaxWait, until.UTC().Format("2006-01-02 15:04:05 MST"))}
}
