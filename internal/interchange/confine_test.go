package interchange

import (
	"errors"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// TestXLIFF12FileLanguages is issue 15's eighth case: a Russian <file>
// followed by an English one. Each translation keeps its own <file>'s
// language; the document has none of its own.
func TestXLIFF12FileLanguages(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="klaster" source-language="pl" target-language="ru" datatype="html"><body>
    <trans-unit id="klaster/a1"><source>Tytuł.</source><target state="translated">Заголовок.</target></trans-unit>
  </body></file>
  <file original="klaster" source-language="pl" target-language="en" datatype="html"><body>
    <trans-unit id="klaster/a1"><source>Tytuł.</source><target state="translated">Title.</target></trans-unit>
  </body></file>
</xliff>`
	lang, ts, err := ReadXLIFF(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if lang != "" {
		t.Errorf("document language %q, want none: its files differ", lang)
	}
	if len(ts) != 2 || ts[0].Lang != "ru" || ts[0].Translation != "Заголовок." || ts[1].Lang != "en" || ts[1].Translation != "Title." {
		t.Errorf("translations %+v", ts)
	}
	noLang := strings.Replace(doc, ` target-language="en"`, "", 1)
	if _, _, err := ReadXLIFF(strings.NewReader(noLang)); err == nil || !strings.Contains(err.Error(), `line 6: <file original="klaster"> has no target-language`) {
		t.Errorf("a <file> without target-language: %v", err)
	}
}

// TestMergeFileNamesOnlyArticles is issue 15's fifth case from the
// reader's side: a merge file naming an article with ".." or a separator
// is refused, naming the line, before anything can become a path.
func TestMergeFileNamesOnlyArticles(t *testing.T) {
	xliff2 := func(id string) string {
		return `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="pl" trgLang="ru">
<file id="` + id + `"><unit id="a1"><segment state="translated"><source>A.</source><target>Б.</target></segment></unit></file></xliff>`
	}
	xliff12 := func(id string) string {
		return `<xliff version="1.2"><file original="x" source-language="pl" target-language="ru"><body>
<trans-unit id="` + id + `/a1"><source>A.</source><target>Б.</target></trans-unit></body></file></xliff>`
	}
	po := func(id string) string {
		return "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\nmsgctxt \"" + id + "/a1\"\nmsgid \"A.\"\nmsgstr \"Б.\"\n"
	}
	for _, id := range []string{"../../../victim/locales/ru/klaster", "..", "a/b", `a\b`, "/etc/passwd", "Klaster"} {
		for name, read := range map[string]func() error{
			"xliff 2.0": func() error { _, _, err := ReadXLIFF(strings.NewReader(xliff2(id))); return err },
			"xliff 1.2": func() error { _, _, err := ReadXLIFF(strings.NewReader(xliff12(id))); return err },
			"po":        func() error { _, _, err := ReadPO(strings.NewReader(po(id))); return err },
		} {
			if (id == "a/b" || id == "/etc/passwd") && name != "xliff 2.0" {
				continue // "a/b/a1" is segment "b/a1" of article "a"; "/etc/…" of none: no path
			}
			err := read()
			if !errors.Is(err, acquire.ErrBadSlug) || !strings.HasPrefix(err.Error(), "line ") || !strings.Contains(err.Error(), "is not a slug") {
				t.Errorf("%s, article %q: %v", name, id, err)
			}
		}
	}
}
