package names

import (
	"bufio"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A lexicon is hunspell-pl's proper nouns with their inflection classes
// (flags) and the suffix rules of those classes: a word is a form of a
// lemma when taking a rule's ending off it and putting the rule's
// stripped letters back gives a lemma that has the rule's flag and meets
// its condition — hunspell's own analysis, for suffixes only.
type lexicon struct {
	flags  map[string]string    // lemma → flags
	rules  map[string][]sfxRule // by their ending
	maxAdd int                  // the longest ending, in bytes
}

type sfxRule struct {
	flag       rune
	strip, add string
	cond       []condItem
}

// A condItem is one letter of a hunspell condition: a letter, a set
// [abc] or a negated set [^abc], or "." for any letter.
type condItem struct {
	set    string
	negate bool
	any    bool
}

func parseLexicon(aff, dic string) (*lexicon, error) {
	lx := &lexicon{flags: map[string]string{}, rules: map[string][]sfxRule{}}
	err := eachLine("lexicon.aff", aff, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 5 || f[0] != "SFX" {
			return fmt.Errorf("want SFX flag strip add condition, not %q", line)
		}
		r := sfxRule{flag: []rune(f[1])[0], strip: zero(f[2]), add: zero(f[3])}
		var err error
		if r.cond, err = parseCond(f[4]); err != nil {
			return err
		}
		lx.rules[r.add] = append(lx.rules[r.add], r)
		lx.maxAdd = max(lx.maxAdd, len(r.add))
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("lexicon.dic", dic, func(line string) error {
		w, fl, ok := strings.Cut(line, "/")
		if !ok || w == "" || fl == "" {
			return fmt.Errorf("want Word/FLAGS, not %q", line)
		}
		lx.flags[w] = fl
		return nil
	})
	return lx, err
}

func eachLine(name, text string, fn func(string) error) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func zero(s string) string {
	if s == "0" {
		return ""
	}
	return s
}

func parseCond(s string) ([]condItem, error) {
	if s == "." {
		return nil, nil
	}
	var out []condItem
	r := []rune(s)
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '[':
			end := i + 1
			for end < len(r) && r[end] != ']' {
				end++
			}
			if end == len(r) {
				return nil, fmt.Errorf("unclosed [ in condition %q", s)
			}
			set := string(r[i+1 : end])
			neg := strings.HasPrefix(set, "^")
			out = append(out, condItem{set: strings.TrimPrefix(set, "^"), negate: neg})
			i = end
		case '.':
			out = append(out, condItem{any: true})
		default:
			out = append(out, condItem{set: string(r[i])})
		}
	}
	return out, nil
}

// condFits reports whether the end of stem meets the condition.
func condFits(cond []condItem, stem []rune) bool {
	if len(cond) > len(stem) {
		return false
	}
	tail := stem[len(stem)-len(cond):]
	for i, c := range cond {
		if c.any {
			continue
		}
		if strings.ContainsRune(c.set, tail[i]) == c.negate {
			return false
		}
	}
	return true
}

// known reports whether w is a lemma of the lexicon.
func (lx *lexicon) known(w string) bool { _, ok := lx.flags[w]; return ok }

// lemmas are the lemmas word (as written, with its capital) is a form of,
// itself first when it is a lemma.
func (lx *lexicon) lemmas(word string) []string {
	var out []string
	if lx.known(word) {
		out = append(out, word)
	}
	add := func(l string) {
		for _, x := range out {
			if x == l {
				return
			}
		}
		out = append(out, l)
	}
	var buf []byte
	for n := 0; n <= lx.maxAdd && n < len(word); n++ {
		if n > 0 && !utf8.RuneStart(word[len(word)-n]) {
			continue
		}
		for _, r := range lx.rules[word[len(word)-n:]] {
			buf = append(append(buf[:0], word[:len(word)-n]...), r.strip...)
			fl, ok := lx.flags[string(buf)] // no allocation for the look-up
			if !ok || !strings.ContainsRune(fl, r.flag) {
				continue
			}
			if stem := string(buf); utf8.RuneCountInString(stem) >= 2 && condFits(r.cond, []rune(stem)) {
				add(stem)
			}
		}
	}
	return out
}
