package names

import (
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
	properWord  // a proper noun of hunspell-ru, of no known class
	belarusWord // a settlement, river or lake of Belarus (belarus.txt.gz)
)

// classLetter is the class of a letter of opencorpora.txt.gz or
// belarus.txt.gz, or 0.
func classLetter(l byte) wordClass {
	switch l {
	case 'b', 'w':
		return belarusWord
	case 's':
		return surname
	case 'g':
		return givenWord
	case 'p':
		return patronymic
	case 't':
		return placeWord
	}
	return 0
}

// A ruWord is a word of the list: as written (with its ё; OpenCorpora's
// in lower case) and its classes.
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

// parseClassed reads a gzipped list of lines of a word, a tab and its
// class letters into the list: opencorpora.txt.gz (lower-case words; s
// surname, g given name, p patronymic, t place) and belarus.txt.gz
// (capitalised; b a settlement, w a river or lake of Belarus). The words
// are kept as written (confirmed capitalises the one it gives): a process
// reads the lists once, on its first name, and 63,000 words are read
// faster without a copy each.
func parseClassed(list map[string]ruWord, name string, gz []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for n := 1; len(text) > 0; n++ {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		w, letters, ok := bytes.Cut(line, []byte{'\t'})
		var c wordClass
		for _, l := range letters {
			if classLetter(l) == 0 {
				c = 0
				break
			}
			c |= classLetter(l)
		}
		if !ok || len(w) == 0 || c == 0 {
			return fmt.Errorf("%s:%d: want a word, a tab and class letters of sgptbw, not %q", name, n, line)
		}
		addWord(list, string(w), c)
	}
	return nil
}

func addWord(list map[string]ruWord, w string, c wordClass) {
	key := strings.ToLower(w)
	if strings.Contains(key, "ё") {
		key = foldYo(key)
	}
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
				return mapParts(w.form, capital), true
			}
		}
	}
	return "", false
}
