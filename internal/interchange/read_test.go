package interchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// TestStatesRead is every state of every format read back: what the file
// says of its target, with "new" for targets that are no translation.
func TestStatesRead(t *testing.T) {
	x12 := func(attrs, target string) string {
		return `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="pl" target-language="ru" datatype="html"><body>` +
			`<trans-unit id="a/1"` + attrs + `><source>Tak.</source>` + target + `</trans-unit></body></file></xliff>`
	}
	x20 := func(attrs, target string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="pl" trgLang="ru"><file id="a"><unit id="1"><segment` + attrs + `><source>Tak.</source>` +
			target + `</segment></unit></file></xliff>`
	}
	po := func(flags, str string) string {
		return "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\n" + flags + "msgctxt \"a/1\"\nmsgid \"Tak.\"\nmsgstr \"" + str + "\"\n"
	}
	for _, tt := range []struct {
		name, doc string
		po        bool
		want      catalog.Status
	}{
		{"1.2 needs-translation", x12("", `<target state="needs-translation">Да.</target>`), false, catalog.New},
		{"1.2 new", x12("", `<target state="new">Да.</target>`), false, catalog.New},
		{"1.2 needs-adaptation", x12("", `<target state="needs-adaptation">Да.</target>`), false, catalog.New},
		{"1.2 needs-l10n", x12("", `<target state="needs-l10n">Да.</target>`), false, catalog.New},
		{"1.2 needs-review-translation", x12("", `<target state="needs-review-translation">Да.</target>`), false, catalog.Fuzzy},
		{"1.2 translated", x12("", `<target state="translated">Да.</target>`), false, catalog.Translated},
		{"1.2 no state", x12("", `<target>Да.</target>`), false, catalog.Translated},
		{"1.2 approved", x12(` approved="yes"`, `<target>Да.</target>`), false, catalog.Reviewed},
		{"1.2 signed-off", x12("", `<target state="signed-off">Да.</target>`), false, catalog.Reviewed},
		{"1.2 final", x12("", `<target state="final">Да.</target>`), false, catalog.Reviewed},
		{"1.2 translated but empty", x12("", `<target state="translated"></target>`), false, catalog.New},
		{"1.2 no target", x12("", ``), false, catalog.New},
		{"2.0 no state", x20("", `<target>Да.</target>`), false, catalog.New},
		{"2.0 initial", x20(` state="initial"`, `<target>Да.</target>`), false, catalog.New},
		{"2.0 initial fuzzy", x20(` state="initial" subState="mosty:fuzzy"`, `<target>Да.</target>`), false, catalog.Fuzzy},
		{"2.0 translated fuzzy (earlier mosty)", x20(` state="translated" subState="mosty:fuzzy"`, `<target>Да.</target>`), false, catalog.Fuzzy},
		{"2.0 translated", x20(` state="translated"`, `<target>Да.</target>`), false, catalog.Translated},
		{"2.0 reviewed", x20(` state="reviewed"`, `<target>Да.</target>`), false, catalog.Reviewed},
		{"2.0 final", x20(` state="final"`, `<target>Да.</target>`), false, catalog.Reviewed},
		{"2.0 translated without target", x20(` state="translated"`, ``), false, catalog.New},
		{"po translated", po("", "Да."), true, catalog.Translated},
		{"po fuzzy", po("#, fuzzy\n", "Да."), true, catalog.Fuzzy},
		{"po fuzzy among flags", po("#, python-format, fuzzy\n", "Да."), true, catalog.Fuzzy},
		{"po empty", po("", ""), true, catalog.New},
	} {
		t.Run(tt.name, func(t *testing.T) {
			read := ReadXLIFF
			if tt.po {
				read = ReadPO
			}
			lang, ts, err := read(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if lang != "ru" || len(ts) != 1 {
				t.Fatalf("read %q, %+v", lang, ts)
			}
			if ts[0].Status != tt.want || ts[0].Slug != "a" || ts[0].ID != "1" {
				t.Errorf("got %+v, want status %s", ts[0], tt.want)
			}
			if ts[0].State == "" {
				t.Errorf("no state said for %+v", ts[0])
			}
		})
	}
}

// TestPOWithoutContext: entries that lost their msgctxt come back with
// their Polish and no id, for merge to match; none is dropped.
func TestPOWithoutContext(t *testing.T) {
	doc := "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\nmsgid \"Tak.\"\nmsgstr \"Да.\"\n\n#. note\nmsgid \"Nie.\"\nmsgstr \"\"\n\n#~ msgid \"Stare.\"\n#~ msgstr \"Старое.\"\n"
	_, ts, err := ReadPO(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 || ts[0].Source != "Tak." || ts[0].ID != "" || ts[0].Status != catalog.Translated || ts[1].Status != catalog.New {
		t.Errorf("got %+v", ts)
	}
}

// TestEntitiesRefused: a DOCTYPE declaring entities — an outside file
// (XXE) or a billion laughs — is refused before anything is read, by
// every XML reader.
func TestEntitiesRefused(t *testing.T) {
	xxe := `<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
		`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" target-language="ru"><body><trans-unit id="a/1"><source>x</source><target>&xxe;</target></trans-unit></body></file></xliff>`
	laughs := `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="pl"><seg>&b;</seg></tuv></tu></body></tmx>`
	undeclared := `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" target-language="ru"><body><trans-unit id="a/1"><source>x</source><target>&nbsp;</target></trans-unit></body></file></xliff>`
	for _, tt := range []struct {
		name, doc string
		tmx       bool
		entities  bool
	}{
		{"xxe in xliff", xxe, false, true},
		{"billion laughs in tmx", laughs, true, true},
		{"undeclared entity", undeclared, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.tmx {
				_, _, err = ReadTMX(strings.NewReader(tt.doc))
			} else {
				_, _, err = ReadXLIFF(strings.NewReader(tt.doc))
			}
			if err == nil {
				t.Fatal("read")
			}
			if errors.Is(err, ErrEntities) != tt.entities {
				t.Errorf("error %v", err)
			}
		})
	}
}

