package segment

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mosty-dev/mosty/internal/segment/lexicon"
)

//go:embed rules/*.txt
var rulesFS embed.FS

// RulesVersion is a fingerprint of every embedded rules file and
// lexicon: when it changes, stored segmentations are stale. A change to
// segmentation code is a bump of pipelineVersion in internal/workspace,
// beside which the whole fingerprint is computed.
func RulesVersion() string {
	h := sha256.New()
	entries, _ := rulesFS.ReadDir("rules")
	for _, e := range entries {
		data, _ := rulesFS.ReadFile("rules/" + e.Name())
		h.Write(data)
	}
	h.Write([]byte(lexicon.Version()))
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Languages lists the languages mosty has segmentation rules for, sorted:
// those with a rules/<lang>.txt file.
func Languages() []string {
	entries, _ := rulesFS.ReadDir("rules")
	var out []string
	for _, e := range entries {
		if lang, ok := strings.CutSuffix(e.Name(), ".txt"); ok && len(lang) >= 2 && len(lang) <= 3 {
			out = append(out, lang)
		}
	}
	return out
}

// behaviour is what an abbreviation's period does.
type behaviour uint8

const (
	never        behaviour = iota + 1 // never ends a sentence
	maybe                             // may end one: the decisions for "abbrev" say when
	afterNumber                       // "abbrev-number" after a number, never elsewhere
	rarely                            // "abbrev-rarely": an adjective or a company form: "U.S.", "Inc."
	unit                              // "abbrev-number" after a number, a plain word elsewhere: "5 in.", "put it in."
	beforeNumber                      // never before a number, a plain word elsewhere: "No. 5", "Hell no."
)

// abbrev is one abbreviation, as lower-case words without their final
// period: "sp. z o.o." is ["sp.", "z", "o.o"].
type abbrev struct {
	words []string
	b     behaviour
	// small: the rules write it in small letters only ("est."), so a
	// word in capitals is not it ("6:30 a.m. EST. Passengers…").
	small bool
}

// Rules are the segmentation rules of one language.
type Rules struct {
	Lang string
	// byLast indexes abbreviations by their last word, lower case and
	// without its final period: "o.o" → sp._z_o.o. and z_o.o.
	byLast map[string][]abbrev
	// decide says, per context and class, whether a stop ends a sentence.
	decide decisions
	// lex tells names from other words.
	lex *lexicon.Lexicon
	// emoticons end a sentence like a stop: "Спасибо :) Завтра…".
	emoticons []string
	// semicolonList: a ";" before a list item ("…; 2) …") ends a segment.
	semicolonList bool
	// numberWords stand for a number: "mln", "тыс.".
	numberWords map[string]bool
	// nameEndings end surnames and patronymics (lexicon keys): "ов", "ский".
	nameEndings []string
	// wordEndings end words but no abbreviation (lexicon keys): the
	// vowels, "ь".
	wordEndings []string
	// function are function words beside the lexicon's (lexicon keys):
	// adverbs that open sentences, which a stop-word list lacks.
	function map[string]bool
	// prepositions open a phrase of time or place: "W 2016 r.", "В XIX в.".
	prepositions map[string]bool
	// headings are the words that make a heading with a number: "Глава 1".
	headings map[string]bool
	// degrees are the words for degrees a scale's letter follows: "st. C".
	degrees map[string]bool
	// conjunctions open a clause of its own: "a", "ale", "но".
	conjunctions map[string]bool
	// continues are function words that go on a sentence even in small
	// letters after a stop: relative pronouns ("który", "который").
	continues map[string]bool
}

// LoadRules reads the embedded rules for lang ("pl", "ru", "en") and adds
// extra abbreviations (from mosty.toml) that never end a sentence.
func LoadRules(lang string, extra []string) (*Rules, error) {
	data, err := rulesFS.ReadFile("rules/" + lang + ".txt")
	if err != nil {
		return nil, fmt.Errorf("no segmentation rules for language %q (mosty has pl, ru and en)", lang)
	}
	r := &Rules{Lang: lang, byLast: map[string][]abbrev{}, numberWords: map[string]bool{}, function: map[string]bool{},
		prepositions: map[string]bool{}, continues: map[string]bool{}, conjunctions: map[string]bool{}, headings: map[string]bool{}, degrees: map[string]bool{}}
	if r.lex, err = lexicon.Load(lang); err != nil {
		return nil, err
	}
	shared, _ := rulesFS.ReadFile("rules/decide.txt")
	if err := r.read(lang+".txt", string(data)); err != nil {
		return nil, err
	}
	if err := r.read("decide.txt", string(shared)); err != nil {
		return nil, err
	}
	if err := r.decide.complete(); err != nil {
		return nil, fmt.Errorf("rules/decide.txt: %w", err)
	}
	for _, a := range extra {
		if !strings.HasSuffix(a, ".") {
			a += "."
		}
		r.add(strings.ReplaceAll(a, " ", "_"), never)
	}
	return r, nil
}

// read applies one rules file.
func (r *Rules) read(name, data string) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if err := r.rule(f); err != nil {
			return fmt.Errorf("rules/%s:%d: %w", name, line, err)
		}
	}
	return nil
}

