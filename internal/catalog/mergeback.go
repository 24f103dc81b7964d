package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
)

// TMKeys are the keys translation memory pre-filling adds to a unit: they
// say where a text came from, and go when a person confirms it (Accept).
var TMKeys = []string{"tm_match", "tm_origin", "tm_note", "tm_suggestion", "tm_suggestion_match"}

// Accept is u as a person confirmed it, translated or reviewed: the
// previous Polish a fuzzy segment showed, the memory's keys (TMKeys) and
// the other version a git merge left (conflict_ keys) go, as what they
// said was seen. A merge that takes a done translation (DecideMerge) and
// a save in the web app both accept through it, so a fuzzy or conflicted
// segment ends the same whichever tool confirmed it. Other keys stay; u's
// own map is not changed.
func (u Unit) Accept() Unit {
	u.PreviousSource = ""
	if len(u.Extra) == 0 {
		return u
	}
	u.Extra = cloneExtra(u.Extra)
	for k := range u.Extra {
		if slices.Contains(TMKeys, k) || strings.HasPrefix(k, ConflictPrefix) {
			delete(u.Extra, k)
		}
	}
	if len(u.Extra) == 0 {
		u.Extra = nil
	}
	return u
}

// Incoming is a unit as a CAT tool's file has it.
type Incoming struct {
	ID          string
	Source      string // the Polish the file has; "" when it has none
	Translation string
	// Status is what the file says of its target: New when it is no
	// translation (no target, an empty one, needs-translation, initial…).
	Status Status
	State  string // the file's own word for it, for messages
	// Base is BaseOf the translation as exported, when the file kept it
	// ("" otherwise).
	Base string
}

// Exported is a unit as it was exported: the base of a three-way merge.
type Exported struct {
	Source      string `json:"source"`
	Translation string `json:"translation,omitempty"`
	Status      Status `json:"status"`
}

// Fingerprint is a short hash of a translation as it was exported, which
// files carry so that merge can tell whether it changed in mosty since.
func BaseOf(translation string) string {
	h := sha256.Sum256([]byte(translation))
	return hex.EncodeToString(h[:6])
}

// UnitIndex is the index of the active unit with id; -1 when none.
func (f *File) UnitIndex(id string) int {
	for i, u := range f.Units {
		if u.ID == id && !u.Obsolete {
			return i
		}
	}
	return -1
}

// Outcome is what a merge decision does.
type Outcome int

// The outcomes.
const (
	Unchanged Outcome = iota // nothing to do or to say
	Apply                    // the unit changes to Decision.Unit
	Skipped                  // not applied, said why; the unit may keep a suggestion
	Conflict                 // changed on both sides: a person decides (--force takes the file's)
)

// A Decision is what merging one incoming unit does.
type Decision struct {
	Outcome Outcome
	Unit    Unit   // the unit after the merge (Apply, and Skipped with a suggestion kept)
	Reason  string // for the user: why, in a few words
	// In is the incoming unit as it was decided: in today's numbering
	// of placeholders when Renumbered.
	In Incoming
	// Renumbered says the file was exported before placeholders were
	// numbered per segment, and its unit was renumbered to match its
	// Polish (see renumberIncoming).
	Renumbered bool
}

