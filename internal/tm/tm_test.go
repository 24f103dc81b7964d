package tm

import (
	"fmt"
	"github.com/mosty-dev/mosty/internal/article"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	m := New()
	m.Add(Entry{Source: "Spotkanie trwało dwa dni.", Translation: "Встреча длилась два дня.", Origin: "a/1"})
	m.Add(Entry{Source: "Wizytę zorganizowała <1>Podlaska Fundacja Rozwoju Regionalnego</1>.", Translation: "Визит организовал <1>Подляшский фонд</1>.", Origin: "a/2"})
	m.Add(Entry{Source: "Zupełnie inne zdanie o pogodzie w Białymstoku.", Translation: "Другое.", Origin: "b/1"})
	m.Add(Entry{Source: "Spotkanie trwało dwa dni.", Translation: "Встреча длилась два дня.", Origin: "c/9"}) // kept once
	tests := []struct {
		name, q string
		min     int
		want    []string // origin:score
	}{
		{"exact", "Spotkanie trwało dwa dni.", 75, []string{"a/1:100"}},
		{"exact ignoring placeholders and case", "wizytę zorganizowała Podlaska Fundacja Rozwoju Regionalnego.", 75, []string{"a/2:100"}},
		{"close", "Spotkanie trwało trzy dni.", 75, []string{"a/1:84"}},
		{"close below the threshold", "Spotkanie trwało trzy dni.", 90, nil},
		{"nothing alike", "Zupełnie coś innego tu jest napisane.", 75, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, mt := range m.Lookup(tt.q, tt.min, 5) {
				got = append(got, fmt.Sprintf("%s:%d", mt.Origin, mt.Score))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Lookup(%q) = %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	if m.Len() != 3 {
		t.Errorf("%d entries, want the duplicate kept once", m.Len())
	}
}

func TestAdjustNumbers(t *testing.T) {
	tests := []struct {
		old, neu, tr, want string
		ok                 bool
	}{
		{"Forum w 2017 r.", "Forum w 2018 r.", "Форум в 2017 г.", "Форум в 2018 г.", true},
		{"Budżet 1,2 mln zł i 85 proc.", "Budżet 1,5 mln zł i 85 proc.", "Бюджет 1,2 млн злотых и 85%.", "Бюджет 1,5 млн злотых и 85%.", true},
		{"Trwało 2 dni.", "Trwało 2 dni.", "Длилось 2 дня.", "Длилось 2 дня.", true},
		{"Trwało 2 dni.", "Trwało 3 dni.", "Длилось два дня.", "Длилось два дня.", false},
		{"Od 1 do 2.", "Od 1 do 2 i 3.", "С 1 до 2.", "С 1 до 2.", false},
		{"W 12 miastach.", "W 13 miastach.", "В 120 и 12 городах.", "В 120 и 13 городах.", true},
	}
	for _, tt := range tests {
		got, ok := AdjustNumbers(tt.old, tt.neu, tt.tr)
		if got != tt.want || ok != tt.ok {
			t.Errorf("AdjustNumbers(%q, %q, %q) = %q, %v; want %q, %v", tt.old, tt.neu, tt.tr, got, ok, tt.want, tt.ok)
		}
	}
}

// memory100k is a memory of 100,000 sentences of news-like Polish.
func memory100k(b *testing.B) (*Memory, []string) {
	words := strings.Fields("klaster firma spotkanie Białystok rozmowy partnerzy umowa projekt budowa targi forum wizyta " +
		"minister fundacja współpraca inwestycja region miasto szkolenie energia prezes dyrektor samorząd urząd województwo " +
		"podlaskie białoruskie polskie przedstawiciele przedsiębiorców konferencja program wsparcie finansowe budżet euro")
	r := rand.New(rand.NewSource(1))
	m := New()
	var queries []string
	for i := range 100_000 {
		n := 8 + r.Intn(14)
		w := make([]string, n)
		for k := range w {
			w[k] = words[r.Intn(len(words))]
		}
		s := strings.Join(w, " ") + fmt.Sprintf(" %d.", i)
		m.Add(Entry{Source: s, Translation: "T" + s, Origin: fmt.Sprint(i)})
		if i%1000 == 0 {
			w[r.Intn(n)] = "zmiana" // a close match to look up
			queries = append(queries, strings.Join(w, " ")+fmt.Sprintf(" %d.", i))
		}
	}
	return m, queries
}

// BenchmarkLookup100k looks up close matches in a memory of 100,000
// segments with the trigram index, against comparing with every entry.
func BenchmarkLookup100k(b *testing.B) {
	m, queries := memory100k(b)
	b.Run("index", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if len(m.Lookup(queries[i%len(queries)], 75, 5)) == 0 {
				b.Fatal("no match for a close sentence")
			}
			i++
		}
	})
	b.Run("scan-all", func(b *testing.B) {
		i := 0
		for b.Loop() {
			q := normalize(queries[i%len(queries)])
			best := 0
			for _, n := range m.norm {
				best = max(best, similarity(q, n))
			}
			i++
		}
	})
}

// TestBest checks the histogram selection of candidates against sorting
// every touched entry by shared trigrams, then index.
func TestBest(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for seed := range 500 {
		size := 1 + r.Intn(300)
		sc := &scratch{count: make([]int32, size)}
		skip := map[int32]bool{}
		for range r.Intn(size * 2) {
			i := int32(r.Intn(size))
			if sc.count[i] == 0 {
				sc.touched = append(sc.touched, i)
			}
			sc.count[i] += int32(1 + r.Intn(3))
			if r.Intn(20) == 0 {
				skip[i] = true
			}
		}
		var want []int32
		for _, i := range sc.touched {
			if !skip[i] {
				want = append(want, i)
			}
		}
		slices.SortFunc(want, func(a, b int32) int {
			if sc.count[a] != sc.count[b] {
				return int(sc.count[b] - sc.count[a])
			}
			return int(a - b)
		})
		n := 1 + r.Intn(60)
		want = want[:min(n, len(want))]
		got := sc.best(n, skip)
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d: best(%d) = %v, want %v", seed, n, got, want)
		}
		if len(sc.touched) != 0 || slices.ContainsFunc(sc.count, func(c int32) bool { return c != 0 }) {
			t.Fatalf("seed %d: counters not reset", seed)
		}
	}
}

// BenchmarkAdd100k makes a memory of 100,000 segments, as every command
// that needs it does.
func BenchmarkAdd100k(b *testing.B) {
	for b.Loop() {
		memory100k(b)
	}
}

// FuzzNormalize: normalize, written as one pass, says what lower case,
// white space collapsed and placeholders out say, for any text.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"  Ala <1>ma</1>\tKOTA \u00a0 i\u2003psa ", "\xff\xfeZŁOTY", "İstanbul ΣΊΣΥΦΟΣ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(strings.ToLower(article.Plain(s))), " ")
		if got := normalize(s); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
