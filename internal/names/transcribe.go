package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Name is a name found in a text, or given to Transcribe.
type Name struct {
	Text       string   `json:"text"`              // as written
	Start      int      `json:"start"`             // byte offsets of Text in the text searched
	End        int      `json:"end"`               //
	Nominative string   `json:"nominative"`        // the Polish nominative
	Kind       Kind     `json:"kind"`              // person or place
	Origin     Origin   `json:"origin"`            // pl, or east: Russian or Belarusian in Polish spelling
	Russian    string   `json:"ru"`                // the Russian nominative
	Also       []string `json:"ru_also,omitempty"` // other Russian forms a translation may use
	English    string   `json:"en"`                // the English form
	Table      bool     `json:"from_table"`        // the forms are established ones from the table
}

// Transcribe gives the Russian and English forms of a name in the
// nominative: "Adam Krajewski" (Person) → Адам Краевский, Adam Krajewski;
// "Zielona Góra" (Place) → Зелёна-Гура, Zielona Góra.
func Transcribe(nominative string, kind Kind) Name {
	t := loadTables()
	n := Name{Text: nominative, End: len(nominative), Nominative: nominative, Kind: kind}
	if e, ok := t.exceptions[strings.ToLower(nominative)]; ok && e.kind == kind {
		n.Origin, n.Russian, n.Also, n.English, n.Table = e.origin, e.ru[0], e.ru[1:], e.en, true
		if n.English == "" {
			n.English = t.english(nominative, e.ru[0], e.origin)
		}
		return n
	}
	words := strings.Fields(nominative)
	if len(words) == 0 {
		return n
	}
	if kind == Person {
		n.Origin = t.personOrigin(words)
		n.Russian, n.Also, n.English = t.person(words, n.Origin)
		return n
	}
	n.English = nominative
	sections := []string{"place", "common"}
	if lake(words) {
		// Jezioro Sporowskie is Споровское (озеро): the Russian names
		// the lake by its adjective alone, which alone is no lake's
		// name in Polish (Końskie Коньске is a town).
		words, sections = words[1:], []string{"lake", "place", "common"}
	}
	if ru, ok := t.eastPlace(words); ok {
		n.Origin, n.Russian = EastSlavic, ru
		n.English = t.romanise(ru)
		return n
	}
	n.Origin = Polish
	forms := make([][]string, len(words))
	for i, w := range words {
		forms[i] = wordForms(w, func(p string) []string {
			vs := t.pl.variants(strings.ToLower(p), sections...)
			// A town of one word the Russian list has in another
			// spelling takes it; in a name of several words the word
			// is not that town (Mińsk Mazowiecki is not Минск).
			if form, ok := t.confirmed(vs, placeWord|properWord); ok && len(words) == 1 {
				return []string{form}
			}
			for k := range vs {
				vs[k] = capital(vs[k])
			}
			return vs
		})
	}
	n.Russian, n.Also = joinForms(forms, "-")
	return n
}

// lake: a name of a lake, Jezioro and the adjective that names it.
func lake(words []string) bool {
	return len(words) > 1 && strings.EqualFold(words[0], "jezioro")
}

// personOrigin says whether a person's name is East Slavic: a given name
// only Russians and Belarusians have, or a patronymic between a given
// name and a surname; a surname Belarusian in its Polish spelling
// (belarusianName: Bykau, Azaranka); or, when the given name is not
// known to be Polish only, a surname in -ow, -ew, -in (Ławrow, Putin).
func (t *tables) personOrigin(words []string) Origin {
	polishGiven := false
	for i, w := range words {
		g, ok := t.given[w]
		if ok && g.east && !g.polish {
			return EastSlavic
		}
		if ok && !g.east && i < len(words)-1 {
			polishGiven = true
		}
		if i > 0 && i < len(words)-1 && isPatronymic(w) {
			return EastSlavic
		}
	}
	last := words[len(words)-1]
	// A woman's surname in -aja (Kanapackaja Канопацкая) is never Polish,
	// whatever the given name (Hanna).
	if strings.HasSuffix(last, "aja") && len(words) > 1 {
		return EastSlavic
	}
	if t.belarusianName(words) || t.eastByList(words) || !polishGiven && eastSurname(last) {
		return EastSlavic
	}
	return Polish
}

