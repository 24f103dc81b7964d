// Package catalog is the translators' files: one TOML file per article
// and language under locales/, [[segment]] tables in reading order, and
// the rules that merge into them — a new extraction of the Polish article,
// and a CAT tool's file coming back (DecideMerge, against what an export
// wrote: ExportBase) — without ever losing what a translator wrote.
//
// A File keeps the bytes of every segment table it read, so a segment that
// does not change is written back byte for byte, with the translator's own
// comments, keys and formatting, and one that changes gets its changed
// values edited in place; tables of the translator's own ([notes]…) stay
// with the segment they follow. Loading and saving an unchanged file
// leaves it identical. A unit's source is the Polish its translation was
// made from: whenever it is not the article's current Polish, the unit is
// fuzzy (Unit.Against), whatever any other file says. The package does not extract, segment or render,
// and it writes nothing itself: callers get bytes and write them
// atomically.
package catalog

import "fmt"

// Status is where a segment's translation stands.
type Status string

// The statuses, in the order a translation goes through them.
const (
	New        Status = "new"        // nothing translated yet
	Fuzzy      Status = "fuzzy"      // the Polish changed, or the text was pre-filled: check it
	Translated Status = "translated" // done by a translator
	Reviewed   Status = "reviewed"   // checked by a second person
)

// Statuses lists the statuses in order.
var Statuses = []Status{New, Fuzzy, Translated, Reviewed}

func (s Status) valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Done reports whether the status counts as translated for coverage and
// publishing.
func (s Status) Done() bool { return s == Translated || s == Reviewed }

// A Unit is one [[segment]] table.
type Unit struct {
	ID             string
	Kind           string // title, heading, paragraph, list-item, table-cell, alt…
	Block          int    // the block of the article it belongs to (source files only)
	Source         string // the Polish text, with placeholders
	PreviousSource string // for fuzzy units: the Polish the translation was made from
	Translation    string
	Status         Status
	Obsolete       bool // its sentence is gone from the article; kept for its translation
	// Extra holds keys mosty does not know, added by a translator or a
	// tool, so that they survive every rewrite.
	Extra map[string]any

	raw string // the table's bytes as read, "" for a unit made in memory
	// tail is the tables of the translator's own ([notes]…) that followed
	// this one; they are written after it wherever it goes.
	tail string
	// read is the unit as it was read: while it is unchanged, raw is
	// written back instead of a canonical rendering.
	read *Unit
}

// Header is the [article] table at the top of a file.
type Header struct {
	Slug       string `toml:"slug"`
	Lang       string `toml:"lang"`
	SourceLang string `toml:"source_lang,omitempty"`
	Title      string `toml:"title"`
	Date       string `toml:"date,omitempty"`
	Category   string `toml:"category,omitempty"`
	Origin     string `toml:"origin,omitempty"`
	// SourceSHA256 and Extractor, in source files, say what the segments
	// were extracted from and by which version of mosty's rules.
	SourceSHA256 string `toml:"source_sha256,omitempty"`
	Extractor    string `toml:"extractor,omitempty"`
}

// A File is one locale file.
type File struct {
	Path     string
	Header   Header
	Units    []Unit
	IsSource bool // locales/<source lang>/: generated, no translations

	headerRaw  string // bytes before the first [[segment]], as read
	headerSet  Header // the header as read, to tell whether it changed
	headerRead bool   // the file was read, so headerRaw is what it had
	// orphans are the tables of the translator's own that followed units
	// the file no longer has; they go at its end.
	orphans string
}

// A SyntaxError is a mistake in a locale file, with where it is and what
// to do.
type SyntaxError struct {
	Path         string
	Line, Column int
	Msg          string
	Advice       string // what to do, when the mistake is a typical one
}

// Hint is the advice for the mistake, if any.
func (e *SyntaxError) Hint() string { return e.Advice }

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Active returns the units that are not obsolete.
func (f *File) Active() []Unit {
	out := make([]Unit, 0, len(f.Units))
	for _, u := range f.Units {
		if !u.Obsolete {
			out = append(out, u)
		}
	}
	return out
}
