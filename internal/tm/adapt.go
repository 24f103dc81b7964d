package tm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

// A Fill is what a match puts into a new segment: always fuzzy, for a
// person to confirm.
type Fill struct {
	Translation string
	// Note says what the translator must check; "" when nothing.
	Note string
}

// CanFill reports whether a match is close enough to fill a segment in:
// exact, or differing only in numbers.
func CanFill(m Match) bool { return m.Score == 100 || m.NumbersOnly }

// Adapt adapts a match's translation to a new source. Its placeholders
// are the new source's, never the match's: they are mapped by order and
// kind (pair or empty); when that is not possible the translation comes
// without placeholders and the note says so. Numbers that differ are
// carried over when each stands once in the translation; the note says
// when they could not be. Numbers are compared without placeholders, and
// 1,2 and 1.2 are one number.
func Adapt(m Match, source string) Fill {
	var notes []string
	text, ok := mapPlaceholderIDs(m.Source, source, m.Translation)
	if !ok {
		text = article.Plain(m.Translation)
		if len(placeholderSeq(source)) > 0 {
			notes = append(notes, "the match's markup differs from this sentence's: put in the placeholders "+strings.Join(placeholderNames(source), " "))
		} else {
			notes = append(notes, "the match had markup this sentence lacks: it was left out")
		}
	}
	if !slices.Equal(Numbers(m.Source), Numbers(source)) {
		adjusted, ok := AdjustNumbers(m.Source, source, text)
		text = adjusted
		if ok {
			notes = append(notes, "numbers carried over from the new Polish: check them")
		} else {
			notes = append(notes, "numbers differ from the match: check them")
		}
	}
	return Fill{Translation: text, Note: strings.Join(notes, "; ")}
}

// A placeholder is one pair or empty placeholder of a text, in order.
type placeholder struct {
	id    int
	empty bool
}

// placeholderSeq lists the pairs (by their opening) and empty
// placeholders of s in order.
func placeholderSeq(s string) []placeholder {
	var out []placeholder
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		kind, id, n := article.ParsePlaceholder(s[i:])
		if n == 0 {
			continue
		}
		if kind != article.Close {
			out = append(out, placeholder{id, kind == article.Empty})
		}
		i += n - 1
	}
	return out
}

func placeholderNames(s string) []string {
	var out []string
	for _, p := range placeholderSeq(s) {
		if p.empty {
			out = append(out, fmt.Sprintf("<%d/>", p.id))
		} else {
			out = append(out, fmt.Sprintf("<%d>…</%d>", p.id, p.id))
		}
	}
	return out
}

// mapPlaceholderIDs renumbers the placeholders of translation, made for
// matchSource, as those of source: the n-th of matchSource becomes the
// n-th of source when both are pairs or both empty. ok is false when the
// two sources' placeholders differ in number or kind, or when the
// translation's do not check against matchSource.
func mapPlaceholderIDs(matchSource, source, translation string) (string, bool) {
	from, to := placeholderSeq(matchSource), placeholderSeq(source)
	if len(from) != len(to) || article.CheckPlaceholders(matchSource, translation) != nil {
		return "", false
	}
	ids := map[int]int{}
	for i, p := range from {
		if p.empty != to[i].empty {
			return "", false
		}
		ids[p.id] = to[i].id
	}
	return article.MapPlaceholders(translation, func(kind article.PlaceholderKind, id int) string {
		switch kind {
		case article.Open:
			return fmt.Sprintf("<%d>", ids[id])
		case article.Close:
			return fmt.Sprintf("</%d>", ids[id])
		}
		return fmt.Sprintf("<%d/>", ids[id])
	}), true
}
