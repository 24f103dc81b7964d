package article

import (
	"strings"
	"testing"
	"time"
)

func TestFindArticle(t *testing.T) {
	day := time.Date(2017, 12, 13, 0, 0, 0, 0, time.UTC)
	existing := map[string]string{}
	for slug, id := range map[string]Identity{
		"klaster":  {Origin: "/home/ania/old/klaster.html", Canonical: "https://www.wkb.pl/aktualnosci/klaster/", Title: "Polsko-białoruskie rozmowy", Date: day},
		"forum":    {Origin: "https://wkb.pl/forum", Title: "Forum", Date: day.AddDate(1, 0, 0)},
		"undated":  {Origin: "/a/zaproszenie.txt", Title: "Zaproszenie"},
		"undated2": {Origin: "/b/zaproszenie.txt", Title: "Zaproszenie"},
	} {
		for _, k := range id.Keys() {
			existing[k] = slug
		}
	}
	lookup := func(k string) (string, bool) { s, ok := existing[k]; return s, ok }
	for _, tt := range []struct {
		name     string
		id       Identity
		slug     string
		how      string
		notFound bool
	}{
		{"same origin", Identity{Origin: "https://wkb.pl/forum", Title: "Forum 2018 — zmienione"}, "forum", "origin", false},
		{"canonical URL written otherwise", Identity{Origin: "/new/klaster.html", Canonical: "http://wkb.pl/aktualnosci/klaster"}, "klaster", "canonical URL", false},
		{"title and date from another folder", Identity{Origin: "/new/k.html", Title: "  Polsko-Białoruskie   rozmowy", Date: day}, "klaster", "title and date", false},
		{"same title, other date", Identity{Origin: "/new/k.html", Title: "Polsko-białoruskie rozmowy", Date: day.AddDate(0, 0, 1)}, "", "", true},
		{"same title, no date", Identity{Origin: "/c/zaproszenie.txt", Title: "Zaproszenie"}, "", "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			slug, key, ok := FindArticle(tt.id, lookup)
			if ok == tt.notFound || slug != tt.slug || ok && How(key) != tt.how {
				t.Errorf("FindArticle = %q, %q, %v", slug, key, ok)
			}
		})
	}
	if k := (Identity{Canonical: "not a url"}).Keys(); len(k) != 0 || strings.Join(k, "") != "" {
		t.Errorf("keys of nothing: %v", k)
	}
}

func TestIdentityOf(t *testing.T) {
	a := &Article{Origin: "https://wkb.pl/news?id=7", Canonical: "/aktualnosci/rozmowy/", Title: "Rozmowy"}
	if id := IdentityOf(a); id.Canonical != "https://wkb.pl/aktualnosci/rozmowy/" {
		t.Errorf("relative canonical read as %q", id.Canonical)
	}
	a = &Article{Origin: "/home/ania/rozmowy.html", Canonical: "https://wkb.pl/r"}
	if id := IdentityOf(a); id.Canonical != "https://wkb.pl/r" {
		t.Errorf("canonical %q", id.Canonical)
	}
}
