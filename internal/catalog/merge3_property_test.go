package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// branch is one line of work on an article's translators' file: the
// article as the branch last synced it, its source units, the file.
type branch struct {
	art  []string
	src  []Unit
	file *File
}

// sync brings the branch's file up to date with art, as mosty sync does.
func (b *branch) sync(t testing.TB, art []string) {
	last := map[string]string{}
	for _, u := range b.src {
		last[u.ID] = u.Source
	}
	var su []SourceUnit
	for _, s := range art {
		su = append(su, SourceUnit{Kind: "paragraph", Text: s})
	}
	b.art, b.src = art, AssignIDs(b.src, su)
	b.file.Merge(b.src, last, false)
	b.reread(t)
}

// sourceBytes is the branch's Polish file, as sync writes it: what it
// was extracted from (a hash of the article) and the units.
func (b *branch) sourceBytes() []byte {
	sum := sha256.Sum256([]byte(strings.Join(b.art, "\n")))
	f := &File{IsSource: true, Units: slices.Clone(b.src),
		Header: Header{Slug: "a", Lang: "pl", Title: "A", SourceSHA256: hex.EncodeToString(sum[:]), Extractor: "e1"}}
	return f.Bytes()
}

func (b *branch) reread(t testing.TB) {
	f, err := Parse("p.toml", b.file.Bytes(), false)
	if err != nil {
		t.Fatalf("file does not parse: %v", err)
	}
	b.file = f
}

func (b *branch) clone(t testing.TB) *branch {
	c := &branch{art: slices.Clone(b.art), src: slices.Clone(b.src), file: b.file}
	c.reread(t)
	return c
}

// work is a translator's edits: translations, statuses, keys of their
// own, on a few segments. Translations come from a small pool per
// segment, so the two sides sometimes write the same.
func (b *branch) work(t testing.TB, r *rand.Rand) {
	for i := range b.file.Units {
		u := &b.file.Units[i]
		if r.Intn(3) != 0 {
			continue
		}
		switch r.Intn(5) {
		case 0, 1:
			u.Translation = fmt.Sprintf("Перевод %s, вариант %d.", u.ID, r.Intn(3))
			u.Status = Statuses[1+r.Intn(3)]
		case 2:
			u.Status = Statuses[r.Intn(4)]
		case 3:
			if u.Extra == nil {
				u.Extra = map[string]any{}
			}
			u.Extra["reviewer"] = []string{"Anna", "Boris", "Ola"}[r.Intn(3)]
		case 4:
			if len(u.Extra) > 0 {
				u.Extra = nil
			} else {
				u.Extra = map[string]any{"tags": []any{"names"}}
			}
		}
	}
	b.reread(t)
}

// TestMerge3Property: for random base/ours/theirs edits of one file
// (translations, statuses, keys, sources changed, segments added and
// removed by syncs), the merge holds every segment's edit that only one
// side made, and a conflict for every segment both sides changed
// differently; it is the same either way round, and a side that changed
// nothing gives the other side's file byte for byte.
//
// MOSTY_MERGE3_SEEDS=N runs N seeds instead of 400.
func TestMerge3Property(t *testing.T) {
	seeds := int64(400)
	if n, err := strconv.ParseInt(os.Getenv("MOSTY_MERGE3_SEEDS"), 10, 64); err == nil {
		seeds = n
	}
	for seed := int64(1); seed <= seeds; seed++ {
		r := rand.New(rand.NewSource(seed))
		base := &branch{file: target()}
		var art []string
		for range 3 + r.Intn(6) {
			art = append(art, sentence(r))
		}
		base.sync(t, art)
		base.work(t, r)
		ours, theirs := base.clone(t), base.clone(t)
		for _, side := range []*branch{ours, theirs} {
			if r.Intn(2) == 0 {
				side.sync(t, edit(r, edit(r, side.art)))
			}
			side.work(t, r)
		}
		b, o, th := base.file.Bytes(), ours.file.Bytes(), theirs.file.Bytes()
		res, err := Merge3("p.toml", b, o, th, false)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		merged, err := Parse("p.toml", res.Data, false)
		if err != nil {
			t.Fatalf("seed %d: merged file does not parse: %v\n%s", seed, err, res.Data)
		}
		checkMerged(t, seed, base.file, ours.file, theirs.file, merged, res)
		swapped, err := Merge3("p.toml", b, th, o, false)
		if err != nil || !slices.Equal(sorted(swapped.Conflicts), sorted(res.Conflicts)) {
			t.Fatalf("seed %d: the other way round: %v, conflicts %v, want %v", seed, err, swapped.Conflicts, res.Conflicts)
		}
		checkSourceMerge(t, seed, base.sourceBytes(), ours.sourceBytes(), theirs.sourceBytes())
		for _, c := range [][3][]byte{{b, b, o}, {b, o, b}, {b, o, o}} {
			same, err := Merge3("p.toml", c[0], c[1], c[2], false)
			if err != nil || string(same.Data) != string(o) || !same.Clean() {
				t.Fatalf("seed %d: one side unchanged: the other's bytes should come out as they are (err %v)", seed, err)
			}
		}
	}
}

