package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecideMerge is every merge state transition and the three-way rule:
// what the file says (in), what mosty has (cur) and what was exported
// (base).
func TestDecideMerge(t *testing.T) {
	const (
		pl = "Spotkanie trwało dwa dni."
		a  = "Встреча длилась два дня."
		b  = "Переговоры шли два дня."
		c  = "Совещание длилось два дня."
	)
	unit := func(tr string, st Status) Unit { return Unit{ID: "x", Source: pl, Translation: tr, Status: st} }
	in := func(tr string, st Status) Incoming {
		return Incoming{Source: pl, Translation: tr, Status: st, State: string(st)}
	}
	exp := func(tr string, st Status) *Exported { return &Exported{Source: pl, Translation: tr, Status: st} }
	fuzzyWithKeys := unit(a, Fuzzy)
	fuzzyWithKeys.PreviousSource = "Spotkanie trwało dzień."
	fuzzyWithKeys.Extra = map[string]any{"tm_match": int64(100), "tm_origin": "a/1", "tm_note": "check", "reviewer": "Anna"}
	accepted := unit(a, Translated)
	accepted.Extra = map[string]any{"reviewer": "Anna"}
	withSuggestion := unit("", New)
	withSuggestion.Extra = map[string]any{"tm_suggestion": b, "tm_origin": `merge: "needs-translation"`}

	tests := []struct {
		name  string
		cur   Unit
		in    Incoming
		base  *Exported
		lang  string
		force bool
		want  Outcome
		unit  *Unit // the unit after, for Apply and suggestions
	}{
		// Targets that are no translation.
		{"needs-translation with text, nothing in mosty: a suggestion", unit("", New), Incoming{Source: pl, Translation: b, Status: New, State: "needs-translation"}, exp("", New), "ru", false, Skipped, &withSuggestion},
		{"needs-translation with text, mosty translated: skipped", unit(a, Translated), Incoming{Source: pl, Translation: b, Status: New, State: "needs-translation"}, exp(a, Translated), "ru", false, Skipped, nil},
		{"initial with mosty's own text", unit(a, Translated), in(a, New), exp(a, Translated), "ru", false, Unchanged, nil},
		{"empty, nothing anywhere", unit("", New), in("", New), exp("", New), "ru", false, Unchanged, nil},
		{"empty where the export had a translation: said", unit(a, Translated), in("", New), exp(a, Translated), "ru", false, Skipped, nil},
		{"empty where the export had none: mosty's newer work", unit(a, Translated), in("", New), exp("", New), "ru", false, Unchanged, nil},
		{"empty, no base, fingerprint of empty", unit(a, Translated), Incoming{Source: pl, Base: BaseOf(""), Status: New}, nil, "ru", false, Unchanged, nil},
		{"empty, no record at all: said", unit(a, Translated), in("", New), nil, "ru", false, Skipped, nil},
		{"the Polish copied, marked translated: said", unit("", New), in(pl, Translated), exp("", New), "ru", false, Skipped, nil},
		{"the Polish copied, marked new", unit("", New), in(pl, New), exp("", New), "ru", false, Unchanged, nil},
		{"the Polish copied over a translation", unit(a, Translated), in(pl, Translated), exp(a, Translated), "ru", false, Skipped, nil},
		{"a number stays a number", Unit{ID: "x", Source: "2017", Status: New}, Incoming{Source: "2017", Translation: "2017", Status: Translated}, &Exported{Source: "2017", Status: New}, "ru", false, Apply,
			&Unit{ID: "x", Source: "2017", Translation: "2017", Status: Translated}},
		{"a name stays in English", Unit{ID: "x", Source: "Białystok", Status: New}, Incoming{Source: "Białystok", Translation: "Białystok", Status: Translated}, &Exported{Source: "Białystok", Status: New}, "en", false, Apply,
			&Unit{ID: "x", Source: "Białystok", Translation: "Białystok", Status: Translated}},
		{"a name is no Russian", Unit{ID: "x", Source: "Białystok", Status: New}, Incoming{Source: "Białystok", Translation: "Białystok", Status: Translated}, &Exported{Source: "Białystok", Status: New}, "ru", false, Skipped, nil},

		// Translations, three ways.
		{"new translation", unit("", New), in(a, Translated), exp("", New), "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: a, Status: Translated}},
		{"fuzzy from the tool", unit("", New), in(a, Fuzzy), exp("", New), "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: a, Status: Fuzzy}},
		{"file as exported, mosty changed since: newer work stays", unit(b, Reviewed), in(a, Translated), exp(a, Translated), "ru", false, Unchanged, nil},
		{"file as exported, the Polish changed since: stays fuzzy", unit(a, Fuzzy), in(a, Translated), exp(a, Translated), "ru", false, Unchanged, nil},
		{"fuzzy accepted: previous_source and memory keys go", fuzzyWithKeys, in(a, Translated), exp(a, Fuzzy), "ru", false, Apply, &accepted},
		{"signed off in the tool", unit(a, Translated), in(a, Reviewed), exp(a, Translated), "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: a, Status: Reviewed}},
		{"PO cannot say reviewed", unit(a, Reviewed), in(a, Translated), exp(a, Reviewed), "ru", false, Unchanged, nil},
		{"edited in the file only", unit(a, Translated), in(b, Translated), exp(a, Translated), "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: b, Status: Translated}},
		{"edited on both sides alike", unit(b, Translated), in(b, Translated), exp(a, Translated), "ru", false, Unchanged, nil},
		{"edited on both sides differently", unit(c, Translated), in(b, Translated), exp(a, Translated), "ru", false, Conflict, nil},
		{"edited on both sides, forced", unit(c, Translated), in(b, Translated), exp(a, Translated), "ru", true, Apply, &Unit{ID: "x", Source: pl, Translation: b, Status: Translated}},
		{"reviewed in mosty", unit(a, Reviewed), in(b, Translated), exp(a, Reviewed), "ru", false, Conflict, nil},
		{"the Polish changed since the export", Unit{ID: "x", Source: "Spotkanie trwało trzy dni.", Status: New}, in(a, Translated), exp("", New), "ru", false, Apply,
			&Unit{ID: "x", Source: "Spotkanie trwało trzy dni.", PreviousSource: pl, Translation: a, Status: Fuzzy}},
		{"placeholders missing", Unit{ID: "x", Source: "Spotkanie <1>trwało</1>.", Status: New}, Incoming{Source: "Spotkanie <1>trwało</1>.", Translation: "Встреча длилась.", Status: Translated}, nil, "ru", false, Apply,
			&Unit{ID: "x", Source: "Spotkanie <1>trwało</1>.", Translation: "Встреча длилась.", Status: Fuzzy}},
		{"a line break the Polish lacks", unit("", New), in("Встреча\nдлилась два дня.", Translated), exp("", New), "ru", false, Apply,
			&Unit{ID: "x", Source: pl, Translation: "Встреча\nдлилась два дня.", Status: Fuzzy}},

		// No stored base: the file's fingerprint, or nothing.
		{"fingerprint matches mosty", unit(a, Translated), Incoming{Source: pl, Translation: b, Status: Translated, Base: BaseOf(a)}, nil, "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: b, Status: Translated}},
		{"fingerprint says mosty changed", unit(c, Translated), Incoming{Source: pl, Translation: b, Status: Translated, Base: BaseOf(a)}, nil, "ru", false, Conflict, nil},
		{"no record, another translation in mosty", unit(a, Translated), in(b, Translated), nil, "ru", false, Conflict, nil},
		{"no record, nothing in mosty", unit("", New), in(b, Translated), nil, "ru", false, Apply, &Unit{ID: "x", Source: pl, Translation: b, Status: Translated}},
		{"no record, an older file never steps back", unit(a, Translated), in(a, Fuzzy), nil, "ru", false, Unchanged, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DecideMerge(tt.cur, tt.in, tt.base, tt.lang, tt.force)
			if d.Outcome != tt.want {
				t.Fatalf("outcome %d (%s), want %d", d.Outcome, d.Reason, tt.want)
			}
			if d.Outcome != Unchanged && d.Reason == "" {
				t.Error("no reason given")
			}
			if tt.unit != nil {
				if diff := cmp.Diff(*tt.unit, d.Unit, cmp.AllowUnexported(Unit{})); diff != "" {
					t.Errorf("unit (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestKeepsSource(t *testing.T) {
	for _, tt := range []struct {
		source, lang string
		want         bool
	}{
		{"2017", "ru", true},
		{"ISO 9001", "ru", true},
		{"PL-BY 2018", "ru", true},
		{"biuro@wkb.pl", "ru", true},
		{"www.wkb.pl", "en", true},
		{"Białystok", "en", true},
		{"Białystok", "ru", false},
		{"Jan Kowalski", "en", true},
		{"Spotkanie w Białymstoku", "en", false},
		{"tak", "en", false},
	} {
		if got := KeepsSource(tt.source, tt.lang); got != tt.want {
			t.Errorf("KeepsSource(%q, %q) = %v", tt.source, tt.lang, got)
		}
	}
}

// TestAccept: confirming a segment drops what only a fuzzy or pre-filled
// one needs — previous_source and the memory's keys — and nothing else.
func TestAccept(t *testing.T) {
	tmKeys := map[string]any{"tm_match": int64(100), "tm_origin": "a/1", "tm_note": "check", "tm_suggestion": "x", "tm_suggestion_match": int64(80)}
	withOwn := map[string]any{"tm_match": int64(100), "reviewer": "Anna"}
	tests := []struct {
		name string
		in   Unit
		want Unit
	}{
		{"fuzzy with memory keys", Unit{ID: "x", PreviousSource: "Stare.", Translation: "a", Status: Translated, Extra: tmKeys},
			Unit{ID: "x", Translation: "a", Status: Translated}},
		{"the translator's own keys stay", Unit{ID: "x", Translation: "a", Status: Reviewed, Extra: withOwn},
			Unit{ID: "x", Translation: "a", Status: Reviewed, Extra: map[string]any{"reviewer": "Anna"}}},
		{"nothing to drop", Unit{ID: "x", Translation: "a", Status: Translated},
			Unit{ID: "x", Translation: "a", Status: Translated}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := cloneExtra(tt.in.Extra)
			if d := cmp.Diff(tt.want, tt.in.Accept(), cmp.AllowUnexported(Unit{})); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if !cmp.Equal(before, cloneExtra(tt.in.Extra)) {
				t.Errorf("Accept changed the unit's own keys: %v", tt.in.Extra)
			}
		})
	}
}
