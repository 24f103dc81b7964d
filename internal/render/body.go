// Package render writes the HTML of localised pages: an article's blocks
// put back into their structure (lists, tables, images) with a chosen text
// for every segment, inline placeholders turned back into the source's
// markup, and the page templates around it.
//
// Everything a translator typed is escaped; only the placeholders of the
// source become markup, and only with attributes from an allowlist. The
// package decides nothing about publishing: callers say which text each
// segment shows.
package render

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

// A Text is what one segment shows.
type Text struct {
	Text     string // placeholder text
	Fallback bool   // the Polish, shown because there is no publishable translation
}

// Source gives the text of segment seg of block b, and of attribute block
// b as a whole (seg 0).
type Source func(b, seg int) Text

// Body renders the article's body blocks (not the title or the meta
// description) to HTML. fallbackLang is the lang attribute put on text
// shown in the source language, fallbackNote its tooltip.
//
// base, when not nil, is the address of the original page: relative links
// and images are made absolute against it, so they still work on another
// site.
func Body(a *article.Article, text Source, fallbackLang, fallbackNote string, base *url.URL) (template.HTML, error) {
	r := &bodyWriter{a: a, text: text, fbLang: fallbackLang, fbNote: fallbackNote, base: base}
	for i, b := range a.Blocks {
		switch {
		case b.Kind == article.KindTitle || b.Kind == article.KindDescription:
			continue
		case b.Kind.IsAttribute() && b.Owner >= 0:
			continue // rendered into its owner's element
		}
		r.enterGroup(b.Group)
		if err := r.block(i, b); err != nil {
			return "", err
		}
	}
	r.enterGroup("")
	return template.HTML(r.out.String()), nil
}

type bodyWriter struct {
	a      *article.Article
	text   Source
	fbLang string
	fbNote string
	base   *url.URL
	out    strings.Builder
	open   []string // containers open: "ul:1", "table:2", "tr:3"
}

// enterGroup closes and opens lists, tables and rows so that the next
// block sits in group.
func (r *bodyWriter) enterGroup(group string) {
	var want []string
	if group != "" {
		want = strings.Split(group, "/")
	}
	common := 0
	for common < len(r.open) && common < len(want) && r.open[common] == want[common] {
		common++
	}
	for len(r.open) > common {
		name, _, _ := strings.Cut(r.open[len(r.open)-1], ":")
		if name == "table" {
			r.out.WriteString("</tbody>")
		}
		r.out.WriteString("</" + name + ">\n")
		r.open = r.open[:len(r.open)-1]
	}
	for _, g := range want[common:] {
		name, _, _ := strings.Cut(g, ":")
		r.out.WriteString("<" + name + ">")
		if name == "table" {
			r.out.WriteString("<tbody>")
		}
		r.open = append(r.open, g)
	}
}

// blockElements maps a block's source element to the one written; others
// become paragraphs.
var blockElements = map[string]string{
	"p": "p", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "li": "li",
	"td": "td", "th": "th", "dt": "dt", "dd": "dd", "blockquote": "blockquote", "figcaption": "p", "caption": "p", "pre": "pre",
}

func (r *bodyWriter) block(i int, b article.Block) error {
	if b.Kind.IsAttribute() {
		return r.standaloneAttr(i, b)
	}
	el := blockElements[b.Element]
	if el == "" {
		el = "p"
	}
	if b.Kind == article.KindCaption {
		r.out.WriteString(`<p class="caption">`)
	} else {
		r.out.WriteString("<" + el + ">")
	}
	if b.Wrap != nil {
		r.out.WriteString(r.openTag(*b.Wrap, nil))
	}
	for k := range b.Segments {
		if k > 0 {
			sep := b.Text[b.Segments[k-1].End:b.Segments[k].Start]
			if strings.Contains(sep, "\n") {
				r.out.WriteString("<br>\n")
			} else {
				r.out.WriteByte(' ')
			}
		}
		t := r.text(i, k)
		if err := r.segment(i, b, k, t); err != nil {
			return fmt.Errorf("block %d, segment %d: %w", i+1, k+1, err)
		}
	}
	if b.Wrap != nil {
		r.out.WriteString("</" + elementName(*b.Wrap) + ">")
	}
	if b.Kind == article.KindCaption {
		r.out.WriteString("</p>\n")
	} else {
		r.out.WriteString("</" + el + ">\n")
	}
	return nil
}

