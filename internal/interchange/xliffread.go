package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// xliffReader keeps what ReadXLIFF knows at a point of the document.
type xliffReader struct {
	d              *decoder
	version        string
	docLang, lang  string // the document's target language; the current <file>'s
	file, exportID string
	cur            *Translation
	out            []Translation
}

// ReadXLIFF reads translations back from XLIFF 2.0 or 1.2. Each unit's
// Status says what the file says of its target (see Translation); its
// Lang is the document's trgLang in 2.0 and its own <file>'s
// target-language in 1.2, where one document may hold several languages
// (a <file> without one is refused, naming its line). It also returns the
// language the translations share ("" when they have several). An
// article name that could not be a slug is refused, naming the line;
// <alt-trans> and module content are not translations and are skipped.
// Entities are refused (ErrEntities).
func ReadXLIFF(r io.Reader) (string, []Translation, error) {
	x := &xliffReader{d: newDecoder(r)}
	for {
		tok, err := x.d.Token()
		if err == io.EOF {
			break
		}
		if err == nil {
			err = x.token(tok)
		}
		if err != nil {
			return "", nil, xmlErr(x.d, err)
		}
	}
	if x.version == "" {
		return "", nil, fmt.Errorf("no <xliff> element: not an XLIFF file")
	}
	return docLang(x.out, x.docLang), x.out, nil
}

func (x *xliffReader) codes() codes {
	if x.version == "1.2" {
		return xliff1Codes
	}
	return xliff2Codes
}

func (x *xliffReader) token(tok xml.Token) error {
	if ee, ok := tok.(xml.EndElement); ok {
		if (ee.Name.Local == "unit" || ee.Name.Local == "trans-unit") && x.cur != nil {
			return x.finish()
		}
		return nil
	}
	se, ok := tok.(xml.StartElement)
	if !ok {
		return nil
	}
	if x.version == "" && se.Name.Local != "xliff" {
		return fmt.Errorf("<%s> where <xliff> should be: not an XLIFF file", se.Name.Local)
	}
	switch se.Name.Local {
	case "xliff":
		x.version = attrValue(se, "version")
		if x.version != "2.0" && x.version != "1.2" {
			return fmt.Errorf("XLIFF version %q: mosty reads 2.0 and 1.2", x.version)
		}
		x.docLang = attrValue(se, "trgLang")
		x.lang = x.docLang
	case "file":
		return x.startFile(se)
	case "phase":
		if attrValue(se, "process-name") == "mosty-export" {
			x.exportID = attrValue(se, "phase-name")
		}
	case "note":
		return x.note(se)
	case "unit", "trans-unit":
		x.startUnit(se)
	case "segment":
		if x.cur != nil {
			x.cur.State = cmpOr(attrValue(se, "state"), "initial")
			if sub := attrValue(se, "subState"); sub != "" {
				x.cur.State += " " + sub
			}
			x.cur.Status = fromXLIFF2State(attrValue(se, "state"), attrValue(se, "subState"))
		}
	case "source", "target":
		return x.text(se)
	case "alt-trans", "matches", "glossary", "originalData":
		return x.d.Skip() // suggestions and context, not the unit's text
	}
	return nil
}

// startFile reads a <file>: the article it holds and, in XLIFF 1.2, the
// language of its translations, never another <file>'s.
func (x *xliffReader) startFile(se xml.StartElement) error {
	x.file = attrValue(se, "id")
	if x.file == "" {
		x.file = attrValue(se, "original")
	}
	if x.version != "1.2" {
		return nil
	}
	if x.lang = attrValue(se, "target-language"); x.lang == "" {
		return fmt.Errorf("<file original=%q> has no target-language: mosty cannot tell which language its translations are in (add target-language=\"ru\" or the like)", x.file)
	}
	return nil
}

func (x *xliffReader) startUnit(se xml.StartElement) {
	t := Translation{Lang: x.lang, Slug: x.file, ID: attrValue(se, "id"), Status: catalog.New, ExportID: x.exportID}
	if se.Name.Local == "trans-unit" {
		if slug, id, ok := strings.Cut(t.ID, "/"); ok {
			t.Slug, t.ID = slug, id
		}
		t.State = "approved=" + attrValue(se, "approved") // replaced by the target's state
	}
	x.cur = &t
}

func (x *xliffReader) note(se xml.StartElement) error {
	text, err := fromXML(x.d, x.codes())
	if err != nil {
		return err
	}
	switch {
	case attrValue(se, "category") == "mosty-export" && x.cur == nil:
		x.exportID = strings.TrimSpace(text)
	case attrValue(se, "category") == "mosty-base" || attrValue(se, "from") == "mosty-base":
		if x.cur != nil {
			x.cur.Base = strings.TrimSpace(text)
		}
	}
	return nil
}

func (x *xliffReader) text(se xml.StartElement) error {
	if x.cur == nil {
		return x.d.Skip()
	}
	text, err := fromXML(x.d, x.codes())
	if err != nil {
		return err
	}
	if se.Name.Local == "source" {
		x.cur.Source += text // 2.0 units may have several segments
		return nil
	}
	x.cur.Translation += text
	if x.version == "1.2" {
		state := attrValue(se, "state")
		approved := x.cur.State == "approved=yes"
		x.cur.Status, _ = fromXLIFF1State(state, approved)
		x.cur.State = state
		if state == "" {
			x.cur.State = "no state"
		}
	}
	return nil
}

// finish ends a unit: with an empty target it is never a translation.
func (x *xliffReader) finish() error {
	t := *x.cur
	if err := checkSlug("the article of this unit", t.Slug); err != nil {
		return err
	}
	if t.Translation == "" {
		t.Status = catalog.New
	}
	if strings.HasPrefix(t.State, "approved=") {
		t.State = "no target"
	}
	x.out = append(x.out, t)
	x.cur = nil
	return nil
}
