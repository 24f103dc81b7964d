package interchange

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// The namespaces of the XLIFF 2.0 modules mosty writes.
const (
	nsMatches  = "urn:oasis:names:tc:xliff:matches:2.0"
	nsGlossary = "urn:oasis:names:tc:xliff:glossary:2.0"
)

// WriteXLIFF2 writes docs as one XLIFF 2.0 document: a <file> per
// article with the export id as a note, a <unit> per segment with its
// id, notes for the article, the kind of unit, the names and the translator's
// comments and keys, inline codes for placeholders, the previous source
// and translation memory matches in the matches module, glossary terms in
// the glossary module, and the state: initial (new, and fuzzy with
// subState "mosty:fuzzy" and its old translation as target), translated,
// reviewed. Docs without units are left out.
func WriteXLIFF2(w io.Writer, docs []Doc, srcLang, lang string) error {
	return writeAll(NewXLIFF2Writer(w, srcLang, lang), docs)
}

// NewXLIFF2Writer writes what WriteXLIFF2 writes, a document at a time.
func NewXLIFF2Writer(w io.Writer, srcLang, lang string) DocWriter {
	start := func(b *bufio.Writer, _ *Doc) {
		b.WriteString(xml.Header)
		fmt.Fprintf(b, `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="%s" xmlns:gls="%s" version="2.0" srcLang="%s" trgLang="%s">`+"\n",
			nsMatches, nsGlossary, esc(srcLang), esc(lang))
	}
	return newDocWriter(w, start, writeFile2, "</xliff>\n")
}

// writeFile2 writes a document as a <file>; none without units.
func writeFile2(b *bufio.Writer, d Doc) {
	if len(d.Units) == 0 {
		return
	}
	fmt.Fprintf(b, `  <file id="%s" original="%s" xml:space="preserve">`+"\n", esc(d.Slug), esc(d.Slug))
	b.WriteString("    <notes>")
	fmt.Fprintf(b, `<note category="title">%s</note>`, esc(d.Title))
	if d.ExportID != "" {
		fmt.Fprintf(b, `<note category="mosty-export">%s</note>`, esc(d.ExportID))
	}
	b.WriteString("</notes>\n")
	for _, u := range d.Units {
		writeUnit2(b, d, u)
	}
	b.WriteString("  </file>\n")
}

func writeUnit2(b *bufio.Writer, d Doc, u catalog.Unit) {
	ctx := d.Context[u.ID]
	fmt.Fprintf(b, `    <unit id="%s">`+"\n", esc(u.ID))
	writeMatches2(b, u, ctx)
	writeGlossary2(b, ctx)
	fmt.Fprintf(b, `      <notes><note category="kind">%s</note><note category="article">%s</note><note category="mosty-base">%s</note>`,
		esc(u.Kind), esc(d.Slug), BaseOf(u.Translation))
	for _, n := range ctx.Names {
		fmt.Fprintf(b, `<note category="names">%s</note>`, esc(n))
	}
	for _, n := range ctx.Notes {
		fmt.Fprintf(b, `<note category="translator">%s</note>`, esc(n))
	}
	b.WriteString("</notes>\n")
	state, sub := xliff2State(u.Status)
	if sub != "" {
		sub = fmt.Sprintf(` subState="%s"`, sub)
	}
	fmt.Fprintf(b, `      <segment id="s1" state="%s"%s>`+"\n", state, sub)
	fmt.Fprintf(b, "        <source>%s</source>\n", toXML(u.Source, xliff2Codes))
	if u.Translation != "" {
		fmt.Fprintf(b, "        <target>%s</target>\n", toXML(u.Translation, xliff2Codes))
	}
	b.WriteString("      </segment>\n    </unit>\n")
}

// writeMatches2 writes the matches module: the Polish a fuzzy
// translation was made from, then the memory's matches.
func writeMatches2(b *bufio.Writer, u catalog.Unit, ctx Context) {
	if u.PreviousSource == "" && len(ctx.Matches) == 0 {
		return
	}
	b.WriteString("      <mtc:matches>\n")
	if u.PreviousSource != "" {
		b.WriteString(`        <mtc:match ref="#s1" type="other" subType="mosty:previous" origin="previous source">`)
		fmt.Fprintf(b, "<source>%s</source><target>%s</target></mtc:match>\n", toXML(u.PreviousSource, xliff2Codes), toXML(u.Translation, xliff2Codes))
	}
	for _, m := range ctx.Matches {
		fmt.Fprintf(b, `        <mtc:match ref="#s1" type="tm" similarity="%d" origin="%s">`, m.Similarity, esc(m.Origin))
		fmt.Fprintf(b, "<source>%s</source><target>%s</target></mtc:match>\n", toXML(m.Source, xliff2Codes), toXML(m.Translation, xliff2Codes))
	}
	b.WriteString("      </mtc:matches>\n")
}

// writeGlossary2 writes the glossary module.
func writeGlossary2(b *bufio.Writer, ctx Context) {
	if len(ctx.Terms) == 0 {
		return
	}
	b.WriteString("      <gls:glossary>\n")
	for _, t := range ctx.Terms {
		fmt.Fprintf(b, `        <gls:glossEntry><gls:term source="glossary.toml">%s</gls:term>`, esc(t.Source))
		if t.Target != "" {
			fmt.Fprintf(b, "<gls:translation>%s</gls:translation>", esc(t.Target))
		}
		if t.Note != "" {
			fmt.Fprintf(b, "<gls:definition>%s</gls:definition>", esc(t.Note))
		}
		b.WriteString("</gls:glossEntry>\n")
	}
	b.WriteString("      </gls:glossary>\n")
}

// xliff2State maps a status to XLIFF 2.0's state and subState. A fuzzy
// translation is "initial": it is not a translation of this source until
// a person confirms it, which a tool says by setting "translated".
func xliff2State(s catalog.Status) (state, subState string) {
	switch s {
	case catalog.Translated:
		return "translated", ""
	case catalog.Reviewed:
		return "reviewed", ""
	case catalog.Fuzzy:
		return "initial", "mosty:fuzzy"
	}
	return "initial", ""
}

// fromXLIFF2State maps XLIFF 2.0's state back. With no state attribute
// the state is initial, as the standard says. mosty's fuzzy subState
// stays fuzzy unless the state says reviewed or final, so that a file
// written by an earlier mosty (translated + mosty:fuzzy) never confirms a
// fuzzy translation nobody looked at.
func fromXLIFF2State(state, sub string) catalog.Status {
	switch {
	case state == "reviewed" || state == "final":
		return catalog.Reviewed
	case sub == "mosty:fuzzy":
		return catalog.Fuzzy
	case state == "translated":
		return catalog.Translated
	}
	return catalog.New
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}
