package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// tablePlace finds a place of the exceptions table, of up to three words,
// in any case form.
func (f *finder) tablePlace(i int) (Name, int) {
	for k := 3; k >= 1; k-- {
		if !joined(f.toks, i, k) || (k == 1 && !isCapital(f.toks[i].text)) {
			continue
		}
		if k > 1 && !(allCapital(f.toks[i:i+k]) || !isCapital(f.toks[i].text) && f.mayStartPhrase(i)) {
			continue // "Zielona Góra", "województwo podlaskie"
		}
		if k == 1 && adjectival(f.toks[i].text) && (f.sentenceStart(i) || joined(f.toks, i, 2) && isCapital(f.toks[i+1].text)) {
			continue // "Polski wniosek", "Polski Związek Wędkarski": an adjective
		}
		if e, ok := f.tableEntry(i, k, Place); ok {
			return f.found(i, k, f.cache.transcribe(e.pl, Place))
		}
	}
	return Name{}, 0
}

// mayStartPhrase reports whether token i, in lower case, is a form of the
// first word of a table name (województwo podlaskie). Words that do not
// begin as such a word are not read.
func (f *finder) mayStartPhrase(i int) bool {
	if !f.t.firstPrefixes[prefix(strings.ToLower(f.toks[i].text))] {
		return false
	}
	for _, r := range f.read(i) {
		if f.t.firstWords[strings.ToLower(r.lemma)] {
			return true
		}
	}
	return false
}

// adjectival: the word ends as a Polish adjective of place does (Polski,
// Podlaskie): a case form of Polska, or an adjective.
func adjectival(w string) bool {
	return hasAnySuffix(w, "ski", "cki", "ska", "cka", "skie", "ckie")
}

// sentenceStart reports whether token i begins a sentence.
func (f *finder) sentenceStart(i int) bool {
	sep := strings.TrimRight(f.toks[i].sep, " \u00a0\t„\"'«(“")
	return i == 0 || strings.Contains(f.toks[i].sep, "\n") || strings.HasSuffix(sep, ".") || strings.HasSuffix(sep, "!") || strings.HasSuffix(sep, "?") || strings.HasSuffix(sep, "…")
}

func allCapital(toks []token) bool {
	for _, t := range toks {
		if !isCapital(t.text) {
			return false
		}
	}
	return true
}

// prefix is a word's first four letters, which all its case forms share.
func prefix(w string) string {
	r := []rune(w)
	return string(r[:min(4, len(r))])
}

// tableEntry looks up every combination of the words' readings.
func (f *finder) tableEntry(i, k int, kind Kind) (entry, bool) {
	if k == 1 {
		for _, l := range lemmasOf(f.toks[i].text, f.read(i)) {
			if f.t.exceptionNames[l] {
				e := f.t.exceptions[strings.ToLower(l)]
				return e, e.kind == kind
			}
		}
		return entry{}, false
	}
	if !slices.ContainsFunc(lemmasOf(f.toks[i].text, f.read(i)), func(l string) bool { return f.t.firstWords[strings.ToLower(l)] }) {
		return entry{}, false
	}
	var walk func(j int, prefix []string) (entry, bool)
	walk = func(j int, prefix []string) (entry, bool) {
		if j == i+k {
			e, ok := f.t.exceptions[strings.ToLower(strings.Join(prefix, " "))]
			return e, ok && e.kind == kind
		}
		for _, l := range lemmasOf(f.toks[j].text, f.read(j)) {
			if e, ok := walk(j+1, append(prefix, l)); ok {
				return e, true
			}
		}
		return entry{}, false
	}
	return walk(i, nil)
}

func lemmasOf(word string, rs []reading) []string {
	out := []string{word}
	for _, r := range rs {
		if r.lemma != word && len(out) < 8 {
			out = append(out, r.lemma)
		}
	}
	return out
}

