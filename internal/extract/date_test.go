package extract

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13-12-2017", "2017-12-13"},
		{"05.03.2018 r.", "2018-03-05"},
		{"22 marca 2018", "2018-03-22"},
		{"Wczoraj, 3 stycznia 2012 (15:58)", "2012-01-03"},
		{"2017-12-13T10:00:00+01:00", "2017-12-13"},
		{"6 января 2012 г.", "2012-01-06"},
		{"15 августа 2016, 13:43", "2016-08-15"},
		{"December 13, 2017", "2017-12-13"},
		{"13 December 2017", "2017-12-13"},
		{"1 września 2019", "2019-09-01"},
		{"31.02.2018", ""},
		{"tel. 85 123 45 67", ""},
		{"ISBN 12-34-5678", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := ParseDate(tt.in)
			got := ""
			if ok {
				got = d.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsDateLine(t *testing.T) {
	for in, want := range map[string]bool{
		"13-12-2017":                  true,
		"05.03.2018 r.":               true,
		"15 августа 2016, 13:43":      true,
		"Opublikowano: 22 marca 2018": true,
		"Spotkanie odbyło się 22 marca 2018 r. w Białymstoku i było udane.": false,
		"Działania klastra": false,
	} {
		if got := isDateLine(in); got != want {
			t.Errorf("isDateLine(%q) = %v, want %v", in, got, want)
		}
	}
}
