package acquire

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// robotsRules is what one host's robots.txt says to mosty.
type robotsRules struct {
	data  *robotstxt.RobotsData
	agent string
}

// allowed fetches and caches the host's robots.txt and tests the URL's
// path against the group for mosty's User-Agent. A missing robots.txt
// (4xx) allows everything, a failing one (5xx) nothing, as the standard
// says; a Crawl-delay slows the host's limiter to match.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	r, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		var err error
		if r, err = f.loadRobots(ctx, u); err != nil {
			return false, err
		}
		f.mu.Lock()
		if f.robots == nil {
			f.robots = map[string]*robotsRules{}
		}
		f.robots[key] = r
		f.mu.Unlock()
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.data.TestAgent(p, r.agent), nil
}

func (f *Fetcher) loadRobots(ctx context.Context, u *url.URL) (*robotsRules, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	if err := f.limiter(u.Host).Wait(ctx); err != nil {
		return nil, err
	}
	resp, body, err := f.once(ctx, ru, nil, 512<<10)
	if err != nil && (resp == nil || !errors.Is(err, ErrTooLarge)) {
		return nil, fmt.Errorf("reading %s: %w", ru, errors.Unwrap(err))
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		data, _ = robotstxt.FromStatusAndBytes(404, nil) // unparsable: as if missing
	}
	agent := agentToken(f.UserAgent)
	if g := data.FindGroup(agent); g != nil {
		if d := g.CrawlDelay; d > 0 && rate.Limit(1/d.Seconds()) < f.PerHost {
			f.limiter(u.Host).SetLimit(rate.Limit(1 / d.Seconds()))
		}
	}
	return &robotsRules{data: data, agent: agent}, nil
}

// agentToken is the product name robots.txt groups match: "mosty" for
// "mosty/1.0 (+https://…)".
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	return strings.TrimSpace(tok)
}
