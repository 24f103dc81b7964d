package segment

import (
	"fmt"
	"strings"
)

// A context is what stands before a stop that might end a sentence.
type context uint8

// The contexts, named in the rules files as below.
const (
	ctxWord        context = iota // a plain word: "…podpisano."
	ctxDictWord                   // a plain word the lexicon has: "…party.", "…Mississippi."
	ctxShortWord                  // a plain word of at most four letters the lexicon lacks: "…Govt.", "…rez."
	ctxNumber                     // a number: "wyniosła 120.", "lata 90."
	ctxEnumerator                 // a numbering opening the sentence: "2.", "IV.", "§ 2.", "8.1."
	ctxRoman                      // a Roman numeral: "III. kwartał"
	ctxInitial                    // an initial: "J. Kowalski", "W.H.S. Koerner"
	ctxNameInitial                // the last of two initials after a surname: "Самолазов М. Н."
	ctxAbbrev                     // an abbreviation that may end a sentence: "itd.", "U.S."
	ctxAbbrevNum                  // an abbreviation after a number: "2016 r.", "XV w."
	ctxAbbrevRare                 // an abbreviation that rarely ends a sentence: "U.S.", "Inc."
	ctxNever                      // an abbreviation that never ends one: "prof.", "ул."
	ctxEllipsis                   // "…", "...", ". . ."
	ctxQuestion                   // "?", "?!", "!?"
	ctxExclaim                    // "!", "!!"
	ctxExclaimName                // "!" after a capitalised word inside the sentence: "Yahoo!"
	ctxQuote                      // any stop followed by a closing quote or bracket: „Tak.”
	ctxTitle                      // one closing a quotation that opened after a word: „Quo vadis?”
	ctxEmoticon                   // an emoticon of the rules: "Спасибо :)"
	ctxOpening                    // a number ending a phrase that opens the sentence: "W 2016 r.", "W latach 90."
	numContexts
)

var contextNames = [numContexts]string{"word", "dict-word", "short-word", "number", "enumerator", "roman", "initial", "name-initial",
	"abbrev", "abbrev-number", "abbrev-rarely", "abbrev-never", "ellipsis", "question", "exclaim", "exclaim-name",
	"quote", "title", "emoticon", "opening"}

// A class is what follows the stop, past spaces, opening quotes and
// brackets; a dash (a new speaker's turn, or the words that say who spoke)
// makes it the dash- variant.
type class uint8

// The classes, named in the rules files as below.
const (
	clsEnd       class = iota // the end of the text or a line
	clsLower                  // a word in small letters
	clsLowerFunc              // a function word in small letters: "i", "gdzie", "что" (a "lower" line covers it too)
	clsDigit                  // a number
	clsName                   // a capitalised word the lexicon has only with a capital: "Kowalski"
	clsMixed                  // one it has both ways: "Polska", "Government"
	clsFunction               // a function word: "W", "Jego", "It", "Это"
	clsAcronym                // capitals only: "NATO", "США"
	clsRoman                  // a Roman numeral: "XX"
	clsPhrase                 // a capitalised common word then another that is no name: "Urząd Statystyczny"
	clsCapital                // any other capitalised word: "Kolejne", "Prace"
	clsCitation               // a bracket that ends no sentence of its own: "(Smith 55)", "(PAP)"
	clsItem                   // a list item's letter or small Roman numeral: "b) ", "ii. "
	clsHashtag                // a hashtag: "#jazz"
	clsContinues              // a word or mark no sentence starts with: a "continues" word of the rules in small letters ("który", "который"), "/", ",", ";"
	clsMeasure                // a number and a unit or count of the rules: "30 мин.", "50 коп", "10 in."
	clsOther                  // anything else: a symbol, an emoji
	numPlain
	dashed     = numPlain // class + dashed is the class after a dash
	numClasses = 2 * numPlain
)

var classNames = [numPlain]string{"end", "lower", "lower-function", "digit", "name", "mixed", "function", "acronym",
	"roman", "phrase", "capital", "citation", "item", "hashtag", "continues", "measure", "other"}

// A decision table says, for every context and class, whether the stop
// ends a sentence. It is filled from "decide" lines of the rules files:
// the language's own first, then the shared ones; the first line that
// matches wins.
type decisions struct {
	split, set [numContexts][numClasses]bool
	// fine says, per context, which classes the decision tells apart, so
	// that the lexicon must be asked: capitalised words, or words in small
	// letters.
	fine [numContexts]detail
}

// add applies one "decide CONTEXT CLASS split|join" line; either name may
// be "*", and a class "dash-*" or "*" covers the dash- variants too
// ("*" covers them all).
func (d *decisions) add(ctxName, clsName, action string) error {
	var split bool
	switch action {
	case "split":
		split = true
	case "join":
	default:
		return fmt.Errorf("decision %q is neither split nor join", action)
	}
	ctxs, err := pick(ctxName, contextNames[:])
	if err != nil {
		return fmt.Errorf("unknown context %q", ctxName)
	}
	clss, err := pickClasses(clsName)
	if err != nil {
		return err
	}
	for _, c := range ctxs {
		for _, k := range clss {
			if !d.set[c][k] {
				d.set[c][k], d.split[c][k] = true, split
			}
		}
	}
	return nil
}

// pick returns the indexes of names that name (or "*") stands for.
func pick(name string, names []string) ([]int, error) {
	var out []int
	for i, n := range names {
		if name == "*" || name == n {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("unknown %q", name)
	}
	return out, nil
}

func pickClasses(name string) ([]int, error) {
	base, dash := name, false
	if rest, ok := strings.CutPrefix(name, "dash-"); ok {
		base, dash = rest, true
	}
	idx, err := pick(base, classNames[:])
	if err != nil {
		return nil, fmt.Errorf("unknown class %q", name)
	}
	if base == "lower" {
		idx = append(idx, int(clsLowerFunc)) // unless a line before decides it apart
	}
	var out []int
	for _, i := range idx {
		if dash {
			out = append(out, i+int(dashed))
		} else {
			out = append(out, i)
			if name == "*" {
				out = append(out, i+int(dashed))
			}
		}
	}
	return out, nil
}

// A detail says which words after a stop the lexicon must be asked about.
type detail uint8

const (
	fineCapitals detail = 1 << iota // name, mixed, function, phrase… or any capital
	fineLower                       // a function word in small letters, a word that continues, or any other
)

// capitalClasses are the classes a capitalised word may have.
var capitalClasses = []class{clsName, clsMixed, clsFunction, clsAcronym, clsRoman, clsPhrase, clsCapital}

// complete reports the first context and class no line decides, and
// works out which contexts need the lexicon.
func (d *decisions) complete() error {
	for c := range numContexts {
		for _, k := range capitalClasses {
			for _, dash := range []class{0, dashed} {
				if d.split[c][k+dash] != d.split[c][clsCapital+dash] {
					d.fine[c] |= fineCapitals
				}
			}
		}
		for _, dash := range []class{0, dashed} {
			if d.split[c][clsLowerFunc+dash] != d.split[c][clsLower+dash] || d.split[c][clsContinues+dash] != d.split[c][clsLower+dash] {
				d.fine[c] |= fineLower
			}
		}
	}
	for c := range numContexts {
		for k := range numClasses {
			if !d.set[c][k] {
				name := classNames[k%numPlain]
				if k >= dashed {
					name = "dash-" + name
				}
				return fmt.Errorf("nothing decides context %s before %s", contextNames[c], name)
			}
		}
	}
	return nil
}
