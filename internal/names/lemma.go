package names

import (
	"slices"
	"strings"
)

// A reading is one way to take a word of a name back to its nominative.
type reading struct {
	lemma   string
	genders string // of m, f, n, p
	cases   cases
	known   bool // the lemma is in the lexicon or a table
	guessed bool // only the lexicon has it, by an ending endings.tsv lacks: its case is not known
}

const allCases = nom | gen | dat | acc | ins | loc | voc

// readings are the ways word (as written, capitalised) may be a case form
// of a name: known nominatives first, then by the order of endings.tsv.
func (t *tables) readings(word string) []reading {
	var out []reading
	add := func(r reading) {
		for i, x := range out {
			if x.lemma == r.lemma && x.genders == r.genders {
				out[i].cases |= r.cases
				return
			}
		}
		out = append(out, r)
	}
	if nomv, ok := t.forms[strings.ToLower(word)]; ok {
		add(reading{lemma: nomv, genders: "mfnp", cases: allCases &^ nom, known: true})
	}
	for _, e := range t.endings {
		lemma, ok := e.undo(word)
		if !ok {
			continue
		}
		known := t.isKnown(lemma)
		if e.known && !known {
			continue
		}
		add(reading{lemma: lemma, genders: e.genders, cases: e.cases, known: known})
	}
	// A lemma only the lexicon finds, by an ending endings.tsv does not
	// have (Ziobry of Ziobro; Tomaszowie, the plural of Tomasz), is in
	// some case other than the nominative; it is never a given name.
	for _, l := range t.lex.lemmas(word) {
		if !slices.ContainsFunc(out, func(r reading) bool { return r.lemma == l }) {
			add(reading{lemma: l, genders: "mfnp", cases: allCases &^ nom, known: true, guessed: true})
		}
	}
	slices.SortStableFunc(out, func(a, b reading) int {
		switch {
		case a.known == b.known:
			return 0
		case a.known:
			return -1
		}
		return 1
	})
	return out
}

// undo takes the ending off word and puts the nominative's back.
func (e ending) undo(word string) (string, bool) {
	if !strings.HasSuffix(word, e.form) {
		return "", false
	}
	stem := word[:len(word)-len(e.form)]
	if len([]rune(stem)) < 2 {
		return "", false
	}
	if len(e.after) > 0 && !slices.ContainsFunc(e.after, func(a string) bool { return strings.HasSuffix(stem, a) }) {
		return "", false
	}
	return stem + e.lemma, true
}

// isKnown reports whether a nominative is a name of the lexicon or a table.
func (t *tables) isKnown(lemma string) bool {
	if t.lex.known(lemma) {
		return true
	}
	_, ok := t.given[lemma]
	return ok || t.exceptionNames[lemma]
}

// givenReading is the reading of a word (its readings rs) as a given
// name, if it is one.
func (t *tables) givenReading(rs []reading) (reading, givenName, bool) {
	for _, r := range rs {
		if g, ok := t.given[r.lemma]; ok && !r.guessed {
			sex := "m"
			if g.female {
				sex = "f"
			}
			if strings.Contains(r.genders, sex) {
				return r, g, true
			}
		}
	}
	return reading{}, givenName{}, false
}

// agreeing is the nominative of a word that agrees with a given name of
// the sex and cases: a surname or patronymic.
func (t *tables) agreeing(word string, female bool, cs cases) string {
	if female && indeclinableFeminine(word) {
		return word
	}
	sex := "m"
	if female {
		sex = "f"
	}
	var fallback string
	for _, r := range t.readings(word) {
		if !strings.Contains(r.genders, sex) {
			continue
		}
		if r.cases&cs != 0 {
			return feminineAdjective(r.lemma, word, female)
		}
		if fallback == "" {
			fallback = r.lemma
		}
	}
	if fallback != "" {
		return feminineAdjective(fallback, word, female)
	}
	return word
}

// indeclinableFeminine: a woman's surname that does not end in -a (or a
// case ending of one) keeps its form: z Katarzyną Nowak, Olgi Tokarczuk.
func indeclinableFeminine(w string) bool {
	for _, s := range []string{"a", "ą", "ę", "ej", "y", "i", "ie", "ce", "dze", "rze", "le"} {
		if strings.HasSuffix(w, s) {
			return false
		}
	}
	return true
}

// feminineAdjective keeps a woman's adjectival surname feminine: the
// lexicon's lemma of Kowalskiej is Kowalski, hers is Kowalska.
func feminineAdjective(lemma, word string, female bool) string {
	if !female {
		return lemma
	}
	for _, s := range []string{"ski", "cki", "dzki"} {
		if strings.HasSuffix(lemma, s) {
			return strings.TrimSuffix(lemma, "i") + "a"
		}
	}
	return lemma
}
