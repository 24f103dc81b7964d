// Command gen builds mosty's segmentation lexicons, internal/segment/lexicon/<lang>.lex.gz,
// from openly licensed word lists (see ../README.md for the sources and their licences):
//
//   - the Debian hunspell dictionaries (hunspell-pl, hunspell-ru, hunspell-en-us), every
//     form expanded with unmunch (hunspell-tools): a form the dictionary has only with a
//     capital is a name; one it has both ways is mixed, but for the Polish capitalised
//     entries without affixes, parts of names of several words ("Nowy", "Rok"), no names;
//   - the stop-word lists of stopwords-iso (npm pack stopwords-iso@1.1.0): the words that
//     most often start a sentence, but for those the dictionary has only with a capital,
//     which stay names (the lists hold "москва" and "россия"), the pronoun I aside;
//   - common words, the forms a dictionary has in small letters: for English every one but
//     the short entries that take no affix, which is how en_US lists abbreviations ("approx",
//     "bldg"; a small letter after a common word and a stop starts a sentence); for Polish
//     and Russian the short ones (at most four letters) but for such entries ("godz", "лаб")
//     and contractions without a vowel ("dr", "pkt"),
//     so that a short word before a stop is known for a word, no abbreviation ("…szok. to
//     był…"); and for Russian those that end like a surname ("name-ending" lines of
//     ../../rules/ru.txt), which the splitter would otherwise take for names: "Российский".
//
// Usage, from the repository root:
//
//	apt-get install hunspell-tools hunspell-pl hunspell-ru hunspell-en-us
//	(cd /tmp && npm pack stopwords-iso@1.1.0 && tar xzf stopwords-iso-1.1.0.tgz)
//	go run ./internal/segment/lexicon/gen -stopwords /tmp/package/stopwords-iso.json
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// dictionaries names each language's hunspell dictionary and the charset
// its files are written in.
var dictionaries = map[string]struct{ name, charset string }{
	"pl": {"pl_PL", "ISO8859-2"},
	"ru": {"ru_RU", "UTF-8"},
	"en": {"en_US", "UTF-8"},
}

func main() {
	dir := flag.String("hunspell", "/usr/share/hunspell", "folder of the hunspell .dic and .aff files")
	stop := flag.String("stopwords", "", "stopwords-iso.json from the npm package stopwords-iso@1.1.0")
	out := flag.String("out", "internal/segment/lexicon", "folder to write <lang>.lex.gz to")
	rules := flag.String("rules", "internal/segment/rules", "folder of the segmentation rules (<lang>.txt)")
	flag.Parse()
	if *stop == "" {
		fmt.Fprintln(os.Stderr, "gen: -stopwords is required (see the package comment)")
		os.Exit(2)
	}
	stopwords, err := readStopwords(*stop)
	if err != nil {
		fail(err)
	}
	for _, lang := range []string{"en", "pl", "ru"} {
		d := dictionaries[lang]
		forms, err := unmunch(filepath.Join(*dir, d.name), d.charset)
		if err != nil {
			fail(err)
		}
		common, err := commonFilter(lang, *rules, filepath.Join(*dir, d.name+".dic"), d.charset)
		if err != nil {
			fail(err)
		}
		parts, err := nameParts(lang, filepath.Join(*dir, d.name+".dic"), d.charset)
		if err != nil {
			fail(err)
		}
		classes := classify(forms, stopwords[lang], common, parts)
		path := filepath.Join(*out, lang+".lex.gz")
		if err := write(path, lang, classes); err != nil {
			fail(err)
		}
		fmt.Printf("%s: %d words from %d forms\n", path, len(classes), len(forms))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func readStopwords(path string) (map[string][]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string][]string
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// unmunch lists every form of a hunspell dictionary.
func unmunch(base, charset string) ([]string, error) {
	cmd := exec.Command("unmunch", base+".dic", base+".aff")
	cmd.Stderr = nil
	raw, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("unmunch %s: %w (hint: apt-get install hunspell-tools)", base, err)
	}
	if charset == "ISO8859-2" {
		if raw, err = charmap.ISO8859_2.NewDecoder().Bytes(raw); err != nil {
			return nil, err
		}
	}
	var forms []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		if f := strings.TrimSpace(sc.Text()); f != "" && utf8.ValidString(f) {
			forms = append(forms, f)
		}
	}
	return forms, sc.Err()
}

