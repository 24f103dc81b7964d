package acquire

import (
	"strings"

	"github.com/gosimple/slug"
)

// maxSlug bounds slugs so that paths and URLs stay readable.
const maxSlug = 60

// Slug makes a stable ASCII name from a title or file name: lower case,
// hyphens, Polish and Russian letters transliterated (ł→l, ż→z, ж→zh),
// cut at a word boundary. It returns "article" for a name with no letters
// or digits.
func Slug(name string) string {
	// Russian soft and hard signs have no letter in transliteration; left
	// to the library they become hyphens inside words.
	name = strings.NewReplacer("ь", "", "Ь", "", "ъ", "", "Ъ", "").Replace(name)
	s := slug.MakeLang(name, "pl")
	if len(s) > maxSlug {
		s = s[:maxSlug]
		if i := strings.LastIndexByte(s, '-'); i > maxSlug/2 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return "article"
	}
	return s
}
