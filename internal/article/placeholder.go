package article

import (
	"fmt"
	"sort"
	"strings"
)

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

// CheckPlaceholders reports how the placeholders of a translation differ
// from those of its source: one missing, one the source does not have, an
// empty one written as a pair or the reverse, one used twice, a pair left
// open or closed out of order. Order may differ (languages put words in
// other places); nesting must be proper. nil when they match.
func CheckPlaceholders(source, translation string) error {
	want := map[int]PlaceholderKind{}
	for i := 0; i < len(source); i++ {
		if kind, id, n := ParsePlaceholder(source[i:]); n > 0 {
			if kind != Close {
				want[id] = kind
			}
			i += n - 1
		}
	}
	seen := map[int]bool{}
	var open []int
	for i := 0; i < len(translation); i++ {
		kind, id, n := ParsePlaceholder(translation[i:])
		if n == 0 {
			continue
		}
		i += n - 1
		switch kind {
		case Close:
			if len(open) == 0 || open[len(open)-1] != id {
				if len(open) > 0 {
					return fmt.Errorf("</%d> closes before </%d>: pairs must nest", id, open[len(open)-1])
				}
				return fmt.Errorf("</%d> closes a pair that is not open", id)
			}
			open = open[:len(open)-1]
			continue
		}
		wk, ok := want[id]
		switch {
		case !ok:
			return fmt.Errorf("%s is not in the source", placeholderName(kind, id))
		case seen[id]:
			return fmt.Errorf("%s is used twice", placeholderName(kind, id))
		case wk != kind:
			return fmt.Errorf("%s is written as %s; the source has %s", placeholderName(wk, id), placeholderName(kind, id), placeholderName(wk, id))
		}
		seen[id] = true
		if kind == Open {
			open = append(open, id)
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("<%d> is never closed with </%d>", open[len(open)-1], open[len(open)-1])
	}
	var missing []int
	for id := range want {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		sort.Ints(missing)
		return fmt.Errorf("%s is missing", placeholderName(want[missing[0]], missing[0]))
	}
	return nil
}

func placeholderName(kind PlaceholderKind, id int) string {
	if kind == Empty {
		return fmt.Sprintf("<%d/>", id)
	}
	return fmt.Sprintf("<%d>…</%d>", id, id)
}

// Renumber numbers the placeholders of text from 1 in the order they
// first appear, as every segment's are: "<3>Fundacja</3> i <4/>" becomes
// "<1>Fundacja</1> i <2/>". ids[n-1] is the number that placeholder n had;
// nil when text has none. Text without placeholders comes back as it is.
func Renumber(text string) (renumbered string, ids []int) {
	if !strings.Contains(text, "<") {
		return text, nil
	}
	seen := map[int]int{}
	for i := 0; i < len(text); i++ {
		if kind, id, n := ParsePlaceholder(text[i:]); n > 0 {
			if _, ok := seen[id]; !ok && kind != NoPlaceholder {
				ids = append(ids, id)
				seen[id] = len(ids)
			}
			i += n - 1
		}
	}
	return Remap(text, seen), ids
}

// Remap rewrites the numbers of text's placeholders through to: <n>
// becomes <to[n]>. A number to does not have stays as it is.
func Remap(text string, to map[int]int) string {
	if !strings.Contains(text, "<") {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		kind, id, n := ParsePlaceholder(text[i:])
		if n == 0 {
			b.WriteByte(text[i])
			i++
			continue
		}
		if m, ok := to[id]; ok {
			id = m
		}
		switch kind {
		case Open:
			fmt.Fprintf(&b, "<%d>", id)
		case Close:
			fmt.Fprintf(&b, "</%d>", id)
		case Empty:
			fmt.Fprintf(&b, "<%d/>", id)
		}
		i += n
	}
	return b.String()
}
