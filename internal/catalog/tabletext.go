package catalog

import (
	"reflect"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// lines splits text after each newline.
func lines(text string) []string {
	out := strings.SplitAfter(text, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// mergeLines merges three versions of a few lines (a table's head, its
// comment lines) as diff3 does; where both sides changed the same lines
// differently, both sides' lines are kept.
func mergeLines(b, o, t string) string {
	merged, _ := merge3Seq(lines(b), lines(o), lines(t))
	return strings.Join(merged, "")
}

// keyRank orders keys as mosty writes them: its own keys in their order,
// then others by name, then the conflict keys.
func keyRank(k string) string {
	if i := slices.Index(writtenKeys, k); i >= 0 {
		return string(rune('0' + i))
	}
	if key, ok := strings.CutPrefix(k, ConflictPrefix); ok {
		return "~" + conflictOrder(key)
	}
	return "}" + k // after the digits, before '~'
}

// writtenKeys are the keys of a [[segment]] table in the order the writer
// writes them (unitText), then the [article] keys in theirs (writeHeader).
var writtenKeys = []string{"id", "kind", "block", "source", "previous_source", "translation", "status", "obsolete",
	"slug", "lang", "source_lang", "title", "date", "category", "origin", "source_sha256", "extractor"}

// keyOrder merges the three versions' key orders and puts keys none of
// them has where the writer would put them.
func keyOrder(b, o, t []string, want map[string]any) []string {
	merged, _ := merge3Seq(b, o, t)
	var out []string
	for _, k := range merged {
		if _, ok := want[k]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	var missing []string
	for k := range want {
		if !slices.Contains(out, k) {
			missing = append(missing, k)
		}
	}
	slices.SortFunc(missing, func(a, b string) int { return strings.Compare(keyRank(a), keyRank(b)) })
	for _, k := range missing {
		at := 0
		for i, e := range out {
			if keyRank(e) <= keyRank(k) {
				at = i + 1
			}
		}
		out = slices.Insert(out, at, k)
	}
	return out
}

// splice puts a merged table together: the heads merged line by line,
// then each key from a version that holds its merged value (the one that
// changed it, when both do), or written afresh. sides are base, ours and
// theirs, a missing one given as base; values are their keys.
func splice(sides [3]tableText, values [3]map[string]any, want map[string]any, tail string) string {
	b, o, t := sides[0], sides[1], sides[2]
	var sb strings.Builder
	sb.WriteString(mergeLines(b.head, o.head, t.head))
	for _, k := range keyOrder(b.keys, o.keys, t.keys, want) {
		span := pickSpan(k, want[k], sides, values)
		sb.WriteString(span)
		if !strings.HasSuffix(span, "\n") {
			sb.WriteByte('\n')
		}
	}
	sb.WriteString(orphanComments(sides, want, commentsOf(sb.String())))
	sb.WriteString(tail)
	return sb.String()
}

// orphanComments are the comments a side wrote on the lines of a key the
// merge removed (the other side deleted it), so that they are not lost
// with it.
func orphanComments(sides [3]tableText, want map[string]any, have []string) string {
	var out strings.Builder
	for _, side := range sides[1:] {
		for _, k := range side.keys {
			if _, kept := want[k]; kept || side.spans[k] == sides[0].spans[k] {
				continue
			}
			for _, c := range commentsOf(side.spans[k]) {
				if !slices.Contains(have, c) {
					have = append(have, c)
					out.WriteString(c + "\n")
				}
			}
		}
	}
	return out.String()
}

// pickSpan is the lines of key k with value v: ours' or theirs' when they
// hold it (theirs' when only theirs changed the lines), else a version's
// lines with v in place of its value, as the writer edits a value
// (withValue), else new lines. Comments the other side wrote on the
// key's lines come along, above it.
func pickSpan(k string, v any, sides [3]tableText, values [3]map[string]any) string {
	has := func(i int) bool {
		w, ok := values[i][k]
		return ok && sides[i].spans[k] != "" && reflect.DeepEqual(w, v)
	}
	from := -1
	switch o, t := has(1), has(2); {
	case o && t && sides[1].spans[k] == sides[0].spans[k]:
		from = 2
	case o:
		from = 1
	case t:
		from = 2
	}
	span := bareOrQuotedKey(k) + " = " + value(v) + "\n"
	if from > 0 {
		span = sides[from].spans[k]
	} else {
		for _, i := range []int{1, 2, 0} {
			if edited, ok := sides[i].withValue(k, value(v)); ok {
				span, from = edited, i
				break
			}
		}
	}
	have := commentsOf(span)
	if from >= 0 {
		have = append(have, commentsOf(sides[0].spans[k])...)
	}
	var add strings.Builder
	for i := 1; i <= 2; i++ {
		other := sides[i].spans[k]
		if i == from || (from >= 0 && other == sides[0].spans[k]) {
			continue
		}
		for _, c := range commentsOf(other) {
			if !slices.Contains(have, c) {
				have = append(have, c)
				add.WriteString(c + "\n")
			}
		}
	}
	return add.String() + span
}

// commentsOf lists the comments in TOML text, whole-line and after a
// value alike, each as "# …" without the white space around it.
func commentsOf(text string) []string {
	var out []string
	var walk func(n *unstable.Node)
	walk = func(n *unstable.Node) {
		if n.Kind == unstable.Comment {
			out = append(out, strings.TrimSpace(string(n.Data)))
			return
		}
		for it := n.Children(); it.Next(); {
			walk(it.Node())
		}
	}
	p := unstable.Parser{KeepComments: true}
	p.Reset([]byte(text))
	for p.NextExpression() {
		e := p.Expression()
		walk(e)
		if n := e.Next(); n != nil && n.Kind == unstable.Comment {
			out = append(out, strings.TrimSpace(string(n.Data)))
		}
	}
	return out
}

// commentText is the comments of a table's versions as lines, merged.
func commentText(raws [3]string) string {
	var ls [3]string
	for i, raw := range raws {
		for _, c := range commentsOf(raw) {
			ls[i] += c + "\n"
		}
	}
	return mergeLines(ls[0], ls[1], ls[2])
}
