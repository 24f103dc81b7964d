package names

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// The Russian word list: the proper nouns of Debian's hunspell-ru
// (russian.txt) and the surnames, given names, patronymics and places of
// the OpenCorpora dictionary (opencorpora.txt.gz). It confirms the East
// Slavic spellings the rules allow (Ельцин, not Ельцын; Колесникова, not
// Календикова; Борисов, a place): evidence which of a rule's
// alternatives is a real name, never a Polish → Russian answer.

// wordClass says what the list knows a word as.
type wordClass uint8

const (
	surname wordClass = 1 << iota
	givenWord
	patronymic
	placeWord
	properWord // a proper noun of hunspell-ru, of no known class
)

var classLetters = map[byte]wordClass{'s': surname, 'g': givenWord, 'p': patronymic, 't': placeWord}

// A ruWord is a word of the list: as written (capitalised, with its ё)
// and its classes.
type ruWord struct {
	form    string
	classes wordClass
}

// parseRussian reads russian.txt, the proper nouns of a Russian spelling
// dictionary, into the list, keyed by their lower-case form with ё as е.
func parseRussian(list map[string]ruWord, text string) error {
	return eachLine("russian.txt", text, func(w string) error {
		addWord(list, w, properWord)
		return nil
	})
}

// parseOpenCorpora reads opencorpora.txt.gz, lines of a lower-case word,
// a tab and its class letters (s surname, g given name, p patronymic, t
// place), into the list.
func parseOpenCorpora(list map[string]ruWord, gz []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("opencorpora.txt.gz: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("opencorpora.txt.gz: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		w, letters, ok := strings.Cut(line, "\t")
		var c wordClass
		for i := 0; i < len(letters); i++ {
			c |= classLetters[letters[i]]
		}
		if !ok || w == "" || c == 0 {
			return fmt.Errorf("opencorpora.txt.gz:%d: want a word, a tab and class letters of sgpt, not %q", n, line)
		}
		addWord(list, mapParts(w, capital), c)
	}
	return sc.Err()
}

func addWord(list map[string]ruWord, w string, c wordClass) {
	key := foldYo(strings.ToLower(w))
	rw, ok := list[key]
	if !ok || !strings.ContainsRune(rw.form, 'ё') && strings.ContainsRune(w, 'ё') {
		rw.form = w // the spelling with ё, where one source has it
	}
	rw.classes |= c
	list[key] = rw
}

// confirmed is the first of the spellings the Russian list has as a word
// of one of the classes, as the list writes it (with its ё): the rules'
// alternatives (ы or и, нь or н, а or о …) decided by a dictionary
// rather than by a guess. Each further set of classes is weaker evidence,
// tried only when the ones before it confirm none of the spellings.
func (t *tables) confirmed(spellings []string, classes ...wordClass) (string, bool) {
	for _, c := range classes {
		for _, s := range spellings {
			if w, ok := t.russian[foldYo(s)]; ok && w.classes&c != 0 {
				return w.form, true
			}
		}
	}
	return "", false
}
