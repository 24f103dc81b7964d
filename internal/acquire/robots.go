package acquire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
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

// robotsLimit is how much of a robots.txt mosty reads. RFC 9309 asks
// crawlers to parse at least the first 500 KiB; what lies beyond is
// ignored (cut at the last whole line), never taken as leave to fetch
// everything.
const robotsLimit = 500 << 10

func (f *Fetcher) loadRobots(ctx context.Context, u *url.URL) (*robotsRules, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, body, err := f.follow(ctx, ru, nil, robotsLimit, false)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", ru, errors.Unwrap(err))
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		// Not an answer about the rules: wait as asked, or give up.
		until := f.hold(u.Host, retryAfter(resp.Header.Get("Retry-After"), f.Now()))
		if until.After(f.Now()) {
			return nil, f.retryLater(ru, until)
		}
		return nil, fmt.Errorf("reading %s: %w %s", ru, ErrHTTP, resp.Status)
	}
	if len(body) == robotsLimit {
		body = body[:bytes.LastIndexByte(body, '\n')+1]
	}
	data := robotsData(resp.StatusCode, body)
	agent := agentToken(f.UserAgent)
	if g := data.FindGroup(agent); g != nil {
		if d := g.CrawlDelay; d > 0 && rate.Limit(1/d.Seconds()) < f.PerHost {
			f.limiter(u.Host).SetLimit(rate.Limit(1 / d.Seconds()))
		}
	}
	return &robotsRules{data: data, agent: agent}, nil
}

// robotsData reads a robots.txt answer. Lines the parser cannot place —
// rules before any User-agent line, a Crawl-delay that is not a number —
// are left out, as RFC 9309 says; a file that still cannot be read
// allows nothing.
func robotsData(status int, body []byte) *robotstxt.RobotsData {
	if data, err := robotstxt.FromStatusAndBytes(status, body); err == nil {
		return data
	}
	if data, err := robotstxt.FromStatusAndBytes(status, cleanRobots(body)); err == nil {
		return data
	}
	data, _ := robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
	return data
}

// cleanRobots drops the lines of a robots.txt that belong to no group and
// Crawl-delay lines without a number.
func cleanRobots(body []byte) []byte {
	var out bytes.Buffer
	inGroup := false
	for line := range bytes.Lines(body) {
		field, value, _ := strings.Cut(string(line), ":")
		field = strings.ToLower(strings.TrimSpace(field))
		value, _, _ = strings.Cut(value, "#")
		switch {
		case field == "user-agent":
			inGroup = true
		case field == "sitemap" || strings.HasPrefix(field, "#") || field == "":
		case !inGroup:
			continue
		case field == "crawl-delay":
			if _, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err != nil {
				continue
			}
		}
		out.Write(line)
	}
	return out.Bytes()
}

// agentToken is the product name robots.txt groups match: "mosty" for
// "mosty/1.0 (+https://…)".
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	return strings.TrimSpace(tok)
}
