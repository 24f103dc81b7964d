package index

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// header opens an index file; the version changes with the format.
const header = "mosty-index 1"

// fields is the number of tab-separated fields of an entry's line.
const fields = 9

// ErrInvalid is returned by Load for a file it cannot read as an index:
// another version, or damaged. The caller makes the index again.
var ErrInvalid = errors.New("not a mosty index of this version")

var (
	escaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	unescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

// Load reads the index at path, of at most limit bytes, with the token
// it was saved with. A missing file is an empty index and an empty token.
// Each line is checked for its shape (its fields, its stamps' syntax) and
// kept as it is: an entry is read when asked for (see Index).
func Load(path string, limit int64) (*Index, string, error) {
	data, err := safefile.Read(path, limit)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), "", nil
	}
	if err != nil {
		return nil, "", err
	}
	x := New()
	rest := string(data)
	next := func() (string, bool) {
		if rest == "" {
			return "", false
		}
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		return strings.TrimSuffix(line, "\r"), true
	}
	head, ok1 := next()
	tok, ok2 := next()
	if !ok1 || head != header || !ok2 {
		return nil, "", fmt.Errorf("%s: %w", path, ErrInvalid)
	}
	token := unescape(tok)
	ordered := true
	for n := 3; ; n++ {
		line, ok := next()
		if !ok {
			break
		}
		slug, ok := checkLine(line)
		if !ok {
			return nil, "", fmt.Errorf("%s:%d: %w", path, n, ErrInvalid)
		}
		delete(x.entries, slug) // a later line of a slug wins
		x.lines[slug] = line
		if ordered = ordered && (len(x.loaded) == 0 || x.loaded[len(x.loaded)-1] < slug); ordered {
			x.loaded = append(x.loaded, slug)
		}
	}
	if !ordered {
		x.loaded = nil
	}
	return x, token, nil
}

// checkLine tells whether line is an entry's — its fields, a slug, stamps
// ParseStamps reads — and returns its slug.
func checkLine(line string) (string, bool) {
	if strings.Count(line, "\t") != fields-1 {
		return "", false
	}
	slug := lineField(line, fSlug)
	return slug, slug != "" && stampsSyntax(line[strings.LastIndexByte(line, '\t')+1:])
}

// stampsSyntax tells, without parsing them, whether ParseStamps reads
// stamps: "" or size:mtime pairs of integers, comma-separated. A number
// of more than 19 digits is left to ParseStamps.
func stampsSyntax(stamps string) bool {
	s, nums := stamps, 0
	for s != "" {
		i := 0
		if s[0] == '-' || s[0] == '+' {
			i = 1
		}
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		switch {
		case j == i:
			return false
		case j-i > 19:
			_, ok := ParseStamps(stamps)
			return ok
		case j-i == 19 && s[i:j] > "9223372036854775807" && (s[:j] != "-9223372036854775808"):
			return false // beyond int64 (a time in nanoseconds has 19 digits)
		}
		nums++
		if s = s[j:]; s == "" {
			break
		}
		if s[0] != ":,"[(nums+1)%2] || len(s) == 1 {
			return false
		}
		s = s[1:]
	}
	return nums%2 == 0
}

// unescape undoes escaper; a field without a backslash is returned as it
// is, without the replacer's copies.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return unescaper.Replace(s)
}

// parseEntry reads a line checkLine passed.
func parseEntry(line string) Entry {
	f := strings.Split(line, "\t")
	for i := range f {
		f[i] = unescape(f[i])
	}
	stamps, _ := ParseStamps(f[fStamps])
	return Entry{Slug: f[fSlug], Origin: f[fOrigin], FinalURL: f[fFinalURL], Canonical: f[fCanonical], SHA256: f[fSHA256],
		Title: f[fTitle], Date: f[fDate], ListDate: f[fListDate], Stamps: stamps}
}

// ParseStamps reads stamps as FormatStamps writes them,
// "size:mtime,size:mtime"; "" is nil. The workspace's caches write
// stamps the same way.
func ParseStamps(s string) ([]Stamp, bool) {
	if s == "" {
		return nil, true
	}
	parts := strings.Split(s, ",")
	out := make([]Stamp, len(parts))
	for i, p := range parts {
		size, mtime, ok := strings.Cut(p, ":")
		var err1, err2 error
		out[i].Size, err1 = strconv.ParseInt(size, 10, 64)
		out[i].MTime, err2 = strconv.ParseInt(mtime, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, false
		}
	}
	return out, true
}

// FormatStamps writes stamps as "size:mtime,size:mtime".
func FormatStamps(stamps []Stamp) string {
	var b strings.Builder
	for i, st := range stamps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(st.Size, 10) + ":" + strconv.FormatInt(st.MTime, 10))
	}
	return b.String()
}

// Save writes the index to path atomically, with token: what the caller
// needs to tell, on the next Load, whether the index still describes the
// workspace (a token that no longer matches makes it be built again).
func (x *Index) Save(path, token string) error {
	var b bytes.Buffer
	b.WriteString(header + "\n" + escaper.Replace(token) + "\n")
	for _, slug := range x.Slugs() {
		if line, ok := x.lines[slug]; ok {
			b.WriteString(line) // as loaded: not read since
			b.WriteByte('\n')
			continue
		}
		e := x.entries[slug]
		for _, f := range []string{e.Slug, e.Origin, e.FinalURL, e.Canonical, e.SHA256, e.Title, e.Date, e.ListDate} {
			b.WriteString(escaper.Replace(f))
			b.WriteByte('\t')
		}
		b.WriteString(FormatStamps(e.Stamps))
		b.WriteByte('\n')
	}
	// Not synced: a crash that loses it leaves a token that no longer
	// matches, and the index is made again.
	if err := safefile.Write(path, b.Bytes(), safefile.Options{}); err != nil {
		return err
	}
	x.changed = false
	return nil
}
