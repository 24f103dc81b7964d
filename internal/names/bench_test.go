package names

import (
	"strings"
	"testing"
)

var benchText = "W trakcie spotkania dwie instytucje z Białorusi podpisały list intencyjny o nawiązaniu współpracy ze Wschodnim Klastrem Budowlanym: Piński Miejski Komitet Wykonawczy reprezentowany przez Michaiła Nikołajewicza Samołazowa oraz „Inaleks Energy” sp. z o.o., reprezentowany przez Eduarda Konstantinowicza Szelera."

// BenchmarkFind finds the names of a long sentence of the sample;
// BenchmarkFind/Fields, splitting it into words, is the baseline.
func BenchmarkFind(b *testing.B) {
	loadTables()
	b.Run("Find", func(b *testing.B) {
		for b.Loop() {
			Find(benchText)
		}
	})
	b.Run("Fields", func(b *testing.B) {
		for b.Loop() {
			strings.Fields(benchText)
		}
	})
}

// BenchmarkParseTables parses every embedded table, as a process does
// once on its first name: the rules, the lexicon and the Russian word
// list (hunspell-ru and OpenCorpora, gunzipped).
func BenchmarkParseTables(b *testing.B) {
	for b.Loop() {
		if _, err := parseTables(); err != nil {
			b.Fatal(err)
		}
	}
}
