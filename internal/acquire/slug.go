package acquire

import (
	"errors"
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

// MaxSlugLen is the longest slug CheckSlug accepts: room for a made slug
// (maxSlug) with a number after it, and for slugs named by hand.
const MaxSlugLen = 200

// ErrBadSlug is what CheckSlug's errors wrap.
var ErrBadSlug = errors.New("not a valid slug")

// CheckSlug is the one rule for a slug read from anywhere — a file a team
// shares (sources/*.meta.toml, a merge file's <file id>), the command line
// — before it becomes part of a path or a URL: 1 to MaxSlugLen bytes of
// lower-case ASCII letters, digits, "-" and "_", starting with a letter or
// a digit. So "..", a slash or backslash, a dot, NUL, a space, upper case
// and anything outside ASCII never get through, and a slug always names
// one file in its folder. Every slug Slug makes passes.
func CheckSlug(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("an empty slug: %w", ErrBadSlug)
	case len(s) > MaxSlugLen:
		return fmt.Errorf("slug %.40q… is %d bytes, over %d: %w", s, len(s), MaxSlugLen, ErrBadSlug)
	case !alnum(s[0]):
		return fmt.Errorf("slug %q must start with a letter or digit: %w", s, ErrBadSlug)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '-' && c != '_' {
			return fmt.Errorf("slug %q: %q is not allowed (only a-z, 0-9, \"-\" and \"_\"): %w", s, rune(c), ErrBadSlug)
		}
	}
	return nil
}

func alnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
