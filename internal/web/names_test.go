package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestSegmentNames: the names hint that import and sync write next to a
// Russian segment reaches the article page (which lists keys.names under
// "Names"), and the names check is among the problems of a translation
// as it is typed.
func TestSegmentNames(t *testing.T) {
	s := newTestServer(t, demoDir(t))
	var seg *segmentView
	for _, v := range s.article(t, "ru").Segments {
		if strings.Contains(v.Source, "Adam Krajewski") {
			seg = &v
		}
	}
	if seg == nil {
		t.Fatal("no segment of the demo names Adam Krajewski")
	}
	if got := fmt.Sprint(seg.Keys["names"]); got != "[Adam Krajewski = Адам Краевский]" {
		t.Errorf("keys.names = %s, want [Adam Krajewski = Адам Краевский]", got)
	}
	rec := s.do(t, request{method: "POST", path: "/api/articles/" + testSlug + "/ru/segments/" + seg.ID + "/check",
		body: `{"translation": "Кластер представлял Адам Крайевский.", "status": "translated"}`})
	if !strings.Contains(rec.Body.String(), `"check":"names"`) {
		t.Errorf("check of a misspelt name: %d %s", rec.Code, rec.Body)
	}
}
