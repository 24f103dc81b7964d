package acquire

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// A Document is a fetched file of any type — a sitemap, a feed,
// robots.txt — as the server sent it.
type Document struct {
	URL          string // after redirects
	ContentType  string
	Body         []byte
	NotModified  bool // the server said the copy asked about is current
	ETag         string
	LastModified string
}

// FetchDocument gets one file as Fetch gets a page — robots.txt obeyed,
// politely, with retries, conditionally when prev is not nil — whatever
// its type, up to limit bytes.
func (f *Fetcher) FetchDocument(ctx context.Context, rawURL string, prev *Validators, limit int64) (*Document, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &FetchError{URL: rawURL, Err: errors.New("not an http:// or https:// URL")}
	}
	if !f.IgnoreRobots {
		ok, err := f.allowed(ctx, u)
		if err != nil {
			return nil, &FetchError{URL: rawURL, Err: err}
		}
		if !ok {
			return nil, &FetchError{URL: rawURL, Err: ErrRobots}
		}
	}
	resp, body, err := f.get(ctx, u, prev, limit)
	if err != nil {
		return nil, err
	}
	return &Document{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body,
		NotModified: resp.StatusCode == http.StatusNotModified,
		ETag:        resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}