// rule applies one line, split into fields.
func (r *Rules) rule(f []string) error {
	switch f[0] {
	case "decide":
		if len(f) != 4 {
			return fmt.Errorf("want \"decide CONTEXT CLASS split|join\"")
		}
		return r.decide.add(f[1], f[2], f[3])
	case "number-word":
		for _, w := range f[1:] {
			r.numberWords[strings.ToLower(strings.TrimSuffix(w, "."))] = true
		}
		return nil
	case "function", "preposition", "continues", "conjunction", "heading", "degree":
		set := map[string]map[string]bool{"function": r.function, "preposition": r.prepositions, "continues": r.continues,
			"conjunction": r.conjunctions, "heading": r.headings, "degree": r.degrees}[f[0]]
		for _, w := range f[1:] {
			set[lexicon.Key(strings.TrimSuffix(w, "."))] = true
		}
		return nil
	case "name-ending", "name-ending-always":
		for _, e := range f[1:] {
			r.nameEndings = append(r.nameEndings, lexicon.Key(e))
		}
		return nil
	case "word-ending":
		for _, e := range f[1:] {
			r.wordEndings = append(r.wordEndings, lexicon.Key(e))
		}
		return nil
	case "emoticon":
		r.emoticons = append(r.emoticons, f[1:]...)
		return nil
	case "option":
		for _, o := range f[1:] {
			if o != "semicolon-list" {
				return fmt.Errorf("unknown option %q", o)
			}
			r.semicolonList = true
		}
		return nil
	}
	b, ok := map[string]behaviour{"never": never, "maybe": maybe, "after-number": afterNumber, "rarely": rarely,
		"unit": unit, "before-number": beforeNumber}[f[0]]
	if !ok {
		return fmt.Errorf("unknown behaviour %q", f[0])
	}
	for _, a := range f[1:] {
		r.add(a, b)
	}
	return nil
}

// add records an abbreviation; a later rule for the same one wins.
func (r *Rules) add(written string, b behaviour) {
	words := strings.Split(strings.ToLower(strings.TrimSuffix(written, ".")), "_")
	small := strings.ToLower(written) == written
	last := words[len(words)-1]
	list := r.byLast[last]
	for i, a := range list {
		if strings.Join(a.words, " ") == strings.Join(words, " ") {
			list[i].b, list[i].small = b, a.small && small
			return
		}
	}
	r.byLast[last] = append(list, abbrev{words: words, b: b, small: small})
}

// wordEnding reports whether word, of three letters or more and no
// hyphen, ends as the rules say no abbreviation ends: a word cut short
// ends before a vowel ("prof.", "гос."), so "policja" and "фильма" are
// words, not abbreviations the rules lack; "гос-ва", a contraction, is
// none.
func (r *Rules) wordEnding(word string) bool {
	if utf8.RuneCountInString(word) < 3 || strings.ContainsRune(word, '-') {
		return false
	}
	k := lexicon.Key(word)
	return slices.ContainsFunc(r.wordEndings, func(e string) bool { return strings.HasSuffix(k, e) })
}

// contraction reports whether word has none of the letters the rules
// end words with, the vowels: a contraction ("dr", "mgr", "pkt"), whose
// period may not end a sentence ("prof. dr. hab.") even where a word
// list has it.
func (r *Rules) contraction(word string) bool {
	k := lexicon.Key(word)
	return len(r.wordEndings) > 0 && !slices.ContainsFunc(r.wordEndings, func(e string) bool { return strings.Contains(k, e) })
}

// nameEnding reports whether word, capitalised and unknown to the
// lexicon, ends like a surname or a patronymic of the rules: "Петровский",
// "Иванову". The word must be longer than its ending by two letters.
func (r *Rules) nameEnding(word string) bool {
	k := lexicon.Key(word)
	return slices.ContainsFunc(r.nameEndings, func(e string) bool {
		return strings.HasSuffix(k, e) && utf8.RuneCountInString(k)-utf8.RuneCountInString(e) >= 2
	})
}
