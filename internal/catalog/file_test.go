package catalog

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustParse(t *testing.T, data string, isSource bool) *File {
	t.Helper()
	f, err := Parse("test.toml", []byte(data), isSource)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestRoundTripHandEdited: a file a translator formatted their own way,
// with comments and keys of their own, loads and saves byte for byte.
func TestRoundTripHandEdited(t *testing.T) {
	data, err := os.ReadFile("testdata/hand-edited.toml")
	if err != nil {
		t.Fatal(err)
	}
	f := mustParse(t, string(data), false)
	if d := cmp.Diff(string(data), string(f.Bytes())); d != "" {
		t.Fatalf("load+save changed the file (-read +written):\n%s", d)
	}
	if got := f.Units[0].Extra["reviewer"]; got != "Anna" {
		t.Errorf("extra key reviewer = %v", got)
	}
	if f.Units[2].Translation != "Визит организовал <1>фонд</1>." {
		t.Errorf("multi-line string read as %q", f.Units[2].Translation)
	}
}

// TestRewriteKeepsComments: when one segment changes, the others and
// their comments stay as they were; the changed one is written in
// mosty's form with the translator's own keys.
func TestRewriteKeepsComments(t *testing.T) {
	data, _ := os.ReadFile("testdata/hand-edited.toml")
	f := mustParse(t, string(data), false)
	f.Units[1].Status = Reviewed
	out := string(f.Bytes())
	for _, want := range []string{
		"# (a translator's note: terms agreed with Adam on 12.01)",
		"reviewer = \"Anna\"   # who checked it",
		"# check the name of the ministry with the client\n[[segment]]",
		"status = \"reviewed\"\ntags = [\"ministry\", \"names\"]\n",
		"translation = \"\"\"Визит организовал <1>фонд</1>.\"\"\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rewritten file lost %q:\n%s", want, out)
		}
	}
	again := mustParse(t, out, false)
	if again.Units[1].Status != Reviewed || again.Units[1].Translation != f.Units[1].Translation {
		t.Errorf("re-read %+v", again.Units[1])
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	f := &File{Header: Header{Slug: "a", Lang: "en", SourceLang: "pl", Title: "Tytuł \"w cudzysłowie\""}}
	f.Units = []Unit{
		{ID: "1", Kind: "paragraph", Source: "Linia\ndruga \\ i \"cytat\"\t.", Status: New},
		{ID: "2", Kind: "alt", Source: "x", PreviousSource: "y", Translation: "z\u0007", Status: Fuzzy, Obsolete: true,
			Extra: map[string]any{"note": "n", "n": int64(3), "ok": true, "list": []any{"a", int64(1)}, "t": map[string]any{"k": "v"}}},
	}
	first := f.Bytes()
	g := mustParse(t, string(first), false)
	if d := cmp.Diff(f.Units, g.Units, cmp.Comparer(func(a, b Unit) bool {
		return a.ID == b.ID && a.Source == b.Source && a.PreviousSource == b.PreviousSource &&
			a.Translation == b.Translation && a.Status == b.Status && a.Obsolete == b.Obsolete && cmp.Equal(a.Extra, b.Extra)
	})); d != "" {
		t.Errorf("units changed on the way (-wrote +read):\n%s", d)
	}
	if string(g.Bytes()) != string(first) {
		t.Error("second save differs from the first")
	}
}

