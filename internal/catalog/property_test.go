package catalog

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

var vocabulary = strings.Fields("klaster firma spotkanie Białystok rozmowy partnerzy umowa projekt budowa targi " +
	"forum wizyta minister fundacja współpraca inwestycja region miasto szkolenie energia")

func sentence(r *rand.Rand) string {
	n := 3 + r.Intn(6)
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.Intn(len(vocabulary))]
	}
	return strings.ToUpper(w[0][:1]) + w[0][1:] + " " + strings.Join(w[1:], " ") + "."
}

// edit changes the article the way editors do.
func edit(r *rand.Rand, art []string) []string {
	art = append([]string(nil), art...)
	switch op := r.Intn(7); {
	case op == 0 || len(art) == 0: // add
		i := r.Intn(len(art) + 1)
		art = append(art[:i], append([]string{sentence(r)}, art[i:]...)...)
	case op == 1: // remove
		i := r.Intn(len(art))
		art = append(art[:i], art[i+1:]...)
	case op == 2: // change a word
		i := r.Intn(len(art))
		w := strings.Fields(art[i])
		w[r.Intn(len(w))] = vocabulary[r.Intn(len(vocabulary))]
		art[i] = strings.Join(w, " ")
	case op == 3: // duplicate
		i := r.Intn(len(art))
		art = append(art, art[i])
	case op == 4: // move
		i, j := r.Intn(len(art)), r.Intn(len(art))
		art[i], art[j] = art[j], art[i]
	case op == 5: // rewrite
		art[r.Intn(len(art))] = sentence(r)
	case op == 6: // bring back something like an old sentence
		art = append(art, sentence(r))
	}
	return art
}

// TestNothingLost: for random edit sequences of an article, with a
// translator translating and re-translating between syncs, every
// translation the translator wrote last is still in the file (active or
// obsolete) after every sync, until a sync with prune.
func TestNothingLost(t *testing.T) {
	for seed := int64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewSource(seed))
		var art []string
		for range 3 + r.Intn(8) {
			art = append(art, sentence(r))
		}
		var src []Unit
		tgt := target()
		written := map[string]bool{} // translations the translator wrote and did not replace
		n := 0
		for step := 0; step < 25; step++ {
			last := map[string]string{}
			for _, u := range src {
				last[u.ID] = u.Source
			}
			var su []SourceUnit
			for _, s := range art {
				su = append(su, SourceUnit{Kind: "paragraph", Text: s})
			}
			src = AssignIDs(src, su)
			tgt.Merge(src, last, false)
			reread, err := Parse("t.toml", tgt.Bytes(), false)
			if err != nil {
				t.Fatalf("seed %d step %d: written file does not parse: %v", seed, step, err)
			}
			tgt = reread
			have := map[string]bool{}
			for _, u := range tgt.Units {
				have[u.Translation] = true
			}
			for tr := range written {
				if !have[tr] {
					t.Fatalf("seed %d step %d: translation %q is gone", seed, step, tr)
				}
			}
			// The translator works on a few segments.
			for i := range tgt.Units {
				u := &tgt.Units[i]
				if u.Obsolete || r.Intn(3) != 0 {
					continue
				}
				delete(written, u.Translation)
				n++
				u.Translation, u.Status = fmt.Sprintf("Перевод %d.", n), Translated
				written[u.Translation] = true
			}
			art = edit(r, art)
		}
		tgt.Merge(src, nil, true)
		for _, u := range tgt.Units {
			if u.Obsolete {
				t.Fatalf("seed %d: obsolete %q survived prune", seed, u.ID)
			}
		}
	}
}
