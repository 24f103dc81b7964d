// Package langtag reads the language tags people and tools write —
// "ru", "ru-RU", "ru_RU", "RU", "en-GB" — as BCP 47 tags and finds which
// of a known list of languages they name. It is the one place mosty
// matches languages: command-line flags, mosty.toml and the language of a
// file coming back from a CAT tool all go through Match. It reads no
// files.
package langtag

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Match returns the index of the language in known that given names:
// the same language, perhaps written with a region or script the known
// one leaves out ("ru-RU" for "ru", "en-GB" for "en"), in any case, with
// "-" or "_". A language the matcher only offers as a substitute for
// another ("be" for "ru") is not a match. ok is false when none matches
// or given is not a language tag.
func Match(given string, known []string) (index int, ok bool) {
	tag, err := language.Parse(strings.TrimSpace(given))
	if err != nil || len(known) == 0 {
		return -1, false
	}
	tags := make([]language.Tag, len(known))
	for i, k := range known {
		if tags[i], err = language.Parse(k); err != nil {
			tags[i] = language.Und
		}
	}
	// The matcher's index names the known language as the caller spells
	// it; the tag it returns may carry extensions of its own.
	_, i, conf := language.NewMatcher(tags).Match(tag)
	if conf < language.High || !sameBase(tag, tags[i]) {
		return -1, false
	}
	return i, true
}

func sameBase(a, b language.Tag) bool {
	ba, _ := a.Base()
	bb, _ := b.Base()
	return ba == bb
}

// Valid reports whether s is a well-formed language tag that can also
// name a folder: letters, digits and hyphens only ("ru", "pt-BR").
func Valid(s string) bool {
	if _, err := language.Parse(s); err != nil {
		return false
	}
	return strings.Trim(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
}

// An UnknownError is a language that is not one of those expected, such
// as a --locale the workspace does not translate into.
type UnknownError struct {
	Given string
	What  string   // "a target language of this workspace"
	Known []string // what would have been accepted
	Where string   // where Known is set, for the hint: "target_languages in mosty.toml"
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("%q is not %s", e.Given, e.What)
}

// Hint names the languages that would do.
func (e *UnknownError) Hint() string {
	h := "use one of " + strings.Join(e.Known, ", ")
	if e.Where != "" {
		h += " (" + e.Where + ")"
	}
	return h
}
