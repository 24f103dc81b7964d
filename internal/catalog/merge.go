package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// Changes counts what a merge did to one translators' file.
type Changes struct {
	Added     int // new sentences, status new
	Fuzzy     int // changed sentences whose translation is kept for checking
	Reset     int // changed sentences that had no translation yet
	Obsoleted int // removed sentences kept for their translation
	Revived   int // sentences back in the article, with their old translation
	Dropped   int // removed sentences with nothing written for them
	Pruned    int // obsolete segments dropped on request
	// Renumbered counts segments of a file of an earlier mosty whose
	// placeholders were numbered anew from <1>, translations with them
	// (see RenumberPlaceholders).
	Renumbered int
	Restored   []string
}

// Any reports whether the merge changed anything.
func (c Changes) Any() bool {
	return c.Added+c.Fuzzy+c.Reset+c.Obsoleted+c.Revived+c.Dropped+c.Pruned+c.Renumbered+len(c.Restored) > 0
}

// String is a short summary, such as "2 new, 1 fuzzy, 1 obsolete".
func (c Changes) String() string {
	s := ""
	add := func(n int, what string) {
		if n > 0 {
			if s != "" {
				s += ", "
			}
			s += fmt.Sprintf("%d %s", n, what)
		}
	}
	add(c.Added, "new")
	add(c.Fuzzy, "fuzzy")
	add(c.Reset, "changed before translation")
	add(c.Obsoleted, "obsolete")
	add(c.Revived, "back from obsolete")
	add(c.Dropped, "removed")
	add(c.Pruned, "pruned")
	add(len(c.Restored), "source restored")
	add(c.Renumbered, "with placeholders renumbered")
	if s == "" {
		return "unchanged"
	}
	return s
}

// Merge brings a translators' file up to date with the source units (ids
// assigned) of the article. The rules:
//
//   - unchanged sentence: everything kept as it is;
//   - new sentence: added with status new, or, when an obsolete segment
//     holds the same Polish, brought back with its translation;
//   - changed sentence with a translation: status fuzzy, the translation
//     kept, previous_source set to the Polish it was translated from
//     (kept from an earlier change while it is still fuzzy);
//   - changed sentence without a translation: the new Polish, status new;
//   - removed sentence with a translation or keys of a translator's own:
//     kept at the end with obsolete = true; removed only with prune;
//   - removed sentence with nothing written for it: dropped.
//
// lastSource maps ids to the Polish the previous source file had: a
// source changed by hand in the translators' file is put back and
// reported, and the Polish the translator saw counts as the previous one.
func (f *File) Merge(src []Unit, lastSource map[string]string, prune bool) Changes {
	var c Changes
	byID := make(map[string]int, len(f.Units))
	obsoleteBySource := map[string]int{}
	for i, u := range f.Units {
		byID[u.ID] = i
		if u.Obsolete {
			if _, ok := obsoleteBySource[u.Source]; !ok {
				obsoleteBySource[u.Source] = i
			}
		}
	}
	used := make([]bool, len(f.Units))
	out := make([]Unit, 0, len(src)+len(f.Units))
	for _, s := range src {
		i, ok := byID[s.ID]
		if ok && !f.Units[i].Obsolete {
			used[i] = true
			out = append(out, update(f.Units[i], s, lastSource, &c))
			continue
		}
		if i, ok := obsoleteBySource[s.Source]; ok && !used[i] {
			used[i] = true
			u := f.Units[i]
			u.ID, u.Kind, u.Obsolete = s.ID, s.Kind, false
			c.Revived++
			out = append(out, u)
			continue
		}
		c.Added++
		out = append(out, Unit{ID: s.ID, Kind: s.Kind, Source: s.Source, Status: New})
	}
	for i, u := range f.Units {
		switch {
		case used[i]:
		case !u.hasWork():
			f.keepTail(u)
			if !u.Obsolete {
				c.Dropped++
			}
		case prune:
			f.keepTail(u)
			c.Pruned++
		default:
			if !u.Obsolete {
				u.Obsolete = true
				c.Obsoleted++
			}
			out = append(out, u)
		}
	}
	f.Units = out
	f.renameClashingObsolete()
	return c
}

