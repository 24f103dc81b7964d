package workspace

import (
	"slices"

	"github.com/mosty-dev/mosty/internal/site"
)

// BuildReport says what a build did.
type BuildReport struct {
	Out string
	// Rendered counts the versions the build rendered (an article in a
	// language) by what was published.
	Rendered VersionCounts
	// Versions are the versions rendered, in the order of the articles
	// and languages, when there were at most ListVersions of them; else
	// the first ListVersions of those not published in full. A build of
	// a whole archive renders hundreds of thousands: the report keeps a
	// few (AddVersion).
	Versions  []site.Version
	Problems  []site.Problem
	Written   int      // files written
	Unchanged int      // files rendered whose bytes were already right
	Removed   []string // files removed: unpublished pages, and with Clean, strays
	Reused    int      // articles whose inputs had not changed since the last build
	Published int      // published pages of articles, in every language
}

// ListVersions is how many rendered versions a BuildReport keeps.
const ListVersions = 50

// VersionCounts count versions published in full, published with Polish
// in places (or the translation of earlier Polish), and not published.
type VersionCounts struct {
	Full, Partly, Withheld int
}

// Total is every version counted.
func (c VersionCounts) Total() int { return c.Full + c.Partly + c.Withheld }

// FullyPublished reports whether a version is published with every
// segment translated from the current Polish.
func FullyPublished(v *site.Version) bool { return v.Published && v.Fallbacks == 0 && v.Previous == 0 }

// AddVersion counts a rendered version, and keeps it when it is among
// those the report lists (see Versions).
func (r *BuildReport) AddVersion(v site.Version) {
	full := FullyPublished(&v)
	switch {
	case full:
		r.Rendered.Full++
	case v.Published:
		r.Rendered.Partly++
	default:
		r.Rendered.Withheld++
	}
	if r.Rendered.Total() == ListVersions+1 { // many: only those not published in full are listed
		r.Versions = slices.DeleteFunc(r.Versions, func(v site.Version) bool { return FullyPublished(&v) })
	}
	if r.Rendered.Total() <= ListVersions || !full && len(r.Versions) < ListVersions {
		r.Versions = append(r.Versions, v)
	}
}
