package interchange

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

// TMXUnit is one sentence with its translations, by language.
type TMXUnit struct {
	ID, Kind string
	Texts    map[string]string // language → placeholder text
	Props    map[string]string // <prop> by type, as read (x-kind is Kind)
}

// WriteTMX writes translation units as TMX 1.4b: a <tu> per sentence with
// a <tuv> per language, placeholders as <bpt>/<ept> pairs and <ph>.
func WriteTMX(w io.Writer, units []TMXUnit, srcLang string, langs []string) error {
	t := NewTMXWriter(w, srcLang, langs)
	if err := t.Units(units); err != nil {
		return err
	}
	return t.Close()
}

// A TMXWriter writes what WriteTMX writes, an article's units at a time.
type TMXWriter struct {
	*streamWriter
	langs []string // the source language, then the others
}

// NewTMXWriter starts a TMX file of srcLang and langs.
func NewTMXWriter(w io.Writer, srcLang string, langs []string) *TMXWriter {
	start := func(b *bufio.Writer, _ *Doc) {
		b.WriteString(xml.Header)
		b.WriteString(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">` + "\n")
		b.WriteString(`<tmx version="1.4">` + "\n")
		fmt.Fprintf(b, `  <header creationtool="mosty" creationtoolversion="1" segtype="sentence" o-tmf="mosty" adminlang="en" srclang="%s" datatype="html"/>`+"\n", esc(srcLang))
		b.WriteString("  <body>\n")
	}
	return &TMXWriter{newStreamWriter(w, start, "  </body>\n</tmx>\n"), append([]string{srcLang}, langs...)}
}

// Units writes translation units: a <tu> each, a <tuv> per language.
func (t *TMXWriter) Units(units []TMXUnit) error {
	t.begin(nil)
	for _, u := range units {
		fmt.Fprintf(t.b, `    <tu tuid="%s">`+"\n", esc(u.ID))
		fmt.Fprintf(t.b, "      <prop type=\"x-kind\">%s</prop>\n", esc(u.Kind))
		for _, l := range t.langs {
			if text, ok := u.Texts[l]; ok && text != "" {
				fmt.Fprintf(t.b, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(l), tmxSeg(text))
			}
		}
		t.b.WriteString("    </tu>\n")
	}
	return t.out.err
}

// tmxSeg writes placeholder text with TMX inline elements, which hold the
// native code they stand for.
func tmxSeg(s string) string {
	return inlineXML(s, func(kind article.PlaceholderKind, id int) string {
		switch kind {
		case article.Open:
			return fmt.Sprintf(`<bpt i="%d" x="%d">&lt;%d&gt;</bpt>`, id, id, id)
		case article.Close:
			return fmt.Sprintf(`<ept i="%d">&lt;/%d&gt;</ept>`, id, id)
		}
		return fmt.Sprintf(`<ph x="%d">&lt;%d/&gt;</ph>`, id, id)
	})
}

// WriteGoI18n writes a go-i18n message file (active.<lang>.toml): one
// message per translated segment, its id "slug.segment", so a Go program
// can load the translations with go-i18n as they are.
func WriteGoI18n(w io.Writer, docs []Doc) error {
	return writeAll(NewGoI18nWriter(w), docs)
}

// NewGoI18nWriter writes what WriteGoI18n writes, a document at a time.
func NewGoI18nWriter(w io.Writer) DocWriter {
	start := func(b *bufio.Writer, _ *Doc) {
		b.WriteString("# go-i18n messages exported by mosty: article segments by \"slug.segment-id\".\n")
	}
	doc := func(b *bufio.Writer, d Doc) {
		for _, u := range d.Units {
			if u.Translation == "" || !u.Status.Done() {
				continue
			}
			fmt.Fprintf(b, "\n[%s]\ndescription = %s\nother = %s\n", tomlQuote(d.Slug+"."+u.ID), tomlQuote(u.Kind+": "+u.Source), tomlQuote(u.Translation))
		}
	}
	return newDocWriter(w, start, doc, "")
}

func tomlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
