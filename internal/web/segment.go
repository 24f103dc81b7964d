package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/tm"
)

// segmentView is one segment as the API gives it.
type segmentView struct {
	ID             string        `json:"id"`
	Kind           string        `json:"kind"`
	Source         string        `json:"source"`
	Translation    string        `json:"translation"`
	Status         string        `json:"status"`
	PreviousSource string        `json:"previous_source"`
	PreviousDiff   []diffPart    `json:"previous_diff,omitempty"` // previous_source → source, by words
	Rev            string        `json:"rev"`
	TM             []tmMatch     `json:"tm"`
	Terms          []termView    `json:"terms"`
	Problems       []problem     `json:"problems"`
	Placeholders   []placeholder `json:"placeholders"`
	// Keys are the segment's other keys — who translated and reviewed it,
	// memory notes, name hints, a conflict from a git merge — as written.
	Keys map[string]any `json:"keys,omitempty"`
}

type tmMatch struct {
	Source      string `json:"source"`
	Translation string `json:"translation"`
	Score       int    `json:"score"`
	Origin      string `json:"origin"`
}

type termView struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Note      string   `json:"note,omitempty"`
	Forbidden []string `json:"forbidden,omitempty"`
}

type problem struct {
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// rev identifies a segment's translation and status: a save that names
// an older rev was made over a version it did not see.
func rev(u catalog.Unit) string {
	h := sha256.Sum256([]byte(string(u.Status) + "\x00" + u.Translation))
	return hex.EncodeToString(h[:6])
}

// segmentContext is what a segment's view needs besides the unit: the
// article's markup, the glossary, the memory, the checks.
type segmentContext struct {
	slug, lang, file string
	tags             map[string][]article.Tag // placeholders' markup by segment id; missing when the source cannot be read
	glossary         *glossary.Glossary
	memory           *tm.Memory // nil: no matches
	release          func()     // of memory: see close
	minMatch         int
	checker          *qa.Checker
}

// close releases the context's memory (nil: nothing to release); the
// caller of Server.segmentContext defers it.
func (c *segmentContext) close() {
	if c != nil && c.release != nil {
		c.release()
	}
}

// view makes the API's view of a unit.
func (c *segmentContext) view(u catalog.Unit) segmentView {
	v := segmentView{ID: u.ID, Kind: u.Kind, Source: u.Source, Translation: u.Translation, Status: string(u.Status),
		PreviousSource: u.PreviousSource, Rev: rev(u), TM: []tmMatch{}, Terms: []termView{}}
	if u.PreviousSource != "" {
		v.PreviousDiff = wordDiff(u.PreviousSource, u.Source)
	}
	v.Problems = c.problems(u)
	v.Placeholders = placeholders(u.Source, c.tags[u.ID])
	if c.memory != nil {
		for _, m := range c.memory.Lookup(u.Source, c.minMatch, 4) {
			if m.Origin != c.slug+"/"+u.ID {
				v.TM = append(v.TM, tmMatch{Source: m.Source, Translation: m.Translation, Score: m.Score, Origin: m.Origin})
			}
		}
	}
	for _, t := range c.glossary.Find(u.Source) {
		if want := t.Forms[c.lang]; want != "" {
			v.Terms = append(v.Terms, termView{Source: t.Forms[c.glossary.SourceLang], Target: want, Note: t.Note, Forbidden: t.Forbidden[c.lang]})
		}
	}
	v.Keys = keysOf(u.Extra)
	return v
}

// problems are the check findings of a unit, without "not translated
// yet", which its status already says.
func (c *segmentContext) problems(u catalog.Unit) []problem {
	out := []problem{}
	for _, f := range c.checker.Unit(c.file, c.lang, u) {
		if f.Check != qa.CheckUntranslated {
			out = append(out, problem{Check: f.Check, Severity: string(f.Severity), Message: f.Message})
		}
	}
	return out
}

// keysOf gives a unit's other keys in JSON's terms; terms are shown from
// the glossary itself.
func keysOf(extra map[string]any) map[string]any {
	if len(extra) == 0 {
		return nil
	}
	out := map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		if k != "terms" {
			out[k] = jsonValue(extra[k])
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func jsonValue(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format(time.RFC3339)
	case string, int64, float64, bool:
		return v
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			out[k] = jsonValue(e)
		}
		return out
	}
	return fmt.Sprint(v)
}