// checkSourceMerge checks the merge of the Polish files: a side that did
// not extract again gives the other's file as it is; two sides that
// extracted different articles ask for another extraction.
func checkSourceMerge(t *testing.T, seed int64, b, o, th []byte) {
	t.Helper()
	res, err := Merge3("pl.toml", b, o, th, true)
	if err != nil {
		t.Fatalf("seed %d: Polish file: %v", seed, err)
	}
	merged, err := Parse("pl.toml", res.Data, true)
	if err != nil {
		t.Fatalf("seed %d: merged Polish file does not parse: %v", seed, err)
	}
	switch {
	case string(o) == string(b) || string(o) == string(th):
		if string(res.Data) != string(th) || !res.Clean() {
			t.Fatalf("seed %d: only theirs extracted again: want their Polish file as it is", seed)
		}
	case string(th) == string(b):
		if string(res.Data) != string(o) || !res.Clean() {
			t.Fatalf("seed %d: only ours extracted again: want our Polish file as it is", seed)
		}
	case !res.Reextract || merged.Header.SourceSHA256 != "":
		t.Fatalf("seed %d: two extractions of different articles: want source_sha256 cleared for another one, got %+v", seed, merged.Header)
	}
}

// checkMerged checks each segment of a merge against its three versions.
func checkMerged(t *testing.T, seed int64, b, o, th, m *File, res *MergeResult) {
	t.Helper()
	fail := func(id, format string, args ...any) {
		t.Helper()
		t.Fatalf("seed %d, segment %s: %s", seed, id, fmt.Sprintf(format, args...))
	}
	for _, id := range unionIDs(b, o, th) {
		bu, ou, tu, mu := unitByID(b, id), unitByID(o, id), unitByID(th, id), unitByID(m, id)
		changedO, changedT := !sameUnit(bu, ou), !sameUnit(bu, tu)
		if mu != nil && mu.Conflicted() != slices.Contains(res.Conflicts, id) {
			fail(id, "conflict keys and MergeResult.Conflicts disagree")
		}
		switch {
		case !changedT && !sameUnit(mu, ou):
			fail(id, "only ours changed it; merged %+v, ours %+v", mu, ou)
		case !changedO && !sameUnit(mu, tu):
			fail(id, "only theirs changed it; merged %+v, theirs %+v", mu, tu)
		case !changedO || !changedT:
			continue
		}
		// Both sides changed it. Nothing either side wrote is lost.
		for _, side := range []*Unit{ou, tu} {
			if side == nil {
				continue
			}
			if side.Translation != "" && (bu == nil || side.Translation != bu.Translation) &&
				(mu == nil || (mu.Translation != side.Translation && mu.Extra[KeyConflictTranslation] != side.Translation)) {
				fail(id, "translation %q is lost: merged %+v", side.Translation, mu)
			}
			for k, v := range side.Extra {
				if bu != nil && reflect.DeepEqual(bu.Extra[k], v) {
					continue
				}
				if mu == nil || (!reflect.DeepEqual(mu.Extra[k], v) && !reflect.DeepEqual(mu.Extra[ConflictPrefix+k], v)) {
					fail(id, "key %s = %v is lost: merged %+v", k, v, mu)
				}
			}
		}
		if ou == nil || tu == nil {
			continue
		}
		// Changed differently: a conflict.
		was := ""
		if bu != nil {
			was = bu.Translation
		}
		twoWays := ou.Translation != tu.Translation && ou.Translation != was && tu.Translation != was
		for _, k := range []string{"reviewer", "tags"} {
			ov, inO := ou.Extra[k]
			tv, inT := tu.Extra[k]
			bv, inB := any(nil), false
			if bu != nil {
				bv, inB = bu.Extra[k]
			}
			if inO && inT && !reflect.DeepEqual(ov, tv) && !same(ov, inO, bv, inB) && !same(tv, inT, bv, inB) {
				twoWays = true
			}
		}
		if ou.Source == tu.Source && (bu == nil || bu.Source == ou.Source) &&
			stateChangedTwoWays(stateOf(bu), stateOf(ou), stateOf(tu)) {
			twoWays = true // not the same translation with the same status
		}
		if twoWays && !mu.Conflicted() {
			fail(id, "changed differently on both sides, no conflict: ours %+v theirs %+v merged %+v", ou, tu, mu)
		}
		// A source changed on one side only meets the other side's new
		// translation as a sync would: fuzzy, with previous_source.
		if bu != nil && (ou.Source != bu.Source) != (tu.Source != bu.Source) && !mu.Conflicted() {
			x := tu
			if tu.Source != bu.Source {
				x = ou
			}
			// (previous_source says what the Polish was: it is empty only
			// when that was, which a fuzz input may make.)
			if x.Translation != bu.Translation && x.Translation != "" && (mu.Status != Fuzzy || mu.PreviousSource == "" && bu.Source != "") {
				fail(id, "a translation of the old Polish is not fuzzy against the new: %+v", mu)
			}
		}
	}
}

func unionIDs(fs ...*File) []string {
	var out []string
	for _, f := range fs {
		for _, u := range f.Units {
			if !slices.Contains(out, u.ID) {
				out = append(out, u.ID)
			}
		}
	}
	return out
}

func unitByID(f *File, id string) *Unit {
	for i := range f.Units {
		if f.Units[i].ID == id {
			return &f.Units[i]
		}
	}
	return nil
}

func sameUnit(a, b *Unit) bool {
	if a == nil || b == nil {
		return a == b
	}
	return sameData(*a, *b)
}

// stateOf is a unit's translation, status and previous_source, as keys.
func stateOf(u *Unit) map[string]any {
	if u == nil {
		return map[string]any{"translation": "", "status": string(New)}
	}
	m := map[string]any{"translation": u.Translation, "status": string(u.Status)}
	if u.PreviousSource != "" {
		m["previous_source"] = u.PreviousSource
	}
	return m
}