func TestSyntaxErrors(t *testing.T) {
	head := "[article]\nslug = \"a\"\nlang = \"ru\"\n[[segment]]\nid = \"x\"\nsource = \"Tekst.\"\n"
	tests := []struct {
		name, data string
		line       int
		msg, hint  string
	}{
		{"unescaped quote", head + "translation = \"Он сказал \"да\".\"\nstatus = \"translated\"\n", 7, "", `hint: a quote inside a translation must be written \"`},
		{"unterminated string", head + "translation = \"Текст\nstatus = \"new\"\n", 7, "", "hint: every translation starts and ends"},
		{"bad status", head + "translation = \"Текст.\"\nstatus = \"done\"\n", 4, `status "done" is not one of new, fuzzy, translated, reviewed`, ""},
		{"duplicate id", head + "\n[[segment]]\nid = \"x\"\nsource = \"B.\"\n", 8, `segment id "x" is used twice (first at line 4)`, "hint: ids are mosty's"},
		{"missing id", "[article]\nslug = \"a\"\nlang = \"ru\"\n[[segment]]\nsource = \"A.\"\n", 4, "no id", ""},
		{"status not a string", head + "status = 3\n", 4, "status must be a string", ""},
		{"other table", head + "\n[[segments]]\nid = \"y\"\n", 8, "unexpected table [[segments]]: a locale file holds", "hint: is it a misspelt [[segment]]?"},
		{"article renamed", "# Russian translation\n\n[artykul]\nslug = \"a\"\nlang = \"ru\"\n" + head[strings.Index(head, "[[segment]]"):], 3, "no [article] table: was it renamed to this one?", "hint: name the table [article] again"},
		{"no article", "[[segment]]\nid = \"x\"\n", 1, "no [article] table", "hint: a locale file starts with the [article] table"},
		{"article without lang", "# x\n[article]\nslug = \"a\"\n[[segment]]\nid = \"x\"\n", 2, "the [article] table has no lang", "hint: put back the slug and lang"},
		{"article after the segments", head[strings.Index(head, "[[segment]]"):] + "\n[article]\nslug = \"a\"\nlang = \"ru\"\n", 5, "the [article] table comes after the segments", "hint: move the [article] table back to the top"},
		{"segment sub-table after a table of one's own", head + "\n[notes]\na = 1\n[segment.x]\nb = 2\n", 10, "[segment.x] is not right under its [[segment]]", "hint: a table belonging to a segment goes directly under"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("locales/ru/a.toml", []byte(tt.data), false)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			if tt.line > 0 && se.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", se.Line, tt.line, err)
			}
			if !strings.HasPrefix(err.Error(), "locales/ru/a.toml:") {
				t.Errorf("error %q does not start with the file", err)
			}
			if full := err.Error() + " hint: " + se.Hint(); !strings.Contains(full, tt.msg) || !strings.Contains(full, tt.hint) {
				t.Errorf("error %q lacks %q / %q", full, tt.msg, tt.hint)
			}
		})
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]int{
		"": 0,
		"Wizytę zorganizowała <1>fundacja</1>.": 3,
		"m.in. 1,2 mln zł":                      6,
		"<2/> Гости из Беларуси":                3,
		"a<b":                                   2,
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestCoverage(t *testing.T) {
	f := &File{Units: []Unit{
		{ID: "1", Source: "jeden dwa", Status: Translated},
		{ID: "2", Source: "trzy", Status: Fuzzy},
		{ID: "3", Source: "cztery pięć sześć", Status: Reviewed},
		{ID: "4", Source: "siedem osiem", Status: New},
		{ID: "5", Source: "stare", Status: Translated, Obsolete: true},
	}}
	c := f.Coverage()
	if c.TotalSegments() != 4 || c.TotalWords() != 8 || c.Obsolete != 1 {
		t.Errorf("coverage %+v", c)
	}
	if p := c.Percent(); p != 62.5 {
		t.Errorf("percent %v, want 62.5 (5 of 8 words done)", p)
	}
	// A segment a git merge left in two versions is not done.
	f.Units[0].Extra = map[string]any{KeyConflictTranslation: "x", KeyConflictStatus: "new"}
	f.Units[4].Extra = map[string]any{KeyConflictTranslation: "y", KeyConflictStatus: "new"}
	c = f.Coverage()
	if c.Conflicts != 2 || c.Percent() != 37.5 || c.Segments[Translated] != 1 {
		t.Errorf("with two conflicts: %+v, percent %v, want 2 conflicts, 37.5%%", c, c.Percent())
	}
}

// A header written anew (a new extraction changed the title, or the
// fingerprint) is followed by a blank line, as in a new file, even when
// the segment after it is written back as read.
func TestNewHeaderKeepsTheBlankLine(t *testing.T) {
	fresh := &File{Path: "x.toml", IsSource: true, Header: Header{Slug: "x", Lang: "pl", Title: "Tytuł", Extractor: "new"}}
	fresh.SetUnits(AssignIDs(nil, []SourceUnit{{Kind: "title", Text: "Tytuł"}}))
	want := string(fresh.Bytes())
	older := mustParse(t, strings.Replace(want, `extractor = "new"`, `extractor = "old"`, 1), true)
	older.Header.Extractor = "new"
	if d := cmp.Diff(want, string(older.Bytes())); d != "" {
		t.Errorf("rewritten header (-fresh +rewritten):\n%s", d)
	}
}
