package demo

import (
	"encoding/csv"
	"regexp"
	"strings"
)

// Reference returns the reference translations of the sample, by the
// Polish text (placeholders left out) and then by language: the user's,
// and mosty's own for the meta description they leave out.
func Reference() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, name := range []string{"sample/klaster-bialorus-2017.parallel.tsv", "sample/extra.tsv"} {
		for _, r := range readTSV(name)[1:] {
			if !strings.HasPrefix(r[0], "#") {
				out[r[1]] = map[string]string{"ru": r[2], "en": r[3]}
			}
		}
	}
	return out
}

// Phrases returns the translations of the phrases that carry inline
// markup in the sample (bold, a link), by the Polish phrase and then by
// language, so the demo can put the placeholders into the reference
// translations.
func Phrases() map[string]map[string]string {
	rows := readTSV("sample/placeholders.tsv")
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		out[r[0]] = map[string]string{"ru": r[1], "en": r[2]}
	}
	return out
}

func readTSV(name string) [][]string {
	data, err := files.ReadFile(name)
	if err != nil {
		panic("demo: sample missing from the binary: " + err.Error())
	}
	r := csv.NewReader(strings.NewReader(string(data)))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		panic("demo: bad " + name)
	}
	return rows
}

var pair = regexp.MustCompile(`<(\d+)>([^<]*)</(\d+)>`)

// Translate returns the reference translation of a source segment into
// lang, with the segment's placeholders put around the translated
// phrases; false when there is none.
func Translate(source, lang string) (string, bool) {
	plain := pair.ReplaceAllString(source, "$2")
	ref, ok := Reference()[plain][lang]
	if !ok || ref == "" {
		return "", false
	}
	for _, m := range pair.FindAllStringSubmatch(source, -1) {
		if m[1] != m[3] {
			return "", false
		}
		phrase := Phrases()[m[2]][lang]
		if phrase == "" || !strings.Contains(ref, phrase) {
			return "", false
		}
		ref = strings.Replace(ref, phrase, "<"+m[1]+">"+phrase+"</"+m[1]+">", 1)
	}
	return ref, true
}
