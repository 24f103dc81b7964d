package workspace

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/demo"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/site"
)

var update = flag.Bool("update", false, "rewrite testdata/site from the current build")

// demoWorkspace imports the bundled article and fills in the reference
// translations: English complete, Russian the first half.
func demoWorkspace(t *testing.T) *Workspace {
	t.Helper()
	w := newWorkspace(t)
	src, err := acquire.FromBytes(demo.ArticleName, "mosty:demo/"+demo.ArticleName, demo.Article())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.ImportSources([]*acquire.Source{src}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru"} {
		err := w.UpdateLocale(lang, "klaster-bialorus-2017", func(f *catalog.File) {
			n := len(f.Units)
			if lang == "ru" {
				n /= 2
			}
			for i := range f.Units[:n] {
				if tr, ok := demo.Translate(f.Units[i].Source, lang); ok {
					f.Units[i].Translation, f.Units[i].Status = tr, catalog.Translated
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			data, _ := os.ReadFile(p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return files
}

// TestBuildGolden builds the demo site and compares every file with
// testdata/site; a file missing on either side is a difference too. Run
// with -update after a deliberate change and read the diff.
func TestBuildGolden(t *testing.T) {
	w := demoWorkspace(t)
	rules := site.DefaultRules()
	rules.MinCoverage = 40
	if _, err := w.Build(BuildOptions{Rules: &rules}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, w.Path("public"))
	if *update {
		os.RemoveAll("testdata/site")
		for name, data := range got {
			p := filepath.Join("testdata/site", filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, "testdata/site")
	if len(want) == 0 {
		t.Fatal("no testdata/site: run go test -update")
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range got {
			if !yield(n) {
				return
			}
		}
	})
	for n := range want {
		if _, ok := got[n]; !ok {
			t.Errorf("%s is in testdata/site but the build did not write it", n)
		}
	}
	for _, n := range names {
		if d := cmp.Diff(want[n], got[n]); d != "" {
			t.Errorf("%s differs (-golden +built):\n%s", n, d)
		}
	}
}

// TestRebuildOnlyWhatChanged: a rebuild with nothing changed writes
// nothing; a changed translation rewrites that language's pages and the
// files that list it, and every other file keeps its time.
func TestRebuildOnlyWhatChanged(t *testing.T) {
	w := demoWorkspace(t)
	rules := site.DefaultRules()
	rules.MinCoverage = 40
	_, firstWritten, err := buildAndSee(t, w, BuildOptions{Rules: &rules})
	if err != nil {
		t.Fatal(err)
	}
	if len(firstWritten) != 21 {
		t.Fatalf("first build wrote %v", firstWritten)
	}
	times := map[string]time.Time{}
	for _, f := range firstWritten {
		info, _ := os.Stat(filepath.Join(w.Path("public"), f))
		times[f] = info.ModTime()
	}
	again, againWritten, err := buildAndSee(t, w, BuildOptions{Rules: &rules})
	if err != nil || len(againWritten) != 0 || again.Reused != 1 {
		t.Fatalf("rebuild wrote %v (reused %d), %v", againWritten, again.Reused, err)
	}
	err = w.UpdateLocale("en", "klaster-bialorus-2017", func(f *catalog.File) {
		f.Units[3].Translation = "The visit was organised by the <1>Podlasie Regional Development Foundation</1> (PFRR)."
	})
	if err != nil {
		t.Fatal(err)
	}
	_, thirdWritten, err := buildAndSee(t, w, BuildOptions{Rules: &rules})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"en/klaster-bialorus-2017/index.html", "en/klaster-bialorus-2017/parallel.html"}
	if d := cmp.Diff(want, thirdWritten); d != "" {
		t.Errorf("written after one English edit (-want +got):\n%s", d)
	}
	for f, was := range times {
		if slices.Contains(want, f) || f == "report.html" {
			continue
		}
		info, _ := os.Stat(filepath.Join(w.Path("public"), f))
		if !info.ModTime().Equal(was) {
			t.Errorf("%s was rewritten", f)
		}
	}
	html, _ := os.ReadFile(filepath.Join(w.Path("public"), want[0]))
	if !strings.Contains(string(html), "(PFRR)") {
		t.Error("the edit is not on the page")
	}
}

func TestBuildDeterministic(t *testing.T) {
	a, b := demoWorkspace(t), demoWorkspace(t)
	for _, w := range []*Workspace{a, b} {
		if _, err := w.Build(BuildOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if d := cmp.Diff(readTree(t, a.Path("public")), readTree(t, b.Path("public"))); d != "" {
		t.Errorf("two builds of the same workspace differ:\n%s", d)
	}
}

// A file deleted from static/ leaves the built site at the next build,
// without --clean, as an unpublished page does; the other static copy,
// and a file of the folder mosty did not make, stay.
func TestBuildRemovesStaticCopiesGone(t *testing.T) {
	rules := site.DefaultRules()
	rules.MinCoverage = 40
	w := demoWorkspace(t)
	pub := w.Path("public")
	for name, data := range map[string]string{"uploads/2017/a.png": "png", "site.css": "css"} {
		if err := w.AddStaticFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Build(BuildOptions{Rules: &rules}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pub, "mine.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(w.Path("static", "uploads", "2017", "a.png")); err != nil {
		t.Fatal(err)
	}
	rep, err := w.Build(BuildOptions{Rules: &rules})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"uploads/2017/a.png"}, rep.Removed); d != "" {
		t.Errorf("removed (-want +got):\n%s", d)
	}
	tree := readTree(t, pub)
	if _, kept := tree["uploads/2017/a.png"]; kept {
		t.Error("uploads/2017/a.png is still in the site")
	}
	if tree["site.css"] != "css" || tree["mine.txt"] != "mine" {
		t.Errorf("a file that stays was removed: site.css %q, mine.txt %q", tree["site.css"], tree["mine.txt"])
	}
	if _, err := os.Stat(filepath.Join(pub, "uploads")); err == nil {
		t.Error("the emptied uploads/ folder is still there")
	}
	if m, _ := os.ReadFile(filepath.Join(pub, manifestName)); strings.Contains(string(m), "a.png") {
		t.Errorf("the manifest still lists the copy:\n%s", m)
	}
}

// TestCoverageFromBuildCache: status reads the counts of articles whose
// files did not change since the last build from the build's cache, and
// they are what reading the files gives; an edited file is read again.
func TestCoverageFromBuildCache(t *testing.T) {
	w := demoWorkspace(t)
	err := w.UpdateLocale("ru", "klaster-bialorus-2017", func(f *catalog.File) {
		f.Units[0].Status, f.Units[0].PreviousSource = catalog.Fuzzy, "Dawny tytuł" // a stale segment
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Build(BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	fromCache, err := w.Coverage(nil)
	if err != nil {
		t.Fatal(err)
	}
	cache, _ := os.ReadFile(w.buildCachePath())
	os.Remove(w.buildCachePath())
	fromFiles, err := w.Coverage(nil)
	if err != nil {
		t.Fatal(err)
	}
	brief := cmp.Transformer("brief", func(u catalog.Unit) string {
		return u.ID + "|" + u.Source + "|" + u.PreviousSource + "|" + u.Translation
	})
	if d := cmp.Diff(fromFiles, fromCache, brief, cmp.Comparer(func(a, b catalog.Coverage) bool {
		return cmp.Equal(a.Segments, b.Segments) && cmp.Equal(a.Words, b.Words) && a.Obsolete == b.Obsolete &&
			a.Conflicts == b.Conflicts && a.ConflictedDone() == b.ConflictedDone()
	})); d != "" {
		t.Errorf("coverage from the build's cache (-files +cache):\n%s", d)
	}
	if len(fromFiles[0].Stale["ru"]) != 1 {
		t.Errorf("stale %v", fromFiles[0].Stale)
	}
	os.WriteFile(w.buildCachePath(), cache, 0o644)
	w.UpdateLocale("en", "klaster-bialorus-2017", func(f *catalog.File) { f.Units[0].Status = catalog.New })
	edited, _ := w.Coverage([]string{"en"})
	if c := edited[0].Coverage["en"]; c.Segments[catalog.New] != 1 || len(edited[0].Coverage) != 1 {
		t.Errorf("after an edit: %+v", edited[0].Coverage)
	}
}

// TestCheckCache: a second check does not read a file whose stamp did not
// change — here its bytes are garbled behind mosty's back, same size,
// same time, and the findings stay — and reads one that changed.
func TestCheckCache(t *testing.T) {
	w := demoWorkspace(t)
	first, err := w.Check(nil)
	if err != nil || len(first) == 0 {
		t.Fatalf("%d findings, %v", len(first), err)
	}
	path := w.LocalePath("ru", "klaster-bialorus-2017")
	data, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	os.WriteFile(path, []byte(strings.Repeat("#", len(data))), 0o644)
	os.Chtimes(path, info.ModTime(), info.ModTime())
	again, err := w.Check(nil)
	if err != nil || len(again) != len(first) {
		t.Errorf("unchanged stamps: %d findings (was %d), %v", len(again), len(first), err)
	}
	os.WriteFile(path, []byte(strings.Replace(string(data), `status = "translated"`, `status = "reviewed"`, 1)+"\n"), 0o644)
	if _, err := w.Check(nil); err != nil {
		t.Errorf("a changed file: %v", err)
	}
	os.WriteFile(path, []byte("not toml ="), 0o644)
	if _, err := w.Check(nil); err == nil {
		t.Error("a broken file that changed was not read again")
	}
}

// TestRebuildFindsDeletedPageFolders: once the output's language folders
// are older than racyDir, a build with nothing changed trusts their
// stamps and looks at no page; a page folder deleted by hand changes its
// language folder's stamp, and the next build makes it again.
func TestRebuildFindsDeletedPageFolders(t *testing.T) {
	w := demoWorkspace(t)
	if _, err := w.Build(BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	age := func() {
		old := time.Now().Add(-time.Hour)
		for _, lang := range w.Languages() {
			if err := os.Chtimes(filepath.Join(w.Path("public"), lang), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	age()
	if _, written, err := buildAndSee(t, w, BuildOptions{}); err != nil || len(written) != 0 {
		t.Fatalf("no-change build wrote %v, %v", written, err)
	}
	if dirs := w.readBuildCache().Dirs; len(dirs) != len(w.Languages()) {
		t.Fatalf("the cache keeps the stamps of %v, want every language's folder", dirs)
	}
	// A folder whose time changed with nothing missing in it is looked
	// at once, and its new stamp kept.
	older := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(w.Path("public"), "en"), older, older); err != nil {
		t.Fatal(err)
	}
	if _, written, err := buildAndSee(t, w, BuildOptions{}); err != nil || len(written) != 0 {
		t.Fatalf("no-change build wrote %v, %v", written, err)
	}
	if got := w.readBuildCache().Dirs["en"].MTime; got != older.UnixNano() {
		t.Errorf("the cache keeps the English folder's time %d, want its new time %d", got, older.UnixNano())
	}
	if err := os.RemoveAll(filepath.Join(w.Path("public"), "en", "klaster-bialorus-2017")); err != nil {
		t.Fatal(err)
	}
	_, written, err := buildAndSee(t, w, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(written, "en/klaster-bialorus-2017/index.html") {
		t.Errorf("after the English page folder was deleted the build wrote %v", written)
	}
	// A folder changed less than racyDir ago is not trusted: its stamp is
	// not kept, and the next build looks at its pages.
	if _, ok := w.readBuildCache().Dirs["en"]; ok {
		t.Error("the stamp of a folder the build just changed was kept")
	}
}

// TestBuildCacheVersion1: a cache written before the folder stamps (an
// earlier mosty's) is read, and its articles are not rendered again.
func TestBuildCacheVersion1(t *testing.T) {
	w := demoWorkspace(t)
	if _, err := w.Build(BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(w.buildCachePath())
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 4)
	if lines[0] != buildCacheHeader {
		t.Fatalf("the cache starts %q", lines[0])
	}
	v1 := buildCacheHeaderV1 + "\n" + lines[1] + "\n" + lines[3] // without the folder stamps
	if err := os.WriteFile(w.buildCachePath(), []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, written, err := buildAndSee(t, w, BuildOptions{})
	if err != nil || rep.Reused != 1 || len(written) != 0 {
		t.Fatalf("build with a version 1 cache: reused %d, wrote %v, %v", rep.Reused, written, err)
	}
}

// TestFailedBuildLeavesNothing: a build that finds a segment it cannot
// publish writes nothing, and leaves no staged file or list of them.
func TestFailedBuildLeavesNothing(t *testing.T) {
	w := demoWorkspace(t)
	if _, _, err := buildAndSee(t, w, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	err := w.UpdateLocale("en", "klaster-bialorus-2017", func(f *catalog.File) {
		f.Units[3].Translation = "Broken <1>markup."
	})
	if err != nil {
		t.Fatal(err)
	}
	rules := site.DefaultRules()
	rules.Missing = "withhold" // a segment that cannot be shown is an error
	rep, written, err := buildAndSee(t, w, BuildOptions{Rules: &rules})
	if !errors.Is(err, ErrBuildProblems) || len(rep.Problems) == 0 {
		t.Fatalf("build of a translation with a missing placeholder: %v, problems %v", err, rep.Problems)
	}
	if len(written) > 0 {
		t.Errorf("a failed build wrote %v", written)
	}
}

// buildAndSee builds into public/ and returns the report and the files
// the build put there, sorted: new ones, and those put in place anew
// (renamed over, so their inode changed). It checks that the report
// counts them; the manifest is not counted.
func buildAndSee(t *testing.T, w *Workspace, opts BuildOptions) (*BuildReport, []string, error) {
	t.Helper()
	before := inodes(t, w.Path("public"))
	rep, err := w.Build(opts)
	if left := inodes(t, w.Path(".mosty", "tmp")); len(left) > 0 {
		t.Errorf("the build left %v in .mosty/tmp", slices.Sorted(maps.Keys(left)))
	}
	if err != nil {
		return rep, nil, err
	}
	var written []string
	for name, ino := range inodes(t, w.Path("public")) {
		if was, ok := before[name]; (!ok || was != ino) && name != manifestName {
			written = append(written, name)
		}
	}
	slices.Sort(written)
	if rep.Written != len(written) {
		t.Errorf("the report says %d files written; the build put %d in place: %v", rep.Written, len(written), written)
	}
	return rep, written, nil
}

// inodes lists the files under dir by their slash paths, with their
// inode numbers.
func inodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && path == dir {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = info.Sys().(*syscall.Stat_t).Ino
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUnreadableManifest: a manifest that cannot be read whole (a line
// longer than any name) stops the build before anything is written: the
// manifest stays as it was, every name it lists still listed, and nothing
// is left staged. (Found in review: the manifest was rewritten up to the
// bad line, and the files after it stopped being mosty's.)
func TestUnreadableManifest(t *testing.T) {
	w := demoWorkspace(t)
	if _, err := w.Build(BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	pub := w.Path("public")
	for _, n := range []string{"a-stray.html", "zz-stray.html"} {
		writeFile(filepath.Join(pub, n), []byte("x"))
	}
	old, err := os.ReadFile(filepath.Join(pub, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	hostile := string(old) + "a-stray.html\n" + strings.Repeat("x", 70<<10) + "\nzz-stray.html\n"
	writeFile(filepath.Join(pub, manifestName), []byte(hostile))
	_, _, err = buildAndSee(t, w, BuildOptions{Clean: true})
	if err == nil || !strings.Contains(err.Error(), manifestName) {
		t.Fatalf("build over an unreadable manifest: %v, want an error naming it", err)
	}
	if now, _ := os.ReadFile(filepath.Join(pub, manifestName)); string(now) != hostile {
		t.Error("the failed build rewrote the manifest")
	}
	if _, err := os.Stat(w.buildingPath()); err == nil {
		t.Error(".mosty/building is left behind")
	}
}

// TestBuildIntoAnotherFolder: the last build's cache names files of
// public/; a build into another folder of mosty's removes only what that
// folder's manifest lists, never a file of the same name it does not.
func TestBuildIntoAnotherFolder(t *testing.T) {
	w := demoWorkspace(t)
	rules := site.DefaultRules()
	rules.MinCoverage = 40 // the Russian page is published
	if _, err := w.Build(BuildOptions{Rules: &rules}); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	mine := filepath.Join(other, "ru", "klaster-bialorus-2017", "index.html")
	writeFile(mine, []byte("the user's own page"))
	writeFile(filepath.Join(other, manifestName), []byte(manifestHead)) // mosty's folder, listing nothing yet
	rep, err := w.Build(BuildOptions{Out: other})                       // default rules: Russian not published
	if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(mine); err != nil || string(data) != "the user's own page" {
		t.Errorf("a file the manifest does not list was removed or changed (removed %v): %v", rep.Removed, err)
	}
}

// putsOnly takes whole files without writing them, and hands those
// written a piece at a time to the build's output.
type putsOnly struct{ *siteOutput }

func (putsOnly) Put(string, []byte) error { return nil }

// failingOutput takes whole files and creates none.
type failingOutput struct{}

func (failingOutput) Put(string, []byte) error { return nil }
func (failingOutput) Create(name string) (io.WriteCloser, error) {
	return nil, fmt.Errorf("%s: no space left on device", name)
}

// TestSitemapCreateFails: a sitemap whose file cannot be created is an
// error, not a panic (found in review: a nil *stagedFile in a non-nil
// io.WriteCloser). Both the output the build uses and a plain failing
// one are tried.
func TestSitemapCreateFails(t *testing.T) {
	w := demoWorkspace(t)
	cfg, err := w.siteConfig(site.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	st := &stager{out: t.TempDir(), tmpDir: filepath.Join(t.TempDir(), "gone"), id: "0123456789ab"}
	for name, out := range map[string]site.Output{"stager": putsOnly{&siteOutput{s: st}}, "failing": failingOutput{}} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("site.Indexes panicked: %v", r)
				}
			}()
			if err := site.Indexes(nil, cfg, nil, out); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestCheckOnAllCores: a check of many articles, read on all cores, gives
// the findings in the order of the articles and languages, the same
// whether the files are read or come from the cache.
func TestCheckOnAllCores(t *testing.T) {
	w := newWorkspace(t)
	var srcs []*acquire.Source
	for i := range 24 {
		text := fmt.Sprintf("Artykuł %02d\n\nWschodni Klaster Budowlany gościł partnerów z Białorusi. Spotkanie numer %d.\n", i, i)
		src, err := acquire.FromBytes(fmt.Sprintf("a%02d.txt", i), fmt.Sprintf("test:a%02d", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := w.ImportSources(srcs); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 24; i += 5 { // a missing placeholder-free mistake: a translation of spaces
		err := w.UpdateLocale("ru", fmt.Sprintf("a%02d", i), func(f *catalog.File) {
			f.Units[1].Translation, f.Units[1].Status = "Кластер  принимал гостей ,", catalog.Translated
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	first, err := w.Check(nil)
	if err != nil || len(first) == 0 {
		t.Fatalf("%d findings, %v", len(first), err)
	}
	// In the order of the articles, then of the languages as mosty.toml
	// lists them.
	order := func(f qa.Finding) string {
		lang, file, _ := strings.Cut(strings.TrimPrefix(f.File, "locales/"), "/")
		return file + " " + strconv.Itoa(slices.Index(w.Config.TargetLanguages, lang))
	}
	if !slices.IsSortedFunc(first, func(a, b qa.Finding) int { return strings.Compare(order(a), order(b)) }) {
		t.Errorf("findings out of the articles' order: %v", first)
	}
	again, err := w.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(first, again); d != "" {
		t.Errorf("findings from the cache differ (-read +cached):\n%s", d)
	}
	// A file changed since: its findings are made again, not added to the
	// old ones.
	err = w.UpdateLocale("ru", "a05", func(f *catalog.File) {
		f.Units[1].Translation = "Кластер принимал гостей из Беларуси."
	})
	if err != nil {
		t.Fatal(err)
	}
	changed, err := w.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(w.checkCachePath()); err != nil {
		t.Fatal(err)
	}
	fresh, err := w.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(fresh, changed); d != "" {
		t.Errorf("after an edit, findings with the cache differ from a fresh check (-fresh +cached):\n%s", d)
	}
}

// TestStageBesideFiles: when .mosty/tmp is on another file system than
// the output (a build --out /dev/shm/site), a page is staged beside its
// own file, whose folder does not exist yet. (Found in review: "no such
// file or directory".)
func TestStageBesideFiles(t *testing.T) {
	w := demoWorkspace(t)
	out := t.TempDir()
	st, err := w.newStager(out, false)
	if err != nil {
		t.Fatal(err)
	}
	st.tmpDir = "" // as on another file system
	if err := st.put("ru/new-article/index.html", []byte("page")); err != nil {
		t.Fatal(err)
	}
	f, err := st.create("ru/new-article/parallel.html")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("parallel"))
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.commit(); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"index.html": "page", "parallel.html": "parallel"} {
		if data, err := os.ReadFile(filepath.Join(out, "ru", "new-article", name)); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	if left := inodes(t, out); len(left) != 2 {
		t.Errorf("the output holds %v", slices.Sorted(maps.Keys(left)))
	}
}
