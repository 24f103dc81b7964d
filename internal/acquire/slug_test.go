package acquire

import (
	"errors"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"polish letters", "Żółć w Łodzi, ślęża", "zolc-w-lodzi-sleza"},
		{"title", "Polsko-białoruskie rozmowy w klastrach i o klastrach.", "polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach"},
		{"already a slug", "klaster-bialorus-2017", "klaster-bialorus-2017"},
		{"russian", "Подольски завершил карьеру в сборной", "podolski-zavershil-kareru-v-sbornoi"},
		{"no letters", "!!! ???", "article"},
		{"upper case and spaces", "  WKB  News  ", "wkb-news"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlugIsShortAndASCII(t *testing.T) {
	long := strings.Repeat("Wschodni Klaster Budowlany zaprasza na forum ", 5)
	s := Slug(long)
	if len(s) > maxSlug || strings.HasSuffix(s, "-") {
		t.Errorf("Slug of a long title = %q (%d bytes)", s, len(s))
	}
	for _, r := range s {
		if r > 127 {
			t.Fatalf("non-ASCII %q in %q", r, s)
		}
	}
}

func TestCheckSlugRefusesPaths(t *testing.T) {
	for _, ok := range []string{"klaster-bialorus-2017", "a", "2017", "forum_2018", "article-2", strings.Repeat("a", maxSlugLen)} {
		if err := CheckSlug(ok); err != nil {
			t.Errorf("CheckSlug(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{
		"", ".", "..", "../../../pwned", "a/b", `a\b`, "/etc/passwd", "a.b", "a\x00b", "a b",
		"Klaster", "żółć", "-rf", "_x", "a\n", "%2e%2e", strings.Repeat("a", maxSlugLen+1),
	} {
		err := CheckSlug(bad)
		if !errors.Is(err, ErrBadSlug) {
			t.Errorf("CheckSlug(%q) = %v, want ErrBadSlug", bad, err)
		}
	}
}

func TestCheckSlug(t *testing.T) {
	for _, tt := range []struct {
		slug string
		ok   bool
	}{
		{"klaster-bialorus-2017", true},
		{"forum-2", true},
		{"a", true},
		{"snake_case", true},
		{strings.Repeat("a", maxSlugLen), true},
		{"", false},
		{strings.Repeat("a", maxSlugLen+1), false},
		{"Forum", false},
		{"-forum", false},
		{"forum-", false},
		{"for--um", false},
		{"../forum", false},
		{"a/b", false},
		{"a.toml", false},
		{"a b", false},
		{"żółw", false},
	} {
		t.Run(tt.slug, func(t *testing.T) {
			err := CheckSlug(tt.slug)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckSlug(%q) = %v, want ok %v", tt.slug, err, tt.ok)
			}
			if err != nil && !strings.Contains(err.Error(), strconv.Quote(tt.slug)) {
				t.Errorf("the error %q does not name the slug", err)
			}
		})
	}
}

// Every slug Slug makes passes CheckSlug.
func TestSlugsPassCheck(t *testing.T) {
	for _, name := range []string{"Polsko-białoruskie rozmowy", "Встреча в Минске", "???", "a_b c--d", strings.Repeat("długie słowo ", 20), "ŻÓŁW.html"} {
		if s := Slug(name); CheckSlug(s) != nil || CheckSlug(s+"-2") != nil {
			t.Errorf("Slug(%q) = %q fails CheckSlug: %v", name, s, CheckSlug(s))
		}
	}
}

// FuzzSlug: every slug Slug makes passes CheckSlug, and every string
// CheckSlug passes is one local file name, the same in a URL path.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Żółć w Łodzi", "../../../pwned", "a/b", "..", "CON", "a\x00", "-_-", "Подольски"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if made := Slug(s); CheckSlug(made) != nil {
			t.Fatalf("Slug(%q) = %q, which CheckSlug refuses: %v", s, made, CheckSlug(made))
		}
		if CheckSlug(s) != nil {
			return
		}
		if !filepath.IsLocal(s) || filepath.Base(s) != s || strings.ContainsAny(s, `/\.`) || url.PathEscape(s) != s {
			t.Fatalf("CheckSlug passed %q, which is not one plain file name", s)
		}
		if p := filepath.Join("locales", "ru", s+".toml"); filepath.Dir(p) != filepath.Join("locales", "ru") {
			t.Fatalf("%q leaves its folder: %s", s, p)
		}
	})
}
