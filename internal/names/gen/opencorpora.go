package main

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// The OpenCorpora dictionary as the npm package az (Az.js) ships it,
// compiled by pymorphy2: words.dawg holds every word form with its
// paradigm and form number, paradigms.array each paradigm's suffixes,
// tags and prefixes, gramtab-opencorpora-int.json the tags, and
// suffixes.json the suffixes. Words are lower case, in Windows-1251.

// A dawg is a dawgdic dictionary with its guide: units of a double
// array, and for each unit the labels of its first child and next
// sibling.
type dawg struct {
	units []uint32
	guide []byte
}

func readDAWG(path string) (*dawg, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 8 {
		return nil, fmt.Errorf("%s: too short for a DAWG", path)
	}
	n := int(binary.LittleEndian.Uint32(b))
	if 4+4*n+4 > len(b) {
		return nil, fmt.Errorf("%s: %d units do not fit", path, n)
	}
	d := &dawg{units: make([]uint32, n)}
	for i := range d.units {
		d.units[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	g := int(binary.LittleEndian.Uint32(b[4+4*n:]))
	rest := b[8+4*n:]
	if 2*g > len(rest) {
		return nil, fmt.Errorf("%s: a guide of %d units does not fit", path, g)
	}
	d.guide = rest[:2*g]
	return d, nil
}

const (
	hasLeafBit   = 1 << 8
	extensionBit = 1 << 9
	isLeafBit    = 1 << 31
)

func (d *dawg) offset(i uint32) uint32 {
	u := d.units[i]
	return (u >> 10) << ((u & extensionBit) >> 6)
}

// follow is the child of unit i by label c, if any.
func (d *dawg) follow(c byte, i uint32) (uint32, bool) {
	next := i ^ d.offset(i) ^ uint32(c)
	if int(next) >= len(d.units) || d.units[next]&(isLeafBit|0xFF) != uint32(c) {
		return 0, false
	}
	return next, true
}

// each calls fn with every key of the dictionary, in order.
func (d *dawg) each(fn func(key []byte)) {
	var walk func(i uint32, key []byte)
	walk = func(i uint32, key []byte) {
		if d.units[i]&hasLeafBit != 0 {
			fn(key)
		}
		for c := d.guide[2*i]; c != 0; {
			child, ok := d.follow(c, i)
			if !ok {
				return
			}
			walk(child, append(key, c))
			c = d.guide[2*child+1]
		}
	}
	walk(0, nil)
}

// azDict is what the generator reads of Az's dictionary.
type azDict struct {
	words     *dawg
	paradigms [][]uint16
	tags      []string
	suffixes  []string
}

func readAz(dir string) (*azDict, error) {
	var az azDict
	var err error
	if az.words, err = readDAWG(filepath.Join(dir, "words.dawg")); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "gramtab-opencorpora-int.json"), &az.tags); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "suffixes.json"), &az.suffixes); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "paradigms.array"))
	if err != nil {
		return nil, err
	}
	list := make([]uint16, len(b)/2)
	for i := range list {
		list[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("paradigms.array: empty")
	}
	for pos, i := 1, 0; i < int(list[0]); i++ {
		if pos >= len(list) || pos+1+int(list[pos]) > len(list) {
			return nil, fmt.Errorf("paradigms.array: paradigm %d does not fit", i)
		}
		size := int(list[pos])
		az.paradigms = append(az.paradigms, list[pos+1:pos+1+size])
		pos += 1 + size
	}
	return &az, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// The classes of proper nouns the list keeps, by OpenCorpora's
// grammemes: surnames, given names, patronymics and places.
var properClasses = []struct{ grammeme, class string }{
	{"Surn", "s"}, {"Name", "g"}, {"Patr", "p"}, {"Geox", "t"},
}

// properNominatives are the nominatives of the dictionary's surnames,
// given names, patronymics and places, each with its classes: a man's
// and a woman's surname alike (Колесников, Колесникова), and the plural
// of a place that has only a plural (Ошмяны).
func (az *azDict) properNominatives() (map[string]string, error) {
	dec := charmap.Windows1251.NewDecoder()
	out := map[string]string{}
	var bad error
	az.words.each(func(key []byte) {
		sep := slices.Index(key, 1)
		if sep < 0 || len(key) < sep+5 || bad != nil {
			return
		}
		p := key[sep+1:]
		para := int(p[0]^1)<<6 + int(p[1]>>1)
		form := int(p[2]^1)<<6 + int(p[3]>>1)
		if para >= len(az.paradigms) {
			bad = fmt.Errorf("words.dawg: paradigm %d of %d", para, len(az.paradigms))
			return
		}
		forms := az.paradigms[para]
		n := len(forms) / 3
		if form >= n || int(forms[n+form]) >= len(az.tags) {
			bad = fmt.Errorf("words.dawg: form %d of paradigm %d", form, para)
			return
		}
		tag := az.tags[forms[n+form]]
		class := tagClass(tag)
		if class == "" {
			return
		}
		w, err := dec.Bytes(key[:sep])
		if err != nil {
			bad = err
			return
		}
		word := string(w)
		if !strings.Contains(out[word], class) {
			out[word] += class
		}
	})
	return out, bad
}

// tagClass is the class of a tag of a nominative proper noun, or "".
func tagClass(tag string) string {
	gs := strings.FieldsFunc(tag, func(r rune) bool { return r == ',' || r == ' ' })
	if !slices.Contains(gs, "nomn") || slices.Contains(gs, "Init") || slices.Contains(gs, "Abbr") {
		return ""
	}
	for _, c := range properClasses {
		if !slices.Contains(gs, c.grammeme) {
			continue
		}
		if slices.Contains(gs, "plur") && !slices.Contains(gs, "Pltm") {
			return ""
		}
		return c.class
	}
	return ""
}

// openCorporaHeader names the source and its licence, as CC BY-SA asks:
// the list is an adaptation (only some nominatives, with a class letter)
// of the OpenCorpora dictionary, under the same licence.
const openCorporaHeader = `# Generated by internal/names/gen from the OpenCorpora dictionary as the
# npm package az 0.2.3 ships it (dicts/: OpenCorpora 0.92, revision
# 394551, compiled by pymorphy2). Do not edit.
# Adapted from the OpenCorpora dictionary (opencorpora.org), by the
# OpenCorpora project, licensed under CC BY-SA 3.0
# (creativecommons.org/licenses/by-sa/3.0/); this list is licensed under
# CC BY-SA 3.0 too. Changes: only the nominatives of surnames (s), given
# names (g), patronymics (p) and places (t) are kept, lower case, each
# with the classes it has.
`

// writeOpenCorpora writes data/opencorpora.txt.gz: the proper nouns of
// the OpenCorpora dictionary in Az's dicts folder, one "word<TAB>classes"
// a line, sorted.
func writeOpenCorpora(dir, out string) error {
	az, err := readAz(dir)
	if err != nil {
		return fmt.Errorf("%w\nhint: npm install -g az@0.2.3", err)
	}
	words, err := az.properNominatives()
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return fmt.Errorf("%s: no proper nouns found", dir)
	}
	return writeClassed(filepath.Join(out, "opencorpora.txt.gz"), openCorporaHeader, words)
}