// The classes, as written in the lexicon files.
const (
	name     = 'N' // only ever written with a capital
	mixed    = 'M' // written both ways
	function = 'F' // a stop word, written small
	common   = 'C' // written small only, and no stop word
	funcName = 'G' // a stop word the dictionary also has with a capital
)

// classify gives each lower-case key its class; the small-letter forms
// that keep says yes to are common words; the capitalised forms in parts
// are no names (parts of a name of several words).
func classify(forms, stopwords []string, keep func(string) bool, parts map[string]bool) map[string]byte {
	lower := map[string]bool{}
	out := map[string]byte{}
	for _, f := range forms {
		if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
			k := key(f)
			lower[k] = true
			if isWord(k) && keep(k) {
				out[k] = common
			}
		}
	}
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) || !isWord(f) || parts[f] {
			continue
		}
		k := key(f)
		if lower[k] {
			out[k] = mixed
		} else if out[k] != mixed {
			out[k] = name
		}
	}
	for _, w := range stopwords {
		k := key(w)
		switch {
		case !isWord(k):
		case out[k] == name && !pronoun(k):
			// The lists hold a few names ("москва", "россия",
			// "microsoft") and Roman numerals: the dictionary knows
			// better.
		case out[k] == name || out[k] == mixed:
			out[k] = funcName
		default:
			out[k] = function
		}
	}
	return out
}

// pronoun reports whether a stop word the dictionary has only with a
// capital is a pronoun of one letter, or a contraction of one: English
// "I", "I'm".
func pronoun(k string) bool {
	head, _, _ := strings.Cut(k, "'")
	return utf8.RuneCountInString(head) == 1
}

// commonFilter says which small-letter forms of lang are kept as common
// words: for English all but abbreviations; for Polish and Russian the
// short ones but abbreviations, and for Russian those with a surname's
// ending (the "name-ending" lines of the rules) too.
func commonFilter(lang, rulesDir, dic, charset string) (func(string) bool, error) {
	abbrevs, err := bareShortEntries(dic, charset)
	if err != nil {
		return nil, err
	}
	short := func(w string) bool { return utf8.RuneCountInString(w) <= maxShort && !abbrevs[w] && hasVowel(w) }
	switch lang {
	case "en":
		return func(w string) bool { return !abbrevs[w] }, nil
	case "ru":
		endings, err := nameEndings(filepath.Join(rulesDir, lang+".txt"))
		if err != nil {
			return nil, err
		}
		return func(w string) bool {
			for _, e := range endings {
				if strings.HasSuffix(w, e) {
					return true
				}
			}
			return short(w)
		}, nil
	}
	return short, nil
}

// hasVowel reports whether w has a vowel: a short word without one is a
// contraction ("dr", "mgr", "pkt", "млн"), whose period may not end a
// sentence ("prof. dr. hab.": "dr." is "doktora").
func hasVowel(w string) bool {
	return strings.ContainsAny(w, "aąeęioóuyаеёиоуыэюя")
}

// maxShort is the longest word the splitter takes for a possible
// abbreviation when the lexicon lacks it (ctxShortWord in ../../context.go):
// the lexicons of Polish and Russian keep their common words up to it.
const maxShort = 4

// maxAbbrev is the longest entry of a dictionary taken for an
// abbreviation when it takes no affix.
const maxAbbrev = 6

