package tm

import (
	"regexp"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// shape is normalised text with each number as "#": sentences of one
// shape differ only in their numbers. It replaces what number matches,
// scanning once (a lookup shapes every sentence of a group that differ
// only in their numbers, and the regular expression cost most of it).
func shape(normalized string) string {
	first := strings.IndexAny(normalized, "0123456789")
	if first < 0 {
		return normalized
	}
	var b strings.Builder
	b.Grow(len(normalized))
	b.WriteString(normalized[:first])
	for i := first; i < len(normalized); {
		if !isDigit(normalized, i) {
			b.WriteByte(normalized[i])
			i++
			continue
		}
		// \d+(?:[.,]\d+)*: digits, then a point or comma followed by
		// digits, again and again.
		i = digitsEnd(normalized, i)
		for i+1 < len(normalized) && (normalized[i] == '.' || normalized[i] == ',') && isDigit(normalized, i+1) {
			i = digitsEnd(normalized, i+1)
		}
		b.WriteByte('#')
	}
	return b.String()
}

func isDigit(s string, i int) bool { return s[i] >= '0' && s[i] <= '9' }

// digitsEnd is the end of the run of digits at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s, i) {
		i++
	}
	return i
}

// Numbers lists the numbers of placeholder text, placeholders left out,
// with a decimal comma read as a point (1,2 and 1.2 are one number).
func Numbers(s string) []string {
	out := number.FindAllString(article.Plain(s), -1)
	for i, n := range out {
		out[i] = strings.ReplaceAll(n, ",", ".")
	}
	return out
}

// numberSpans are the byte ranges of the numbers of s outside its
// placeholders (whose ids are digits too).
func numberSpans(s string) [][]int {
	masked := []byte(s)
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if _, _, n := article.ParsePlaceholder(s[i:]); n > 0 {
			for k := i; k < i+n; k++ {
				masked[k] = ' '
			}
			i += n - 1
		}
	}
	return number.FindAllIndex(masked, -1)
}

// AdjustNumbers carries the numbers of a new sentence into the
// translation of a match: when the match's source had other numbers and
// each of them stands once in the translation, it is replaced. ok is
// false when numbers differ and could not all be carried over: the
// translator must check them. Placeholders are not numbers, and 1,2 and
// 1.2 are the same number.
func AdjustNumbers(matchSource, newSource, translation string) (string, bool) {
	oldNums, newNums := Numbers(matchSource), Numbers(newSource)
	if slices.Equal(oldNums, newNums) {
		return translation, true
	}
	if len(oldNums) != len(newNums) {
		return translation, false
	}
	raw := rawNumbers(newSource)
	out := translation
	for i, o := range oldNums {
		if o == newNums[i] {
			continue
		}
		var at []int
		for _, loc := range numberSpans(out) {
			if strings.ReplaceAll(out[loc[0]:loc[1]], ",", ".") == o {
				if at != nil {
					return translation, false // twice: which one?
				}
				at = loc
			}
		}
		if at == nil {
			return translation, false
		}
		out = out[:at[0]] + raw[i] + out[at[1]:]
	}
	return out, true
}

// rawNumbers lists the numbers of placeholder text as written.
func rawNumbers(s string) []string {
	return number.FindAllString(article.Plain(s), -1)
}
