package index

import (
	"bufio"
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
func Load(path string, limit int64) (*Index, string, error) {
	data, err := safefile.Read(path, limit)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), "", nil
	}
	if err != nil {
		return nil, "", err
	}
	x := New()
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != header || !sc.Scan() {
		return nil, "", fmt.Errorf("%s: %w", path, ErrInvalid)
	}
	token := unescape(sc.Text())
	for line := 3; sc.Scan(); line++ {
		e, ok := parseEntry(sc.Text())
		if !ok {
			return nil, "", fmt.Errorf("%s:%d: %w", path, line, ErrInvalid)
		}
		x.entries[e.Slug] = e
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	return x, token, nil
}

// unescape undoes escaper; a field without a backslash is returned as it
// is, without the replacer's copies.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return unescaper.Replace(s)
}

func parseEntry(line string) (Entry, bool) {
	f := strings.Split(line, "\t")
	if len(f) != fields || f[0] == "" {
		return Entry{}, false
	}
	for i := range f {
		f[i] = unescape(f[i])
	}
	stamps, ok := ParseStamps(f[8])
	return Entry{Slug: f[0], Origin: f[1], FinalURL: f[2], Canonical: f[3], SHA256: f[4], Title: f[5], Date: f[6],
		ListDate: f[7], Stamps: stamps}, ok
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
