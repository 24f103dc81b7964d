package acquire

import (
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

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.html", "a.txt", "notes.pdf", "sub/c.md", ".git/x.html"} {
		writeTestFile(t, dir+"/"+f, "x")
	}
	got, err := ExpandPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{dir + "/a.txt", dir + "/b.html", dir + "/sub/c.md"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ExpandPaths([]string{dir + "/notes.pdf"}); err == nil {
		t.Error("a .pdf named on the command line was accepted")
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
