package article

import "strings"

// PlaceholderKind says which of the three forms a placeholder has.
type PlaceholderKind int

// The placeholder forms.
const (
	NoPlaceholder PlaceholderKind = iota
	Open                          // <1>
	Close                         // </1>
	Empty                         // <2/>
)

// ParsePlaceholder reads a placeholder at the start of s and returns its
// form, its number and its length in bytes; NoPlaceholder and 0 when s
// does not start with one. Numbers have one to four digits, without a
// leading zero.
func ParsePlaceholder(s string) (kind PlaceholderKind, id, n int) {
	if len(s) < 3 || s[0] != '<' {
		return NoPlaceholder, 0, 0
	}
	i := 1
	kind = Open
	if s[i] == '/' {
		kind = Close
		i++
	}
	j := i
	for j < len(s) && j-i < 4 && s[j] >= '0' && s[j] <= '9' {
		id = id*10 + int(s[j]-'0')
		j++
	}
	if j == i || s[i] == '0' {
		return NoPlaceholder, 0, 0
	}
	if kind == Open && strings.HasPrefix(s[j:], "/>") {
		return Empty, id, j + 2
	}
	if j < len(s) && s[j] == '>' {
		return kind, id, j + 1
	}
	return NoPlaceholder, 0, 0
}

// Plain returns placeholder text without its placeholders.
func Plain(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if _, _, n := ParsePlaceholder(s[i:]); n > 0 {
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
