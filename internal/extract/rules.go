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
	related            []string
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
		case "related":
			r.related = append(r.related, val)
		case "prefix":
			r.prefixes = append(r.prefixes, val)
		}
	}
	return r
})

// classWeight is +1 for a class or id naming article text, -1 for one
// naming page furniture, 0 for neither or both ("sidebar-content" next
// to "main").
func (r *rules) classWeight(cls string) int {
	if cls == "" {
		return 0
	}
	pos, neg := false, false
	for _, name := range strings.Fields(cls) {
		switch w := r.nameWeight(name); {
		case w > 0:
			pos = true
		case w < 0:
			neg = true
		}
	}
	return sign(pos, neg)
}

// sign is +1 for positive only, -1 for negative only, 0 for both or
// neither.
func sign(pos, neg bool) int {
	switch {
	case pos && !neg:
		return 1
	case neg && !pos:
		return -1
	}
	return 0
}

// nameWeight weighs one class name or id. A name that ends with a
// negative word names that thing, of whatever comes before ("articleComm",
// "post-comments": the comments of an article); otherwise it is +1 or -1
// when only positive or only negative words are in it, and 0 for both
// ("sidebar-content", "article-and-social").
func (r *rules) nameWeight(name string) int {
	pos, neg := containsAny(name, r.positive...), containsAny(name, r.negative...)
	if neg && pos && !strings.Contains(name, "and") && endsWithAny(strings.TrimRight(name, "s0123456789-_"), r.negative) {
		return -1
	}
	return sign(pos, neg)
}

func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
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

// opensRelated reports whether plain block text is only a heading over
// links to other articles: "Ссылки по теме:", "Zobacz też".
func (r *rules) opensRelated(text string) bool {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	t = strings.TrimRight(t, " .:»›>!…")
	for _, p := range r.related {
		if t == p {
			return true
		}
	}
	return false
}

// cutCredit takes a photo credit off the end of a caption, "Goście w
// klastrze. Fot. Jan Nowak" → "Goście w klastrze.": a boilerplate prefix
// ("fot.", "foto:", "©") after white space or a bracket, with no markup
// after it. A caption that is only a credit is left to isPhrase.
func (r *rules) cutCredit(text string) string {
	lower := strings.ToLower(text)
	cut := -1
	for _, p := range r.prefixes {
		i := strings.LastIndex(lower, p)
		if i <= 0 || !strings.ContainsRune(" \n([", rune(lower[i-1])) || strings.Contains(text[i:], "<") {
			continue
		}
		if i > cut {
			cut = i
		}
	}
	if cut < 0 {
		return text
	}
	kept := strings.TrimRight(text[:cut], " \n([-–—/|,")
	if !hasLetter(kept) {
		return text
	}
	return kept
}
