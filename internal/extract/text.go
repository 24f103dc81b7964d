package extract

import (
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
)

// plain returns placeholder text without its placeholders.
func plain(s string) string { return article.Plain(s) }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// linkShare is the fraction of a block's letters inside links.
func linkShare(b article.Block) float64 {
	open := map[int]bool{}
	inLink := 0
	var all, linked int
	for _, t := range tokenize(b.Text) {
		switch t.kind {
		case tokOpen:
			if b.Tags[t.id-1].Name == "a" {
				open[t.id] = true
				inLink++
			}
		case tokClose:
			if open[t.id] {
				inLink--
			}
		case tokText:
			n, _ := countText(t.text)
			all += n
			if inLink > 0 {
				linked += n
			}
		}
	}
	if b.Wrap != nil && b.Wrap.Name == "a" {
		linked = all
	}
	if all == 0 {
		return 0
	}
	return float64(linked) / float64(all)
}
