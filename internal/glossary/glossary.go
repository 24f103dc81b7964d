// Package glossary reads glossary.toml — Polish terms with their approved
// (and forbidden) Russian and English renderings — and finds terms in
// text in any inflected form: "Wschodni Klaster Budowlany" is found in
// "Wschodniego Klastra Budowlanego" and "Восточный строительный кластер"
// in "Восточного строительного кластера". It reads one file and nothing
// else.
package glossary

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode"

	"github.com/mosty-dev/mosty/internal/safefile"
	toml "github.com/pelletier/go-toml/v2"
)

// A Term is one entry of the glossary.
type Term struct {
	Forms     map[string]string   // language → approved form; the source language's is the term itself
	Forbidden map[string][]string // language → renderings not to use
	Note      string
}

// A Glossary is the workspace's terms.
type Glossary struct {
	SourceLang string
	Terms      []Term
	// Sum is the SHA-256 of the bytes the terms were read from (of none
	// when there was no file): what depends on the glossary is keyed by
	// the very bytes read, not by a second read of the file.
	Sum [sha256.Size]byte
}

type fileShape struct {
	Term []map[string]any `toml:"term"`
}

// maxFile is the largest glossary.toml read: a glossary of a million
// terms is far smaller.
const maxFile = 64 << 20

// Load reads path; a missing file is an empty glossary.
func Load(path, sourceLang string) (*Glossary, error) {
	g := &Glossary{SourceLang: sourceLang, Sum: sha256.Sum256(nil)}
	data, err := safefile.Read(path, maxFile)
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return nil, err
	}
	g.Sum = sha256.Sum256(data)
	var shape fileShape
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&shape); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: %s", path, row, col, strings.TrimPrefix(de.Error(), "toml: "))
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, m := range shape.Term {
		t := Term{Forms: map[string]string{}, Forbidden: map[string][]string{}}
		for k, v := range m {
			switch {
			case k == "note":
				t.Note, _ = v.(string)
			case k == "forbidden":
				fm, ok := v.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("%s: term %d: forbidden must be a table such as { ru = [\"…\"] }", path, i+1)
				}
				for lang, list := range fm {
					items, _ := list.([]any)
					for _, it := range items {
						if s, ok := it.(string); ok {
							t.Forbidden[lang] = append(t.Forbidden[lang], s)
						}
					}
				}
			default:
				s, ok := v.(string)
				if !ok {
					return nil, fmt.Errorf("%s: term %d: %s must be text", path, i+1, k)
				}
				t.Forms[k] = s
			}
		}
		if t.Forms[sourceLang] == "" {
			return nil, fmt.Errorf("%s: term %d has no %s form", path, i+1, sourceLang)
		}
		g.Terms = append(g.Terms, t)
	}
	return g, nil
}

// Find returns the terms whose source-language form occurs in text.
func (g *Glossary) Find(text string) []Term {
	if g == nil {
		return nil
	}
	words := wordsOf(text)
	var out []Term
	for _, t := range g.Terms {
		if Contains(words, t.Forms[g.SourceLang]) {
			out = append(out, t)
		}
	}
	return out
}

// Contains reports whether words (of a text, see Words) hold phrase in
// any inflected form: its words in order, next to each other, each text
// word starting with the stem of the phrase's word — the word without its
// last two letters, for words of five letters or more; shorter words must
// match whole. Case does not matter.
func Contains(words []string, phrase string) bool {
	p := wordsOf(phrase)
	if len(p) == 0 {
		return false
	}
	for i := 0; i+len(p) <= len(words); i++ {
		ok := true
		for k, pw := range p {
			if !matches(words[i+k], pw) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Words splits text into lower-case words for Contains.
func Words(text string) []string { return wordsOf(text) }

func matches(word, termWord string) bool {
	r := []rune(termWord)
	if len(r) < 5 {
		return word == termWord
	}
	return strings.HasPrefix(word, string(r[:len(r)-2]))
}

func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}