// renameClashingObsolete gives an obsolete unit whose id an active unit
// now has (a sentence edited, removed, then added again in its first
// form gets its first id back) an id of its own: ids are unique in a
// file, and an obsolete unit's id matters to nobody.
func (f *File) renameClashingObsolete() {
	taken := map[string]bool{}
	for _, u := range f.Units {
		if !u.Obsolete {
			taken[u.ID] = true
		}
	}
	for i := range f.Units {
		u := &f.Units[i]
		if !u.Obsolete {
			continue
		}
		if taken[u.ID] {
			base := u.ID + "-obsolete"
			u.ID = base
			for n := 2; taken[u.ID]; n++ {
				u.ID = fmt.Sprintf("%s-%d", base, n)
			}
		}
		taken[u.ID] = true
	}
}

// hasWork reports whether someone wrote anything for a unit: a
// translation or keys of their own (not the hints mosty shows beside it).
// A removed sentence with work is kept as obsolete; one without is
// dropped.
func (u Unit) hasWork() bool {
	if u.Translation != "" {
		return true
	}
	for k, v := range u.Extra {
		if !slices.Contains(HintKeys, k) || !isHint(v) {
			return true
		}
	}
	return false
}

// update applies a source unit to the translators' unit with its id.
// The unit's own source is the Polish its translation was made from, so
// the rule looks at nothing else: whatever the source file says, a unit
// whose source is not the current Polish becomes fuzzy (see Against). A
// source that is not the Polish the source file had either was edited by
// hand or comes from a file older than the source file (an editor saving
// an old buffer, a write lost in a crash): it is reported as restored.
func update(u Unit, s Unit, lastSource map[string]string, c *Changes) Unit {
	u.Kind = s.Kind
	if last, ok := lastSource[u.ID]; ok && u.Source != last && u.Source != s.Source {
		c.Restored = append(c.Restored, u.ID)
	}
	u, what := u.Against(s.Source)
	switch what {
	case BecameFuzzy:
		c.Fuzzy++
	case BecameNew:
		c.Reset++
	}
	return u
}

// A Staleness says what Against did to a unit.
type Staleness int

// What Against does.
const (
	Current     Staleness = iota // the unit's source is the current Polish
	BecameFuzzy                  // translated from other Polish: fuzzy
	BecameNew                    // other Polish, nothing translated yet
)

// Against returns the unit as it stands against the article's current
// Polish. A unit records in source the Polish its translation was made
// from; when that is not the current Polish, the translation is kept but
// is fuzzy, with previous_source saying what it was made from (kept from
// an earlier change while the unit is still fuzzy); without a translation
// the unit just gets the new Polish, status new.
func (u Unit) Against(polish string) (Unit, Staleness) {
	if u.Source == polish {
		return u, Current
	}
	what := BecameFuzzy
	if u.Translation == "" {
		u.Status, u.PreviousSource = New, ""
		what = BecameNew
	} else {
		if u.Status != Fuzzy || u.PreviousSource == "" {
			u.PreviousSource = u.Source
		}
		u.Status = Fuzzy
	}
	u.Source = polish
	return u, what
}

// NewTarget makes an empty translators' file for a source file.
func NewTarget(path string, src *File, lang string) *File {
	h := src.Header
	h.Lang, h.SourceLang = lang, src.Header.Lang
	h.SourceSHA256, h.Extractor = "", ""
	return &File{Path: path, Header: h}
}

// SetUnits replaces a source file's units. A unit whose id the file
// already has keeps what was read of it, so the file is rewritten only
// where it changed.
func (f *File) SetUnits(units []Unit) {
	old := make(map[string]int, len(f.Units))
	for i, u := range f.Units {
		if !u.Obsolete {
			old[u.ID] = i
		}
	}
	kept := make([]bool, len(f.Units))
	for i, u := range units {
		if j, ok := old[u.ID]; ok && !kept[j] {
			o := f.Units[j]
			o.Kind, o.Block, o.Source = u.Kind, u.Block, u.Source
			units[i], kept[j] = o, true
		}
	}
	for j, u := range f.Units {
		if !kept[j] {
			f.keepTail(u)
		}
	}
	f.Units = units
}

// keepTail moves the tables of the translator's own that followed a unit
// the file drops to the file's end.
func (f *File) keepTail(u Unit) {
	if u.tail != "" {
		if f.orphans != "" && !strings.HasSuffix(f.orphans, "\n") {
			f.orphans += "\n"
		}
		f.orphans += u.tail
	}
}
