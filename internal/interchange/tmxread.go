package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ReadTMX reads a TMX document (1.1 to 1.4b): its source language and
// its units, each with its text by language (lower case, as written:
// "ru-RU" stays "ru-ru"). Inline codes (<bpt>/<ept>, <ph>, <it>, <ut>)
// become mosty's placeholders: numbered as their native code says when
// it is one of mosty's or OmegaT's tags (<1>, <g0>), else by order;
// <hi> keeps its text. Entities are refused (ErrEntities).
func ReadTMX(r io.Reader) (srcLang string, units []TMXUnit, err error) {
	d := newDecoder(r)
	var cur *TMXUnit
	var lang string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return srcLang, units, nil
		}
		if err != nil {
			return "", nil, xmlErr(d, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "tu" && cur != nil {
				units = append(units, *cur)
				cur = nil
			}
			continue
		}
		switch se.Name.Local {
		case "header":
			srcLang = strings.ToLower(attrValue(se, "srclang"))
		case "tu":
			cur = &TMXUnit{ID: attrValue(se, "tuid"), Texts: map[string]string{}}
		case "prop":
			if cur == nil {
				continue
			}
			text, err := tmxText(d)
			if err != nil {
				return "", nil, xmlErr(d, err)
			}
			if t := attrValue(se, "type"); t == "x-kind" {
				cur.Kind = text
			} else {
				cur.setProp(t, text)
			}
		case "tuv":
			lang = strings.ToLower(attrValue(se, "lang")) // xml:lang and TMX 1.1's lang
		case "seg":
			if cur == nil {
				return "", nil, xmlErr(d, fmt.Errorf("<seg> outside a <tu>"))
			}
			text, err := tmxSegText(d)
			if err != nil {
				return "", nil, xmlErr(d, err)
			}
			cur.Texts[lang] = text
		}
	}
}

func (u *TMXUnit) setProp(k, v string) {
	if u.Props == nil {
		u.Props = map[string]string{}
	}
	u.Props[k] = v
}

// tmxText is the character data up to the end of the current element.
func tmxText(d *decoder) (string, error) {
	var b strings.Builder
	for depth := 0; ; {
		tok, err := d.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// tmxSegText reads a <seg>'s content with its inline codes as
// placeholders.
func tmxSegText(d *decoder) (string, error) {
	var b strings.Builder
	pairs := map[string]int{} // bpt/ept i → placeholder number
	next, hi := 0, 0
	number := func(native string) int {
		if _, n, ok := shortcutNumber(native); ok {
			next = max(next, n)
			return n
		}
		next++
		return next
	}
	for {
		tok, err := d.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			if hi > 0 { // </hi>
				hi--
				continue
			}
			return b.String(), nil // </seg>
		case xml.StartElement:
			if t.Name.Local == "hi" {
				hi++ // its text is the segment's
				continue
			}
			native, err := tmxText(d)
			if err != nil {
				return "", err
			}
			switch t.Name.Local {
			case "bpt":
				n := number(native)
				pairs[attrValue(t, "i")] = n
				fmt.Fprintf(&b, "<%d>", n)
			case "ept":
				n, ok := pairs[attrValue(t, "i")]
				if !ok {
					n = number(native)
				}
				fmt.Fprintf(&b, "</%d>", n)
			case "ph", "it", "ut":
				fmt.Fprintf(&b, "<%d/>", number(native))
			}
		}
	}
}

// shortcut is a tag as OmegaT shows it (<g0>, </g0>, <x1/>) or one of
// mosty's placeholders (<1>, </1>, <2/>).
var shortcut = regexp.MustCompile(`^<(/?)([a-zA-Z]{0,10})(\d{1,4})(/?)>$`)

// shortcutNumber reads a native code that is a shortcut tag: mosty's
// number, or OmegaT's index plus one.
func shortcutNumber(native string) (letters string, n int, ok bool) {
	m := shortcut.FindStringSubmatch(strings.TrimSpace(native))
	if m == nil {
		return "", 0, false
	}
	n, _ = strconv.Atoi(m[3])
	if m[2] != "" {
		n++ // OmegaT counts from 0
	}
	return m[2], n, n > 0
}
