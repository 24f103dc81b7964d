// Package qa checks translations before they are published: placeholders,
// markup typed instead of them, emptiness, numbers and dates, e-mails and
// URLs, glossary terms, names, white space and final punctuation, line
// breaks, brackets and quotes, the script of the words, and statuses that
// contradict the text. Each check has a
// name, so a workspace can make its warnings errors. It reads no files.
package qa

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/glossary"
	"github.com/mosty-dev/mosty/internal/names"
)

// Severity grades a finding.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// A Finding is one problem of one segment.
type Finding struct {
	File     string   `json:"file"`
	Segment  string   `json:"segment"`
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: segment %s: %s (%s)", f.Severity, f.File, f.Segment, f.Message, f.Check)
}

// The checks, by name.
const (
	CheckPlaceholders = "placeholders"
	CheckMarkup       = "markup"
	CheckEmpty        = "empty"
	CheckUntranslated = "untranslated"
	CheckSame         = "same-as-source"
	CheckNumbers      = "numbers"
	CheckLinks        = "emails-urls"
	CheckGlossary     = "glossary"
	CheckNames        = "names"
	CheckForbidden    = "forbidden-term"
	CheckSpaces       = "whitespace"
	CheckPunctuation  = "punctuation"
	CheckDoubleSpace  = "double-space"
	CheckBrackets     = "brackets"
	CheckScript       = "script"
	CheckStatus       = "status"
	CheckNewlines     = "newlines"
)

// Checker checks the units of translators' files. It is not safe for
// concurrent use.
type Checker struct {
	Glossary *glossary.Glossary
	// Errors are checks whose warnings count as errors.
	Errors []string
	finder names.Finder // the names check's, reading each word once
}

// Stale checks a unit against the Polish its article has now, polish
// (ok false when the Polish file has no segment with the unit's id): a
// unit marked done whose source is other Polish — its file is older than
// the Polish file, after a lost write or an old copy put back — is an
// error until a sync marks it fuzzy.
func (c *Checker) Stale(file string, u catalog.Unit, polish string, ok bool) []Finding {
	if !ok || u.Obsolete || !u.Status.Done() {
		return nil
	}
	if _, what := u.Against(polish); what == catalog.Current {
		return nil
	}
	return []Finding{{File: file, Segment: u.ID, Check: CheckStatus, Severity: Error,
		Message: fmt.Sprintf("marked %s but translated from other Polish than the article has now: run mosty sync, which marks it fuzzy", u.Status)}}
}

