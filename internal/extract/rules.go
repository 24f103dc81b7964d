package extract

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

//go:embed rules/boilerplate.txt
var boilerplateRules string

// rules is what rules/boilerplate.txt says, parsed once.
type rules struct {
	negative, positive []string
	phrases            []string
	prefixes           []string
	more               []string
	next               []string
}

var loadRules = sync.OnceValue(func() *rules {
	r := &rules{}
	sc := bufio.NewScanner(strings.NewReader(boilerplateRules))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		switch key {
		case "negative":
			r.negative = append(r.negative, val)
		case "positive":
			r.positive = append(r.positive, val)
		case "phrase":
			r.phrases = append(r.phrases, val)
		case "next":
			r.next = append(r.next, val)
		case "more":
			r.more = append(r.more, val)
		case "prefix":
			r.prefixes = append(r.prefixes, val)
		}
	}
	return r
})

// classWeight is +1 for a class or id naming article text, -1 for one
// naming page furniture, 0 for neither or both ("sidebar-content").
func (r *rules) classWeight(cls string) int {
	if cls == "" {
		return 0
	}
	w := 0
	for _, p := range r.positive {
		if strings.Contains(cls, p) {
			w++
			break
		}
	}
	for _, n := range r.negative {
		if strings.Contains(cls, n) {
			w--
			break
		}
	}
	return w
}

// isPhrase reports whether plain block text is a boilerplate phrase alone,
// a phrase followed by a colon ("CZYTAJ WIĘCEJ: …"), or starts with a
// boilerplate prefix ("Materiał chroniony prawem autorskim…").
func (r *rules) isPhrase(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	t = strings.TrimRight(t, " .:»›>!…")
	for _, p := range r.prefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, p := range r.phrases {
		if t == p {
			return true
		}
		if rest, ok := strings.CutPrefix(t, p); ok && strings.HasPrefix(strings.TrimSpace(rest), ":") {
			return true
		}
	}
	return false
}
