package web

import (
	"crypto/subtle"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// The Content-Security-Policy of the app's pages: its own scripts, styles
// and images only, no inline code, nothing from outside, no framing.
const appCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// previewCSP is for the previews of built pages, whose templates carry
// their styles inline: no script at all, nothing from outside but images
// over https — a fetched article's pictures stay on its site, and the
// page shows them as the built site will (Referrer-Policy no-referrer,
// set for every answer, keeps the preview's address from that site).
const previewCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// tokenCookie is the name of the cookie that carries the token once the
// page was opened with ?token=; it names the port, since browsers share
// cookies between the ports of one host, and two servers may run.
func (s *Server) tokenCookie() string { return "mosty_token_" + s.hosts.port }

// hostCheck decides which Host headers the server answers: the names of
// the address it is bound to and of the loopback interface, on its port.
// A page of another site that makes its name point at 127.0.0.1 (DNS
// rebinding) sends its own name and is refused.
type hostCheck struct {
	port  string
	names map[string]bool
	anyIP bool // bound to every interface: any IP address, and the machine's names
}

func newHostCheck(addr string) (hostCheck, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return hostCheck{}, fmt.Errorf("address %q: %w", addr, err)
	}
	h := hostCheck{port: port, names: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, strings.ToLower(host): true}}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		h.anyIP = true
		if name, err := os.Hostname(); err == nil {
			name = strings.ToLower(name)
			h.names[name], h.names[name+".local"] = true, true
		}
	}
	return h, nil
}

func (h hostCheck) allowed(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80"
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if port != h.port {
		return false
	}
	return h.names[host] || h.anyIP && net.ParseIP(host) != nil
}

// validToken reports whether the request carries the token, as a bearer
// token or in the cookie; bearer says which.
func (s *Server) validToken(r *http.Request) (ok, bearer bool) {
	if auth, found := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); found {
		return s.tokenMatches(auth), true
	}
	if c, err := r.Cookie(s.tokenCookie()); err == nil {
		return s.tokenMatches(c.Value), false
	}
	return false, false
}

func (s *Server) tokenMatches(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// authorized lets a request through when it has the token and, for a
// method that changes something, comes from the app's own pages: its
// Origin is the server's, or — for scripts, which send none — the token
// came as a bearer token, which a browser never adds by itself.
func (s *Server) authorized(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, bearer := s.validToken(r)
		if !ok {
			writeError(w, http.StatusUnauthorized, "a valid token is needed", "open the address mosty serve printed, or send Authorization: Bearer TOKEN")
			return
		}
		if unsafeMethod(r.Method) && !sameOrigin(r, bearer) {
			writeError(w, http.StatusForbidden, "this request does not come from mosty's own pages", "")
			return
		}
		h.ServeHTTP(w, r)
	})
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// sameOrigin reports whether an unsafe request comes from the server's
// own pages.
func sameOrigin(r *http.Request, bearer bool) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		site := r.Header.Get("Sec-Fetch-Site")
		return bearer && (site == "" || site == "same-origin" || site == "none")
	}
	u, err := url.Parse(origin)
	return err == nil && u.Scheme == "http" && strings.EqualFold(u.Host, r.Host)
}

// page serves an HTML page to a person: the token in the address becomes
// a cookie (and leaves the address bar), a missing one gets a page that
// says where to find it.
func (s *Server) page(h func(http.ResponseWriter, *http.Request, *localizer)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loc := s.ui.localizer(w, r)
		if t := r.URL.Query().Get("token"); t != "" {
			if !s.tokenMatches(t) {
				s.denied(w, loc)
				return
			}
			http.SetCookie(w, &http.Cookie{Name: s.tokenCookie(), Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del("token")
			u := *r.URL
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		if ok, _ := s.validToken(r); !ok {
			s.denied(w, loc)
			return
		}
		h(w, r, loc)
	})
}
