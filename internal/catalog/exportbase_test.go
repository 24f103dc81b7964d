package catalog

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExportBase(t *testing.T) {
	b := NewExportBase("20171213T100000Z-abcd", "ru", "po", time.Date(2017, 12, 13, 10, 0, 0, 5, time.UTC))
	b.Add("klaster", "a1", Exported{Source: "Tak.", Translation: "Да.", Status: Translated})
	b.Add("klaster", "b2", Exported{Source: "Nie.", Status: New})
	b.Add("forum", "c3", Exported{Source: "Nie.", Status: New})
	data, err := b.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeExportBase(data)
	if err != nil {
		t.Fatal(err)
	}
	if e := back.Of("klaster", "a1"); e == nil || e.Translation != "Да." || back.Of("klaster", "x") != nil || (*ExportBase)(nil).Of("a", "b") != nil {
		t.Errorf("Of: %+v", e)
	}
	if r := back.BySource("Tak."); len(r) != 1 || r[0] != (Ref{"klaster", "a1"}) {
		t.Errorf("BySource(Tak.) = %v", r)
	}
	if r := back.BySource("Nie."); len(r) != 2 {
		t.Errorf("BySource(Nie.) = %v: two units share it", r)
	}
	if _, err := DecodeExportBase([]byte("{")); err == nil {
		t.Error("a broken record decodes")
	}
}

// TestExportBaseWriter: a record written an article at a time, in the
// order of the slugs, is the bytes Encode writes; without articles too.
func TestExportBaseWriter(t *testing.T) {
	at := time.Date(2017, 12, 13, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		units map[string]map[string]Exported
	}{
		{"none", nil},
		{"one", map[string]map[string]Exported{"klaster": {"a1": {Source: "Tak \"x\" <b>.", Translation: "Да.", Status: Translated}}}},
		{"several", map[string]map[string]Exported{
			"forum":   {"c3": {Source: "Nie.", Status: New}},
			"klaster": {"b2": {Source: "Nie.", Status: New}, "a1": {Source: "Tak.", Translation: "Да.", Status: Fuzzy}},
			"pusty":   {},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			whole := NewExportBase("20171213T100000Z-abcd", "ru", "xliff", at)
			var b strings.Builder
			x := NewExportBaseWriter(&b, whole)
			for _, slug := range slices.Sorted(maps.Keys(c.units)) {
				for id, e := range c.units[slug] {
					whole.Add(slug, id, e)
				}
				if err := x.Article(slug, c.units[slug]); err != nil {
					t.Fatal(err)
				}
			}
			if err := x.Close(); err != nil {
				t.Fatal(err)
			}
			want, err := whole.Encode()
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("streamed:\n%s\nwhole:\n%s", b.String(), want)
			}
			if x.Articles() != len(whole.Units) {
				t.Errorf("%d articles, want %d", x.Articles(), len(whole.Units))
			}
		})
	}
}
