package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// WriteXLIFF2 writes docs as one XLIFF 2.0 document: a <file> per
// article, a <unit> per segment with its id, notes for the article and
// the kind of unit, inline codes for placeholders, and the state:
// initial (new), translated, reviewed, and fuzzy as translated with
// subState "mosty:fuzzy".
func WriteXLIFF2(w io.Writer, docs []Doc, srcLang, lang string) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="%s" trgLang="%s">`+"\n", esc(srcLang), esc(lang))
	for _, d := range docs {
		fmt.Fprintf(&b, `  <file id="%s" original="%s">`+"\n", esc(d.Slug), esc(d.Slug))
		fmt.Fprintf(&b, "    <notes><note category=\"title\">%s</note></notes>\n", esc(d.Title))
		for _, u := range d.Units {
			fmt.Fprintf(&b, `    <unit id="%s">`+"\n", esc(u.ID))
			fmt.Fprintf(&b, "      <notes><note category=\"kind\">%s</note><note category=\"article\">%s</note><note category=\"mosty-base\">%s</note></notes>\n",
				esc(u.Kind), esc(d.Slug), BaseOf(u.Translation))
			state, sub := xliff2State(u.Status)
			if sub != "" {
				sub = fmt.Sprintf(` subState="%s"`, sub)
			}
			fmt.Fprintf(&b, `      <segment state="%s"%s>`+"\n", state, sub)
			fmt.Fprintf(&b, "        <source>%s</source>\n", toXML(u.Source, xliff2Codes))
			if u.Translation != "" {
				fmt.Fprintf(&b, "        <target>%s</target>\n", toXML(u.Translation, xliff2Codes))
			}
			b.WriteString("      </segment>\n    </unit>\n")
		}
		b.WriteString("  </file>\n")
	}
	b.WriteString("</xliff>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func xliff2State(s catalog.Status) (state, subState string) {
	switch s {
	case catalog.Translated:
		return "translated", ""
	case catalog.Reviewed:
		return "reviewed", ""
	case catalog.Fuzzy:
		return "translated", "mosty:fuzzy"
	}
	return "initial", ""
}

// WriteXLIFF12 writes docs as XLIFF 1.2 for older tools: <g>/<x> inline
// codes, target states needs-translation, needs-review-translation
// (fuzzy), translated and signed-off (reviewed).
func WriteXLIFF12(w io.Writer, docs []Doc, srcLang, lang string) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` + "\n")
	for _, d := range docs {
		fmt.Fprintf(&b, `  <file original="%s" source-language="%s" target-language="%s" datatype="html">`+"\n", esc(d.Slug), esc(srcLang), esc(lang))
		b.WriteString("    <body>\n")
		for _, u := range d.Units {
			fmt.Fprintf(&b, `      <trans-unit id="%s" resname="%s">`+"\n", esc(d.Slug+"/"+u.ID), esc(u.ID))
			fmt.Fprintf(&b, "        <source>%s</source>\n", toXML(u.Source, xliff1Codes))
			fmt.Fprintf(&b, `        <target state="%s">%s</target>`+"\n", xliff1State(u.Status), toXML(u.Translation, xliff1Codes))
			fmt.Fprintf(&b, "        <note>%s: %s</note>\n", esc(d.Slug), esc(u.Kind))
			fmt.Fprintf(&b, "        <note from=\"mosty-base\">%s</note>\n", BaseOf(u.Translation))
			b.WriteString("      </trans-unit>\n")
		}
		b.WriteString("    </body>\n  </file>\n")
	}
	b.WriteString("</xliff>\n")
	_, err := io.WriteString(w, b.String())
	return err
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

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

