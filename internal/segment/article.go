package segment

import "github.com/mosty-dev/mosty/internal/article"

// unsplit are kinds of block kept whole: a title or heading is one unit
// for a translator even when it holds two sentences.
var unsplit = map[article.Kind]bool{
	article.KindTitle: true, article.KindHeading: true,
}

// Article fills every block's Segments.
func (s *Segmenter) Article(a *article.Article) {
	for i := range a.Blocks {
		b := &a.Blocks[i]
		b.Segments = b.Segments[:0]
		if unsplit[b.Kind] {
			b.Segments = append(b.Segments, newSegment(b.Text, 0, Span{0, len(b.Text)}))
			continue
		}
		for k, sp := range s.Spans(b.Text) {
			b.Segments = append(b.Segments, newSegment(b.Text, k, sp))
		}
	}
}

// newSegment makes segment k of a block's text, its placeholders
// numbered from 1.
func newSegment(text string, k int, sp Span) article.Segment {
	t, tags := article.Renumber(text[sp.Start:sp.End])
	return article.Segment{Text: t, Index: k, Start: sp.Start, End: sp.End, Tags: tags}
}
