package interchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// The readers take files from outside: whatever the bytes, they return
// translations or an error, never panic, and write nothing (they have no
// way to: they get a reader and return values); every article a
// translation names is a slug or none, never a path (issue 15).

func FuzzReadXLIFF(f *testing.F) {
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return WriteXLIFF2(b, contextDocs(), "pl", "ru") },
		func(b *bytes.Buffer) error { return WriteXLIFF12(b, contextDocs(), "pl", "ru") },
	} {
		var b bytes.Buffer
		write(&b)
		f.Add(b.String())
	}
	f.Add(`<xliff version="1.2"><file original="a"><body><trans-unit id="a/1"><source>x<g id="1">y</source></trans-unit></body></file></xliff>`)
	f.Add(`<!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0"/>`)
	f.Add(`<xliff version="2.0" trgLang="ru"><file id="../../v/locales/ru/a"><unit id="1"><segment><source>a</source><target>b</target></segment></unit></file></xliff>`)
	f.Fuzz(func(t *testing.T, doc string) {
		_, ts, err := ReadXLIFF(strings.NewReader(doc))
		if err != nil && ts != nil {
			t.Errorf("translations with an error: %v", err)
		}
		namesArticles(t, ts)
	})
}

func FuzzReadPO(f *testing.F) {
	var b bytes.Buffer
	WritePO(&b, contextDocs(), "ru")
	f.Add(b.String())
	f.Add("msgid \"\"\nmsgstr \"Language: ru\\n\"\n\nmsgid \"a\"\nmsgstr \"\"\n\"b\\u00\"\n")
	f.Add("#, fuzzy\nmsgctxt \"a/1\"\nmsgid_plural \"x\"\nmsgstr[0] \"y\"\n")
	f.Add("msgctxt \"../v/1\"\nmsgid \"a\"\nmsgstr \"b\"\n")
	f.Fuzz(func(t *testing.T, doc string) {
		_, ts, err := ReadPO(strings.NewReader(doc))
		if err != nil && ts != nil {
			t.Errorf("translations with an error: %v", err)
		}
		namesArticles(t, ts)
	})
}

func FuzzReadTMX(f *testing.F) {
	var b bytes.Buffer
	WriteTMX(&b, []TMXUnit{{ID: "k/1", Texts: map[string]string{"pl": "To <1>jest</1> <2/>.", "ru": "Это <1>есть</1> <2/>."}}}, "pl", []string{"ru"})
	f.Add(b.String())
	f.Add(string(omegatTMX("pl", "ru", []Pair{{"Był <1>tydzień</1>", "Была <1>неделя</1>"}})))
	f.Add(`<tmx><body><tu><tuv xml:lang="pl"><seg>a<bpt i="1">&lt;g0&gt;</bpt><hi>b<ept i="2"/></hi></seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, doc string) {
		_, units, err := ReadTMX(strings.NewReader(doc))
		if err != nil && units != nil {
			t.Errorf("units with an error: %v", err)
		}
		for _, u := range units {
			for _, text := range u.Texts {
				fromOmegaT(text, text)
				toOmegaT(text, text)
			}
		}
	})
}

// namesArticles fails when a translation names its article by anything
// but a slug: a merge writes into locales/<lang>/<slug>.toml.
func namesArticles(t *testing.T, ts []Translation) {
	t.Helper()
	for _, tr := range ts {
		if tr.Slug != "" && acquire.CheckSlug(tr.Slug) != nil {
			t.Fatalf("article %q came through", tr.Slug)
		}
	}
}
