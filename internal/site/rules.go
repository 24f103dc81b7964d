// Package site decides what the localised site publishes and renders it:
// a page per article and language, a parallel page per article and target
// language, each language's index and its year and category archives in
// pages, an Atom feed per language, the sitemap (split by the protocol's
// limits) and robots.txt. It reads and writes no files: the workspace
// gives it one article at a time, and a few fields per article for the
// listings, and writes the files it hands back one by one.
package site

import (
	"fmt"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// Rules are the publishing rules, from mosty.toml's [build] table and
// flags.
type Rules struct {
	// MinCoverage is the share of an article's words (0–100) that must
	// have a publishable translation for its page in a language to be
	// published.
	MinCoverage float64 `toml:"min_coverage"`
	// Missing says what a published page shows for a segment with no
	// publishable translation: "fallback" (the Polish, marked lang="pl"
	// and flagged) or "withhold" (the page is not published unless every
	// segment is translated).
	Missing string `toml:"missing"`
	// Fuzzy says what a fuzzy segment shows: "previous" (the translation
	// of the earlier Polish, with an "updated in Polish" note; text
	// pre-filled but never confirmed counts as missing), "publish" (any
	// fuzzy text as it is) or "missing".
	Fuzzy string `toml:"fuzzy"`
}

// DefaultRules publish only complete translations, keep the previous
// translation of a sentence whose Polish changed, and fall back to Polish
// for what is missing when a lower min_coverage lets such a page out.
func DefaultRules() Rules {
	return Rules{MinCoverage: 100, Missing: "fallback", Fuzzy: "previous"}
}

// Check reports a rule with a value mosty does not know.
func (r Rules) Check() error {
	if r.MinCoverage < 0 || r.MinCoverage > 100 {
		return fmt.Errorf("min_coverage %v is not between 0 and 100", r.MinCoverage)
	}
	if r.Missing != "fallback" && r.Missing != "withhold" {
		return fmt.Errorf("missing = %q: use \"fallback\" or \"withhold\"", r.Missing)
	}
	if r.Fuzzy != "previous" && r.Fuzzy != "publish" && r.Fuzzy != "missing" {
		return fmt.Errorf("fuzzy = %q: use \"previous\", \"publish\" or \"missing\"", r.Fuzzy)
	}
	return nil
}

// choice is what one segment shows in a language.
type choice int

const (
	showTranslation choice = iota
	showPrevious           // the translation of the earlier Polish
	showMissing            // nothing publishable
)

// choose applies the rules to one translators' unit (nil when the file
// has none for the segment).
func (r Rules) choose(u *catalog.Unit) choice {
	switch {
	case u == nil || u.Translation == "":
		return showMissing
	case u.Status.Done():
		return showTranslation
	case u.Status == catalog.Fuzzy && r.Fuzzy == "publish":
		return showTranslation
	case u.Status == catalog.Fuzzy && r.Fuzzy == "previous" && u.PreviousSource != "":
		return showPrevious
	}
	return showMissing
}
