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

// sharedSchemas is ../shared/schemas seen from this package.
const sharedSchemas = "../../../shared/schemas"

// contextDocs are testDocs with everything that travels with a unit.
func contextDocs() []Doc {
	docs := testDocs()
	docs[0].Context = map[string]Context{
		"b2": {
			Matches: []Match{{Source: "To był <1>dzień</1>.", Translation: "Это был <1>день</1>.", Similarity: 82, Origin: "other/x1"}},
			Terms:   []Term{{Source: "tydzień", Target: "неделя", Note: "not «седмица»"}},
			Names:   []string{"Adam Krajewski = Адам Краевский"},
			Notes:   []string{"# check the quote", "reviewer: Anna"},
		},
	}
	return docs
}

func writeTo(t *testing.T, dir, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSchemas validates the XLIFF exports, context included, against the
// OASIS schemas in ../shared/schemas with xmllint: XLIFF 1.2 strict, and
// XLIFF 2.0 core with the matches and glossary modules (their schemas
// written from the standard in testdata/schemas).
func TestSchemas(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed")
	}
	core, err := filepath.Abs(filepath.Join(sharedSchemas, "xliff_core_2.0.xsd"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(core); err != nil {
		t.Skip("../shared/schemas is absent")
	}
	dir := t.TempDir()
	driver := moduleSchemas(t, dir, core)
	x2 := writeTo(t, dir, "ru.xlf", func(b *bytes.Buffer) error { return WriteXLIFF2(b, contextDocs(), "pl", "ru") })
	x1 := writeTo(t, dir, "ru12.xlf", func(b *bytes.Buffer) error { return WriteXLIFF12(b, contextDocs(), "pl", "ru") })
	var sources []string
	files, err := OmegaTProject{SourceLang: "pl", Lang: "ru", Docs: contextDocs()}.Files()
	if err != nil {
		t.Fatal(err)
	}
	sources = append(sources, writeTo(t, dir, "omegat.xlf", func(b *bytes.Buffer) error { _, err := b.Write(files["source/klaster.xlf"]); return err }))
	for _, tt := range []struct {
		name, schema string
		files        []string
	}{
		{"xliff 2.0 with modules", driver, []string{x2}},
		{"xliff 2.0 core", core, []string{x2}},
		{"xliff 1.2 strict", filepath.Join(sharedSchemas, "xliff-core-1.2-strict.xsd"), append([]string{x1}, sources...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--noout", "--nonet", "--schema", tt.schema}, tt.files...)
			if out, err := exec.Command("xmllint", args...).CombinedOutput(); err != nil {
				t.Errorf("xmllint: %v\n%s", err, out)
			}
		})
	}
	// The module schemas do check: a match without its required ref fails.
	bad := strings.Replace(mustRead(t, x2), `<mtc:match ref="#s1" type="tm"`, `<mtc:match type="tm"`, 1)
	os.WriteFile(x2, []byte(bad), 0o644)
	if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", driver, x2).CombinedOutput(); err == nil {
		t.Errorf("a match without ref validates:\n%s", out)
	}
}

// moduleSchemas writes the driver schema that imports the core and the
// modules, and returns its path.
func moduleSchemas(t *testing.T, dir, core string) string {
	t.Helper()
	r := strings.NewReplacer("CORE", core, "MATCHES", filepath.Join(dir, "matches.xsd"), "GLOSSARY", filepath.Join(dir, "glossary.xsd"))
	for _, name := range []string{"matches.xsd", "glossary.xsd", "xliff2-with-modules.xsd"} {
		data, err := os.ReadFile(filepath.Join("testdata", "schemas", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(r.Replace(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "xliff2-with-modules.xsd")
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestContextTravels checks that each format carries the previous
// source, the memory's matches, the glossary terms, the names and the
// translator's notes, and that reading the file back ignores them.
func TestContextTravels(t *testing.T) {
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
		read  func(*bytes.Buffer) (string, []Translation, error)
		want  []string
	}{
		{"xliff 2.0", func(b *bytes.Buffer) error { return WriteXLIFF2(b, contextDocs(), "pl", "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadXLIFF(b) },
			[]string{`<mtc:match ref="#s1" type="other" subType="mosty:previous" origin="previous source"><source>Zdanie.</source><target>Предложение.</target>`,
				`<mtc:match ref="#s1" type="tm" similarity="82" origin="other/x1"><source>To był <pc id="1">dzień</pc>.</source>`,
				`<gls:glossEntry><gls:term source="glossary.toml">tydzień</gls:term><gls:translation>неделя</gls:translation><gls:definition>not «седмица»</gls:definition></gls:glossEntry>`,
				`<note category="names">Adam Krajewski = Адам Краевский</note>`,
				`<note category="translator">reviewer: Anna</note>`, `<note category="mosty-export">e1</note>`}},
		{"xliff 1.2", func(b *bytes.Buffer) error { return WriteXLIFF12(b, contextDocs(), "pl", "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadXLIFF(b) },
			[]string{`<alt-trans alttranstype="previous-version" origin="previous source"><source>Zdanie.</source><target>Предложение.</target></alt-trans>`,
				`<alt-trans match-quality="82" origin="tm other/x1"><source>To był <g id="1">dzień</g>.</source><target>Это был <g id="1">день</g>.</target></alt-trans>`,
				`<note from="glossary">tydzień = неделя (not «седмица»)</note>`, `<note from="names">Adam Krajewski = Адам Краевский</note>`,
				`<note from="translator"># check the quote</note>`,
				`<phase phase-name="e1" process-name="mosty-export" tool-id="mosty"/>`}},
		{"po", func(b *bytes.Buffer) error { return WritePO(b, contextDocs(), "ru") }, func(b *bytes.Buffer) (string, []Translation, error) { return ReadPO(b) },
			[]string{"#. term: tydzień = неделя (not «седмица»)\n", "#. name: Adam Krajewski = Адам Краевский\n", "#. tm 82% (other/x1): Это был <1>день</1>.\n", "#. note: reviewer: Anna\n",
				"#, fuzzy\n#| msgid \"Zdanie.\"\n", `"X-Mosty-Export: e1\n"`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			text := b.String()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %s\n%s", w, text)
				}
			}
			_, got, err := tt.read(&b)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 4 || got[1].Translation != testDocs()[0].Units[1].Translation || got[1].ExportID != "e1" {
				t.Errorf("read back %+v", got)
			}
		})
	}
}

// TestStatusFilterLeavesNoEmptyFile: an article with no unit left after
// a filter is not written (an XLIFF <file> needs a unit).
func TestStatusFilterLeavesNoEmptyFile(t *testing.T) {
	docs := append(testDocs(), Doc{Slug: "empty", Title: "Pusty", Units: []catalog.Unit{}})
	var b bytes.Buffer
	WriteXLIFF2(&b, docs, "pl", "ru")
	if strings.Contains(b.String(), `id="empty"`) {
		t.Errorf("an article without units is written:\n%s", b.String())
	}
}