// person finds a known given name and the surname (and patronymic or
// second given name) after it, agreeing in sex and case.
func (f *finder) person(i int) (Name, int) {
	if !isCapital(f.toks[i].text) {
		return Name{}, 0
	}
	r, g, ok := f.t.givenReading(f.read(i))
	if !ok {
		return Name{}, 0
	}
	words := []string{g.pl}
	j := i + 1
	for ; j < i+4 && joined(f.toks, j-1, 2) && isCapital(f.toks[j].text) && !f.t.notNames[f.toks[j].text]; j++ {
		w := f.toks[j].text
		if r2, g2, ok := f.t.givenReading(f.read(j)); ok && g2.female == g.female && r2.cases&r.cases != 0 && joined(f.toks, j, 2) && (isCapital(f.toks[j+1].text) || romanNumeral(f.toks[j+1].text)) {
			words = append(words, g2.pl)
			continue
		}
		lemma := f.t.agreeing(w, g.female, r.cases)
		words = append(words, lemma)
		if !(isPatronymic(lemma) && joined(f.toks, j, 2) && isCapital(f.toks[j+1].text)) {
			j++
			break
		}
	}
	if len(words) == 1 {
		return Name{}, 0
	}
	if joined(f.toks, j-1, 2) && romanNumeral(f.toks[j].text) {
		words = append(words, f.toks[j].text) // Jana Pawła II
		j++
	}
	n := f.cache.transcribe(strings.Join(words, " "), Person)
	f.remember(words[len(words)-1], n)
	return f.found(i, j-i, n)
}

func romanNumeral(w string) bool {
	return w != "" && len(w) <= 4 && strings.Trim(w, "IVX") == ""
}

// remember keeps a person's surname for later mentions of it alone.
func (f *finder) remember(surname string, n Name) {
	ru := strings.Fields(n.Russian)
	en := strings.Fields(n.English)
	if len(ru) == 0 || len(en) == 0 {
		return
	}
	f.people[surname] = Name{Nominative: surname, Kind: Person, Origin: n.Origin, Russian: ru[len(ru)-1], English: en[len(en)-1], Table: n.Table}
}

// named finds a surname of a person named in full earlier in the text.
func (f *finder) named(i int) (Name, int) {
	if !isCapital(f.toks[i].text) {
		return Name{}, 0
	}
	for _, r := range f.read(i) {
		if p, ok := f.people[r.lemma]; ok {
			return f.found(i, 1, p)
		}
	}
	return Name{}, 0
}

// titled finds a surname after a title: "prezydent Duda", "z dyrektorem
// Krajewskim", "prof. Nowak".
func (f *finder) titled(i int) (Name, int) {
	if i == 0 || !isCapital(f.toks[i].text) {
		return Name{}, 0
	}
	dotted := strings.HasPrefix(f.toks[i].sep, ". ") && strings.TrimSpace(f.toks[i].sep) == "."
	if !joined(f.toks, i-1, 2) && !dotted {
		return Name{}, 0
	}
	title, ok := f.t.title(f.toks[i-1].text, dotted)
	if !ok || f.t.notNames[f.toks[i].text] || joined(f.toks, i, 2) && isCapital(f.toks[i+1].text) {
		return Name{}, 0 // "dyrektor Biura Klastra": the name of an institution
	}
	female := femaleTitles[title]
	cs := titleCases(f.t, strings.ToLower(f.toks[i-1].text), title, dotted)
	lemma := f.t.agreeing(f.toks[i].text, female, cs)
	n := f.cache.transcribe(lemma, Person)
	f.remember(lemma, n)
	return f.found(i, 1, n)
}

// titleCases are the cases a title's form may be in, which its surname
// shares: "prezydent" nominative, "prezydentem" instrumental; any case
// after an abbreviation or a title that does not decline (prof., dr).
func titleCases(t *tables, word, title string, dotted bool) cases {
	rest := strings.TrimPrefix(word, title)
	if dotted || utf8.RuneCountInString(title) < 4 {
		return allCases
	}
	if rest == "" {
		return nom
	}
	var cs cases
	for _, e := range t.endings {
		if e.form == rest && e.lemma == "" {
			cs |= e.cases
		}
	}
	if cs == 0 {
		return allCases
	}
	return cs
}

var femaleTitles = map[string]bool{"pani": true, "posłanka": true, "dyrektorka": true, "przewodnicząca": true, "szefowa": true, "rzeczniczka": true}

// title reports which title a lower-case word is a form of: a title of
// four letters or more with an ending of up to three letters
// ("prezydentem"), a shorter one as it is ("pan", "dr"), an abbreviation
// only with its dot ("prof." — dotted: a dot follows the word).
func (t *tables) title(w string, dotted bool) (string, bool) {
	w = strings.ToLower(w)
	if dotted {
		return w, t.titles[w+"."]
	}
	for title := range t.titles {
		switch n := utf8.RuneCountInString(title); {
		case strings.HasSuffix(title, "."):
		case n < 4 && w == title:
			return title, true
		case n >= 4 && strings.HasPrefix(w, title) && utf8.RuneCountInString(w)-n <= 3:
			return title, true
		}
	}
	return "", false
}

