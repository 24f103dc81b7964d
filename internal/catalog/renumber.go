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
