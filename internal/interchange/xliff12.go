package interchange

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// WriteXLIFF12 writes docs as XLIFF 1.2 for older tools: <g>/<x> inline
// codes, target states needs-translation, needs-review-translation
// (fuzzy), translated and signed-off (reviewed), the export id as the
// header's phase, notes for the article, the kind of unit, glossary terms
// and the translator's comments and keys, and <alt-trans> for the
// previous source (alttranstype previous-version) and memory matches.
func WriteXLIFF12(w io.Writer, docs []Doc, srcLang, lang string) error {
	return writeAll(NewXLIFF12Writer(w, srcLang, lang), docs)
}

// NewXLIFF12Writer writes what WriteXLIFF12 writes, a document at a time.
func NewXLIFF12Writer(w io.Writer, srcLang, lang string) DocWriter {
	return newXLIFF12Writer(w, srcLang, lang, false)
}

// newXLIFF12Writer writes XLIFF 1.2; with sourceCopies (for OmegaT, whose
// filter translates the text it finds in <target>) every target holds a
// copy of the source, without a state, and no <alt-trans>.
func newXLIFF12Writer(w io.Writer, srcLang, lang string, sourceCopies bool) DocWriter {
	start := func(b *bufio.Writer, _ *Doc) {
		b.WriteString(xml.Header)
		b.WriteString(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` + "\n")
	}
	doc := func(b *bufio.Writer, d Doc) { writeFile12(b, d, srcLang, lang, sourceCopies) }
	return newDocWriter(w, start, doc, "</xliff>\n")
}

// writeFile12 writes a document as a <file>; none without units.
func writeFile12(b *bufio.Writer, d Doc, srcLang, lang string, sourceCopies bool) {
	if len(d.Units) == 0 {
		return
	}
	fmt.Fprintf(b, `  <file original="%s" source-language="%s" target-language="%s" datatype="html" xml:space="preserve">`+"\n", esc(d.Slug), esc(srcLang), esc(lang))
	b.WriteString("    <header>")
	if d.ExportID != "" {
		fmt.Fprintf(b, `<phase-group><phase phase-name="%s" process-name="mosty-export" tool-id="mosty"/></phase-group>`, esc(d.ExportID))
	}
	b.WriteString(`<tool tool-id="mosty" tool-name="mosty"/>`)
	fmt.Fprintf(b, `<note from="title">%s</note></header>`+"\n", esc(d.Title))
	b.WriteString("    <body>\n")
	for _, u := range d.Units {
		writeUnit12(b, d, u, sourceCopies)
	}
	b.WriteString("    </body>\n  </file>\n")
}

func writeUnit12(b *bufio.Writer, d Doc, u catalog.Unit, sourceCopies bool) {
	ctx := d.Context[u.ID]
	fmt.Fprintf(b, `      <trans-unit id="%s" resname="%s">`+"\n", esc(d.Slug+"/"+u.ID), esc(u.ID))
	fmt.Fprintf(b, "        <source>%s</source>\n", toXML(u.Source, xliff1Codes))
	if sourceCopies {
		fmt.Fprintf(b, "        <target>%s</target>\n", toXML(u.Source, xliff1Codes))
	} else {
		fmt.Fprintf(b, `        <target state="%s">%s</target>`+"\n", xliff1State(u.Status), toXML(u.Translation, xliff1Codes))
	}
	fmt.Fprintf(b, "        <note>%s: %s</note>\n", esc(d.Slug), esc(u.Kind))
	fmt.Fprintf(b, "        <note from=\"mosty-base\">%s</note>\n", BaseOf(u.Translation))
	for _, t := range ctx.Terms {
		fmt.Fprintf(b, "        <note from=\"glossary\">%s</note>\n", esc(termLine(t)))
	}
	for _, n := range ctx.Names {
		fmt.Fprintf(b, "        <note from=\"names\">%s</note>\n", esc(n))
	}
	for _, n := range ctx.Notes {
		fmt.Fprintf(b, "        <note from=\"translator\">%s</note>\n", esc(n))
	}
	if !sourceCopies {
		writeAltTrans12(b, u, ctx)
	}
	b.WriteString("      </trans-unit>\n")
}

func writeAltTrans12(b *bufio.Writer, u catalog.Unit, ctx Context) {
	if u.PreviousSource != "" {
		fmt.Fprintf(b, `        <alt-trans alttranstype="previous-version" origin="previous source"><source>%s</source><target>%s</target></alt-trans>`+"\n",
			toXML(u.PreviousSource, xliff1Codes), toXML(u.Translation, xliff1Codes))
	}
	for _, m := range ctx.Matches {
		fmt.Fprintf(b, `        <alt-trans match-quality="%d" origin="%s"><source>%s</source><target>%s</target></alt-trans>`+"\n",
			m.Similarity, esc("tm "+m.Origin), toXML(m.Source, xliff1Codes), toXML(m.Translation, xliff1Codes))
	}
}

// termLine is a glossary term as one line: "pl = ru (note)".
func termLine(t Term) string {
	s := t.Source + " = " + t.Target
	if t.Note != "" {
		s += " (" + t.Note + ")"
	}
	return s
}

func xliff1State(s catalog.Status) string {
	switch s {
	case catalog.Translated:
		return "translated"
	case catalog.Reviewed:
		return "signed-off"
	case catalog.Fuzzy:
		return "needs-review-translation"
	}
	return "needs-translation"
}

// fromXLIFF1State maps XLIFF 1.2's target state back; ok is false for
// the states that say the target is no translation yet (new,
// needs-translation, needs-adaptation, needs-l10n). A target without a
// state is a translation, as the standard has it; approved="yes" makes
// a translation reviewed.
func fromXLIFF1State(state string, approved bool) (catalog.Status, bool) {
	switch state {
	case "", "translated":
		if approved {
			return catalog.Reviewed, true
		}
		return catalog.Translated, true
	case "signed-off", "final":
		return catalog.Reviewed, true
	case "needs-review-translation", "needs-review-adaptation", "needs-review-l10n":
		return catalog.Fuzzy, true
	}
	return catalog.New, false
}