// placePrepositions come before the name of a town in a case form.
var placePrepositions = map[string]bool{"w": true, "we": true, "z": true, "ze": true, "do": true, "na": true, "pod": true, "koło": true, "obok": true, "nad": true, "spod": true, "od": true, "pobliżu": true, "okolicach": true}

// lexiconPlace finds a place after a preposition of place: a proper noun
// of the lexicon ("w Hajnówce", "do Suwałk"), or two words that agree, one
// of them a proper noun of the lexicon ("w Zielonej Górze", "w Nowym
// Sączu", "w Bielsku Podlaskim").
func (f *finder) lexiconPlace(i int) (Name, int) {
	if i == 0 || !isCapital(f.toks[i].text) || !joined(f.toks, i-1, 2) || !placePrepositions[f.toks[i-1].text] {
		return Name{}, 0
	}
	k := 1
	for k < 3 && joined(f.toks, i, k+1) && isCapital(f.toks[i+k].text) {
		k++
	}
	if k > 2 {
		return Name{}, 0 // a longer name: an institution, not a town
	}
	var words []string
	if k == 1 {
		words = f.placeWord(i)
	} else {
		words = f.placePair(i)
	}
	if words == nil {
		return Name{}, 0
	}
	return f.found(i, k, f.cache.transcribe(strings.Join(words, " "), Place))
}

// placeWord is the nominative of token i if it is a place of the lexicon.
func (f *finder) placeWord(i int) []string {
	if !f.placeLike(f.toks[i].text) {
		return nil
	}
	for _, r := range f.read(i) {
		if r.known && f.placeLike(r.lemma) && f.t.lex.known(r.lemma) && !hasAnySuffix(r.lemma, "ski", "cki") {
			return []string{r.lemma} // (an adjective alone is a surname: z Pawlickim)
		}
	}
	return nil
}

// placePair is the nominative of tokens i, i+1 if they agree in gender and
// case and one of them is a proper noun of the lexicon; of several such
// readings, the one with more known words and a definite gender.
func (f *finder) placePair(i int) []string {
	if !f.placeLike(f.toks[i].text) || !f.placeLike(f.toks[i+1].text) {
		return nil
	}
	var best []string
	bestScore := 0
	for _, a := range f.read(i) {
		for _, b := range f.read(i + 1) {
			if a.cases&b.cases == 0 || !strings.ContainsAny(a.genders, b.genders) || !f.placeLike(a.lemma) || !f.placeLike(b.lemma) {
				continue
			}
			if !f.t.lex.known(a.lemma) && !f.t.lex.known(b.lemma) {
				continue
			}
			score := 0
			for _, r := range []reading{a, b} {
				if r.known {
					score += 2
				}
				if len(r.genders) < 4 {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = []string{a.lemma, b.lemma}, score
			}
		}
	}
	return best
}

// placeLike: not a given name and not a word that heads institutions.
func (f *finder) placeLike(w string) bool {
	_, given := f.t.given[w]
	return !given && !f.t.notNames[w]
}

// lakeName finds a lake named by a form of jezioro and an adjective with
// a capital: "nad Jeziorem Sporowskim", "jezioro Wiszniewskie"; its
// nominative is Jezioro and the adjective in the neuter.
func (f *finder) lakeName(i int) (Name, int) {
	if !lakeWords[strings.ToLower(f.toks[i].text)] || !joined(f.toks, i, 2) || !isCapital(f.toks[i+1].text) {
		return Name{}, 0
	}
	adj, ok := neuterAdjective(f.toks[i+1].text)
	if !ok {
		return Name{}, 0
	}
	return f.found(i, 2, f.cache.transcribe("Jezioro "+adj, Place))
}

// lakeWords are the case forms of jezioro.
var lakeWords = map[string]bool{"jezioro": true, "jeziora": true, "jezioru": true, "jeziorem": true, "jeziorze": true}

// neuterAdjective is the neuter nominative of a case form of an
// adjective agreeing with jezioro (Sporowskim, Sporowskiego Sporowskie;
// Czerwonym Czerwone).
func neuterAdjective(w string) (string, bool) {
	for _, e := range [][2]string{{"kiego", "kie"}, {"kiemu", "kie"}, {"kim", "kie"}, {"kie", "kie"}, {"ego", "e"}, {"emu", "e"}, {"ym", "e"}, {"e", "e"}} {
		if stem, ok := strings.CutSuffix(w, e[0]); ok && stem != "" {
			return stem + e[1], true
		}
	}
	return "", false
}
