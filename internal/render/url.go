package render

import (
	"net/url"
	"regexp"
	"strings"
)

// safeSchemes are the schemes a link or image of a page may have. A URL
// with no scheme is relative and allowed too.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// imageTypes are the data: URLs an image's src may hold; none of them
// can run script.
var imageTypes = []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp", "data:image/avif"}

// SafeURL reads a URL as a browser does and says whether a page may link
// to it. As the WHATWG URL standard says, leading and trailing C0 control
// characters and spaces are trimmed and ASCII tabs and newlines are
// removed wherever they are ("java\tscript:" is "javascript:" to a
// browser); the scheme is then what precedes the first colon when it is
// a letter followed by letters, digits, "+", "-" or ".". Only http,
// https, mailto, tel and relative URLs pass, and none that still holds a
// control character. It returns the URL as the browser would see it.
func SafeURL(raw string) (string, bool) {
	u := browserForm(raw)
	if strings.ContainsFunc(u, isControl) {
		return "", false
	}
	scheme, ok := schemeOf(u)
	if ok && !safeSchemes[strings.ToLower(scheme)] {
		return "", false
	}
	return u, true
}

// safeImageURL is SafeURL, with the raster data: URLs of inline images
// allowed as well.
func safeImageURL(raw string) (string, bool) {
	u := browserForm(raw)
	l := strings.ToLower(u)
	for _, t := range imageTypes {
		if strings.HasPrefix(l, t+";") || strings.HasPrefix(l, t+",") {
			return u, !strings.ContainsFunc(u, isControl)
		}
	}
	return SafeURL(raw)
}

// browserForm trims leading and trailing C0 controls and spaces and
// removes every ASCII tab, line feed and carriage return.
func browserForm(raw string) string {
	u := strings.TrimFunc(raw, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
}

// isControl reports C0 controls and DEL, and the C1 controls.
func isControl(r rune) bool { return r < ' ' || r >= 0x7f && r <= 0x9f }

// schemeOf returns a URL's scheme by the WHATWG rule; ok is false for a
// relative URL.
func schemeOf(u string) (string, bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return u[:i], true
		default:
			return "", false
		}
	}
	return "", false
}

// linkURL checks a link or image address and makes a relative one
// absolute against base (the original page), checking the result again:
// a hostile base must not turn a relative link into a script.
func linkURL(key, raw string, base *url.URL) (string, bool) {
	check := SafeURL
	if key == "src" {
		check = safeImageURL
	}
	v, ok := check(raw)
	if !ok {
		return "", false
	}
	if base != nil && !strings.HasPrefix(strings.ToLower(v), "data:") {
		if u, err := base.Parse(v); err == nil {
			v = u.String()
		}
	}
	return check(v)
}

// srcsetURLs checks every candidate of a srcset ("a.jpg 1x, b.jpg
// 480w"): an address and at most one width or density. One bad candidate
// drops the attribute.
func srcsetURLs(raw string, base *url.URL) (string, bool) {
	var out []string
	for _, cand := range strings.Split(raw, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		u, ok := linkURL("srcset", f[0], base)
		if !ok || strings.HasPrefix(strings.ToLower(u), "data:") || len(f) > 2 || len(f) == 2 && !descriptor.MatchString(f[1]) {
			return "", false
		}
		out = append(out, strings.Join(append([]string{u}, f[1:]...), " "))
	}
	return strings.Join(out, ", "), len(out) > 0
}

var descriptor = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[wx]$`)