// TestReadTMX reads mosty's own TMX, OmegaT's plain-text tags and another
// tool's native codes, each into mosty's placeholders.
func TestReadTMX(t *testing.T) {
	var own bytes.Buffer
	WriteTMX(&own, []TMXUnit{{ID: "k/b2", Kind: "paragraph", Texts: map[string]string{"pl": "To był <1>tydzień</1> <2/>.", "ru": "Это была <2/> <1>неделя</1>."}}}, "pl", []string{"ru"})
	omegat := `<tmx version="1.4"><header srclang="PL"/><body><tu><prop type="file">a.xlf</prop><tuv lang="PL"><seg>Był &lt;g0&gt;tydzień&lt;/g0&gt;</seg></tuv><tuv lang="RU-RU"><seg>Была &lt;g0&gt;неделя&lt;/g0&gt;</seg></tuv></tu></body></tmx>`
	native := `<tmx version="1.4"><header srclang="pl"/><body><tu><tuv xml:lang="pl"><seg>Jest <bpt i="7">&lt;b&gt;</bpt>dobrze<ept i="7">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph> <hi>tak</hi>.</seg></tuv></tu></body></tmx>`
	for _, tt := range []struct {
		name, doc, lang, want string
	}{
		{"mosty", own.String(), "ru", "Это была <2/> <1>неделя</1>."},
		{"omegat text tags", omegat, "ru-ru", "Была <g0>неделя</g0>"},
		{"native codes", native, "pl", "Jest <1>dobrze</1><2/> tak."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, units, err := ReadTMX(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(units) != 1 || units[0].Texts[tt.lang] != tt.want {
				t.Errorf("got %+v, want %q", units, tt.want)
			}
		})
	}
}

func TestMemoryPairs(t *testing.T) {
	units := []TMXUnit{
		{Texts: map[string]string{"pl-pl": "Był <g0>tydzień</g0> <x1/>.", "ru-ru": "<x1/> Была <g0>неделя</g0>.", "en": "It was"}},
		{Texts: map[string]string{"pl": "Tylko polski."}},
		{Texts: map[string]string{"pl": "Tak.", "ru": "Да."}},
	}
	got := MemoryPairs(units, "pl", "ru")
	want := []Pair{{"Był <1>tydzień</1> <2/>.", "<2/> Была <1>неделя</1>."}, {"Tak.", "Да."}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("MemoryPairs = %q", got)
	}
}
