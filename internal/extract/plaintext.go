package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/article"
	"golang.org/x/text/unicode/norm"
)

// Text extracts an article from plain text as a person copies it from a
// news page: perhaps some menu lines, the category, the title, a date line
// (13-12-2017), then paragraphs. Lines of white space only (NBSP included)
// separate paragraphs. Without a date line near the top, the first line is
// the title.
func Text(src string, opts Options) (*article.Article, error) {
	src = strings.ToValidUTF8(strings.TrimPrefix(src, "\uFEFF"), "\uFFFD")
	lines := strings.Split(strings.ReplaceAll(norm.NFC.String(src), "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = escapeLiteral(collapseSpace(strings.ReplaceAll(l, "\r", "")))
	}
	a := &article.Article{Lang: pickLang("", opts.Lang)}
	head, start := nonBlank(lines, 20), 0
	for i, at := range head {
		if isDateLine(lines[at]) && i >= 1 {
			a.Date, _ = ParseDate(lines[at])
			a.Title = lines[head[i-1]]
			if i >= 2 && len(lines[head[i-2]]) < 80 && !endsSentence(lines[head[i-2]]) {
				a.Category = lines[head[i-2]]
			}
			start = at + 1
			break
		}
	}
	if a.Title == "" && len(head) > 0 {
		a.Title, start = lines[head[0]], head[0]+1
	}
	if a.Title != "" {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindTitle, Element: "h1", Text: a.Title, Owner: -1})
	}
	for _, p := range paragraphs(lines[start:]) {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.KindParagraph, Element: "p", Text: p, Owner: -1})
	}
	if len(a.Blocks) == 0 {
		return nil, ErrNoArticle
	}
	return a, nil
}

// nonBlank returns the indexes of the first n lines that have text.
func nonBlank(lines []string, n int) []int {
	var idx []int
	for i, l := range lines {
		if l != "" {
			idx = append(idx, i)
			if len(idx) == n {
				break
			}
		}
	}
	return idx
}

// paragraphs groups lines into paragraphs. A blank line ends one; so does
// a line ending a sentence when the next starts with a capital, so that
// both one-line-per-paragraph files and hard-wrapped ones read right.
func paragraphs(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if p := strings.Join(cur, " "); hasLetter(p) {
				out = append(out, p)
			}
			cur = nil
		}
	}
	for _, l := range lines {
		if l == "" {
			flush()
			continue
		}
		if len(cur) > 0 && (endsSentence(cur[len(cur)-1]) || strings.HasSuffix(cur[len(cur)-1], ":")) && startsUpper(l) {
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "„\"«(–—- "))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
