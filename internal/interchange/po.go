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
// "slug/id", #. comments say the article and the kind of unit, fuzzy
// units carry "#, fuzzy" and "#| msgid" with the previous source.
func WritePO(w io.Writer, docs []Doc, lang string) error {
	b := bufio.NewWriter(w)
	pf := pluralForms[lang]
	if pf == "" {
		pf = pluralForms["en"]
	}
	fmt.Fprintf(b, "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: mosty\\n\"\n\"Language: %s\\n\"\n\"Language-Team: %s\\n\"\n\"MIME-Version: 1.0\\n\"\n"+
		"\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n\"Plural-Forms: %s\\n\"\n", lang, lang, pf)
	for _, d := range docs {
		for _, u := range d.Units {
			b.WriteString("\n")
			fmt.Fprintf(b, "#. %s: %s\n#. %s\n#. mosty-base: %s\n", d.Slug, oneLine(d.Title), u.Kind, BaseOf(u.Translation))
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
	return b.Flush()
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

// ReadPO reads translations back from a PO file: msgctxt "slug/id",
// msgid and msgstr; "#, fuzzy" entries come back as fuzzy. Every
// translation has the Language of the header, which it returns too.
// Article names that could not be slugs are refused, naming the line.
func ReadPO(r io.Reader) (string, []Translation, error) {
	var out []Translation
	var lines []int // where each entry's msgctxt is
	var lang string
	var cur struct {
		ctxt, id, str, base string
		fuzzy               bool
		field               *string
		line                int
	}
	flush := func() {
		if cur.ctxt != "" {
			slug, id, _ := strings.Cut(cur.ctxt, "/")
			st := catalog.Translated
			if cur.fuzzy {
				st = catalog.Fuzzy
			}
			if cur.str == "" {
				st = catalog.New
			}
			out = append(out, Translation{Slug: slug, ID: id, Source: cur.id, Translation: cur.str, Status: st, Base: cur.base})
			lines = append(lines, cur.line)
		} else if cur.id == "" {
			for _, h := range strings.Split(cur.str, "\n") {
				if v, ok := strings.CutPrefix(h, "Language:"); ok {
					lang = strings.TrimSpace(v)
				}
			}
		}
		cur.ctxt, cur.id, cur.str, cur.base, cur.fuzzy, cur.field = "", "", "", "", false, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "#,"):
			if cur.field != nil && cur.field != &cur.ctxt {
				flush()
			}
			cur.fuzzy = strings.Contains(l, "fuzzy")
		case strings.HasPrefix(l, "#. mosty-base:"):
			if cur.field != nil && cur.field != &cur.ctxt {
				flush()
			}
			cur.base = strings.TrimSpace(strings.TrimPrefix(l, "#. mosty-base:"))
		case strings.HasPrefix(l, "#"):
			if cur.field == &cur.str {
				flush()
			}
		case strings.HasPrefix(l, "msgctxt "):
			if cur.field != nil {
				flush()
			}
			cur.field, cur.line = &cur.ctxt, line
			if err := appendPO(cur.field, l[len("msgctxt "):]); err != nil {
				return "", nil, fmt.Errorf("line %d: %w", line, err)
			}
		case strings.HasPrefix(l, "msgid "):
			if cur.field == &cur.str {
				flush()
			}
			cur.field = &cur.id
			if err := appendPO(cur.field, l[len("msgid "):]); err != nil {
				return "", nil, fmt.Errorf("line %d: %w", line, err)
			}
		case strings.HasPrefix(l, "msgstr "):
			cur.field = &cur.str
			if err := appendPO(cur.field, l[len("msgstr "):]); err != nil {
				return "", nil, fmt.Errorf("line %d: %w", line, err)
			}
		case strings.HasPrefix(l, `"`):
			if cur.field == nil {
				return "", nil, fmt.Errorf("line %d: a string outside any msgid or msgstr", line)
			}
			if err := appendPO(cur.field, l); err != nil {
				return "", nil, fmt.Errorf("line %d: %w", line, err)
			}
		default:
			return "", nil, fmt.Errorf("line %d: %q is not PO", line, l)
		}
	}
	flush()
	for i := range out {
		out[i].Lang = lang
		if err := checkSlug(lines[i], "the article msgctxt names", out[i].Slug); err != nil {
			return "", nil, err
		}
	}
	return lang, out, sc.Err()
}

func appendPO(dst *string, quoted string) error {
	s, err := strconv.Unquote(strings.TrimSpace(quoted))
	if err != nil {
		return fmt.Errorf("bad string %s", quoted)
	}
	*dst += s
	return nil
}
