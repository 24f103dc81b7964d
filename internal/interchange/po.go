package interchange

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// pluralForms are the PO Plural-Forms headers of the languages mosty
// translates into (CLDR/gettext).
var pluralForms = map[string]string{
	"ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	"pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	"en": "nplurals=2; plural=(n != 1);",
}

// WritePO writes docs as one gettext PO file for lang: msgctxt is
// "slug/id", the header's X-Mosty-Export names the export, #. comments
// say the article, the kind of unit, the glossary terms, the memory's
// matches and the translator's comments and keys; fuzzy units carry
// "#, fuzzy" and "#| msgid" with the previous source.
func WritePO(w io.Writer, docs []Doc, lang string) error {
	return writeAll(NewPOWriter(w, lang), docs)
}

// NewPOWriter writes what WritePO writes, a document at a time; the
// header's export id is the first document's.
func NewPOWriter(w io.Writer, lang string) DocWriter {
	start := func(b *bufio.Writer, first *Doc) {
		pf := pluralForms[lang]
		if pf == "" {
			pf = pluralForms["en"]
		}
		fmt.Fprintf(b, "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: mosty\\n\"\n\"Language: %s\\n\"\n\"Language-Team: %s\\n\"\n\"MIME-Version: 1.0\\n\"\n"+
			"\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n\"Plural-Forms: %s\\n\"\n", lang, lang, pf)
		if first != nil && first.ExportID != "" {
			fmt.Fprintf(b, "\"X-Mosty-Export: %s\\n\"\n", first.ExportID)
		}
	}
	return newDocWriter(w, start, writePODoc, "")
}

// writePODoc writes a document's units as entries.
func writePODoc(b *bufio.Writer, d Doc) {
	for _, u := range d.Units {
		b.WriteString("\n")
		writePOComments(b, d, u)
		if u.Status == catalog.Fuzzy {
			b.WriteString("#, fuzzy\n")
			if u.PreviousSource != "" {
				writePOString(b, "#| msgid ", u.PreviousSource)
			}
		}
		writePOString(b, "msgctxt ", d.Slug+"/"+u.ID)
		writePOString(b, "msgid ", u.Source)
		writePOString(b, "msgstr ", u.Translation)
	}
}

// writePOComments writes a unit's extracted comments: what gettext tools
// show translators and keep through msgmerge.
func writePOComments(b *bufio.Writer, d Doc, u catalog.Unit) {
	fmt.Fprintf(b, "#. %s: %s\n#. %s\n#. mosty-base: %s\n", d.Slug, oneLine(d.Title), u.Kind, BaseOf(u.Translation))
	ctx := d.Context[u.ID]
	for _, t := range ctx.Terms {
		fmt.Fprintf(b, "#. term: %s\n", oneLine(termLine(t)))
	}
	for _, n := range ctx.Names {
		fmt.Fprintf(b, "#. name: %s\n", oneLine(n))
	}
	for _, m := range ctx.Matches {
		fmt.Fprintf(b, "#. tm %d%% (%s): %s\n", m.Similarity, m.Origin, oneLine(m.Translation))
	}
	for _, n := range ctx.Notes {
		fmt.Fprintf(b, "#. note: %s\n", oneLine(n))
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// writePOString writes a keyword and a C-escaped string; text with line
// breaks is split after each "\n", as gettext does.
func writePOString(b *bufio.Writer, keyword, s string) {
	prefix := ""
	if strings.HasPrefix(keyword, "#|") {
		prefix = "#| "
	}
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n") && strings.Count(s, "\n") == 1 {
		fmt.Fprintf(b, "%s%s\n", keyword, poQuote(s))
		return
	}
	fmt.Fprintf(b, "%s\"\"\n", keyword)
	for _, part := range strings.SplitAfter(s, "\n") {
		if part != "" {
			fmt.Fprintf(b, "%s%s\n", prefix, poQuote(part))
		}
	}
}

func poQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}

// poEntry is the PO entry being read.
type poEntry struct {
	ctxt, id, str, base string
	fuzzy, seen         bool
	field               *string
}