// DecideMerge decides what an incoming unit does to cur, given what was
// exported (base, nil when nothing was stored) and the target language.
// It never guesses:
//
//   - a target that is no translation (its state says so, it is empty,
//     or it is the Polish copied — unless the Polish is made of numbers,
//     codes, addresses or, in a Latin-script language, names, which stay
//     the same) is not taken; a text in it is kept as tm_suggestion when
//     the unit has nothing, and a translation mosty has is kept;
//   - with a base, a file unchanged since the export changes nothing
//     (newer work in mosty is never overwritten or flipped back); a unit
//     unchanged in mosty takes the file's; both changed differently is a
//     conflict;
//   - without a base, the file's fingerprint of the exported translation
//     (Base) tells whether mosty changed since; with neither, a
//     translation mosty has is only replaced by force, and a status never
//     goes back;
//   - a reviewed translation is replaced only by force;
//   - a translation whose Polish changed since the export lands fuzzy with
//     previous_source, and one whose placeholders or line breaks do not
//     match its Polish lands fuzzy; accepting (translated or reviewed, the
//     Polish unchanged) removes previous_source and the memory's keys;
//   - a file exported before placeholders were numbered per segment is
//     read in today's numbering first (renumberIncoming), and the reason
//     says so.
func DecideMerge(cur Unit, in Incoming, base *Exported, lang string, force bool) Decision {
	in, base, renumbered := renumberIncoming(cur, in, base)
	d := decide(cur, in, base, lang, force)
	d.In, d.Renumbered = in, renumbered
	if renumbered && d.Outcome != Unchanged {
		d.Reason += " (placeholders renumbered: the file was exported before mosty numbered them from <1> in every segment)"
	}
	return d
}

func decide(cur Unit, in Incoming, base *Exported, lang string, force bool) Decision {
	if d, done := notATranslation(cur, in, base, lang); done {
		return d
	}
	// A conflicted unit went out for review (ForReview): what the file
	// says is compared with that.
	seen, _ := cur.ForReview()
	if sameWork(seen.Translation, seen.Status, in.Translation, in.Status) {
		return Decision{Outcome: Unchanged}
	}
	if d, done := threeWay(seen, in, base, force); done {
		return d
	}
	return apply(cur, in, base)
}

// notATranslation decides for targets that are no translation.
func notATranslation(cur Unit, in Incoming, base *Exported, lang string) (Decision, bool) {
	text := in.Translation
	copied := text != "" && article.Plain(text) == article.Plain(in.Source) && !KeepsSource(in.Source, lang)
	if in.Status != New && text != "" && !copied {
		return Decision{}, false
	}
	if text == "" || copied {
		// Said only where the file dropped a translation mosty has.
		dropped := in.Base != BaseOf("")
		if base != nil {
			dropped = base.Translation != ""
		}
		switch {
		case copied && in.Status != New && cur.Translation == "":
			return Decision{Outcome: Skipped, Reason: fmt.Sprintf("the file's target is the Polish copied, marked %s: not taken as a translation", stateName(in))}, true
		case cur.Translation == "" || !dropped:
			return Decision{Outcome: Unchanged}, true
		}
		what := "the file's target is empty"
		if copied {
			what = "the file's target is the Polish copied"
		}
		return Decision{Outcome: Skipped, Reason: what + ": not taken as a translation; mosty's is kept"}, true
	}
	switch {
	case text == cur.Translation || base != nil && text == base.Translation || cur.Extra["tm_suggestion"] == text:
		return Decision{Outcome: Unchanged}, true
	case cur.Translation != "":
		return Decision{Outcome: Skipped, Reason: fmt.Sprintf("the file marks its target %s: not taken as a translation", stateName(in))}, true
	}
	u := cur
	u.Extra = cloneExtra(cur.Extra)
	u.Extra["tm_suggestion"], u.Extra["tm_origin"] = text, "merge: "+stateName(in)
	return Decision{Outcome: Skipped, Unit: u, Reason: fmt.Sprintf("the file marks its target %s: kept as tm_suggestion, not as a translation", stateName(in))}, true
}

func stateName(in Incoming) string {
	if in.State != "" {
		return fmt.Sprintf("%q", in.State)
	}
	return "untranslated"
}

// sameWork reports whether a file's version of a unit says what mosty's
// (or the exported one) does: the same text and status, a reviewed one
// read back as translated included, as PO and OmegaT have no "reviewed".
func sameWork(oursText string, ours Status, fileText string, file Status) bool {
	return oursText == fileText && (ours == file || ours == Reviewed && file == Translated)
}

