package catalog

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/mosty-dev/mosty/internal/article"
)

// BaseOf fingerprints a translation as it was exported, so that a merge
// back can tell whether it changed in mosty since: then the tool's
// version is a conflict, not an update.
func BaseOf(translation string) string {
	h := sha256.Sum256([]byte(translation))
	return hex.EncodeToString(h[:6])
}

// Incoming is one segment's translation coming back from a CAT tool.
type Incoming struct {
	ID          string
	Source      string // the source as the tool's file has it; "" when it has none
	Translation string
	Status      Status
	Base        string // BaseOf the translation mosty exported; "" when unknown
}

// A Verdict says what MergeBack did with an incoming translation.
type Verdict struct {
	What     string // "translated", "reviewed", "fuzzy: the Polish changed since the export"…
	Conflict bool   // not applied: listed for a person to decide
}

// MergeBack puts a translation from a CAT tool into its unit, by id. The
// rules:
//
//   - an empty translation, or the one the unit has, changes nothing
//     (ok is false); PO cannot say "reviewed", so a reviewed unit coming
//     back as translated with the same text is unchanged too;
//   - a segment no longer in the article is a conflict;
//   - without force, a reviewed translation, or one changed in mosty since
//     the export (its BaseOf differs from in.Base), is a conflict and is
//     left as it is;
//   - a translation whose placeholders do not match the Polish lands as
//     fuzzy, and so does one made from Polish that changed since the
//     export (previous_source is set to that Polish);
//   - otherwise it lands with the tool's status, new counting as
//     translated.
func (f *File) MergeBack(in Incoming, force bool) (v Verdict, ok bool) {
	var u *Unit
	for i := range f.Units {
		if f.Units[i].ID == in.ID && !f.Units[i].Obsolete {
			u = &f.Units[i]
		}
	}
	switch {
	case in.Translation == "":
		return v, false
	case u == nil:
		return Verdict{What: "the segment is no longer in the article", Conflict: true}, true
	case u.Translation == in.Translation && (u.Status == in.Status || in.Status == New ||
		u.Status == Reviewed && in.Status == Translated):
		return v, false
	}
	if !force {
		switch {
		case in.Base != "" && BaseOf(u.Translation) != in.Base:
			return Verdict{What: "the translation was changed in mosty since the export (--force to take the file's)", Conflict: true}, true
		case u.Status == Reviewed && u.Translation != in.Translation:
			return Verdict{What: "the segment is reviewed (--force to replace it)", Conflict: true}, true
		}
	}
	status := in.Status
	if status == New {
		status = Translated
	}
	v.What = string(status)
	if err := article.CheckPlaceholders(u.Source, in.Translation); err != nil && status.Done() {
		status, v.What = Fuzzy, "fuzzy: "+err.Error()
	}
	if u.Source != in.Source && in.Source != "" {
		status, v.What = Fuzzy, "fuzzy: the Polish changed since the export"
		if u.PreviousSource == "" {
			u.PreviousSource = in.Source
		}
	}
	u.Translation, u.Status = in.Translation, status
	return v, true
}
