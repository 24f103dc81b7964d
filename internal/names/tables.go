package names

import (
	"fmt"
	"strings"
)

// Kind is what a name names.
type Kind uint8

// The kinds of names.
const (
	Person Kind = iota + 1
	Place
)

// MarshalText writes person or place.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Place:
		return "place"
	}
	return "unknown"
}

// Origin says which rules give a name's Russian form.
type Origin uint8

// The origins: Polish names are transcribed; East Slavic ones (Russian,
// Belarusian) written in Polish spelling are spelt back.
const (
	Polish Origin = iota
	EastSlavic
)

// MarshalText writes pl or east.
func (o Origin) MarshalText() ([]byte, error) {
	if o == EastSlavic {
		return []byte("east"), nil
	}
	return []byte("pl"), nil
}

// An entry is a row of exceptions.tsv: a name whose forms are
// established rather than made by the rules.
type entry struct {
	pl     string
	kind   Kind
	origin Origin
	ru     []string // the first is the form given; the others are accepted too
	en     string
}

func parseExceptions(text string) (map[string]entry, error) {
	out := map[string]entry{}
	err := eachRow("exceptions.tsv", text, 6, func(f []string) error {
		e := entry{pl: f[0], ru: strings.Split(f[3], "|"), en: f[4]}
		var err error
		if e.kind, err = parseKind(f[1]); err != nil {
			return err
		}
		if e.origin, err = parseOrigin(f[2]); err != nil {
			return err
		}
		if e.en == "-" {
			e.en = ""
		}
		key := strings.ToLower(e.pl)
		if _, dup := out[key]; dup {
			return fmt.Errorf("%q is listed twice", e.pl)
		}
		out[key] = e
		return nil
	})
	return out, err
}

func parseKind(s string) (Kind, error) {
	switch s {
	case "person":
		return Person, nil
	case "place":
		return Place, nil
	}
	return 0, fmt.Errorf("kind %q: want person or place", s)
}

func parseOrigin(s string) (Origin, error) {
	switch s {
	case "pl":
		return Polish, nil
	case "east":
		return EastSlavic, nil
	}
	return 0, fmt.Errorf("origin %q: want pl or east", s)
}

// A givenName is a row of given.tsv.
type givenName struct {
	pl     string
	female bool
	east   bool // Russian or Belarusian in Polish spelling
	by     bool // a Belarusian form (Siarhiej, Uładzimir)
	polish bool // a Polish name too
	ru, en string
	ruEast string // its Russian form in an East Slavic name (Hanna Анна), if other
}

func parseGiven(text string) (map[string]givenName, error) {
	out := map[string]givenName{}
	err := eachRow("given.tsv", text, 5, func(f []string) error {
		ru, ruEast, _ := strings.Cut(f[3], "|")
		g := givenName{pl: f[0], ru: dash(ru), ruEast: ruEast, en: dash(f[4])}
		switch f[1] {
		case "m":
		case "f":
			g.female = true
		default:
			return fmt.Errorf("sex %q: want m or f", f[1])
		}
		switch f[2] {
		case "pl":
			g.polish = true
		case "east":
			g.east = true
		case "both":
			g.polish, g.east = true, true
		case "by":
			g.east, g.by = true, true
		default:
			return fmt.Errorf("origin %q: want pl, east, both or by", f[2])
		}
		if _, dup := out[g.pl]; dup {
			return fmt.Errorf("%q is listed twice", g.pl)
		}
		out[g.pl] = g
		return nil
	})
	return out, err
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// parseForms reads forms.tsv: irregular case forms and their nominative.
func parseForms(text string) (map[string]string, error) {
	out := map[string]string{}
	err := eachRow("forms.tsv", text, 2, func(f []string) error {
		for _, form := range strings.Split(f[1], ",") {
			out[strings.ToLower(strings.TrimSpace(form))] = f[0]
		}
		return nil
	})
	return out, err
}

// Cases is a set of grammatical cases.
type cases uint8

const (
	nom cases = 1 << iota
	gen
	dat
	acc
	ins
	loc
	voc
)

var caseNames = map[string]cases{"nom": nom, "gen": gen, "dat": dat, "acc": acc, "ins": ins, "loc": loc, "voc": voc}

// An ending is a row of endings.tsv.
type ending struct {
	form, lemma string // endings; "" for none
	genders     string // of m, f, n, p
	cases       cases
	after       []string // the stem ends with one of these
	known       bool     // only for a lemma the lexicon or a table knows
}

func parseEndings(text string) ([]ending, error) {
	var out []ending
	err := eachRow("endings.tsv", text, 4, func(f []string) error {
		e := ending{form: dash(f[0]), lemma: dash(f[1]), genders: f[2]}
		if strings.Trim(e.genders, "mfnp") != "" {
			return fmt.Errorf("genders %q: want letters of mfnp", e.genders)
		}
		for _, c := range strings.Split(f[3], ",") {
			if caseNames[c] == 0 {
				return fmt.Errorf("case %q: want nom, gen, dat, acc, ins, loc or voc", c)
			}
			e.cases |= caseNames[c]
		}
		if len(f) > 4 {
			for _, cond := range strings.Fields(f[4]) {
				switch {
				case cond == "known":
					e.known = true
				case strings.HasPrefix(cond, "after="):
					e.after = strings.Split(strings.TrimPrefix(cond, "after="), ",")
				default:
					return fmt.Errorf("condition %q: want after=… or known", cond)
				}
			}
		}
		out = append(out, e)
		return nil
	})
	return out, err
}
