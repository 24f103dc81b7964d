package article

import (
	"slices"
	"strings"
	"testing"
)

func TestParsePlaceholder(t *testing.T) {
	tests := []struct {
		in    string
		kind  PlaceholderKind
		id, n int
	}{
		{"<1>x", Open, 1, 3},
		{"</12>", Close, 12, 5},
		{"<3/> a", Empty, 3, 4},
		{"<9999>", Open, 9999, 6},
		{"<10000>", NoPlaceholder, 0, 0},
		{"<0>", NoPlaceholder, 0, 0},
		{"<01>", NoPlaceholder, 0, 0},
		{"<a>", NoPlaceholder, 0, 0},
		{"<1", NoPlaceholder, 0, 0},
		{"< 1>", NoPlaceholder, 0, 0},
		{"</>", NoPlaceholder, 0, 0},
		{"", NoPlaceholder, 0, 0},
	}
	for _, tt := range tests {
		kind, id, n := ParsePlaceholder(tt.in)
		if kind != tt.kind || id != tt.id || n != tt.n {
			t.Errorf("ParsePlaceholder(%q) = %v %d %d, want %v %d %d", tt.in, kind, id, n, tt.kind, tt.id, tt.n)
		}
	}
}

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"Wizytę zorganizowała <1>fundacja</1>.": "Wizytę zorganizowała fundacja.",
		"Logo <2/> firmy":                       "Logo  firmy",
		"a < b <3 i <x>":                        "a < b <3 i <x>",
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckPlaceholders(t *testing.T) {
	src := "Wizytę zorganizowała <1>fundacja</1> z <2/> logo."
	tests := []struct{ name, tr, want string }{
		{"same", "Визит организовал <1>фонд</1> с <2/> логотипом.", ""},
		{"reordered", "<2/> <1>Фонд</1> организовал визит.", ""},
		{"missing pair", "Визит организовал фонд с <2/> логотипом.", "<1>…</1> is missing"},
		{"missing empty", "Визит организовал <1>фонд</1>.", "<2/> is missing"},
		{"extra", "Визит <3>организовал</3> <1>фонд</1> <2/>.", "<3>…</3> is not in the source"},
		{"renamed", "Визит организовал <7>фонд</7> <2/>.", "<7>…</7> is not in the source"},
		{"empty as pair", "Визит <1>фонд</1> <2>лого</2>.", "<2/> is written as <2>…</2>"},
		{"used twice", "<1>Фонд</1> и <1>фонд</1> <2/>.", "<1>…</1> is used twice"},
		{"never closed", "Визит <1>фонд <2/>.", "<1> is never closed"},
		{"closed out of order", "<1>Фонд <2/></3>", "</3> closes before </1>"},
		{"close without open", "Фонд</1> <1>x</1> <2/>", "</1> closes a pair that is not open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPlaceholders(src, tt.tr)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("CheckPlaceholders(%q) = %q, want %q", tt.tr, got, tt.want)
			}
		})
	}
}

func TestRenumber(t *testing.T) {
	tests := []struct {
		name, in, want string
		ids            []int
	}{
		{"no placeholders", "Zdanie bez znaczników.", "Zdanie bez znaczników.", nil},
		{"already from one", "A <1>b</1> <2/>.", "A <1>b</1> <2/>.", []int{1, 2}},
		{"second sentence of a block", "Wizytę zorganizowała <3>fundacja</3>.", "Wizytę zorganizowała <1>fundacja</1>.", []int{3}},
		{"nested and empty", "<4><5>raport</5> roczny</4> i <6/>", "<1><2>raport</2> roczny</1> i <3/>", []int{4, 5, 6}},
		{"order of first appearance", "<7/> a <5>b</5>", "<1/> a <2>b</2>", []int{7, 5}},
		{"text that only looks like one", "Wpisz <3 a potem <4>x</4>", "Wpisz <3 a potem <1>x</1>", []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ids := Renumber(tt.in)
			if got != tt.want || !slices.Equal(ids, tt.ids) {
				t.Errorf("Renumber(%q) = %q %v, want %q %v", tt.in, got, ids, tt.want, tt.ids)
			}
		})
	}
}

func TestRemap(t *testing.T) {
	got := Remap("Визит <3>фонда</3> и <4/> <9>x</9>", map[int]int{3: 1, 4: 2})
	if want := "Визит <1>фонда</1> и <2/> <9>x</9>"; got != want {
		t.Errorf("Remap = %q, want %q", got, want)
	}
}

func TestSegmentBlockTag(t *testing.T) {
	s := Segment{Text: "<1>a</1> <2/>", Tags: []int{3, 4}}
	for n, want := range map[int]int{1: 3, 2: 4, 3: 0, 0: 0} {
		if got := s.BlockTag(n); got != want {
			t.Errorf("BlockTag(%d) = %d, want %d", n, got, want)
		}
	}
	if got := (Segment{Text: "<1>a</1>"}).BlockTag(1); got != 1 {
		t.Errorf("without Tags, BlockTag(1) = %d, want the same number", got)
	}
}
