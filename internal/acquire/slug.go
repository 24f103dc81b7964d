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

// maxSlugLen bounds a slug read from a command line or a file: a slug
// Slug made, with room for a "-N" suffix.
const maxSlugLen = maxSlug + 20

// ErrBadSlug is what CheckSlug's errors wrap.
var ErrBadSlug = errors.New("not a slug")

// CheckSlug is the one rule for a slug read from anywhere — the command
// line, a file a team shares (sources/*.meta.toml, a merge file's <file
// id>) — before it becomes part of a path or a URL: the shape of a slug
// Slug makes, lower-case ASCII letters, digits, "_" and single hyphens
// between them, starting with a letter or a digit, at most maxSlugLen
// bytes. So "..", a slash or backslash, a dot, NUL, a space, upper case and
// anything outside ASCII never get through, and a slug always names one
// file in its folder. The error names the slug and wraps ErrBadSlug.
func CheckSlug(s string) error {
	if s == "" || len(s) > maxSlugLen {
		return fmt.Errorf("%q is %w: a slug has 1 to %d characters", s, ErrBadSlug, maxSlugLen)
	}
	if !alnum(s[0]) {
		return fmt.Errorf("%q is %w: a slug starts with a letter or a digit", s, ErrBadSlug)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case alnum(c), c == '_':
		case c == '-' && i < len(s)-1 && s[i-1] != '-':
		default:
			return fmt.Errorf("%q is %w: a slug has lower-case letters, digits, \"_\" and single hyphens between them", s, ErrBadSlug)
		}
	}
	return nil
}

func alnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
