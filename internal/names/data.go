package names

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
)

//go:generate go run ./gen -dic /usr/share/hunspell/pl_PL.dic -aff /usr/share/hunspell/pl_PL.aff -rudic /usr/share/hunspell/ru_RU.dic -az /usr/lib/node_modules/az/dicts -belarus=$MOSTY_BELARUS_DB -out data

//go:embed data/*.rules data/*.tsv data/titles.txt data/notnames.txt data/lexicon.dic data/lexicon.aff data/russian.txt data/opencorpora.txt.gz data/belarus.txt.gz
var dataFS embed.FS

// tables is everything the package knows, parsed once from data/.
type tables struct {
	pl, east, en   *ruleSet
	exceptions     map[string]entry // by lower-case Polish nominative
	exceptionNames map[string]bool  // their nominatives as written
	given          map[string]givenName
	titles         map[string]bool
	notNames       map[string]bool
	firstWords     map[string]bool   // first words of the table's names of several words
	firstPrefixes  map[string]bool   // their first four letters
	forms          map[string]string // irregular form (lower case) → nominative
	endings        []ending
	lex            *lexicon
	russian        map[string]ruWord // Russian proper nouns (wordlist.go): lower case, ё as е → the word
}

var loadTables = sync.OnceValue(func() *tables {
	t, err := parseTables()
	if err != nil {
		panic("names: embedded data: " + err.Error()) // a broken build; TestData names the line
	}
	return t
})

func parseTables() (*tables, error) {
	t := &tables{}
	var err error
	for _, f := range []struct {
		name string
		dst  **ruleSet
	}{{"pl.rules", &t.pl}, {"east.rules", &t.east}, {"en.rules", &t.en}} {
		if *f.dst, err = parseRules(f.name, readData(f.name)); err != nil {
			return nil, err
		}
	}
	if t.exceptions, err = parseExceptions(readData("exceptions.tsv")); err != nil {
		return nil, err
	}
	t.firstWords, t.firstPrefixes, t.exceptionNames = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for k, e := range t.exceptions {
		t.exceptionNames[e.pl] = true
		if first, _, ok := strings.Cut(k, " "); ok {
			t.firstWords[first] = true
			t.firstPrefixes[prefix(first)] = true
		}
	}
	if t.given, err = parseGiven(readData("given.tsv")); err != nil {
		return nil, err
	}
	if t.titles, err = wordSet("titles.txt"); err != nil {
		return nil, err
	}
	if t.notNames, err = wordSet("notnames.txt"); err != nil {
		return nil, err
	}
	if t.forms, err = parseForms(readData("forms.tsv")); err != nil {
		return nil, err
	}
	if t.endings, err = parseEndings(readData("endings.tsv")); err != nil {
		return nil, err
	}
	t.russian = make(map[string]ruWord, 1<<16)
	if err = parseRussian(t.russian, readData("russian.txt")); err != nil {
		return nil, err
	}
	for _, name := range []string{"opencorpora.txt.gz", "belarus.txt.gz"} {
		if err = parseClassed(t.russian, name, []byte(readData(name))); err != nil {
			return nil, err
		}
	}
	if t.lex, err = parseLexicon(readData("lexicon.aff"), readData("lexicon.dic")); err != nil {
		return nil, err
	}
	return t, nil
}

func readData(name string) string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("names: " + err.Error())
	}
	return string(b)
}

// eachRow calls fn with the tab-separated fields of each line of a table
// that is not blank or a # comment; fn's error is given the line number.
func eachRow(name, text string, minFields int, fn func(f []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return fmt.Errorf("%s:%d: %d tab-separated fields, want at least %d", name, n, len(f), minFields)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func wordSet(name string) (map[string]bool, error) {
	set := map[string]bool{}
	err := eachLine(name, readData(name), func(l string) error { set[l] = true; return nil })
	return set, err
}

// hintsCode is the names code that decides a hint: finding names and
// making their forms. Bump it with any change there that changes the
// hints of a text; HintsVersion covers the data.
const hintsCode = 4

// HintsVersion says which names hints this mosty writes: the names code
// (hintsCode) and every embedded data file. A workspace whose hints were
// written by another version has them written again on its next sync,
// without extracting its articles again (the hints are advice beside the
// translations, not part of the Polish files).
var HintsVersion = sync.OnceValue(func() string {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		panic("names: " + err.Error())
	}
	files := make([]dataFile, len(entries))
	for i, e := range entries { // sorted by name
		files[i] = dataFile{e.Name(), readData(e.Name())}
	}
	return hintsVersion(hintsCode, files)
})

type dataFile struct{ name, text string }

func hintsVersion(code int, files []dataFile) string {
	h := sha256.New()
	fmt.Fprintf(h, "names %d\n", code)
	for _, f := range files {
		fmt.Fprintf(h, "%s\n%d\n%s", f.name, len(f.text), f.text)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}
