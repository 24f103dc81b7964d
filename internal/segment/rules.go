package segment

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
)

//go:embed rules/*.txt
var rulesFS embed.FS

// RulesVersion is a fingerprint of every embedded rules file: when it
// changes, stored segmentations are stale. A change to segmentation code
// is a bump of pipelineVersion in internal/workspace, beside which the
// whole fingerprint is computed.
func RulesVersion() string {
	h := sha256.New()
	entries, _ := rulesFS.ReadDir("rules")
	for _, e := range entries {
		data, _ := rulesFS.ReadFile("rules/" + e.Name())
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Languages lists the languages mosty has segmentation rules for, sorted:
// those with a rules/<lang>.txt file.
func Languages() []string {
	entries, _ := rulesFS.ReadDir("rules")
	var out []string
	for _, e := range entries {
		if lang, ok := strings.CutSuffix(e.Name(), ".txt"); ok && len(lang) >= 2 && len(lang) <= 3 {
			out = append(out, lang)
		}
	}
	return out
}

// behaviour is what an abbreviation's period does.
type behaviour uint8

const (
	never       behaviour = iota + 1 // never ends a sentence
	maybe                            // ends one only before a capital letter
	afterNumber                      // maybe after a number, never elsewhere
)

// abbrev is one abbreviation, as lower-case words without their final
// period: "sp. z o.o." is ["sp.", "z", "o.o"].
type abbrev struct {
	words []string
	b     behaviour
}

// Rules are the segmentation rules of one language.
type Rules struct {
	Lang string
	// byLast indexes abbreviations by their last word, lower case and
	// without its final period: "o.o" → sp._z_o.o. and z_o.o.
	byLast map[string][]abbrev
	// neverBefore are words that never start a sentence right after an
	// abbreviation's period: "долл. США".
	neverBefore map[string]bool
}

// LoadRules reads the embedded rules for lang ("pl", "ru", "en") and adds
// extra abbreviations (from mosty.toml) that never end a sentence.
func LoadRules(lang string, extra []string) (*Rules, error) {
	data, err := rulesFS.ReadFile("rules/" + lang + ".txt")
	if err != nil {
		return nil, fmt.Errorf("no segmentation rules for language %q (mosty has pl, ru and en)", lang)
	}
	r := &Rules{Lang: lang, byLast: map[string][]abbrev{}, neverBefore: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if f[0] == "never-before" {
			for _, w := range f[1:] {
				r.neverBefore[w] = true
			}
			continue
		}
		b, ok := map[string]behaviour{"never": never, "maybe": maybe, "after-number": afterNumber}[f[0]]
		if !ok {
			return nil, fmt.Errorf("rules/%s.txt:%d: unknown behaviour %q", lang, line, f[0])
		}
		for _, a := range f[1:] {
			r.add(a, b)
		}
	}
	for _, a := range extra {
		if !strings.HasSuffix(a, ".") {
			a += "."
		}
		r.add(strings.ReplaceAll(a, " ", "_"), never)
	}
	return r, nil
}

// add records an abbreviation; a later rule for the same one wins.
func (r *Rules) add(written string, b behaviour) {
	words := strings.Split(strings.ToLower(strings.TrimSuffix(written, ".")), "_")
	last := words[len(words)-1]
	list := r.byLast[last]
	for i, a := range list {
		if strings.Join(a.words, " ") == strings.Join(words, " ") {
			list[i].b = b
			return
		}
	}
	r.byLast[last] = append(list, abbrev{words: words, b: b})
}
