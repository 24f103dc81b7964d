package interchange

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

func testDocs() []Doc {
	return []Doc{{Slug: "klaster", Title: "Polsko-białoruskie rozmowy", SourceLang: "pl", Lang: "ru", ExportID: "e1", Units: []catalog.Unit{
		{ID: "a1", Kind: "title", Source: "Polsko-białoruskie rozmowy", Translation: "Польско-белорусские переговоры", Status: catalog.Reviewed},
		{ID: "b2", Kind: "paragraph", Source: "To był <1>tydzień</1> z <2/> i \"cytatem\" & <3>linkiem</3>.",
			Translation: "Это была <1>неделя</1> с <2/> и «цитатой» & <3>ссылкой</3>.", Status: catalog.Translated},
		{ID: "c3", Kind: "paragraph", Source: "Zdanie zmienione.", PreviousSource: "Zdanie.", Translation: "Предложение.", Status: catalog.Fuzzy},
		{ID: "d4", Kind: "paragraph", Source: "Serdecznie zapraszamy!\nZespół", Status: catalog.New},
	}}}
}

func asTranslations(docs []Doc) []Translation {
	var out []Translation
	for _, d := range docs {
		for _, u := range d.Units {
			out = append(out, Translation{Lang: d.Lang, Slug: d.Slug, ID: u.ID, Source: u.Source, Translation: u.Translation, Status: u.Status, Base: BaseOf(u.Translation), ExportID: d.ExportID})
		}
	}
	return out
}

func TestRoundTrips(t *testing.T) {
	want := asTranslations(testDocs())
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
		read  func(*bytes.Buffer) (string, []Translation, error)
	}{
		{"xliff 2.0", func(b *bytes.Buffer) error { return WriteXLIFF2(b, testDocs(), "pl", "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadXLIFF(b) }},
		{"xliff 1.2", func(b *bytes.Buffer) error { return WriteXLIFF12(b, testDocs(), "pl", "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadXLIFF(b) }},
		{"po", func(b *bytes.Buffer) error { return WritePO(b, testDocs(), "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadPO(b) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			text := b.String()
			lang, got, err := tt.read(&b)
			if err != nil {
				t.Fatalf("%v\n%s", err, text)
			}
			if lang != "ru" {
				t.Errorf("language %q", lang)
			}
			want := want
			if tt.name == "po" {
				// gettext has no "reviewed": it reads back as translated.
				want = append([]Translation{}, want...)
				want[0].Status = catalog.Translated
			}
			if d := cmp.Diff(want, got, cmpopts.IgnoreFields(Translation{}, "State")); d != "" {
				t.Errorf("round trip (-wrote +read):\n%s\n%s", d, text)
			}
		})
	}
}

func TestInlineCodes(t *testing.T) {
	var b bytes.Buffer
	WriteXLIFF2(&b, testDocs(), "pl", "ru")
	for _, want := range []string{`<pc id="1">tydzień</pc>`, `<ph id="2"/>`, `state="reviewed"`, `state="initial" subState="mosty:fuzzy"`,
		`state="initial"`, `srcLang="pl" trgLang="ru"`, `<note category="kind">paragraph</note>`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("XLIFF 2.0 lacks %s", want)
		}
	}
	b.Reset()
	WritePO(&b, testDocs(), "ru")
	for _, want := range []string{`msgctxt "klaster/b2"`, "#, fuzzy\n#| msgid \"Zdanie.\"", "#. klaster: Polsko-białoruskie rozmowy\n#. paragraph",
		`"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"`,
		"msgid \"\"\n\"Serdecznie zapraszamy!\\n\"\n\"Zespół\""} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("PO lacks %q", want)
		}
	}
}

// TestTools has the real tools read what mosty writes: gettext's msgfmt
// -c and Translate Toolkit's pocount and pofilter on PO and XLIFF, xmllint
// on XLIFF and TMX. Each is skipped when not installed.
func TestTools(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, f func(*bytes.Buffer) error) string {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, b.Bytes(), 0o644)
		return p
	}
	po := write("ru.po", func(b *bytes.Buffer) error { return WritePO(b, testDocs(), "ru") })
	x2 := write("ru.xlf", func(b *bytes.Buffer) error { return WriteXLIFF2(b, testDocs(), "pl", "ru") })
	x1 := write("ru12.xlf", func(b *bytes.Buffer) error { return WriteXLIFF12(b, testDocs(), "pl", "ru") })
	tmx := write("all.tmx", func(b *bytes.Buffer) error {
		return WriteTMX(b, []TMXUnit{{ID: "klaster/b2", Kind: "paragraph", Texts: map[string]string{"pl": "To był <1>tydzień</1> <2/>.", "ru": "Это была <1>неделя</1> <2/>."}}}, "pl", []string{"ru", "en"})
	})
	run := func(name string, args ...string) string {
		if _, err := exec.LookPath(name); err != nil {
			t.Logf("skipping %s: not installed", name)
			return ""
		}
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Errorf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out)
	}
	run("msgfmt", "-c", "-o", filepath.Join(dir, "ru.mo"), po)
	if out := run("pocount", "--csv", po); out != "" && !strings.Contains(out, ", 4, ") {
		t.Errorf("pocount does not see 4 units in the PO:\n%s", out)
	}
	if out := run("pocount", "--csv", x1); out != "" && !strings.Contains(out, ", 4, ") {
		t.Errorf("pocount does not see 4 units in the XLIFF 1.2:\n%s", out)
	}
	run("pofilter", "--progress=none", po, filepath.Join(dir, "filtered.po"))
	run("pofilter", "--progress=none", x1, filepath.Join(dir, "filtered.xlf"))
	run("xmllint", "--noout", x2, x1)
	run("xmllint", "--noout", tmx)
}

// TestGoI18nLoads has go-i18n load the export as it is.
func TestGoI18nLoads(t *testing.T) {
	var b bytes.Buffer
	if err := WriteGoI18n(&b, testDocs()); err != nil {
		t.Fatal(err)
	}
	bundle := i18n.NewBundle(language.Polish)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if _, err := bundle.ParseMessageFileBytes(b.Bytes(), "active.ru.toml"); err != nil {
		t.Fatalf("go-i18n rejects the export: %v\n%s", err, b.String())
	}
	got, err := i18n.NewLocalizer(bundle, "ru").Localize(&i18n.LocalizeConfig{MessageID: "klaster.b2"})
	if err != nil || got != "Это была <1>неделя</1> с <2/> и «цитатой» & <3>ссылкой</3>." {
		t.Errorf("Localize = %q, %v", got, err)
	}
	if _, err := i18n.NewLocalizer(bundle, "ru").Localize(&i18n.LocalizeConfig{MessageID: "klaster.c3"}); err == nil {
		t.Error("a fuzzy segment was exported")
	}
}