// threeWay decides from what was exported whether the file's version
// may replace mosty's.
func threeWay(cur Unit, in Incoming, base *Exported, force bool) (Decision, bool) {
	conflict := func(why string) (Decision, bool) {
		if force {
			return Decision{}, false
		}
		return Decision{Outcome: Conflict, Reason: why + " (--force takes the file's)"}, true
	}
	switch {
	case base != nil && sameWork(base.Translation, base.Status, in.Translation, in.Status):
		return Decision{Outcome: Unchanged}, true // the file says what was exported: newer work stays
	case cur.Status == Reviewed && cur.Translation != in.Translation:
		return conflict("the segment is reviewed in mosty")
	case base != nil && (base.Translation != cur.Translation || base.Status != cur.Status):
		return conflict("changed in mosty since the export and in the file")
	case base == nil && in.Base != "" && in.Base != BaseOf(cur.Translation):
		return conflict("the translation was changed in mosty since the export")
	case base == nil && in.Base == "" && cur.Translation != "" && cur.Translation != in.Translation:
		return conflict("no record of this export, and mosty has another translation")
	case base == nil && cur.Translation == in.Translation && rank(in.Status) < rank(cur.Status):
		return Decision{Outcome: Unchanged}, true // an older file: never a step back
	}
	return Decision{}, false
}

func rank(s Status) int {
	switch s {
	case Fuzzy:
		return 1
	case Translated:
		return 2
	case Reviewed:
		return 3
	}
	return 0
}

// apply lands the file's translation.
func apply(cur Unit, in Incoming, base *Exported) Decision {
	u := cur
	u.Translation, u.Status = in.Translation, in.Status
	if cur.Status == Reviewed && in.Status == Translated && cur.Translation == in.Translation {
		u.Status = Reviewed // PO cannot say reviewed
	}
	reason := string(u.Status)
	exportedSource := in.Source
	if base != nil {
		exportedSource = base.Source
	}
	switch {
	case exportedSource != "" && exportedSource != cur.Source:
		u.Status, reason = Fuzzy, "fuzzy: the Polish changed since the export"
		if u.PreviousSource == "" {
			u.PreviousSource = exportedSource
		}
	case article.CheckPlaceholders(cur.Source, in.Translation) != nil:
		u.Status, reason = Fuzzy, "fuzzy: "+article.CheckPlaceholders(cur.Source, in.Translation).Error()
	case strings.Count(cur.Source, "\n") != strings.Count(in.Translation, "\n"):
		u.Status, reason = Fuzzy, "fuzzy: its line breaks differ from the Polish's"
	case u.Status.Done():
		u = u.Accept()
		if cur.Conflicted() {
			reason += ", the conflict a git merge left settled with it"
		}
	}
	return Decision{Outcome: Apply, Unit: u, Reason: reason}
}

func cloneExtra(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+2)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// KeepsSource reports whether a translation may be the same as its
// source: every word of it is a number, a code (digits, or capitals only,
// such as "ISO 9001" or "PL-BY"), an e-mail address, URL or domain, or — into a
// language written in Latin letters — a name (a capitalised word). So
// "2017" and "ISO 9001" may stay as they are in any language, "Białystok"
// in English but not in Russian, and a sentence never.
func KeepsSource(source, lang string) bool {
	words := strings.Fields(article.Plain(source))
	if len(words) == 0 {
		return true
	}
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '@' })
		switch {
		case w == "", strings.ContainsAny(w, "0123456789@/."), strings.ToUpper(w) == w:
		case !cyrillicTarget(lang) && unicode.IsUpper([]rune(w)[0]):
		default:
			return false
		}
	}
	return true
}

func cyrillicTarget(lang string) bool {
	switch strings.ToLower(lang) {
	case "ru", "uk", "be", "bg", "sr", "mk":
		return true
	}
	return false
}

// Comments are the whole-line comments of a unit as it was read, without
// their "#", for showing to translators in other tools.
func (u Unit) Comments() []string {
	var out []string
	for _, l := range strings.Split(commentLines(u.raw), "\n") {
		if c := strings.TrimSpace(strings.TrimPrefix(l, "#")); c != "" {
			out = append(out, c)
		}
	}
	return out
}
