package names

import "strings"

// Hints lists the names of a Polish text for a translator into Russian,
// each once, in the order they stand: "Adam Krajewski = Адам Краевский"
// (and not "Krajewski" again when the text names him so later).
// glossary gives the form a workspace's glossary approves for a name,
// which wins over this package's; nil when there is no glossary.
func Hints(source string, glossary func(Name) (string, bool)) []string {
	return new(Finder).Hints(source, glossary)
}

// Hints is Hints, remembering the readings of the words for the next texts.
func (f *Finder) Hints(source string, glossary func(Name) (string, bool)) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range f.Find(source) {
		if seen[n.Nominative] {
			continue
		}
		seen[n.Nominative] = true
		if n.Kind == Person {
			words := strings.Fields(n.Nominative)
			seen[words[len(words)-1]] = true
		}
		ru := n.Russian
		if glossary != nil {
			if g, ok := glossary(n); ok {
				ru = g
			}
		}
		out = append(out, n.Nominative+" = "+ru)
	}
	return out
}
