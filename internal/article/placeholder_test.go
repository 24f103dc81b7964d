package article

import "testing"

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
