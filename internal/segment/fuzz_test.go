package segment

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// FuzzSplit: any input, no panic; the spans are in order, trimmed and not
// empty; what lies between them is white space only, so the segments with
// that white space give back the input; no span starts or ends inside a
// placeholder, and one that starts outside every pair ends outside too.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Białystok odwiedzili m.in. przedstawiciele. Wizytę zorganizowała <1>fundacja</1>.",
		"Встреча прошла в г. Минске. Её провёл А. С. Иванов.",
		"Mr. Smith met the U.S. team at 5 p.m. The talks ended.",
		"<1>Zdanie. Drugie.</1> Trzecie?! „Tak.” — Nie… <2/>\nNowa linia",
		"we went to the beach . the water was cold! Yahoo! in NY. a) one. b) two 54.35 N, 18.65 E. ok",
		"В 2016 г. Петровский стал мэром. Всем спасибо))) Ветер до 15 м/с. Ночью снег :-) P.S. Фото",
		"To był szok. to był żart. płk rez. i żona, a w 2016 r. Rada… – i co? Rozdział 3. Powrót #tag",
		"Глава 1. Начало. они ушли. 6,188 а. е. В 2016 г., а в 2017 г. Совет. зав. лаб. который #зима",
		"Старт в 10 ч. 30 мин. Билет 1 руб. 50 коп. 13 чел. / км2. группа. зрители. делегацией. которая 200 мл. Затем",
		"1.) Book the hall 2.) Send it • 9. Check ⁃10. Fill a. Red b. White 1) Open 2) Take <1>3) Go</1> \"x [...]\" (Brown 12).",
		"Rekord 2 godz. 15 min. Grała orkiestra. muzycy. prof. dr. hab. Jana z arch. prywatnego. George H. W. Bush 6 ft. 2 in. tall",
	} {
		f.Add(s, uint8(0))
	}
	segs := map[uint8]*Segmenter{}
	for i, lang := range []string{"pl", "ru", "en"} {
		s, err := New(lang, nil)
		if err != nil {
			f.Fatal(err)
		}
		segs[uint8(i)] = s
	}
	f.Fuzz(func(t *testing.T, text string, lang uint8) {
		s := segs[lang%3]
		// Block text always has balanced pairs; the rule about pairs is
		// only defined for such text.
		paired := balanced(text)
		prev := 0
		for _, sp := range s.Spans(text) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, text)
			}
			if strings.TrimFunc(text[prev:sp.Start], unicode.IsSpace) != "" {
				t.Fatalf("text %q between segments lost in %q", text[prev:sp.Start], text)
			}
			seg := text[sp.Start:sp.End]
			if strings.TrimFunc(seg, unicode.IsSpace) != seg {
				t.Fatalf("segment %q not trimmed", seg)
			}
			if paired && depthAt(text, sp.Start) == 0 && depthAt(text, sp.End) > 0 {
				t.Fatalf("segment %q ends inside a placeholder pair in %q", seg, text)
			}
			prev = sp.End
		}
		if strings.TrimFunc(text[prev:], unicode.IsSpace) != "" {
			t.Fatalf("tail %q lost in %q", text[prev:], text)
		}
	})
}

// balanced reports whether every <n> in text is closed by </n>, nested.
func balanced(text string) bool {
	var stack []string
	for i := 0; i < len(text); {
		if text[i] == '<' {
			if kind, n := placeholderAt(text[i:]); n > 0 {
				id := strings.Trim(text[i:i+n], "</>")
				switch kind {
				case 1:
					stack = append(stack, id)
				case -1:
					if len(stack) == 0 || stack[len(stack)-1] != id {
						return false
					}
					stack = stack[:len(stack)-1]
				}
				i += n
				continue
			}
		}
		i++
	}
	return len(stack) == 0
}

// depthAt is the placeholder depth at byte p, counting as Spans does.
func depthAt(text string, p int) int {
	depth := 0
	for i := 0; i < p; {
		if text[i] == '<' {
			if kind, n := placeholderAt(text[i:]); n > 0 && i+n <= p {
				depth = max(depth+kind, 0)
				i += n
				continue
			}
		}
		i++
	}
	return depth
}

// BenchmarkSplitPolish segments Polish news prose: the samples and the
// corpus's Polish gold texts, repeated to about 1 MB. The naive-regexp
// baseline (a split after every [.!?] and white space) runs in the same
// process: compare the ratio, not the MB/s of a busy machine.
func BenchmarkSplitPolish(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/real/pl-*.gold.txt")
	files = append(files, "../../../shared/samples/klaster-bialorus-2017.txt")
	var sb strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err == nil {
			sb.Write(raw)
		}
	}
	if sb.Len() == 0 {
		sb.WriteString("Białystok odwiedzili m.in. przedstawiciele ministerstwa, np. prof. dr hab. J. Kowalski. Wizytę zorganizowała fundacja w 2017 r. Ile to kosztowało? Ok. 1,2 mln zł.\n")
	}
	unit := sb.String()
	text := strings.Repeat(unit, 1<<20/len(unit)+1)
	paras := strings.Split(text, "\n")
	s, err := New("pl", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("mosty", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for _, p := range paras {
				s.Spans(p)
			}
		}
	})
	naive := regexp.MustCompile(`[.!?]\s+`)
	b.Run("naive-regexp", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for _, p := range paras {
				naive.FindAllStringIndex(p, -1)
			}
		}
	})
}
