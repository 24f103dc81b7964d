package catalog

import (
	"unicode"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/article"
)

// ArticleCoverage is the coverage of one article in each target language.
type ArticleCoverage struct {
	Slug, Title string
	Coverage    map[string]Coverage // by language
	Stale       map[string][]Unit   // by language: fuzzy units whose Polish changed after translation
}

// Coverage counts a translators' file's active segments and their source
// words by status.
type Coverage struct {
	Segments map[Status]int
	Words    map[Status]int
	Obsolete int // obsolete segments kept for their translations
	// Conflicts counts the segments a git merge left in two versions,
	// obsolete ones too. They are counted by status as well, but their
	// words are not done until someone picks a version.
	Conflicts int
	// conflictedDone is the words of active conflicted segments whose
	// status says done.
	conflictedDone int
}

// Coverage counts the file's segments and words.
func (f *File) Coverage() Coverage {
	c := Coverage{Segments: map[Status]int{}, Words: map[Status]int{}}
	for _, u := range f.Units {
		if u.Conflicted() {
			c.Conflicts++
		}
		if u.Obsolete {
			c.Obsolete++
			continue
		}
		c.Segments[u.Status]++
		c.Words[u.Status] += Words(u.Source)
		if u.Conflicted() && u.Status.Done() {
			c.conflictedDone += Words(u.Source)
		}
	}
	return c
}

// Add adds another file's counts, for totals.
func (c *Coverage) Add(o Coverage) {
	if c.Segments == nil {
		c.Segments, c.Words = map[Status]int{}, map[Status]int{}
	}
	for s, n := range o.Segments {
		c.Segments[s] += n
	}
	for s, n := range o.Words {
		c.Words[s] += n
	}
	c.Obsolete += o.Obsolete
	c.Conflicts += o.Conflicts
	c.conflictedDone += o.conflictedDone
}

// ConflictedDone is the words of active conflicted segments whose status
// says done, which Percent does not count as done.
func (c Coverage) ConflictedDone() int { return c.conflictedDone }

// WithConflictedDone is c with that count, for coverage kept elsewhere (a
// build's cache) and read back.
func (c Coverage) WithConflictedDone(n int) Coverage {
	c.conflictedDone = n
	return c
}

// TotalWords is the number of source words in active segments.
func (c Coverage) TotalWords() int { return sum(c.Words) }

// TotalSegments is the number of active segments.
func (c Coverage) TotalSegments() int { return sum(c.Segments) }

// Percent is the share of source words whose translation is done
// (translated or reviewed, and not in conflict), 0–100. An empty file is
// 100% done.
func (c Coverage) Percent() float64 {
	total := c.TotalWords()
	if total == 0 {
		return 100
	}
	return 100 * float64(c.DoneWords()) / float64(total)
}

// DoneWords is the number of source words whose translation is done:
// translated or reviewed, and not in conflict.
func (c Coverage) DoneWords() int {
	return c.Words[Translated] + c.Words[Reviewed] - c.conflictedDone
}

func sum(m map[Status]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// Words counts the words of placeholder text: runs of letters or digits,
// placeholders left out.
func Words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if _, _, j := article.ParsePlaceholder(s[i:]); j > 0 {
				i += j
				in = false
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			n++
		}
		in = word
		i += size
	}
	return n
}
