package interchange

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

func TestOmegaTTags(t *testing.T) {
	src := "Był <3>tydzień z <4/> i <5>linkiem</5></3>."
	for _, tt := range []struct{ name, text, omegat string }{
		{"source", src, "Był <g0>tydzień z <x1/> i <g2>linkiem</g2></g0>."},
		{"translation reordered", "<4/> Была <3><5>ссылка</5> неделя</3>.", "<x1/> Была <g0><g2>ссылка</g2> неделя</g0>."},
		{"no placeholders", "Tak < nie > 3.", "Tak < nie > 3."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := toOmegaT(tt.text, src); got != tt.omegat {
				t.Errorf("toOmegaT = %q, want %q", got, tt.omegat)
			}
			if back := fromOmegaT(tt.omegat, src); back != tt.text {
				t.Errorf("fromOmegaT = %q, want %q", back, tt.text)
			}
		})
	}
	if got := fromOmegaT("Была <g7>неделя</g7>", src); got != "Была <g7>неделя</g7>" {
		t.Errorf("a tag the source lacks became %q", got)
	}
}

// omegatDocs are articles as an OmegaT project gets them: one sentence
// with abbreviations OmegaT's own segmentation would split, tags, a
// translated, a reviewed, a fuzzy and a new segment.
func omegatDocs() []Doc {
	return []Doc{{Slug: "klaster", Title: "Rozmowy", ExportID: "e1", Units: []catalog.Unit{
		{ID: "a1", Kind: "title", Source: "Rozmowy m.in. z sp. z o.o. ds. handlu", Translation: "Переговоры", Status: catalog.Reviewed},
		{ID: "b2", Kind: "paragraph", Source: "To był <1>tydzień</1> z <2/> obrazem.", Translation: "Это была <1>неделя</1> с <2/> картинкой.", Status: catalog.Translated},
		{ID: "c3", Kind: "paragraph", Source: "Zdanie zmienione.", PreviousSource: "Zdanie.", Translation: "Предложение.", Status: catalog.Fuzzy},
		{ID: "d4", Kind: "paragraph", Source: "Nowe zdanie <1>z linkiem</1>.", Status: catalog.New},
	}}}
}

func writeProject(t *testing.T, p OmegaTProject) string {
	t.Helper()
	files, err := p.Files()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			os.MkdirAll(path, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// omegat runs OmegaT 3.6 in a console mode on a project; skipped when
// OmegaT is not installed.
func omegat(t *testing.T, project string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath("omegat"); err != nil {
		t.Skip("omegat is not installed")
	}
	cmd := exec.Command("omegat", append([]string{project}, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // OmegaT keeps its settings there
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Finished") {
		t.Fatalf("omegat %v: %v\n%s", args, err, out)
	}
}

// TestOmegaTOffersEverySegmentInPolish has the real OmegaT read the
// project: every unit is one segment (none re-split at "sp." or "ds."),
// offered in Polish with its tags as mosty's memory writes them.
func TestOmegaTOffersEverySegmentInPolish(t *testing.T) {
	dir := writeProject(t, OmegaTProject{SourceLang: "pl", Lang: "ru", Docs: omegatDocs()})
	pseudo := filepath.Join(t.TempDir(), "pseudo.tmx")
	omegat(t, dir, "--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx="+pseudo, "--pseudotranslatetype=equal")
	data, err := os.ReadFile(pseudo)
	if err != nil {
		t.Fatal(err)
	}
	_, units, err := ReadTMX(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	offered := map[string]bool{}
	for _, u := range units {
		offered[u.Texts["pl"]] = true
	}
	for _, u := range omegatDocs()[0].Units {
		if !offered[toOmegaT(u.Source, u.Source)] {
			t.Errorf("OmegaT does not offer %q; it offers %v", toOmegaT(u.Source, u.Source), offered)
		}
	}
	if len(offered) != len(omegatDocs()[0].Units) {
		t.Errorf("OmegaT offers %d segments, want %d: %v", len(offered), len(omegatDocs()[0].Units), offered)
	}
}

// TestOmegaTTranslates has the real OmegaT translate the project: the
// done translations in omegat/project_save.tmx are current, tagged or
// not; the workspace memory in tm/ matches tagged segments exactly (put
// in tm/auto/, OmegaT inserts exact matches); the fuzzy and new units stay
// untranslated. ReadOmegaT then reads the work back, and target/ reads as
// XLIFF with source copies where nothing was translated.
func TestOmegaTTranslates(t *testing.T) {
	docs := omegatDocs()
	memory := []Pair{{Source: "Nowe zdanie <3>z linkiem</3>.", Translation: "Новое предложение <3>со ссылкой</3>."}}
	dir := writeProject(t, OmegaTProject{SourceLang: "pl", Lang: "ru", Docs: docs, Memory: memory})
	os.MkdirAll(filepath.Join(dir, "tm", "auto"), 0o755)
	if err := os.Rename(filepath.Join(dir, "tm", "mosty.tmx"), filepath.Join(dir, "tm", "auto", "mosty.tmx")); err != nil {
		t.Fatal(err)
	}
	omegat(t, dir, "--mode=console-translate")
	target, err := os.ReadFile(filepath.Join(dir, "target", "klaster.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := ReadXLIFF(bytes.NewReader(target))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a1": "Переговоры",
		"b2": "Это была <1>неделя</1> с <2/> картинкой.",
		"c3": "Zdanie zmienione.", // a source copy: not translated
		"d4": "Новое предложение <1>со ссылкой</1>.",
	}
	for _, g := range got {
		if g.Translation != want[g.ID] {
			t.Errorf("target/ %s = %q, want %q", g.ID, g.Translation, want[g.ID])
		}
	}
	save, err := os.ReadFile(filepath.Join(dir, "omegat", "project_save.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	source, _ := os.ReadFile(filepath.Join(dir, "source", "klaster.xlf"))
	lang, back, err := ReadOmegaT([][]byte{source}, save)
	if err != nil {
		t.Fatal(err)
	}
	if lang != "ru" || len(back) != 4 {
		t.Fatalf("ReadOmegaT: %q %+v", lang, back)
	}
	for _, b := range back {
		done := b.ID == "a1" || b.ID == "b2" || b.ID == "d4" && strings.Contains(string(save), "Новое")
		if done != (b.Status == catalog.Translated) || done && b.Translation != want[b.ID] || b.ExportID != "e1" {
			t.Errorf("ReadOmegaT %s: %+v", b.ID, b)
		}
	}
}
