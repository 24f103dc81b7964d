// Command gen builds mosty's segmentation lexicons, internal/segment/lexicon/<lang>.lex.gz,
// from openly licensed word lists (see ../README.md for the sources and their licences):
//
//   - the Debian hunspell dictionaries (hunspell-pl, hunspell-ru, hunspell-en-us), every
//     form expanded with unmunch (hunspell-tools): a form the dictionary has only with a
//     capital is a name; one it has both ways is mixed;
//   - the stop-word lists of stopwords-iso (npm pack stopwords-iso@1.1.0): the words that
//     most often start a sentence.
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
		classes := classify(forms, stopwords[lang])
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
	funcName = 'G' // a stop word the dictionary also has with a capital
)

// classify gives each lower-case key its class.
func classify(forms, stopwords []string) map[string]byte {
	lower := map[string]bool{}
	for _, f := range forms {
		if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
			lower[key(f)] = true
		}
	}
	out := map[string]byte{}
	for _, f := range forms {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) || !isWord(f) {
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
		if !isWord(k) {
			continue
		}
		if out[k] != 0 {
			out[k] = funcName
		} else {
			out[k] = function
		}
	}
	return out
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
