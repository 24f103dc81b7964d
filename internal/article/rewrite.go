package article

import "strings"

// MapPlaceholders rewrites each placeholder of s as f returns it; the
// text between them is kept as it is.
func MapPlaceholders(s string, f func(kind PlaceholderKind, id int) string) string {
	return RewriteTags(s, func(s string) (string, int) {
		kind, id, n := ParsePlaceholder(s)
		if n == 0 {
			return "", 0
		}
		return f(kind, id), n
	})
}

// RewriteTags copies s, asking tag at each "<" for a replacement and the
// number of bytes it replaces (0: none, the "<" is text).
func RewriteTags(s string, tag func(s string) (string, int)) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		repl, n := tag(s)
		if n == 0 {
			repl, n = "<", 1
		}
		b.WriteString(repl)
		s = s[n:]
	}
	return b.String()
}
