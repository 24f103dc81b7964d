package names

import (
	"bufio"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A ruleSet is an ordered list of rewrite rules read from a *.rules file.
// At each position of a word the first rule whose letters and context
// fit is applied; a letter no rule covers is kept as it is.
//
// The file format, one item a line:
//
//	# a comment
//	@V = aąeęioóuy          a class: an upper-case letter standing for any of these letters
//	[person]                the rules below belong to this section
//	rz > ш / p_ k_ t_ ch_   letters > output / contexts (any of them; none: always)
//	ą > ом / _b _p          "_" is the place of the letters; "#" is the word's start or end
//	j > 0                   "0" is no output
//	y > ы|и                 alternatives: the first is the rule's output;
//	                        the others are spellings a word of the Russian
//	                        list may confirm (variants)
type ruleSet struct {
	name     string
	classes  map[rune]string
	sections map[string][]rule
	byFirst  map[string]map[rune][]rule // each section's rules by their first letter, in order
}

type rule struct {
	from  []rune
	to    string
	alts  []string // to, then the other spellings
	ctx   []context
	line  int
	named string // "file:line", for errors in tests
}

type context struct{ left, right []rune }

func parseRules(name, text string) (*ruleSet, error) {
	rs := &ruleSet{name: name, classes: map[rune]string{}, sections: map[string][]rule{}}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "# ") || line == "#":
			continue
		case strings.HasPrefix(line, "@"):
			if err := rs.parseClass(line); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.Trim(line, "[]")
		default:
			r, err := rs.parseRule(line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			r.line, r.named = n, fmt.Sprintf("%s:%d", name, n)
			rs.sections[section] = append(rs.sections[section], r)
		}
	}
	rs.byFirst = map[string]map[rune][]rule{}
	for name, rules := range rs.sections {
		idx := map[rune][]rule{}
		for _, r := range rules {
			idx[r.from[0]] = append(idx[r.from[0]], r)
		}
		rs.byFirst[name] = idx
	}
	return rs, sc.Err()
}

func (rs *ruleSet) parseClass(line string) error {
	k, v, ok := strings.Cut(strings.TrimPrefix(line, "@"), "=")
	k, v = strings.TrimSpace(k), strings.ReplaceAll(strings.TrimSpace(v), " ", "")
	if !ok || utf8.RuneCountInString(k) != 1 || v == "" {
		return fmt.Errorf("a class is written @X = letters, not %q", line)
	}
	rs.classes[[]rune(k)[0]] = v
	return nil
}

func (rs *ruleSet) parseRule(line string) (rule, error) {
	body, ctxs, _ := strings.Cut(line, "/")
	from, to, ok := strings.Cut(body, ">")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" || strings.ContainsAny(from, " _#") {
		return rule{}, fmt.Errorf("a rule is written letters > output [/ contexts], not %q", line)
	}
	r := rule{from: []rune(from)}
	for _, a := range strings.Split(to, "|") {
		if a = strings.TrimSpace(a); a == "0" {
			a = ""
		}
		r.alts = append(r.alts, a)
	}
	r.to = r.alts[0]
	for _, c := range strings.Fields(ctxs) {
		l, rt, ok := strings.Cut(c, "_")
		if !ok || strings.Contains(rt, "_") {
			return rule{}, fmt.Errorf("a context has one _ for the letters, not %q", c)
		}
		for _, x := range l + rt {
			if x >= 'A' && x <= 'Z' && rs.classes[x] == "" {
				return rule{}, fmt.Errorf("unknown class %c in %q", x, c)
			}
		}
		r.ctx = append(r.ctx, context{left: []rune(l), right: []rune(rt)})
	}
	return r, nil
}

// apply rewrites one lower-case word with the rules of the sections, in
// the order given.
func (rs *ruleSet) apply(word string, sections ...string) string {
	in := []rune(word)
	var b strings.Builder
	for i := 0; i < len(in); {
		r, ok := rs.find(in, i, sections)
		if !ok {
			b.WriteRune(in[i])
			i++
			continue
		}
		b.WriteString(r.to)
		i += len(r.from)
	}
	return b.String()
}

// maxVariants bounds the spellings variants gives for one word.
const maxVariants = 256

// variants are the spellings of a word the rules allow, the output of
// apply first, then those that take other alternatives, leftmost first;
// at most maxVariants.
func (rs *ruleSet) variants(word string, sections ...string) []string {
	in := []rune(word)
	out := []string{""}
	for i := 0; i < len(in); {
		r, ok := rs.find(in, i, sections)
		alts := []string{string(in[i])}
		step := 1
		if ok {
			alts, step = r.alts, len(r.from)
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, a := range alts {
			for _, o := range out {
				if len(next) < maxVariants {
					next = append(next, o+a)
				}
			}
		}
		out = next
		i += step
	}
	return out
}

func (rs *ruleSet) find(in []rune, i int, sections []string) (rule, bool) {
	for _, s := range sections {
		for _, r := range rs.byFirst[s][in[i]] {
			if rs.fits(r, in, i) {
				return r, true
			}
		}
	}
	return rule{}, false
}

func (rs *ruleSet) fits(r rule, in []rune, i int) bool {
	if i+len(r.from) > len(in) {
		return false
	}
	for k, c := range r.from {
		if in[i+k] != c {
			return false
		}
	}
	if len(r.ctx) == 0 {
		return true
	}
	for _, c := range r.ctx {
		if rs.leftFits(c.left, in, i) && rs.rightFits(c.right, in, i+len(r.from)) {
			return true
		}
	}
	return false
}

func (rs *ruleSet) leftFits(items, in []rune, i int) bool {
	for k := len(items) - 1; k >= 0; k-- {
		i--
		if !rs.item(items[k], in, i) {
			return false
		}
	}
	return true
}

func (rs *ruleSet) rightFits(items, in []rune, i int) bool {
	for k, it := range items {
		if !rs.item(it, in, i+k) {
			return false
		}
	}
	return true
}

// item reports whether the context item x fits in[i]; outside the word
// only "#" fits.
func (rs *ruleSet) item(x rune, in []rune, i int) bool {
	if i < 0 || i >= len(in) {
		return x == '#'
	}
	if class, ok := rs.classes[x]; ok {
		return strings.ContainsRune(class, in[i])
	}
	return x == in[i]
}
