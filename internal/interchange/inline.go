package interchange

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

// codes names a format's inline codes for mosty's placeholders.
type codes struct {
	pair, empty string // element names: pc/ph in XLIFF 2.0, g/x in 1.2
}

var (
	xliff2Codes = codes{pair: "pc", empty: "ph"}
	xliff1Codes = codes{pair: "g", empty: "x"}
)

// toXML writes placeholder text as XML content with inline codes.
func toXML(s string, c codes) string {
	return inlineXML(s, func(kind article.PlaceholderKind, id int) string {
		switch kind {
		case article.Open:
			return fmt.Sprintf(`<%s id="%d">`, c.pair, id)
		case article.Close:
			return fmt.Sprintf(`</%s>`, c.pair)
		}
		return fmt.Sprintf(`<%s id="%d"/>`, c.empty, id)
	})
}

// inlineXML writes placeholder text as XML: text escaped, each
// placeholder as code returns it.
func inlineXML(s string, code func(kind article.PlaceholderKind, id int) string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			xml.EscapeText(&b, []byte(s[:i]))
			s = s[i:]
			continue
		}
		kind, id, n := article.ParsePlaceholder(s)
		if n == 0 {
			xml.EscapeText(&b, []byte("<"))
			n = 1
		} else {
			b.WriteString(code(kind, id))
		}
		s = s[n:]
	}
	return b.String()
}

// fromXML reads the content of the element d is inside, up to its end
// tag, turning inline codes back into placeholders. Codes of other tools
// (mrk, sm/em) keep their text and lose the markup.
func fromXML(d *decoder, c codes) (string, error) {
	var b strings.Builder
	var open []string // ids of pairs open, "" for elements not ours
	for {
		tok, err := d.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			id := attrValue(t, "id")
			_, numErr := strconv.Atoi(id)
			switch {
			case t.Name.Local == c.pair && numErr == nil:
				b.WriteString("<" + id + ">")
				open = append(open, id)
			case t.Name.Local == c.empty && numErr == nil:
				b.WriteString("<" + id + "/>")
				open = append(open, "")
			default:
				open = append(open, "")
			}
		case xml.EndElement:
			if len(open) == 0 {
				return b.String(), nil // the end of the element we were in
			}
			if id := open[len(open)-1]; id != "" {
				b.WriteString("</" + id + ">")
			}
			open = open[:len(open)-1]
		}
	}
}

func attrValue(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
