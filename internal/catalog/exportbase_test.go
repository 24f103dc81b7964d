package catalog

import (
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
