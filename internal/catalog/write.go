package catalog

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Bytes renders the file. The header and every unit whose data did not
// change since it was read are written exactly as they were read; a
// changed one gets its changed values in place, keeping the translator's
// own keys, comments and spacing; a new one is written in mosty's form.
// Tables of the translator's own stay where they were.
func (f *File) Bytes() []byte {
	var b strings.Builder
	// A header written anew is followed by a blank line, as in a new file.
	header, prevCanonical := f.headerText()
	b.WriteString(header)
	for _, u := range f.Units {
		text, rewritten := f.unitBytes(u)
		ensureBreak(&b, rewritten || prevCanonical)
		b.WriteString(text)
		if u.tail != "" {
			ensureBreak(&b, rewritten)
			b.WriteString(u.tail)
		}
		prevCanonical = rewritten && u.tail == ""
	}
	if f.orphans != "" {
		ensureBreak(&b, true)
		b.WriteString(f.orphans)
	}
	return []byte(b.String())
}

// unitBytes is a unit's table: as read, or rewritten — edited in place,
// or in mosty's form — and then separated from its neighbours as mosty
// separates tables.
func (f *File) unitBytes(u Unit) (text string, rewritten bool) {
	if u.raw != "" && u.unchanged() {
		return u.raw, false
	}
	if u.raw != "" && u.read != nil {
		if out, ok := editTable(u.raw, unstable.ArrayTable, "segment", f.unitEdits(u)); ok {
			return strings.TrimRight(out, " \t\r\n") + "\n", true
		}
	}
	return commentLines(u.raw) + f.unitText(u), true
}

// unitEdits lists the keys of u whose values differ from the unit as read.
func (f *File) unitEdits(u Unit) []keyEdit {
	r := u.read
	var edits []keyEdit
	order := []string{"id", "kind", "block", "source", "previous_source", "translation", "status", "obsolete"}
	set := func(key string, changed bool, value string) {
		if changed {
			edits = append(edits, keyEdit{key: key, value: value, after: order[:slices.Index(order, key)]})
		}
	}
	set("id", u.ID != r.ID, quote(u.ID))
	set("kind", u.Kind != r.Kind, quoteOrNone(u.Kind))
	if f.IsSource {
		set("block", u.Block != r.Block, strconv.Itoa(u.Block))
	}
	set("source", u.Source != r.Source, quote(u.Source))
	set("previous_source", u.PreviousSource != r.PreviousSource, quoteOrNone(u.PreviousSource))
	if !f.IsSource {
		set("translation", u.Translation != r.Translation, quote(u.Translation))
		set("status", u.Status != r.Status, quote(string(u.Status)))
	}
	obsolete := ""
	if u.Obsolete {
		obsolete = "true"
	}
	set("obsolete", u.Obsolete != r.Obsolete, obsolete)
	keys := slices.Sorted(maps.Keys(u.Extra))
	for k := range r.Extra {
		if _, ok := u.Extra[k]; !ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if v, ok := u.Extra[k]; !ok {
			edits = append(edits, keyEdit{key: k})
		} else if old, had := r.Extra[k]; !had || !reflect.DeepEqual(v, old) {
			edits = append(edits, keyEdit{key: k, value: value(v), after: order})
		}
	}
	return edits
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

func quoteOrNone(s string) string {
	if s == "" {
		return ""
	}
	return quote(s)
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

// headerText is the header: as read when unchanged, with the changed
// [article] values edited in place when read, else in mosty's form
// (canonical).
func (f *File) headerText() (text string, canonical bool) {
	if !f.headerRead {
		var b strings.Builder
		f.writeHeader(&b)
		return b.String(), true
	}
	if f.Header == f.headerSet {
		return f.headerRaw, false
	}
	var edits []keyEdit
	order := headerKeys(f.Header)
	old := headerKeys(f.headerSet)
	for i, kv := range order {
		if kv[1] != old[i][1] {
			after := make([]string, i)
			for j := range after {
				after[j] = order[j][0]
			}
			edits = append(edits, keyEdit{key: kv[0], value: quoteOrNone(kv[1]), after: after})
		}
	}
	text, ok := editTable(f.headerRaw, unstable.Table, "article", edits)
	if !ok {
		var b strings.Builder
		f.writeHeader(&b)
		return b.String(), true
	}
	// The first line names the title: keep it true when mosty wrote it.
	if was, now := f.introLine(f.headerSet), f.introLine(f.Header); strings.HasPrefix(text, was) {
		text = now + text[len(was):]
	}
	return text, false
}

// headerKeys are the [article] keys in the order mosty writes them.
func headerKeys(h Header) [][2]string {
	return [][2]string{
		{"slug", h.Slug}, {"lang", h.Lang}, {"source_lang", h.SourceLang}, {"title", h.Title},
		{"date", h.Date}, {"category", h.Category}, {"origin", h.Origin},
		{"source_sha256", h.SourceSHA256}, {"extractor", h.Extractor},
	}
}

// introLine is the first line mosty writes into a file with header h.
func (f *File) introLine(h Header) string {
	if f.IsSource {
		return fmt.Sprintf("# %s segments of %q, extracted by mosty from %s.\n", langName(h.Lang), h.Title, inComment(h.Origin))
	}
	return fmt.Sprintf("# %s translation of %q\n", langName(h.Lang), h.Title)
}

func (f *File) writeHeader(b *strings.Builder) {
	h := f.Header
	b.WriteString(f.introLine(h))
	if f.IsSource {
		b.WriteString("# Generated: do not edit. Translations go in locales/<language>/" + h.Slug + ".toml.\n")
	} else {
		if h.Origin != "" {
			fmt.Fprintf(b, "# %s original: %s\n", langName(h.SourceLang), inComment(h.Origin))
		}
		b.WriteString(translatorGuide)
	}
	b.WriteString("\n[article]\n")
	for _, kv := range headerKeys(h) {
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
		return inComment(code)
	}
	if n := display.English.Languages().Name(tag); n != "" {
		return n
	}
	return inComment(code)
}

// inComment is s as a TOML comment may hold it: quoted, with escapes,
// when it has a control character (a comment may not, and a line break
// would end it).
func inComment(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
		return strconv.Quote(s)
	}
	return s
}
