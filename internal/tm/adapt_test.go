package tm

import (
	"fmt"
	"strings"
	"testing"
)

func TestAdapt(t *testing.T) {
	for _, tt := range []struct {
		name, matchSrc, matchTr, source string
		want, note                      string // note: a part of it, "" for none
	}{
		{"same placeholders", "Był <1>tydzień</1>.", "Была <1>неделя</1>.", "Był <1>tydzień</1>.", "Была <1>неделя</1>.", ""},
		{"placeholders renumbered by order", "Był <1>tydzień</1> i <2/>.", "<2/> и была <1>неделя</1>.", "Był <4>tydzień</4> i <5/>.", "<5/> и была <4>неделя</4>.", ""},
		{"nested renumbered", "<1><2>Link</2></1> tu.", "<1><2>Ссылка</2></1> здесь.", "<7><8>Link</8></7> tu.", "<7><8>Ссылка</8></7> здесь.", ""},
		{"source without markup", "<1><2>Tydzień</2></1> minął.", "<1><2>Неделя</2></1> прошла.", "Tydzień minął.", "Неделя прошла.", "markup this sentence lacks"},
		{"match without markup", "Tydzień minął.", "Неделя прошла.", "<1>Tydzień</1> minął.", "Неделя прошла.", "put in the placeholders <1>…</1>"},
		{"kinds differ", "Był <1>tydzień</1>.", "Была <1>неделя</1>.", "Był <1/> tydzień.", "Была неделя.", "put in the placeholders <1/>"},
		{"broken match translation", "Był <1>tydzień</1>.", "Была неделя</1>.", "Był <1>tydzień</1>.", "Была неделя.", "put in the placeholders"},
		{"numbers the same, placeholders differ in number", "Rok <1>2017</1>.", "Год <1>2017</1>.", "Rok <2>2017</2>.", "Год <2>2017</2>.", ""},
		{"number changed", "Budżet wynosi 5 miliardów.", "Бюджет составляет 5 миллиардов.", "Budżet wynosi 7 miliardów.", "Бюджет составляет 7 миллиардов.", "numbers carried over"},
		{"number changed next to a placeholder", "W <1>2017</1> r. 12 firm.", "В <1>2017</1> г. 12 фирм.", "W <1>2018</1> r. 12 firm.", "В <1>2018</1> г. 12 фирм.", "numbers carried over"},
		{"decimal comma and point are one number", "Wzrost o 1,2 proc.", "Рост на 1.2%.", "Wzrost o 1.2 proc.", "Рост на 1.2%.", ""},
		{"number written in words", "Trwało 2 dni.", "Длилось два дня.", "Trwało 3 dni.", "Длилось два дня.", "numbers differ from the match"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := Adapt(Match{Entry: Entry{Source: tt.matchSrc, Translation: tt.matchTr}}, tt.source)
			if f.Translation != tt.want {
				t.Errorf("translation %q, want %q", f.Translation, tt.want)
			}
			if tt.note == "" && f.Note != "" || !strings.Contains(f.Note, tt.note) {
				t.Errorf("note %q, want one with %q", f.Note, tt.note)
			}
		})
	}
}

func TestNumbersOnlyMatch(t *testing.T) {
	m := New()
	m.Add(Entry{Source: "Budżet wynosi 5 miliardów złotych.", Translation: "Бюджет составляет 5 миллиардов злотых.", Origin: "a/1"})
	m.Add(Entry{Source: "Budżet wynosi dużo złotych.", Translation: "Бюджет большой.", Origin: "a/2"})
	got := m.Lookup("Budżet wynosi 7 miliardów złotych.", 75, 5)
	if len(got) == 0 || !got[0].NumbersOnly || got[0].Origin != "a/1" || got[0].Score == 100 || !CanFill(got[0]) {
		t.Fatalf("Lookup = %+v", got)
	}
	if f := Adapt(got[0], "Budżet wynosi 7 miliardów złotych."); f.Translation != "Бюджет составляет 7 миллиардов злотых." {
		t.Errorf("Adapt = %+v", f)
	}
	if got := m.Lookup("Budżet wynosi 5 miliardów złotych.", 75, 5); !CanFill(got[0]) || got[0].NumbersOnly {
		t.Errorf("the exact match is %+v", got[0])
	}
}

func TestSearch(t *testing.T) {
	m := New()
	m.Add(Entry{Source: "Wschodni <1>Klaster</1> Budowlany gościł gości.", Translation: "Восточный строительный кластер принимал гостей.", Origin: "a/1"})
	m.Add(Entry{Source: "Klastry budowlane rosną.", Translation: "Строительные кластеры растут.", Origin: "a/2"})
	m.Add(Entry{Source: "Pogoda była ładna.", Translation: "Погода была хорошей.", Origin: "b/1"})
	for _, tt := range []struct {
		phrase string
		want   string
	}{
		{"klaster budowlany", "a/1"},
		{"KLAST", "a/1 a/2"},
		{"строительн", "a/1 a/2"},
		{"была", "b/1"},
		{"ab", ""},
		{"  ", ""},
		{"nie ma", ""},
	} {
		t.Run(tt.phrase, func(t *testing.T) {
			var got []string
			for _, e := range m.Search(tt.phrase, 10) {
				got = append(got, e.Origin)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Search(%q) = %v, want %q", tt.phrase, got, tt.want)
			}
		})
	}
}

// BenchmarkSearch100k finds a phrase in a memory of 100,000 segments
// through the trigram index, against reading every source.
func BenchmarkSearch100k(b *testing.B) {
	m, _ := memory100k(b)
	b.Run("index", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			m.Search(fmt.Sprintf("wsparcie %d.", i%100_000), 5)
		}
	})
	b.Run("scan-all", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			p := fmt.Sprintf("wsparcie %d.", i%100_000)
			for i, n := range m.norm {
				_ = strings.Contains(n, p) || strings.Contains(m.tnorm[i], p)
			}
		}
	})
}
