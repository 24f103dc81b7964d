package names

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestData parses every embedded table strictly; a mistake names the file
// and line.
func TestData(t *testing.T) {
	if _, err := parseTables(); err != nil {
		t.Fatal(err)
	}
}

func TestRulesErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"no arrow", "ab ц", `x.rules:1: a rule is written letters > output`},
		{"unknown class", "a > б / X_", `x.rules:1: unknown class X`},
		{"two places", "a > б / _b_", `x.rules:1: a context has one _`},
		{"bad class", "@VV = aeiou", `x.rules:1: a class is written @X = letters`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseRules("x.rules", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestTableErrors(t *testing.T) {
	tests := []struct {
		name  string
		parse func() error
		want  string
	}{
		{"exception kind", func() error { _, err := parseExceptions("X\tthing\tpl\tИкс\t-\tsrc"); return err }, `exceptions.tsv:1: kind "thing"`},
		{"exception twice", func() error {
			_, err := parseExceptions("X\tplace\tpl\tИкс\t-\tsrc\nx\tplace\tpl\tИкс\t-\tsrc")
			return err
		}, `exceptions.tsv:2: "x" is listed twice`},
		{"too few fields", func() error { _, err := parseExceptions("X\tplace"); return err }, `exceptions.tsv:1: 2 tab-separated fields`},
		{"given sex", func() error { _, err := parseGiven("Adam\tx\tpl\t-\t-"); return err }, `given.tsv:1: sex "x"`},
		{"ending case", func() error { _, err := parseEndings("a\t-\tm\tablative"); return err }, `endings.tsv:1: case "ablative"`},
		{"ending condition", func() error { _, err := parseEndings("a\t-\tm\tgen\tbefore=k"); return err }, `endings.tsv:1: condition "before=k"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.parse()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestRulesCoverLetters: every Polish letter has a rule, so no Latin
// letter is left in a Russian form.
func TestRulesCoverLetters(t *testing.T) {
	tb := loadTables()
	for _, r := range "aąbcćdeęfghijklłmnńoóprsśtuŭwyzźżvxq" {
		for _, rs := range []*ruleSet{tb.pl, tb.east} {
			if out := rs.apply(string(r), "common"); strings.ContainsRune(out, r) {
				t.Errorf("%s: %q has no rule", rs.name, r)
			}
		}
	}
}

// azDicts is where npm install -g az@0.2.3 puts the OpenCorpora
// dictionary the Russian word list is generated from.
const azDicts = "/usr/lib/node_modules/az/dicts"

// TestLexiconUpToDate regenerates the lexicon from the installed
// hunspell-pl, the Russian list from hunspell-ru, where the npm package
// az is installed the OpenCorpora list, and where MOSTY_BELARUS_DB names
// a checkout of github.com/OsmBelarus/Databases (.ci/run makes one) the
// Belarusian place list, and compares them with the committed files.
func TestLexiconUpToDate(t *testing.T) {
	const dic = "/usr/share/hunspell/pl_PL.dic"
	if _, err := os.Stat(dic); err != nil {
		t.Skip("hunspell-pl is not installed")
	}
	if testing.Short() {
		t.Skip("regenerating the lexicon takes a few seconds")
	}
	dir := t.TempDir()
	args := []string{"-out", dir}
	_, err := os.Stat(azDicts)
	haveAz := err == nil
	if haveAz {
		args = append(args, "-az", azDicts)
	}
	byDB := os.Getenv("MOSTY_BELARUS_DB")
	if byDB != "" {
		args = append(args, "-belarus", byDB)
	}
	if err := runGen(t, args...); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/usr/share/hunspell/ru_RU.dic"); err != nil {
		t.Skip("hunspell-ru is not installed")
	}
	for _, f := range []string{"lexicon.dic", "lexicon.aff", "russian.txt"} {
		want, _ := os.ReadFile(filepath.Join(dir, f))
		got, _ := os.ReadFile(filepath.Join("data", f))
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s is not what the generator writes from the installed hunspell-pl: run go generate ./internal/names", f)
		}
	}
	if byDB == "" {
		t.Log("data/belarus.txt.gz not checked: MOSTY_BELARUS_DB names no checkout of github.com/OsmBelarus/Databases")
	} else if got, want := gunzipFile(t, filepath.Join("data", "belarus.txt.gz")), gunzipFile(t, filepath.Join(dir, "belarus.txt.gz")); got != want {
		t.Error("data/belarus.txt.gz is not what the generator writes from MOSTY_BELARUS_DB: run MOSTY_BELARUS_DB=… go generate ./internal/names")
	}
	if !haveAz {
		t.Skip("az (the OpenCorpora dictionary) is not installed: npm install -g az@0.2.3")
	}
	// The text, not the gzip bytes, which another Go may compress otherwise.
	if got, want := gunzipFile(t, filepath.Join("data", "opencorpora.txt.gz")), gunzipFile(t, filepath.Join(dir, "opencorpora.txt.gz")); got != want {
		t.Error("data/opencorpora.txt.gz is not what the generator writes from the installed az: run go generate ./internal/names")
	}
}

func gunzipFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(text)
}

func runGen(t *testing.T, args ...string) error {
	t.Helper()
	cmd := exec.Command("go", append([]string{"run", "./gen"}, args...)...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("%s", b)
	}
	return err
}

// TestVariants: a rule's alternatives give other spellings, the rule's
// own output first, then one alternative at a time, leftmost first.
func TestVariants(t *testing.T) {
	rs, err := parseRules("x.rules", "[common]\ny > ы|и\nn > нь|н / _#\na > а\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, word string
		want       []string
	}{
		{"no alternative", "a", []string{"а"}},
		{"one", "ya", []string{"ыа", "иа"}},
		{"two", "yan", []string{"ыань", "иань", "ыан", "иан"}},
		{"context", "nya", []string{"nыа", "nиа"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rs.variants(tt.word, "common")
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("variants(%q) = %q, want %q", tt.word, got, tt.want)
			}
			if apply := rs.apply(tt.word, "common"); apply != got[0] {
				t.Errorf("apply(%q) = %q, not the first variant %q", tt.word, apply, got[0])
			}
		})
	}
	if got := rs.variants(strings.Repeat("y", 10), "common"); len(got) != maxVariants {
		t.Errorf("%d variants of ten y, want at most %d", len(got), maxVariants)
	}
}

// TestHintsVersion: the hints version changes with the names code and
// with any data file, so that sync writes the hints anew.
func TestHintsVersion(t *testing.T) {
	files := []dataFile{{"given.tsv", "Adam\tm\tpl\t-\t-\n"}, {"pl.rules", "a > а\n"}}
	base := hintsVersion(1, files)
	tests := []struct {
		name  string
		code  int
		files []dataFile
	}{
		{"code bumped", 2, files},
		{"a table changed", 1, []dataFile{{"given.tsv", "Adam\tm\tpl\tАдам\t-\n"}, files[1]}},
		{"a file added", 1, append(slices.Clone(files), dataFile{"x.txt", ""})},
		{"text moved between files", 1, []dataFile{{"given.tsv", "Adam\tm\tpl\t-\t-\na > а\n"}, {"pl.rules", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if v := hintsVersion(tt.code, tt.files); v == base {
				t.Errorf("hints version %q did not change", v)
			}
		})
	}
	if hintsVersion(1, files) != base {
		t.Error("the hints version is not stable")
	}
	if v := HintsVersion(); len(v) != 12 {
		t.Errorf("HintsVersion() = %q, want 12 hex digits", v)
	}
}
