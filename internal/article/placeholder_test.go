package article

import (
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
