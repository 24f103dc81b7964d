package acquire

import (
	"fmt"
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

// maxSlugLen bounds a slug read from a command line or a file: a slug
// Slug made, with room for a "-N" suffix.
const maxSlugLen = maxSlug + 20

// CheckSlug reports whether s has the shape of a slug Slug makes: lower
// case ASCII letters, digits, "_" and single hyphens between them, at most
// maxSlugLen bytes. Anything else — a path, "..", a space, an empty
// string — is an error naming it, so that a slug from a command line or a
// file can name a file in sources/ and locales/ safely.
func CheckSlug(s string) error {
	if s == "" || len(s) > maxSlugLen {
		return fmt.Errorf("%q is not a slug: a slug has 1 to %d characters", s, maxSlugLen)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
		case c == '-' && i > 0 && i < len(s)-1 && s[i-1] != '-':
		default:
			return fmt.Errorf("%q is not a slug: a slug has lower-case letters, digits and single hyphens between them", s)
		}
	}
	return nil
}
