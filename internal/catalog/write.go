package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Bytes renders the file. The header and every unit whose data did not
// change since it was read are written exactly as they were read.
func (f *File) Bytes() []byte {
	var b strings.Builder
	// A header written anew is followed by a blank line, as in a new file.
	prevCanonical := !f.headerRead || f.Header != f.headerSet
	if prevCanonical {
		f.writeHeader(&b)
	} else {
		b.WriteString(f.headerRaw)
	}
	for _, u := range f.Units {
		if u.raw != "" && u.unchanged() {
			ensureBreak(&b, prevCanonical)
			b.WriteString(u.raw)
			prevCanonical = false
			continue
		}
		ensureBreak(&b, true)
		b.WriteString(commentLines(u.raw))
		b.WriteString(f.unitText(u))
		prevCanonical = true
	}
	return []byte(b.String())
}

// unchanged reports whether a unit's data is as it was read.
func (u Unit) unchanged() bool {
	return u.read != nil && sameData(u, *u.read)
}

// sameData reports whether two units hold the same data, whatever their
// bytes.
func sameData(u, r Unit) bool {
	return u.ID == r.ID && u.Kind == r.Kind && u.Block == r.Block && u.Source == r.Source &&
		u.PreviousSource == r.PreviousSource && u.Translation == r.Translation && u.Status == r.Status &&
		u.Obsolete == r.Obsolete && reflect.DeepEqual(u.Extra, r.Extra)
}

// commentLines returns the whole-line comments of a table as read, so a
// translator's notes survive when mosty rewrites the table.
func commentLines(raw string) string {
	var b strings.Builder
	for _, l := range strings.Split(raw, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(strings.TrimSpace(l) + "\n")
		}
	}
	return b.String()
}

// ensureBreak ends what is written so far with a newline, and with a
// blank line before a table mosty renders itself.
func ensureBreak(b *strings.Builder, blank bool) {
	s := b.String()
	if s == "" {
		return
	}
	if !strings.HasSuffix(s, "\n") {
		b.WriteByte('\n')
		s += "\n"
	}
	if blank && !strings.HasSuffix(s, "\n\n") {
		b.WriteByte('\n')
	}
}

func (f *File) writeHeader(b *strings.Builder) {
	h := f.Header
	if f.IsSource {
		fmt.Fprintf(b, "# %s segments of %q, extracted by mosty from %s.\n", langName(h.Lang), h.Title, h.Origin)
		b.WriteString("# Generated: do not edit. Translations go in locales/<language>/" + h.Slug + ".toml.\n")
	} else {
		fmt.Fprintf(b, "# %s translation of %q\n", langName(h.Lang), h.Title)
		if h.Origin != "" {
			fmt.Fprintf(b, "# %s original: %s\n", langName(h.SourceLang), h.Origin)
		}
		b.WriteString(translatorGuide)
	}
	b.WriteString("\n[article]\n")
	for _, kv := range [][2]string{
		{"slug", h.Slug}, {"lang", h.Lang}, {"source_lang", h.SourceLang}, {"title", h.Title},
		{"date", h.Date}, {"category", h.Category}, {"origin", h.Origin},
		{"source_sha256", h.SourceSHA256}, {"extractor", h.Extractor},
	} {
		if kv[1] != "" {
			fmt.Fprintf(b, "%s = %s\n", kv[0], quote(kv[1]))
		}
	}
}

const translatorGuide = `#
# For each [[segment]] below, write the translation of source into
# translation, then set status:
#   new         not translated yet
#   fuzzy       the original changed (previous_source shows what it said)
#               or the text was filled in for you: check it, then set translated
#   translated  translated, ready to publish
#   reviewed    checked by a second person
# Keep placeholders such as <1>…</1> and <2/> around the same words: they
# stand for links, bold text and images. Do not change id or source.
# Segments with obsolete = true are gone from the article and are not
# published; they stay at the end for their translations.
`

// unitText renders a unit canonically.
func (f *File) unitText(u Unit) string {
	var b strings.Builder
	b.WriteString("[[segment]]\n")
	fmt.Fprintf(&b, "id = %s\n", quote(u.ID))
	if u.Kind != "" {
		fmt.Fprintf(&b, "kind = %s\n", quote(u.Kind))
	}
	if f.IsSource {
		fmt.Fprintf(&b, "block = %d\n", u.Block)
	}
	fmt.Fprintf(&b, "source = %s\n", quote(u.Source))
	if u.PreviousSource != "" {
		fmt.Fprintf(&b, "previous_source = %s\n", quote(u.PreviousSource))
	}
	if !f.IsSource {
		fmt.Fprintf(&b, "translation = %s\n", quote(u.Translation))
		fmt.Fprintf(&b, "status = %s\n", quote(string(u.Status)))
	}
	if u.Obsolete {
		b.WriteString("obsolete = true\n")
	}
	keys := make([]string, 0, len(u.Extra))
	for k := range u.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %s\n", bareOrQuotedKey(k), value(u.Extra[k]))
	}
	return b.String()
}

// quote writes s as a TOML basic string: double quotes, backslash
// escapes for quotes, backslashes and control characters, every other
// character as it is.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func bareOrQuotedKey(k string) string {
	if k != "" && strings.Trim(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == "" {
		return k
	}
	return quote(k)
}

// value renders a value of a key mosty does not know, inline.
func value(v any) string {
	switch v := v.(type) {
	case string:
		return quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = value(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = bareOrQuotedKey(k) + " = " + value(v[k])
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return quote(fmt.Sprint(v))
}

// langName is a language's English name ("Russian"), or its code.
func langName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Languages().Name(tag); n != "" {
		return n
	}
	return code
}
