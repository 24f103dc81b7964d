package interchange

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
)

// An OmegaTProject is what an OmegaT 3.6 project folder made by mosty
// holds: the articles to translate, translations done, the workspace's
// memory and its glossary.
type OmegaTProject struct {
	SourceLang, Lang string
	Docs             []Doc  // source/<slug>.xlf; their translations go to omegat/project_save.tmx
	Memory           []Pair // tm/mosty.tmx
	Terms            []Term // glossary/glossary.txt
}

// A Pair is a source sentence and its translation, with placeholders.
type Pair struct {
	Source, Translation string
}

// Files returns the project's files by slash-separated path; a path
// ending in "/" is a folder to make (OmegaT refuses a project without its
// target/ folder).
//
// OmegaT's XLIFF filter translates the text it finds in <target>: with no
// target or an empty one it offers nothing, with a translation it offers
// the translation as the text to translate. So every target holds a copy
// of the source (and on the way back a target still equal to its source
// is no translation). Translated and reviewed segments go to the
// project's memory, omegat/project_save.tmx, so OmegaT shows them as
// current translations; fuzzy ones go to tm/mosty-previous.tmx from the
// Polish they were made from, so OmegaT offers them as matches with the
// difference marked. Sentence segmentation is off — mosty's segments are
// sentences already — and tags are kept.
func (p OmegaTProject) Files() (map[string][]byte, error) {
	files := map[string][]byte{"omegat.project": omegatProjectFile(p.SourceLang, p.Lang), "target/": nil, "dictionary/": nil}
	var save, previous []Pair
	for _, d := range p.Docs {
		if len(d.Units) == 0 {
			continue
		}
		var b bytes.Buffer
		if err := writeAll(newXLIFF12Writer(&b, p.SourceLang, p.Lang, true), []Doc{d}); err != nil {
			return nil, err
		}
		files["source/"+d.Slug+".xlf"] = b.Bytes()
		for _, u := range d.Units {
			switch {
			case u.Translation == "":
			case u.Status.Done():
				save = append(save, Pair{u.Source, u.Translation})
			case u.Status == catalog.Fuzzy:
				previous = append(previous, Pair{cmpOr(u.PreviousSource, u.Source), u.Translation})
			}
		}
	}
	files["omegat/project_save.tmx"] = omegatTMX(p.SourceLang, p.Lang, defaultsOnly(save))
	files["tm/mosty.tmx"] = omegatTMX(p.SourceLang, p.Lang, p.Memory)
	if len(previous) > 0 {
		files["tm/mosty-previous.tmx"] = omegatTMX(p.SourceLang, p.Lang, previous)
	}
	files["glossary/glossary.txt"] = omegatGlossary(p.Terms)
	return files, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// defaultsOnly keeps the pairs whose source has one translation in the
// project: OmegaT keeps one current translation per source text, so a
// sentence translated two ways is left out and stays untranslated there
// (and unchanged on the way back) rather than shown with the other
// translation.
func defaultsOnly(pairs []Pair) []Pair {
	tr := map[string]string{}
	clash := map[string]bool{}
	for _, p := range pairs {
		k := toOmegaT(p.Source, p.Source)
		if t, ok := tr[k]; ok && t != p.Translation {
			clash[k] = true
		}
		tr[k] = p.Translation
	}
	var out []Pair
	seen := map[string]bool{}
	for _, p := range pairs {
		k := toOmegaT(p.Source, p.Source)
		if !clash[k] && !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// omegatProjectFile is omegat.project: the default folders, the
// languages, sentence segmentation off, tags kept.
func omegatProjectFile(src, lang string) []byte {
	return fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes>
            <mask>**/.svn/**</mask>
            <mask>**/.git/**</mask>
        </source_dir_excludes>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>%s</source_lang>
        <target_lang>%s</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
`, esc(src), esc(lang))
}

// omegatTMX writes pairs as TMX with the tags as OmegaT shows them in
// the segments' text (<g0>…</g0>, <x1/>), as OmegaT's own project memory
// has them, so that tagged segments match exactly.
func omegatTMX(src, lang string, pairs []Pair) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&b, `  <header creationtool="mosty" creationtoolversion="1" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="%s" datatype="plaintext"/>`+"\n", esc(src))
	b.WriteString("  <body>\n")
	for _, p := range pairs {
		fmt.Fprintf(&b, "    <tu>\n      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n    </tu>\n",
			esc(src), esc(toOmegaT(p.Source, p.Source)), esc(lang), esc(toOmegaT(p.Translation, p.Source)))
	}
	b.WriteString("  </body>\n</tmx>\n")
	return b.Bytes()
}

// omegatGlossary is a glossary as OmegaT reads it: UTF-8, one term a
// line, source, target and comment separated by tabs.
func omegatGlossary(terms []Term) []byte {
	var b bytes.Buffer
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, t := range terms {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", clean.Replace(t.Source), clean.Replace(t.Target), clean.Replace(t.Note))
	}
	return b.Bytes()
}

// omegatNumbers gives each placeholder number of source the index
// OmegaT shows it with: the order of first appearance, from 0.
func omegatNumbers(source string) map[int]int {
	idx := map[int]int{}
	for s := source; s != ""; {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		kind, id, n := article.ParsePlaceholder(s[i:])
		if n == 0 {
			s = s[i+1:]
			continue
		}
		if _, ok := idx[id]; !ok && kind != article.Close {
			idx[id] = len(idx)
		}
		s = s[i+n:]
	}
	return idx
}

// toOmegaT writes text's placeholders as OmegaT shows the XLIFF 1.2
// codes mosty writes: <g0>…</g0> for a pair, <x1/> for an empty one,
// numbered as in source.
func toOmegaT(text, source string) string {
	idx := omegatNumbers(source)
	return article.MapPlaceholders(text, func(kind article.PlaceholderKind, id int) string {
		n, ok := idx[id]
		if !ok {
			n = len(idx) + id // not in the source: a number of its own
		}
		switch kind {
		case article.Open:
			return fmt.Sprintf("<g%d>", n)
		case article.Close:
			return fmt.Sprintf("</g%d>", n)
		}
		return fmt.Sprintf("<x%d/>", n)
	})
}

// fromOmegaT turns OmegaT's tags in text back into the placeholders of
// source; a tag source does not have is left as it is (the placeholder
// check then reports it).
func fromOmegaT(text, source string) string {
	byIndex := map[int]int{}
	for id, n := range omegatNumbers(source) {
		byIndex[n] = id
	}
	return rewriteShortcuts(text, func(n int, closing, empty bool) string {
		id, ok := byIndex[n-1]
		switch {
		case !ok:
			return ""
		case closing:
			return fmt.Sprintf("</%d>", id)
		case empty:
			return fmt.Sprintf("<%d/>", id)
		}
		return fmt.Sprintf("<%d>", id)
	})
}

// rewriteShortcuts rewrites each of OmegaT's tags in text (<g0>, </g0>,
// <x1/>) as f returns it from its number (index + 1); "" keeps the tag.
func rewriteShortcuts(text string, f func(n int, closing, empty bool) string) string {
	return article.RewriteTags(text, func(s string) (string, int) {
		j := strings.IndexByte(s, '>')
		if j < 0 {
			return "", 0
		}
		m := shortcut.FindStringSubmatch(s[:j+1])
		if m == nil || m[2] == "" {
			return "", 0
		}
		_, n, _ := shortcutNumber(s[:j+1])
		repl := f(n, m[1] == "/", m[4] == "/")
		if repl == "" {
			return "", 0
		}
		return repl, j + 1
	})
}