// ReadXLIFF reads translations back from XLIFF 2.0 or 1.2. Each
// translation carries its language: the document's trgLang in 2.0, its
// <file>'s target-language in 1.2, where one document may hold several.
// It also returns the language the translations share ("" when they
// have several). Article names that could not be slugs are refused,
// naming the line.
func ReadXLIFF(r io.Reader) (string, []Translation, error) {
	d := xml.NewDecoder(r)
	var out []Translation
	var cur Translation
	var file, docLang1, lang string
	unitLine := 0
	version := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", nil, fmt.Errorf("line %d: %w", lineOf(d), err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && (ee.Name.Local == "unit" || ee.Name.Local == "trans-unit") {
				if err := checkSlug(unitLine, "the article of this unit", cur.Slug); err != nil {
					return "", nil, err
				}
				out = append(out, cur)
				cur = Translation{}
			}
			continue
		}
		c := xliff2Codes
		if version == "1.2" {
			c = xliff1Codes
		}
		switch se.Name.Local {
		case "xliff":
			version = attrValue(se, "version")
			if version != "2.0" && version != "1.2" {
				return "", nil, fmt.Errorf("XLIFF version %q: mosty reads 2.0 and 1.2", version)
			}
			docLang1 = attrValue(se, "trgLang")
			lang = docLang1
		case "file":
			if file, lang, err = xliffFile(se, version, docLang1, lineOf(d)); err != nil {
				return "", nil, err
			}
		case "note":
			if attrValue(se, "category") == "mosty-base" || attrValue(se, "from") == "mosty-base" {
				text, err := fromXML(d, c)
				if err != nil {
					return "", nil, err
				}
				cur.Base = strings.TrimSpace(text)
			}
		case "unit":
			cur, unitLine = Translation{Lang: lang, Slug: file, ID: attrValue(se, "id"), Status: catalog.New}, lineOf(d)
		case "trans-unit":
			slug, id, ok := strings.Cut(attrValue(se, "id"), "/")
			if !ok {
				slug, id = file, attrValue(se, "id")
			}
			cur, unitLine = Translation{Lang: lang, Slug: slug, ID: id, Status: catalog.New}, lineOf(d)
		case "segment":
			cur.Status = fromXLIFF2State(attrValue(se, "state"), attrValue(se, "subState"))
		case "source":
			if cur.Source, err = fromXML(d, c); err != nil {
				return "", nil, err
			}
		case "target":
			if version == "1.2" {
				cur.Status = fromXLIFF1State(attrValue(se, "state"))
			}
			if cur.Translation, err = fromXML(d, c); err != nil {
				return "", nil, err
			}
		}
	}
	for i := range out {
		if out[i].Translation == "" {
			out[i].Status = catalog.New
		}
	}
	return docLang(out, docLang1), out, nil
}

// xliffFile reads a <file>: the article it holds and the language of its
// translations. In XLIFF 1.2 each <file> says its own target-language;
// one without is refused rather than given another file's.
func xliffFile(se xml.StartElement, version, docLang string, line int) (file, lang string, err error) {
	file = attrValue(se, "id")
	if file == "" {
		file = attrValue(se, "original")
	}
	if version != "1.2" {
		return file, docLang, nil
	}
	lang = attrValue(se, "target-language")
	if lang == "" {
		return "", "", fmt.Errorf("line %d: <file original=%q> has no target-language: mosty cannot tell which language its translations are in (add target-language=\"ru\" or the like)", line, file)
	}
	return file, lang, nil
}

func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}

func fromXLIFF2State(state, sub string) catalog.Status {
	switch {
	case sub == "mosty:fuzzy":
		return catalog.Fuzzy
	case state == "translated":
		return catalog.Translated
	case state == "reviewed" || state == "final":
		return catalog.Reviewed
	}
	return catalog.New
}

func fromXLIFF1State(state string) catalog.Status {
	switch state {
	case "translated":
		return catalog.Translated
	case "signed-off", "final":
		return catalog.Reviewed
	case "needs-review-translation", "needs-review-adaptation", "needs-review-l10n":
		return catalog.Fuzzy
	}
	return catalog.New
}