// bareShortEntries lists, lower case, the entries of a hunspell .dic
// without affix flags and of at most maxAbbrev letters: the dictionaries
// list their abbreviations so ("approx", "bldg", "godz", "лаб"), beside a
// few short adverbs ("ahead"), which a stop after them rarely follows.
func bareShortEntries(dic, charset string) (map[string]bool, error) {
	entries, err := readDic(dic, charset)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, e := range entries {
		if !e.flags && utf8.RuneCountInString(e.word) <= maxAbbrev {
			out[key(e.word)] = true
		}
	}
	return out, nil
}

// nameParts lists, for Polish, the capitalised entries of the .dic that
// take no affix, are not in capitals only, and that the dictionary also
// has in small letters with no capitalised entry of their own taking
// affixes: hunspell-pl lists so, case by case, the words of names of
// several words ("Nowy" of "Nowy Jork", "Rok", "Miasto", "Wielki"), which
// alone are common words that start sentences ("…w 2016 r. Rok później").
// The other dictionaries list other things so (en_US: "Budget", "City").
func nameParts(lang, dic, charset string) (map[string]bool, error) {
	if lang != "pl" {
		return nil, nil
	}
	entries, err := readDic(dic, charset)
	if err != nil {
		return nil, err
	}
	lower, flaggedCap := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		r, _ := utf8.DecodeRuneInString(e.word)
		switch {
		case !unicode.IsUpper(r):
			lower[e.word] = true
		case e.flags:
			flaggedCap[e.word] = true
		}
	}
	out := map[string]bool{}
	for _, e := range entries {
		r, _ := utf8.DecodeRuneInString(e.word)
		if unicode.IsUpper(r) && !e.flags && strings.ToUpper(e.word) != e.word && !flaggedCap[e.word] && lower[strings.ToLower(e.word)] {
			out[e.word] = true
		}
	}
	return out, nil
}

// A dicEntry is one line of a hunspell .dic: a word, with affix flags or
// without.
type dicEntry struct {
	word  string
	flags bool
}

// readDic reads the entries of a hunspell .dic written in charset.
func readDic(dic, charset string) ([]dicEntry, error) {
	raw, err := os.ReadFile(dic)
	if err != nil {
		return nil, err
	}
	if charset == "ISO8859-2" {
		if raw, err = charmap.ISO8859_2.NewDecoder().Bytes(raw); err != nil {
			return nil, err
		}
	}
	var out []dicEntry
	for i, line := range strings.Split(string(raw), "\n") {
		word, flags, _ := strings.Cut(strings.TrimSpace(line), "/")
		if i > 0 && word != "" {
			out = append(out, dicEntry{word, flags != ""})
		}
	}
	return out, nil
}

// nameEndings reads the "name-ending" lines of a rules file.
func nameEndings(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for line := range strings.Lines(string(raw)) {
		// "name-ending-always" lines are left out: the common words
		// ending so are taken for names all the same.
		if f := strings.Fields(line); len(f) > 1 && f[0] == "name-ending" {
			for _, e := range f[1:] {
				out = append(out, key(e))
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no name-ending lines", path)
	}
	return out, nil
}

// key is how the lexicon stores a word: lower case, ё written е.
func key(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "ё", "е")
}

func isWord(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) < 0
}

// write stores the words sorted and front-coded, one a line: the class,
// the number of leading bytes shared with the previous word as one
// character ('0' + n), and the rest of the word; gzip around it all.
func write(path, lang string, classes map[string]byte) error {
	keys := make([]string, 0, len(classes))
	for k := range classes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# mosty segmentation lexicon (%s); made by internal/segment/lexicon/gen, see README.md\n", lang)
	prev := ""
	for _, k := range keys {
		n := 0
		for n < len(prev) && n < len(k) && n < 70 && prev[n] == k[n] {
			n++
		}
		b.WriteByte(classes[k])
		b.WriteByte(byte('0' + n))
		b.WriteString(k[n:])
		b.WriteByte('\n')
		prev = k
	}
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(b.Bytes())
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, z.Bytes(), 0o644)
}