// Unit checks one unit of file (a path for messages) in lang.
func (c *Checker) Unit(file, lang string, u catalog.Unit) []Finding {
	var out []Finding
	add := func(check string, sev Severity, format string, args ...any) {
		if sev == Warning && slices.Contains(c.Errors, check) {
			sev = Error
		}
		out = append(out, Finding{File: file, Segment: u.ID, Check: check, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	conflict(u, add)
	src, tr := u.Source, u.Translation
	if u.Obsolete {
		if u.Status.Done() {
			add(CheckStatus, Warning, "obsolete but marked %s: it is not published; remove it with sync --prune when done", u.Status)
		}
		return out
	}
	if tr == "" {
		if u.Status.Done() {
			add(CheckEmpty, Error, "marked %s but the translation is empty", u.Status)
		} else {
			add(CheckUntranslated, Warning, "not translated yet")
		}
		return out
	}
	if u.Status.Done() && u.PreviousSource != "" {
		add(CheckStatus, Warning, "marked %s but previous_source is still there: check the change, then remove previous_source", u.Status)
	}
	if err := article.CheckPlaceholders(src, tr); err != nil {
		add(CheckPlaceholders, Error, "placeholders: %v", err)
	}
	if m := markup(src, tr); len(m) > 0 {
		add(CheckMarkup, Error, "%s is markup, not a placeholder: it shows on the page as typed; use the Polish's placeholders (<1>…</1>) or plain text", strings.Join(m, ", "))
	}
	ps, pt := article.Plain(src), article.Plain(tr)
	if ps == pt && len(strings.Fields(ps)) > 1 {
		add(CheckSame, Warning, "the translation is the same as the Polish")
	}
	if a, b := numbers(ps), numbers(pt); !slices.Equal(a, b) {
		add(CheckNumbers, Warning, "numbers differ: Polish has %v, the translation %v", a, b)
	}
	if a, b := links(ps), links(pt); !slices.Equal(a, b) {
		add(CheckLinks, Warning, "e-mails or URLs differ: Polish has %v, the translation %v", a, b)
	}
	c.glossary(ps, pt, lang, add)
	c.names(ps, pt, lang, add)
	if lead(src) != lead(tr) || trail(src) != trail(tr) {
		add(CheckSpaces, Warning, "white space at the start or end differs from the Polish")
	}
	if a, b := finalPunct(ps), finalPunct(pt); a != b {
		add(CheckPunctuation, Warning, "ends with %q where the Polish ends with %q", b, a)
	}
	if strings.Contains(pt, "  ") {
		add(CheckDoubleSpace, Warning, "double space")
	}
	if a, b := strings.Count(src, "\n"), strings.Count(tr, "\n"); a != b {
		add(CheckNewlines, Warning, "%d line breaks where the Polish has %d: keep the Polish's line breaks, no more", b, a)
	}
	if msg := unbalanced(pt); msg != "" {
		add(CheckBrackets, Warning, "%s", msg)
	}
	if msg := wrongScript(ps, pt, lang); msg != "" {
		add(CheckScript, Warning, "%s", msg)
	}
	return out
}

// HasErrors reports whether findings hold an error.
func HasErrors(findings []Finding) bool {
	return slices.ContainsFunc(findings, func(f Finding) bool { return f.Severity == Error })
}

func (c *Checker) glossary(src, tr, lang string, add func(string, Severity, string, ...any)) {
	words := glossary.Words(tr)
	for _, t := range c.Glossary.Find(src) {
		want := t.Forms[lang]
		if want != "" && !glossary.Contains(words, want) {
			add(CheckGlossary, Warning, "%q should be rendered as %q", t.Forms[c.Glossary.SourceLang], want)
		}
		for _, bad := range t.Forbidden[lang] {
			if glossary.Contains(words, bad) {
				add(CheckForbidden, Error, "%q is a rendering the glossary forbids for %q", bad, t.Forms[c.Glossary.SourceLang])
			}
		}
	}
}

// names checks that each name of the Polish stands in a Russian
// translation in its Russian form, in any case form. A name the glossary
// has is left to the glossary check.
func (c *Checker) names(src, tr, lang string, add func(string, Severity, string, ...any)) {
	if lang != "ru" {
		return
	}
	words := names.RussianWords(tr)
	seen := map[string]bool{}
	for _, n := range c.finder.Find(src) {
		if _, ok := names.GlossaryForm(c.Glossary, src, n, lang); ok || seen[n.Nominative] {
			continue
		}
		seen[n.Nominative] = true
		if !n.InRussian(words) {
			add(CheckNames, Warning, "%q should be rendered as %q (in any case form)", n.Text, n.Russian)
		}
	}
}

var (
	// markupRe finds HTML a translator typed: tags, comments and
	// entities. mosty's placeholders (<1>, </1>, <2/>) are digits, and
	// are not found.
	markupRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);`)
	numberRe = regexp.MustCompile(`\d+(?:[.,:]\d+)*`)
	linkRe   = regexp.MustCompile(`(?i)\b(?:https?://[^\s<>"»”]+|www\.[^\s<>"»”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)`)
)

// markup lists the HTML tags and entities in a translation that its
// Polish does not have as text too, quoted.
func markup(src, tr string) []string {
	var out []string
	for _, m := range markupRe.FindAllString(tr, -1) {
		if q := strconv.Quote(m); !strings.Contains(src, m) && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// numbers are the numbers of a text in order, with decimal commas and
// points alike ("1,2" and "1.2" are one number).
func numbers(s string) []string {
	var out []string
	for _, n := range numberRe.FindAllString(s, -1) {
		out = append(out, strings.ReplaceAll(n, ",", "."))
	}
	slices.Sort(out)
	return out
}

func links(s string) []string {
	out := linkRe.FindAllString(s, -1)
	for i := range out {
		out[i] = strings.TrimRight(out[i], ".,;:)")
	}
	slices.Sort(out)
	return out
}

func lead(s string) string  { return s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))] }
func trail(s string) string { return s[len(strings.TrimRightFunc(s, unicode.IsSpace)):] }

// finalPunct is the sentence-final punctuation of a text, with an
// ellipsis written either way counted as one.
func finalPunct(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), `"'”»“)]`)
	s = strings.ReplaceAll(s, "...", "…")
	for _, p := range []string{"?!", "!?", "…", ".", "!", "?", ":", ";"} {
		if strings.HasSuffix(s, p) {
			return p
		}
	}
	return ""
}

// unbalanced names the first bracket or quote that is not closed.
func unbalanced(s string) string {
	pairs := []struct{ open, close string }{{"(", ")"}, {"[", "]"}, {"„", "”"}, {"«", "»"}, {"“", "”"}}
	for _, p := range pairs {
		if p.open == "“" && strings.Contains(s, "„") {
			continue // Polish „…” shares its closing quote with English “…”
		}
		if o, c := strings.Count(s, p.open), strings.Count(s, p.close); o != c && !(p.close == "”" && o == 0 && strings.Count(s, "“") == c) {
			return fmt.Sprintf("unbalanced %s %s: %d opening, %d closing", p.open, p.close, o, c)
		}
	}
	if strings.Count(s, `"`)%2 == 1 {
		return `an odd number of " quotes`
	}
	return ""
}

// wrongScript finds Latin words in Russian and Cyrillic words in English,
// other than names and brands: words that stand in the Polish too, or
// start with a capital or are all capitals.
func wrongScript(src, tr, lang string) string {
	srcWords := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(src)) {
		srcWords[strings.Trim(w, `.,;:!?()[]"„”«»`)] = true
	}
	for _, w := range strings.Fields(tr) {
		w = strings.Trim(w, `.,;:!?()[]"„”«»“`)
		if w == "" || srcWords[strings.ToLower(w)] || unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		switch {
		case lang == "ru" && isScript(w, unicode.Latin):
			return fmt.Sprintf("Latin word %q in Russian", w)
		case lang == "en" && isScript(w, unicode.Cyrillic):
			return fmt.Sprintf("Cyrillic word %q in English", w)
		}
	}
	return ""
}

func isScript(w string, script *unicode.RangeTable) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.Is(script, r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}
