package names

import (
	"strings"
)

// eastPlace gives the Russian form of a place whose Polish name may be
// the Polish spelling of a Russian or Belarusian one: it is, when the
// Russian list confirms one of its East Slavic spellings for each of its
// parts and not its Polish one (Saratów Саратов, Briańsk Брянск; not
// Gdańsk Гданьск), the towns and places of OpenCorpora and hunspell-ru
// first, then those of Belarus (belarus.txt.gz: Porzecze Поречье, Widze
// Видзы), or, the lists knowing neither, when its ending is one Polish
// place names do not have (eastEnding: Omsk, Irkuck).
//
// A name of several words is left to the Polish rules and the table:
// such East Slavic names are exonyms (Rostów nad Donem, Niżny Nowogród),
// and Polish ones have a Polish adjective (Mińsk Mazowiecki).
func (t *tables) eastPlace(words []string) (string, bool) {
	if len(words) != 1 {
		return "", false
	}
	polish, marked := false, false
	parts, confirmed := 0, 0
	ru := mapParts(words[0], func(p string) string {
		lower := strings.ToLower(p)
		parts++
		if _, ok := t.confirmed([]string{t.pl.apply(lower, "place", "common")}, placeWord|properWord); ok {
			polish = true
		}
		sections := []string{"place", "common"}
		if !t.lex.known(p) {
			// A name sjp.pl does not know may have the freer readings
			// of Belarusian names too: a Polish town it knows (Iława)
			// is not made a Belarusian village (Илово) by them.
			sections = append([]string{"byplace"}, sections...)
		}
		vs := t.east.variants(lower, sections...)
		// OpenCorpora's places first, then Belarus's, and hunspell-ru's
		// proper nouns of no known class last: the river Ryta is Рыта,
		// not the given name Рита; the river Styr is OpenCorpora's
		// Стырь, not OSM's Стыр.
		if form, ok := t.confirmed(vs, placeWord, belarusWord, properWord); ok {
			confirmed++
			return form
		}
		marked = marked || eastEnding(lower) && !polishSpelling(lower)
		return capital(vs[0])
	})
	// Each part of a hyphenated name must be East Slavic: Krynica-Zdrój
	// is not Криница, a Belarusian village, for its first part.
	if polish || confirmed < parts && !marked {
		return "", false
	}
	return ru, true
}

// eastEnding: the endings of Russian and Belarusian towns in Polish
// spelling that Polish towns do not have: -sk after a letter other than
// ń (Omsk, Kursk, Bobrujsk; Polish Słupsk and Bielsk come out the same
// either way), -ck (Irkuck, Połock), -grad, -gorod, and the plurals in
// -icze of Belarusian towns (Hancewicze Ганцевичи; Polish towns have
// -ice).
func eastEnding(w string) bool {
	switch {
	case strings.HasSuffix(w, "sk"):
		return !strings.HasSuffix(w, "ńsk") && len([]rune(w)) > 3
	case strings.HasSuffix(w, "ck"), strings.HasSuffix(w, "grad"), strings.HasSuffix(w, "gorod"), strings.HasSuffix(w, "icze"), strings.HasSuffix(w, "szczyzna"):
		return true
	}
	return false
}

// eastByList: a name of two words or more whose surname, in the
// Russian list, is a surname in one of the East Slavic spellings the
// rules allow (Siemaszka Семашко) and in none of its Polish ones: the
// evidence that a name with no known given name (Pietruś) is East
// Slavic. A Polish surname the list has in its Polish transcription
// (Nowak Новак, Górski Гурский) stays Polish.
func (t *tables) eastByList(words []string) bool {
	if len(words) < 2 {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	if strings.ContainsAny(last, "ąęó") || strings.Contains(last, "rz") {
		return false
	}
	if _, ok := t.confirmed(t.pl.variants(last, "surname", "person", "common"), surname|properWord|patronymic); ok {
		return false
	}
	// A surname in -ович the list has only as a patronymic counts
	// (Prakapowicz Прокопович).
	_, ok := t.confirmed(t.east.variants(last, "by", "surname", "person", "common"), surname, patronymic)
	return ok
}

// polishSpelling: letters only a Polish name has: ą, ę, ó, or rz after
// p, k, t or ch (Przeworsk is Polish, for all its -sk).
func polishSpelling(w string) bool {
	return strings.ContainsAny(w, "ąęó") || strings.Contains(w, "prz") || strings.Contains(w, "krz") || strings.Contains(w, "trz") || strings.Contains(w, "chrz")
}

// isBelarusian: an East Slavic person's name is written from Belarusian,
// not Russian: a Belarusian form of a given name (Siarhiej), dzi or ci
// before a consonant in the surname (Belarusian дзі, ці; the Polish
// spelling of Russian writes ди di, ци cy), or a Belarusian surname
// (belarusianName). Only for a name already known to be East Slavic: a
// Polish name has ci and dzi too.
func (t *tables) isBelarusian(words []string) bool {
	for _, w := range words {
		if g, ok := t.given[w]; ok && g.by {
			return true
		}
	}
	last := strings.ToLower(words[len(words)-1])
	return strings.Contains(last, "dzi") || belarusianCi(last) || t.belarusianName(words)
}

// russianGiven: the name has a given name in its Russian form, which only
// Russians have (Lew Landau: the -au is not Belarusian ў).
func (t *tables) russianGiven(words []string) bool {
	for _, w := range words[:len(words)-1] {
		if g, ok := t.given[w]; ok && g.east && !g.by && !g.polish {
			return true
		}
	}
	return false
}

// isMale: the name's first given name is a man's.
func (t *tables) isMale(words []string) bool {
	g, ok := t.given[words[0]]
	return ok && len(words) > 1 && !g.female
}

// belarusianName: the surname's Polish spelling is of a Belarusian one,
// in letters no Polish surname and no Polish spelling of a Russian one
// has: ŭ, the endings -ouski, -enka, -anka (Russian -овский, -енко:
// Azaranka), or a final -u after a vowel (Belarusian ў: Bykau, Sannikau)
// of a surname of five letters or more, unless its given name is a
// Russian form and the Russian list has the surname read letter by
// letter (Lew Landau Ландау; but Iwan Czyhrynau, Иван is Belarusian
// too).
func (t *tables) belarusianName(words []string) bool {
	last := strings.ToLower(words[len(words)-1])
	if strings.ContainsRune(last, 'ŭ') || hasAnySuffix(last, "ouski", "ouska", "enka", "anka") {
		return true
	}
	if len([]rune(last)) < 5 || !hasAnySuffix(last, "au", "ou", "eu") {
		return false
	}
	if !t.russianGiven(words) {
		return true
	}
	_, listed := t.confirmed(t.pl.variants(last, "surname", "person", "common"), surname|properWord)
	return !listed
}

// belarusianCi: ci before a consonant (Cichanouski): Belarusian ці
// (Russian ти), which the Polish spelling of Russian never has (it
// writes ци cy). Before a vowel ci may be a Polish spelling (Ciołkowski
// Циолковский).
func belarusianCi(w string) bool {
	for i := strings.Index(w, "ci"); i >= 0; {
		rest := w[i+2:]
		if rest != "" && !strings.ContainsAny(rest[:1], "aeiouy") {
			return true
		}
		j := strings.Index(rest, "ci")
		if j < 0 {
			return false
		}
		i += 2 + j
	}
	return false
}