func eastSurname(w string) bool {
	if strings.ContainsAny(w, "óąęśźć") || strings.Contains(w, "rz") {
		return false // Polish letters: a Polish name
	}
	for _, s := range []string{"ow", "ew", "owa", "ewa", "in", "ina", "yn", "yna", "ij", "yj", "aja"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func isPatronymic(w string) bool {
	for _, s := range []string{"owicz", "ewicz", "icz", "owna", "ewna", "iczna"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// person gives the Russian and English forms of a person's words: given
// names from the table, surnames from the table or the rules; also are
// the other spellings the rules allow (Бжезинский beside Бжезиньский).
func (t *tables) person(words []string, o Origin) (ru string, also []string, en string) {
	rs := t.pl
	if o == EastSlavic {
		rs = t.east
	}
	belarusian := o == EastSlavic && t.isBelarusian(words)
	male := t.isMale(words)
	forms, enw := make([][]string, len(words)), make([]string, len(words))
	for i, w := range words {
		forms[i] = wordForms(w, func(p string) []string {
			if e, ok := t.exceptions[strings.ToLower(p)]; ok && e.kind == Person {
				return e.ru
			}
			if g, ok := t.given[p]; ok && i < len(words)-1 {
				if o == EastSlavic && g.ruEast != "" {
					return []string{g.ruEast}
				}
				if g.ru != "" {
					return []string{g.ru}
				}
			}
			sections := []string{"person", "common"}
			if i == len(words)-1 {
				sections = []string{"surname", "person", "common"}
				if !male {
					sections = append([]string{"female"}, sections...)
				}
			}
			if belarusian {
				sections = append([]string{"by"}, sections...)
			}
			vs := rs.variants(strings.ToLower(p), sections...)
			if form, ok := t.confirmed(vs, personClasses(i, len(words))...); ok && o == EastSlavic {
				return []string{form}
			}
			// A name not told Belarusian by its spelling may be one
			// all the same: its Belarusian readings (аканне, яканне),
			// where the list has one of them and none of the others.
			if o == EastSlavic && !belarusian {
				if form, ok := t.confirmed(rs.variants(strings.ToLower(p), append([]string{"by"}, sections...)...), personClasses(i, len(words))...); ok {
					return []string{form}
				}
			}
			for k := range vs {
				vs[k] = capital(vs[k])
			}
			return vs
		})
		enw[i] = w
		if o == EastSlavic {
			enw[i] = t.eastEnglish(w, forms[i][0], belarusian)
		}
	}
	ru, also = joinForms(forms, " ")
	return ru, also, strings.Join(enw, " ")
}

// personClasses are the classes of the Russian list that confirm the
// i-th of n words of a person's name, strongest first: a surname last (or
// a patronymic the list has only as one: Богданович), a given name or a
// patronymic before it.
func personClasses(i, n int) []wordClass {
	if i == n-1 {
		return []wordClass{surname | properWord, patronymic}
	}
	return []wordClass{givenWord | patronymic | properWord}
}

// eastEnglish is the English form of a word of an East Slavic person's
// name: the tables' form, or, for a Belarusian, the word romanised from
// its Polish spelling as the Belarusian name is (Tsikhanouski), for a
// Russian its Russian form romanised (Lavrov).
func (t *tables) eastEnglish(w, ru string, belarusian bool) string {
	en := mapParts(w, func(p string) string {
		if e, ok := t.exceptions[strings.ToLower(p)]; ok && e.en != "" {
			return e.en
		}
		if g, ok := t.given[p]; ok && g.en != "" {
			return g.en
		}
		return ""
	})
	if en != "" && !strings.Contains(en, "--") && !strings.HasPrefix(en, "-") && !strings.HasSuffix(en, "-") {
		return en
	}
	if belarusian {
		return mapParts(w, func(p string) string { return capital(t.en.apply(strings.ToLower(p), "by")) })
	}
	return t.romanise(ru)
}

// maxAlso bounds the other spellings given for a name.
const maxAlso = 8

// wordForms gives the forms of a word whose hyphen-separated parts have
// the forms fn gives (the first its own): the word's form first, then
// those with one part in another form.
func wordForms(w string, fn func(string) []string) []string {
	parts := strings.Split(w, "-")
	pf := make([][]string, len(parts))
	for i, p := range parts {
		pf[i] = []string{p}
		if p != "" {
			pf[i] = fn(p)
		}
	}
	form, others := joinForms(pf, "-")
	return append([]string{form}, others...)
}

// joinForms joins the first forms of items with sep, and gives as others
// the joins where one item takes another of its forms, at most maxAlso.
func joinForms(items [][]string, sep string) (string, []string) {
	first := make([]string, len(items))
	for i, f := range items {
		first[i] = f[0]
	}
	var others []string
	for i, f := range items {
		for _, alt := range f[1:] {
			if len(others) == maxAlso {
				break
			}
			w := slices.Clone(first)
			w[i] = alt
			others = append(others, strings.Join(w, sep))
		}
	}
	return strings.Join(first, sep), others
}

// english is the English form of a name whose table row gives none.
func (t *tables) english(pl, ru string, o Origin) string {
	if o == EastSlavic {
		return t.romanise(ru)
	}
	return pl
}

// romanise writes Russian words in Latin letters.
func (t *tables) romanise(ru string) string {
	return mapWords(ru, func(p string) string { return capital(t.en.apply(strings.ToLower(p), "common")) })
}

// mapParts applies fn to each hyphen-separated part of a word.
func mapParts(w string, fn func(string) string) string {
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = fn(p)
		}
	}
	return strings.Join(parts, "-")
}

func mapWords(s string, fn func(string) string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = mapParts(w, fn)
	}
	return strings.Join(words, " ")
}

// capital upper-cases the first letter.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
