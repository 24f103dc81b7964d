package locales

import (
	"testing"
	"time"
)

func TestPluralsAndDates(t *testing.T) {
	b, err := Bundle()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"pl", 1, "1 artykuł"}, {"pl", 3, "3 artykuły"}, {"pl", 5, "5 artykułów"}, {"pl", 22, "22 artykuły"}, {"pl", 12, "12 artykułów"},
		{"ru", 1, "1 статья"}, {"ru", 3, "3 статьи"}, {"ru", 5, "5 статей"}, {"ru", 21, "21 статья"}, {"ru", 11, "11 статей"},
		{"en", 1, "1 article"}, {"en", 5, "5 articles"},
	}
	for _, tt := range tests {
		if got := NewChrome(b, tt.lang).N("Articles", tt.count); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
	d := time.Date(2017, 12, 13, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"pl": "13 grudnia 2017", "ru": "13 декабря 2017 г.", "en": "13 December 2017", "be": "13 December 2017"} {
		if got := NewChrome(b, lang).Date(d); got != want {
			t.Errorf("%s date %q, want %q", lang, got, want)
		}
	}
}

// TestSameMessages: every language has every message.
func TestSameMessages(t *testing.T) {
	b, _ := Bundle()
	en := NewChrome(b, "en")
	for _, lang := range []string{"pl", "ru"} {
		c := NewChrome(b, lang)
		for _, id := range []string{"News", "Languages", "ReadInPolish", "ParallelText", "ParallelIntro", "Original", "Translation",
			"TranslationInProgress", "UntranslatedFragment", "Published", "SkipToContent", "Month1", "Month12"} {
			if c.T(id, nil) == id || c.T(id, nil) == en.T(id, nil) && lang != "en" {
				t.Errorf("%s: message %s missing or English", lang, id)
			}
		}
	}
}
