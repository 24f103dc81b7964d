package workspace

import (
	"os"
	"strings"
	"testing"
)

// A workspace whose names hints were written by a mosty with other names
// data gets them written anew by its next sync, without its articles being
// extracted again; one written by this mosty is left alone.
func TestSyncRefreshesHintsAfterUpgrade(t *testing.T) {
	tests := []struct {
		name    string
		hints   string // the hints version the index records
		refresh bool
	}{
		{"older names data", "older", true},
		{"this mosty's", hintsFingerprint(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := setup(t)
			ru, pl := w.LocalePath("ru", "art"), w.LocalePath("pl", "art")
			data, _ := os.ReadFile(ru)
			const fresh = `Białystok = Белосток`
			if !strings.Contains(string(data), fresh) {
				t.Fatalf("the Russian file has no names hint %q:\n%s", fresh, data)
			}
			// The older mosty wrote another form, and recorded the file
			// in the index as synced.
			os.WriteFile(ru, []byte(strings.Replace(string(data), fresh, `Białystok = Бялысток`, 1)), 0o644)
			idx, err := w.loadIndex()
			if err != nil {
				t.Fatal(err)
			}
			e, _ := idx.Get("art")
			e.Stamps = w.stampArticle("art", "art.txt")
			idx.Put(e)
			idx.version = w.pipelineFingerprint() + "/" + tt.hints
			if err := w.saveIndex(idx); err != nil {
				t.Fatal(err)
			}
			polish, _ := os.ReadFile(pl)

			rep, err := w.Sync(SyncOptions{})
			if err != nil || len(rep.Failed) > 0 {
				t.Fatalf("sync: %v %v", err, rep)
			}
			got, _ := os.ReadFile(ru)
			if refreshed := strings.Contains(string(got), fresh); refreshed != tt.refresh {
				t.Errorf("hint written anew: %v, want %v:\n%s", refreshed, tt.refresh, got)
			}
			if after, _ := os.ReadFile(pl); string(after) != string(polish) {
				t.Errorf("the Polish file changed: the article was extracted again")
			}
			for src, u := range unitsBySource(t, w, "ru") {
				if u.Translation == "" {
					t.Errorf("%q lost its translation", src)
				}
			}
			if idx, err := w.loadIndex(); err != nil || !idx.fresh("art", w.stampArticle("art", "art.txt")) {
				t.Errorf("the index does not record the article as synced with this mosty's hints")
			}
		})
	}
}