// segment writes segment k's text, its placeholders as the source's
// markup, everything else escaped.
func (r *bodyWriter) segment(i int, b article.Block, k int, t Text) error {
	if err := article.CheckPlaceholders(b.Segments[k].Text, t.Text); err != nil && !t.Fallback {
		return err
	}
	if t.Fallback {
		fmt.Fprintf(&r.out, `<span class="fallback" lang="%s" title="%s">`, r.fbLang, html.EscapeString(r.fbNote))
	}
	s := t.Text
	var open []string
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		if lt > 0 {
			r.text1(s[:lt])
			s = s[lt:]
			continue
		}
		kind, id, n := article.ParsePlaceholder(s)
		if n == 0 {
			r.text1(s[:1])
			s = s[1:]
			continue
		}
		s = s[n:]
		id = b.Segments[k].BlockTag(id)
		if id < 1 || id > len(b.Tags) {
			continue // only for the source shown as a fallback: checked otherwise
		}
		switch kind {
		case article.Open:
			tag := b.Tags[id-1]
			tag.Empty = false // a pair, whatever the source said
			r.out.WriteString(r.openTag(tag, r.attrsFor(i, id)))
			open = append(open, elementName(tag))
		case article.Close:
			if len(open) > 0 {
				r.out.WriteString("</" + open[len(open)-1] + ">")
				open = open[:len(open)-1]
			}
		case article.Empty:
			r.out.WriteString(r.openTag(b.Tags[id-1], r.attrsFor(i, id)))
		}
	}
	for len(open) > 0 {
		r.out.WriteString("</" + open[len(open)-1] + ">")
		open = open[:len(open)-1]
	}
	if t.Fallback {
		r.out.WriteString("</span>")
	}
	return nil
}

// text1 writes translator or source text, escaped; a line break is <br>.
func (r *bodyWriter) text1(s string) {
	r.out.WriteString(strings.ReplaceAll(html.EscapeString(s), "\n", "<br>\n"))
}

// attrsFor returns the translated attributes (alt, title) of the element
// behind placeholder id of block i.
func (r *bodyWriter) attrsFor(i, id int) map[string]string {
	var m map[string]string
	for j, b := range r.a.Blocks {
		if b.Owner != i || b.OwnerTag != id {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		m[attrName(b.Kind)] = article.Plain(r.text(j, 0).Text)
	}
	return m
}

func attrName(k article.Kind) string {
	if k == article.KindAlt {
		return "alt"
	}
	return "title"
}

// standaloneAttr writes an element that stood alone with its translatable
// attribute: an image in a paragraph of its own.
func (r *bodyWriter) standaloneAttr(i int, b article.Block) error {
	if b.Wrap == nil {
		return nil
	}
	attrs := map[string]string{attrName(b.Kind): article.Plain(r.text(i, 0).Text)}
	r.out.WriteString("<p>" + r.openTag(*b.Wrap, attrs))
	if !b.Wrap.Empty {
		r.out.WriteString("</" + elementName(*b.Wrap) + ">")
	}
	r.out.WriteString("</p>\n")
	return nil
}

// allowedAttrs are the attributes a rebuilt element keeps; event handlers,
// styles and the like are dropped.
var allowedAttrs = map[string]bool{
	"href": true, "src": true, "alt": true, "title": true, "width": true, "height": true, "lang": true,
	"dir": true, "rel": true, "colspan": true, "rowspan": true, "datetime": true, "cite": true, "srcset": true,
}

// urlAttrs are the allowed attributes that hold addresses.
var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true}

// inlineElements are the elements a placeholder may stand for in a page:
// text-level markup and images. Others (a <base>, an <iframe>, an
// <svg>, a form control) become a <span>, or nothing when empty.
var inlineElements = map[string]bool{
	"a": true, "abbr": true, "acronym": true, "b": true, "bdi": true, "bdo": true, "big": true, "br": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true, "em": true, "font": true, "i": true,
	"img": true, "ins": true, "kbd": true, "mark": true, "q": true, "s": true, "samp": true, "small": true,
	"span": true, "strike": true, "strong": true, "sub": true, "sup": true, "time": true, "tt": true,
	"u": true, "var": true, "wbr": true,
}

// elementName is the element written for a source element.
func elementName(t article.Tag) string {
	if inlineElements[t.Name] {
		return t.Name
	}
	if t.Empty {
		return ""
	}
	return "span"
}

// openTag writes an element's start tag from the source, with translated
// attribute values in place of the source's; addresses are checked as a
// browser reads them (SafeURL) and made absolute against the original
// page.
func (r *bodyWriter) openTag(t article.Tag, translated map[string]string) string {
	name := elementName(t)
	if name == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("<" + name)
	for _, a := range t.Attrs {
		if !allowedAttrs[a.Key] || name != t.Name && (urlAttrs[a.Key] || a.Key == "srcset") {
			continue
		}
		v := a.Val
		if tv, ok := translated[a.Key]; ok {
			v = tv
		}
		ok := true
		switch {
		case urlAttrs[a.Key]:
			v, ok = linkURL(a.Key, v, r.base)
		case a.Key == "srcset":
			v, ok = srcsetURLs(v, r.base)
		}
		if ok {
			fmt.Fprintf(&b, ` %s="%s"`, a.Key, html.EscapeString(v))
		}
	}
	b.WriteString(">")
	return b.String()
}

// Segment renders segment seg of block b on its own, for parallel pages;
// text gives the attributes of elements inside it.
func Segment(a *article.Article, b, seg int, t Text, text Source, base *url.URL) (template.HTML, error) {
	r := &bodyWriter{a: a, text: text, base: base}
	if a.Blocks[b].Kind.IsAttribute() {
		r.text1(article.Plain(t.Text))
		return template.HTML(r.out.String()), nil
	}
	if err := r.segment(b, a.Blocks[b], seg, Text{Text: t.Text}); err != nil {
		return "", err
	}
	return template.HTML(r.out.String()), nil
}
