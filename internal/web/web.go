// Package web is `mosty serve`: a local web app over the workspace for
// translators and editors. The start page shows every article's coverage
// per language with filters and search; an article page shows one row per
// segment — the Polish with its placeholders as chips, the translation, its
// status, what changed in the Polish, translation memory matches, glossary
// terms and the checks' findings as the translator types — and saves with
// the keyboard. Scripts use the same JSON API under /api.
//
// The package keeps no state of its own beyond caches keyed by the files'
// bytes or stamps (the start page's lines, also kept in .mosty/serve
// between runs): the translators' TOML files are the only store. Every save goes
// through the catalog code, atomically, under the workspace lock, and
// changes only that segment's table; a save made over a version the
// client did not see (another person, a text editor, mosty sync, git pull)
// is refused with the current segment. It must not decide publishing,
// merge extractions or keep anything in a database; it serves its own
// embedded assets and nothing from outside, behind a token, a Host check
// and a strict Content-Security-Policy.
package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Options configure a Server.
type Options struct {
	// Addr is the address the server is reached at, host:port; requests
	// naming another Host are refused (DNS rebinding).
	Addr string
	// Token is the access token; New makes a random one when empty.
	Token string
	// Now is the clock for the translator's and reviewer's timestamps.
	Now func() time.Time
	// LockWait is how long a save waits for another mosty process to
	// release the workspace; 5 s when zero.
	LockWait time.Duration
	// ListBudget is how long a request for the list of articles makes the
	// lines it does not have before it answers with those it has; 5 s
	// when zero.
	ListBudget time.Duration
}

// A Server is the web app over one workspace.
type Server struct {
	store *store
	token string
	hosts hostCheck
	ui    *ui
	now   func() time.Time
	mux   *http.ServeMux
	// listBudget is Options.ListBudget.
	listBudget time.Duration
}

// New opens the workspace in dir and makes its server.
func New(dir string, opts Options) (*Server, error) {
	st, err := openStore(dir)
	if err != nil {
		return nil, err
	}
	if opts.LockWait > 0 {
		st.lockWait = opts.LockWait
	}
	u, err := loadUI()
	if err != nil {
		return nil, err
	}
	s := &Server{store: st, token: opts.Token, ui: u, now: opts.Now, mux: http.NewServeMux(), listBudget: opts.ListBudget}
	if s.listBudget <= 0 {
		s.listBudget = 5 * time.Second
	}
	if s.token == "" {
		s.token = newToken()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.hosts, err = newHostCheck(opts.Addr); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// Token is the access token clients must send.
func (s *Server) Token() string { return s.token }

func (s *Server) routes() {
	api := func(pattern string, h http.HandlerFunc) { s.mux.Handle(pattern, s.authorized(h)) }
	api("GET /api/articles", s.listArticles)
	api("GET /api/articles/{slug}/{lang}", s.getArticle)
	api("PUT /api/articles/{slug}/{lang}/segments/{id}", s.putSegment)
	api("POST /api/articles/{slug}/{lang}/segments/{id}/check", s.checkSegment)
	api("GET /preview/{lang}/{slug}/{page}", s.preview)
	api("GET /preview/{lang}/{slug}/{$}", s.preview)
	s.mux.Handle("GET /{$}", s.page(s.startPage))
	s.mux.Handle("GET /{slug}/{lang}", s.page(s.articlePage))
	s.mux.HandleFunc("GET /assets/{name}", s.asset)
}

// ServeHTTP checks the Host, sets the security headers and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", appCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if !s.hosts.allowed(r.Host) {
		http.Error(w, fmt.Sprintf("mosty serve answers to localhost and its own address, not %q", r.Host), http.StatusMisdirectedRequest)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// Listen starts listening on addr; port 0 picks a free one.
func Listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}

// Serve answers on l until ctx is done, then shuts down, letting
// requests in flight (a save) finish.
func Serve(ctx context.Context, l net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// URL is the address to open: the server's with the token.
func (s *Server) URL(l net.Listener) string {
	return fmt.Sprintf("http://%s/?token=%s", displayAddr(l.Addr()), s.token)
}

// displayAddr is the address a person opens: the loopback name for a
// server bound to every interface.
func displayAddr(a net.Addr) string {
	t, ok := a.(*net.TCPAddr)
	if !ok || !t.IP.IsUnspecified() {
		return a.String()
	}
	return net.JoinHostPort("127.0.0.1", fmt.Sprint(t.Port))
}
