package names

import (
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
	if kind == Person {
		n.Origin = t.personOrigin(words)
		n.Russian, n.English = t.person(words, n.Origin)
		return n
	}
	n.Origin = Polish
	rs := t.pl
	ru := make([]string, len(words))
	for i, w := range words {
		ru[i] = mapParts(w, func(p string) string { return capital(rs.apply(strings.ToLower(p), "place", "common")) })
	}
	n.Russian = strings.Join(ru, "-")
	n.English = nominative
	return n
}

// personOrigin says whether a person's name is East Slavic: a given name
// only Russians and Belarusians have, or a patronymic between a given
// name and a surname; or, when the given name is not known to be Polish
// only, a surname in -ow, -ew, -in (Ławrow, Putin).
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
	if !polishGiven && eastSurname(words[len(words)-1]) {
		return EastSlavic
	}
	return Polish
}

func eastSurname(w string) bool {
	if strings.ContainsAny(w, "óąęśźć") || strings.Contains(w, "rz") {
		return false // Polish letters: a Polish name
	}
	for _, s := range []string{"ow", "ew", "owa", "ewa", "in", "ina", "yn", "yna", "ij", "yj"} {
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
// names from the table, surnames from the table or the rules.
func (t *tables) person(words []string, o Origin) (ru, en string) {
	rs := t.pl
	if o == EastSlavic {
		rs = t.east
	}
	ruw, enw := make([]string, len(words)), make([]string, len(words))
	for i, w := range words {
		ruw[i] = mapParts(w, func(p string) string {
			if e, ok := t.exceptions[strings.ToLower(p)]; ok && e.kind == Person {
				return e.ru[0]
			}
			if g, ok := t.given[p]; ok && g.ru != "" && i < len(words)-1 {
				return g.ru
			}
			if i == len(words)-1 {
				return capital(rs.apply(strings.ToLower(p), "surname", "person", "common"))
			}
			return capital(rs.apply(strings.ToLower(p), "person", "common"))
		})
		enw[i] = w
		if o == EastSlavic {
			enw[i] = mapParts(w, func(p string) string {
				if e, ok := t.exceptions[strings.ToLower(p)]; ok && e.en != "" {
					return e.en
				}
				if g, ok := t.given[p]; ok && g.en != "" {
					return g.en
				}
				return ""
			})
			if enw[i] == "" || strings.Contains(enw[i], "--") || strings.HasPrefix(enw[i], "-") || strings.HasSuffix(enw[i], "-") {
				enw[i] = t.romanise(ruw[i])
			}
		}
	}
	return strings.Join(ruw, " "), strings.Join(enw, " ")
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
