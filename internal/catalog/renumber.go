package catalog

import "github.com/mosty-dev/mosty/internal/article"

// RenumberPlaceholders brings the units of a file written by an earlier
// mosty, whose placeholders kept the numbers they had in their block
// ("Wizytę zorganizowała <3>fundacja</3>."), to today's numbering, from
// <1> in every segment. It returns how many units changed.
func (f *File) RenumberPlaceholders() int {
	n := 0
	for i := range f.Units {
		if f.Units[i].RenumberPlaceholders() {
			n++
		}
	}
	return n
}

// RenumberPlaceholders numbers the unit's placeholders from 1 in the
// order they first appear in its source, and gives its translation and
// previous source the same numbers, so the translation still matches
// (<3> becomes <1> in all three). A number the source does not have (the
// previous source's, or a translator's mistake) gets the next free one,
// in the order it appears. It reports whether anything changed; a unit
// without placeholders never does.
func (u *Unit) RenumberPlaceholders() bool {
	to := map[int]int{}
	for _, s := range []string{u.Source, u.PreviousSource, u.Translation} {
		_, ids := article.Renumber(s)
		for _, id := range ids {
			if _, ok := to[id]; !ok {
				to[id] = len(to) + 1
			}
		}
	}
	changed := false
	for _, s := range []*string{&u.Source, &u.PreviousSource, &u.Translation} {
		if r := article.Remap(*s, to); r != *s {
			*s, changed = r, true
		}
	}
	return changed
}

// oldNumbering reports whether text's placeholders are numbered as an
// earlier mosty numbered them, across the block ("<3>fundacja</3>"),
// and not from <1> in the order they appear, as every segment's are now.
func oldNumbering(text string) bool {
	renumbered, _ := article.Renumber(text)
	return renumbered != text
}

// renumberIncoming brings a unit of a file exported before placeholders
// were numbered per segment — its Polish "Wizytę zorganizowała
// <3>fundacja</3>.", where the translators' file has "<1>fundacja</1>"
// since sync renumbered it — to today's numbering, as sync renumbers a
// translators' file (RenumberPlaceholders): the file's translation gets
// the numbers its Polish gets, and so does what the export's record
// says, so the translator's work matches the Polish again instead of
// being flagged. The fingerprint the file carries of the exported
// translation (Base) is compared with mosty's translation numbered the
// old way. It applies only when the file's Polish is numbered the old
// way and differs from mosty's, which is numbered today's way; the
// Polish may have changed since as well (the merge then lands fuzzy, with
// the renumbered Polish as previous_source). ok reports that it applied.
func renumberIncoming(cur Unit, in Incoming, base *Exported) (Incoming, *Exported, bool) {
	if in.Source == "" || in.Source == cur.Source || !oldNumbering(in.Source) || oldNumbering(cur.Source) {
		return in, base, false
	}
	u := Unit{Source: in.Source, Translation: in.Translation}
	u.RenumberPlaceholders()
	if in.Base != "" && in.Base == BaseOf(numberedAs(cur.Translation, in.Source)) {
		in.Base = BaseOf(cur.Translation)
	}
	in.Source, in.Translation = u.Source, u.Translation
	if base != nil && base.Source != cur.Source && oldNumbering(base.Source) {
		b := Unit{Source: base.Source, Translation: base.Translation}
		b.RenumberPlaceholders()
		base = &Exported{Source: b.Source, Translation: b.Translation, Status: base.Status}
	}
	return in, base, true
}

// numberedAs is a translation in today's numbering numbered back the way
// the old-numbered Polish old is: <1> becomes the number old's first
// placeholder has, and so on.
func numberedAs(translation, old string) string {
	_, ids := article.Renumber(old)
	back := make(map[int]int, len(ids))
	for i, id := range ids {
		back[i+1] = id
	}
	return article.Remap(translation, back)
}
