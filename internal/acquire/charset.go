package acquire

import (
	"bytes"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	enctext "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Decoded is the text of a source file and how it was read.
type Decoded struct {
	Text     string // UTF-8, NFC
	Charset  string // the charset used, as a WHATWG name: "utf-8", "windows-1250"…
	Declared string // what the page or the server said, "" when nothing
	How      string // "bom", "declared", "detected" or "utf-8 despite declaration"
	Invalid  int    // byte sequences that were not valid in Charset and became U+FFFD
}

// legacyCandidates are the single-byte charsets tried when bytes are not
// UTF-8: the ones Polish and Russian pages use, and windows-1252 for
// English. Order breaks ties in scoring.
var legacyCandidates = []struct {
	name string
	enc  encoding.Encoding
}{
	{"windows-1250", charmap.Windows1250},
	{"iso-8859-2", charmap.ISO8859_2},
	{"windows-1251", charmap.Windows1251},
	{"koi8-r", charmap.KOI8R},
	{"windows-1252", charmap.Windows1252},
}

// Decode turns raw bytes into NFC text. contentType is the HTTP
// Content-Type header when there is one ("" for local files).
//
// The order is: a byte order mark; then whether the bytes are UTF-8, which
// wins over any declaration because a legacy page is almost never valid
// UTF-8 by accident while mis-declared UTF-8 pages are common; then the
// declared charset, if its letters look like real text; then detection by
// letter statistics. A few invalid sequences in otherwise UTF-8 bytes do not
// make the page legacy: they become U+FFFD.
func Decode(raw []byte, contentType string) Decoded {
	if d, ok := decodeBOM(raw); ok {
		return d
	}
	declared := declaredCharset(raw, contentType)
	valid, invalid := utf8Stats(raw)
	if invalid == 0 || valid >= 4*invalid {
		d := Decoded{Charset: "utf-8", Declared: declared, How: "detected", Invalid: invalid}
		switch {
		case declared == "utf-8":
			d.How = "declared"
		case declared != "":
			d.How = "utf-8 despite declaration"
		}
		d.Text = norm.NFC.String(strings.ToValidUTF8(string(raw), "\uFFFD"))
		return d
	}
	best, bestScore := "", 0.0
	var bestText string
	for _, c := range legacyCandidates {
		text, _ := c.enc.NewDecoder().String(string(raw))
		s := letterScore(text)
		if best == "" || s > bestScore {
			best, bestScore, bestText = c.name, s, text
		}
	}
	d := Decoded{Charset: best, Declared: declared, How: "detected", Text: bestText}
	if enc, name := charset.Lookup(declared); enc != nil && name != "utf-8" && name != best {
		// Trust the declaration unless its letters are clearly worse than
		// the best guess: a Polish page declared ISO-8859-2 that uses
		// windows-1250 bytes reads as "œ" and C1 controls.
		text, err := enc.NewDecoder().String(string(raw))
		if err == nil && letterScore(text) >= bestScore*0.97 {
			d.Charset, d.Text = name, text
		}
	}
	if d.Charset == declared {
		d.How = "declared"
	}
	d.Text = norm.NFC.String(d.Text)
	return d
}

func decodeBOM(raw []byte) (Decoded, bool) {
	boms := []struct {
		bom  []byte
		name string
		enc  encoding.Encoding
	}{
		{[]byte{0xEF, 0xBB, 0xBF}, "utf-8", nil},
		{[]byte{0xFE, 0xFF}, "utf-16be", enctext.UTF16(enctext.BigEndian, enctext.ExpectBOM)},
		{[]byte{0xFF, 0xFE}, "utf-16le", enctext.UTF16(enctext.LittleEndian, enctext.ExpectBOM)},
	}
	for _, b := range boms {
		if !bytes.HasPrefix(raw, b.bom) {
			continue
		}
		d := Decoded{Charset: b.name, How: "bom"}
		if b.enc == nil {
			_, d.Invalid = utf8Stats(raw[3:])
			d.Text = strings.ToValidUTF8(string(raw[3:]), "\uFFFD")
		} else {
			text, err := b.enc.NewDecoder().String(string(raw))
			if err != nil {
				return Decoded{}, false
			}
			d.Text = text
		}
		d.Text = norm.NFC.String(d.Text)
		return d, true
	}
	return Decoded{}, false
}

// declaredCharset returns the WHATWG name of the charset the HTTP header or,
// failing that, a meta tag in the first 8 KB declares; "" when none does.
func declaredCharset(raw []byte, contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if _, name := charset.Lookup(params["charset"]); name != "" {
			return name
		}
	}
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	return metaCharset(head)
}

// metaCharset finds charset=… inside the first <meta> tag that has one.
func metaCharset(head []byte) string {
	lower := bytes.ToLower(head)
	for i := 0; ; {
		m := bytes.Index(lower[i:], []byte("<meta"))
		if m < 0 {
			return ""
		}
		start := i + m
		end := bytes.IndexByte(lower[start:], '>')
		if end < 0 {
			return ""
		}
		tag := lower[start : start+end]
		i = start + end
		c := bytes.Index(tag, []byte("charset"))
		if c < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[c+len("charset"):], " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		n := bytes.IndexFunc(v, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == ':' || r == '.')
		})
		if n < 0 {
			n = len(v)
		}
		if _, name := charset.Lookup(string(v[:n])); name != "" {
			return name
		}
	}
}

// utf8Stats counts valid multi-byte UTF-8 sequences and invalid bytes.
func utf8Stats(b []byte) (valid, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid
}

// letterScore rates how much decoded text looks like Polish, Russian or
// English prose. Right decodings give letters of one script per word,
// mostly lower case; wrong ones give C1 control characters, symbols inside
// words and words that switch between Latin and Cyrillic or between cases.
func letterScore(text string) float64 {
	var score float64
	var prev rune
	for _, r := range text {
		switch {
		case r < 0x80:
		case r >= 0x80 && r < 0xA0:
			score -= 5 // C1 control: never in real text
		case strings.ContainsRune("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", r):
			score += 2
		case unicode.Is(unicode.Cyrillic, r):
			score += cyrillicWeight(r, prev)
		case unicode.IsLetter(r):
			score += 0.5
		case unicode.IsLetter(prev):
			score -= 1 // a symbol glued to a letter: "Bia³ystok"
		}
		if isLatin(prev) && unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Cyrillic, prev) && isLatin(r) {
			score -= 3
		}
		prev = r
	}
	return score
}

// cyrillicWeight favours lower-case letters and frequent ones; a capital
// right after a lower-case letter is what KOI8-R read as windows-1251 (or
// the reverse) looks like.
func cyrillicWeight(r, prev rune) float64 {
	if unicode.IsUpper(r) {
		if unicode.IsLower(prev) {
			return -2
		}
		return 0.5
	}
	if strings.ContainsRune("оеаинтсрвл", r) {
		return 2
	}
	return 1
}

func isLatin(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r <= 0x24F && unicode.IsLetter(r)
}
