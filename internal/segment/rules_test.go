package segment

import (
	"strings"
	"testing"
)

// TestRulesLinesAreStrict: a mistake in a rules file is an error naming
// the file and line, never a rule silently ignored.
func TestRulesLinesAreStrict(t *testing.T) {
	tests := []struct{ name, line, msg string }{
		{"unknown behaviour", "sometimes itd.", `unknown behaviour "sometimes"`},
		{"unknown context", "decide afterword capital split", `unknown context "afterword"`},
		{"unknown class", "decide word Capital split", `unknown class "Capital"`},
		{"unknown decision", "decide word capital maybe", `neither split nor join`},
		{"decide without a decision", "decide word capital", `want "decide CONTEXT CLASS split|join"`},
		{"unknown option", "option comma-list", `unknown option "comma-list"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Rules{byLast: map[string][]abbrev{}, numberWords: map[string]bool{}, function: map[string]bool{}, prepositions: map[string]bool{}}
			err := r.read("pl.txt", "# comment\n"+tt.line+"\n")
			if err == nil || !strings.Contains(err.Error(), "rules/pl.txt:2: ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("read %q: %v, want rules/pl.txt:2: … %s", tt.line, err, tt.msg)
			}
		})
	}
}

// TestDecisionsFirstLineWins: a language's own line comes before the
// shared ones, and every context must be decided before every class.
func TestDecisionsFirstLineWins(t *testing.T) {
	var d decisions
	for _, l := range [][3]string{{"abbrev", "capital", "join"}, {"*", "*", "split"}} {
		if err := d.add(l[0], l[1], l[2]); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.complete(); err != nil {
		t.Fatal(err)
	}
	if d.split[ctxAbbrev][clsCapital] || !d.split[ctxAbbrev][clsName] || !d.split[ctxAbbrev][clsCapital+dashed] {
		t.Errorf("abbrev: capital %v, name %v, dash-capital %v; want join, split, split",
			d.split[ctxAbbrev][clsCapital], d.split[ctxAbbrev][clsName], d.split[ctxAbbrev][clsCapital+dashed])
	}
	if d.fine[ctxAbbrev] != fineCapitals || d.fine[ctxWord] != 0 {
		t.Errorf("the lexicon is asked for abbrev %v, word %v; want true, false", d.fine[ctxAbbrev], d.fine[ctxWord])
	}
	var partial decisions
	partial.add("word", "*", "split")
	if err := partial.complete(); err == nil || !strings.Contains(err.Error(), "nothing decides context dict-word") {
		t.Errorf("complete: %v, want the first undecided context", err)
	}
}

// TestLowerCoversLowerFunction: a "lower" line decides small-letter
// function words too, unless a line before decides them apart; only then
// is the lexicon asked about small letters.
func TestLowerCoversLowerFunction(t *testing.T) {
	for _, tt := range []struct {
		name      string
		lines     [][3]string
		wordSplit bool
	}{
		{"lower alone", [][3]string{{"*", "continues", "join"}, {"word", "lower", "join"}, {"*", "*", "split"}}, false},
		{"lower-function first", [][3]string{{"*", "continues", "join"}, {"word", "lower-function", "split"}, {"word", "lower", "join"}, {"*", "*", "split"}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var d decisions
			for _, l := range tt.lines {
				if err := d.add(l[0], l[1], l[2]); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.complete(); err != nil {
				t.Fatal(err)
			}
			if d.split[ctxWord][clsLower] || d.split[ctxWord][clsLowerFunc] != tt.wordSplit || (d.fine[ctxWord] == fineLower) != tt.wordSplit {
				t.Errorf("word: lower %v, lower-function %v, fine %v; want join, %v, %v", d.split[ctxWord][clsLower],
					d.split[ctxWord][clsLowerFunc], d.fine[ctxWord], tt.wordSplit, tt.wordSplit)
			}
		})
	}
}
