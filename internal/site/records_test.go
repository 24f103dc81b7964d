package site

import (
	"testing"
	"time"
)

// TestListedRoundTrip: an entry read back from its record is the entry
// written, its date in the same zone (the pages show the day and year of
// the zone the article gave).
func TestListedRoundTrip(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	for _, e := range []entry{
		{},
		{lang: 2, rank: 41, v: Version{Slug: "targi", Lang: "ru", Title: "Ярмарка <b>&", Category: "Działania klastra", Summary: "O\ttargach\n",
			Date: time.Date(2019, 12, 31, 23, 30, 0, 0, cet)}},
		{v: Version{Slug: "a", Lang: "pl", Date: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)}},
	} {
		e.v.Published = true
		got, err := decodeListed(appendListed(nil, e))
		if err != nil {
			t.Fatalf("%+v: %v", e, err)
		}
		if !sameEntry(got, e) || got.v.Date.Year() != e.v.Date.Year() || isoDate(got.v.Date) != isoDate(e.v.Date) {
			t.Errorf("read back %+v, want %+v", got, e)
		}
	}
}

func sameEntry(a, b entry) bool {
	av, bv := a.v, b.v
	av.Date, bv.Date = time.Time{}, time.Time{}
	_, ao := a.v.Date.Zone()
	_, bo := b.v.Date.Zone()
	return a.lang == b.lang && a.rank == b.rank && av == bv && a.v.Date.Equal(b.v.Date) && ao == bo
}

// FuzzListedRecord: any bytes read as a listing record give an entry or
// an error, never a panic; an entry read, written again, reads the same.
func FuzzListedRecord(f *testing.F) {
	f.Add(appendListed(nil, entry{lang: 1, rank: 3, v: Version{Slug: "a", Lang: "en", Title: "T", Date: time.Date(2018, 1, 10, 0, 0, 0, 0, time.UTC)}}))
	f.Add(appendListed(nil, entry{}))
	f.Add([]byte("\x01\x02\x05ab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeListed(data)
		if err != nil {
			return
		}
		again, err := decodeListed(appendListed(nil, e))
		if err != nil || !sameEntry(again, e) {
			t.Fatalf("%+v written and read again: %+v, %v", e, again, err)
		}
	})
}