// ReadPO reads translations back from a PO file: msgctxt "slug/id" (an
// entry without msgctxt comes back with no slug and id, to be matched by
// its Polish), msgid and msgstr; "#, fuzzy" entries come back as fuzzy,
// empty ones as new. It returns the Language of the header too, and the
// export id (X-Mosty-Export) on every translation.
func ReadPO(r io.Reader) (string, []Translation, error) {
	var out []Translation
	var lines []int // where each entry's msgctxt is
	var lang, exportID string
	var cur poEntry
	entryLine := 0
	flush := func() {
		switch {
		case cur.ctxt == "" && cur.id == "" && cur.seen:
			lang, exportID = poHeader(cur.str)
		case cur.seen:
			lines = append(lines, entryLine)
			slug, id, _ := strings.Cut(cur.ctxt, "/")
			t := Translation{Slug: slug, ID: id, Source: cur.id, Translation: cur.str, Status: catalog.Translated, State: "translated", Base: cur.base}
			if cur.fuzzy {
				t.Status, t.State = catalog.Fuzzy, "fuzzy"
			}
			if cur.str == "" {
				t.Status, t.State = catalog.New, "empty msgstr"
			}
			out = append(out, t)
		}
		cur = poEntry{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if err := poLine(&cur, l, flush); err != nil {
			return "", nil, fmt.Errorf("line %d: %w", line, err)
		}
		if strings.HasPrefix(l, "msgctxt ") || strings.HasPrefix(l, "msgid ") && cur.ctxt == "" {
			entryLine = line
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return "", nil, err
	}
	for i := range out {
		out[i].ExportID, out[i].Lang = exportID, lang
		if err := checkSlug("the article msgctxt names", out[i].Slug); err != nil {
			return "", nil, fmt.Errorf("line %d: %w", lines[i], err)
		}
	}
	return lang, out, nil
}

// poLine reads one line into the entry, flushing the previous entry when
// the line starts a new one.
func poLine(cur *poEntry, l string, flush func()) error {
	endOfEntry := func() {
		if cur.field != nil && cur.field != &cur.ctxt {
			flush()
		}
	}
	keyword := func(field *string, rest string) error {
		cur.field, cur.seen = field, true
		return appendPO(field, rest)
	}
	switch {
	case l == "" || strings.HasPrefix(l, "#~"):
		return nil
	case strings.HasPrefix(l, "#,"):
		endOfEntry()
		cur.fuzzy = strings.Contains(l, "fuzzy")
	case strings.HasPrefix(l, "#. mosty-base:"):
		endOfEntry()
		cur.base = strings.TrimSpace(strings.TrimPrefix(l, "#. mosty-base:"))
	case strings.HasPrefix(l, "#"):
		if cur.field == &cur.str {
			flush()
		}
	case strings.HasPrefix(l, "msgctxt "):
		if cur.field != nil {
			flush()
		}
		return keyword(&cur.ctxt, l[len("msgctxt "):])
	case strings.HasPrefix(l, "msgid "):
		if cur.field == &cur.str {
			flush()
		}
		return keyword(&cur.id, l[len("msgid "):])
	case strings.HasPrefix(l, "msgstr "):
		return keyword(&cur.str, l[len("msgstr "):])
	case strings.HasPrefix(l, "msgid_plural ") || strings.HasPrefix(l, "msgstr["):
		return fmt.Errorf("plural forms (%q): mosty's segments have none; merge a PO exported by mosty", l[:min(len(l), 13)])
	case strings.HasPrefix(l, `"`):
		if cur.field == nil {
			return fmt.Errorf("a string outside any msgid or msgstr")
		}
		return appendPO(cur.field, l)
	default:
		return fmt.Errorf("%q is not PO", l)
	}
	return nil
}

// poHeader reads the header entry's Language and X-Mosty-Export.
func poHeader(s string) (lang, exportID string) {
	for _, h := range strings.Split(s, "\n") {
		if v, ok := strings.CutPrefix(h, "Language:"); ok {
			lang = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(h, "X-Mosty-Export:"); ok {
			exportID = strings.TrimSpace(v)
		}
	}
	return lang, exportID
}

func appendPO(dst *string, quoted string) error {
	s, err := strconv.Unquote(strings.TrimSpace(quoted))
	if err != nil {
		return fmt.Errorf("%s is not a PO string (text in double quotes, with \\\" for a quote)", strings.TrimSpace(quoted))
	}
	*dst += s
	return nil
}
