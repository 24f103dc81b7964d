package extract

import (
	"bufio"
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed rules/months.txt
var monthRules string

var loadMonths = sync.OnceValue(func() map[string]time.Month {
	m := map[string]time.Month{}
	sc := bufio.NewScanner(strings.NewReader(monthRules))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		for _, name := range f[1:] {
			m[name] = time.Month(n)
		}
	}
	return m
})

var (
	isoDate     = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\D|$)`)
	numericDate = regexp.MustCompile(`\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b`)
	wordDate    = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(\pL+)\.?,?\s+(\d{4})\b`)
	wordDateEn  = regexp.MustCompile(`(?i)\b(\pL+)\.?\s+(\d{1,2}),?\s+(\d{4})\b`)
)

// ParseDate finds the first date in s: 2017-12-13, 13-12-2017,
// 05.03.2018 r., 22 marca 2018, 6 января 2012, December 13, 2017. It
// reports false when s holds none.
func ParseDate(s string) (time.Time, bool) {
	type found struct {
		at int
		t  time.Time
	}
	var best *found
	try := func(at int, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || best != nil && best.at <= at {
			return
		}
		best = &found{at, t}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := numericDate.FindStringSubmatchIndex(s); m != nil {
		try(m[0], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	months := loadMonths()
	for _, m := range wordDate.FindAllStringSubmatchIndex(s, 3) {
		if mon, ok := months[strings.ToLower(s[m[4]:m[5]])]; ok {
			try(m[0], atoi(s[m[6]:m[7]]), int(mon), atoi(s[m[2]:m[3]]))
			break
		}
	}
	for _, m := range wordDateEn.FindAllStringSubmatchIndex(s, 3) {
		if mon, ok := months[strings.ToLower(s[m[2]:m[3]])]; ok {
			try(m[0], atoi(s[m[6]:m[7]]), int(mon), atoi(s[m[4]:m[5]]))
			break
		}
	}
	if best == nil {
		return time.Time{}, false
	}
	return best.t, true
}

// isDateLine reports whether a short line is only a date (and perhaps a
// time or "r."), the line a CMS prints under the title.
func isDateLine(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return false
	}
	if _, ok := ParseDate(s); !ok {
		return false
	}
	words := 0
	for _, w := range strings.Fields(s) {
		if hasLetter(w) && len([]rune(w)) > 3 {
			if _, month := loadMonths()[strings.ToLower(strings.Trim(w, ".,"))]; !month {
				words++
			}
		}
	}
	return words <= 1
}
