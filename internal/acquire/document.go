package acquire

import (
	"context"
	"net/http"
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
	u, err := f.mayFetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	resp, body, err := f.get(ctx, u, prev, limit)
	if err != nil {
		return nil, err
	}
	return &Document{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body,
		NotModified: resp.StatusCode == http.StatusNotModified,
		ETag:        resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}
