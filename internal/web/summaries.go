package web

import (
	"bufio"
	"encoding/json"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/safefile"
)

// The start page's lines are kept between runs of the server in
// .mosty/serve, so that a server started again over an archive of
// 100,000 articles reads only the files that changed meanwhile. It is a
// cache: a line per locale file with the stamp it was made from; one
// that cannot be read is empty, and every file is read again.
const (
	summariesName   = "serve"
	summariesHeader = "mosty-serve 1"
	maxSummaryLine  = 64 << 10
	// saveSummariesAfter is how many new lines make a list request save
	// the cache: a few saves as translators work are not worth rewriting
	// the lines of a whole archive.
	saveSummariesAfter = 64
)

// summaryLine is one line of .mosty/serve.
type summaryLine struct {
	File   string           `json:"f"` // "lang/slug"
	Size   int64            `json:"s"`
	MTime  int64            `json:"m"`
	Ino    uint64           `json:"i"`
	Key    string           `json:"k,omitempty"`
	NoFile bool             `json:"n,omitempty"` // the language has no file; the stamp is the source's
	Head   *[3]string       `json:"h,omitempty"` // title, date, category
	Sum    *languageSummary `json:"l,omitempty"`
}

// readSummaries reads the cache; any line that is not as writeSummaries
// writes them makes the whole of it empty.
func readSummaries(r io.Reader) map[string]cachedSummary {
	out := map[string]cachedSummary{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, maxSummaryLine)
	if !sc.Scan() || sc.Text() != summariesHeader {
		return map[string]cachedSummary{}
	}
	for sc.Scan() {
		var l summaryLine
		// A source's line has its header and no key; a translators' file's
		// its summary and the key of the checks that made it.
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.File == "" || (l.Head == nil) == (l.Sum == nil) || (l.Head == nil) == (l.Key == "") {
			return map[string]cachedSummary{}
		}
		c := cachedSummary{st: stamp{size: l.Size, mtime: l.MTime, ino: l.Ino}, key: l.Key, noFile: l.NoFile}
		if l.Head != nil {
			c.head = articleHead{title: l.Head[0], date: l.Head[1], category: l.Head[2]}
		} else {
			c.sum = *l.Sum
		}
		out[l.File] = c
	}
	if sc.Err() != nil {
		return map[string]cachedSummary{}
	}
	return out
}

// writeSummaries writes the lines in the order of their files.
func writeSummaries(w io.Writer, m map[string]cachedSummary) error {
	enc := json.NewEncoder(w)
	if _, err := io.WriteString(w, summariesHeader+"\n"); err != nil {
		return err
	}
	for _, file := range slices.Sorted(maps.Keys(m)) {
		c := m[file]
		l := summaryLine{File: file, Size: c.st.size, MTime: c.st.mtime, Ino: c.st.ino, Key: c.key, NoFile: c.noFile}
		if c.key == "" {
			l.Head = &[3]string{c.head.title, c.head.date, c.head.category}
		} else {
			l.Sum = &c.sum
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

// loadSummaries reads the cache at path; none, or one that is not a
// regular file of a sane size, is empty.
func loadSummaries(path string) map[string]cachedSummary {
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() || info.Size() > 1<<30 {
		return map[string]cachedSummary{}
	}
	f, err := os.Open(path)
	if err != nil {
		return map[string]cachedSummary{}
	}
	defer f.Close()
	return readSummaries(f)
}

// saveSummaries writes the cache when enough lines were made since it
// was last written, or when the list has a line for every article of
// slugs (whole) for the first time with any new. The lines of articles
// no longer in slugs go then. A cache that cannot be written costs
// reading the files at the next start: it is not an error of the
// request.
func (s *store) saveSummaries(whole bool, slugs []string) {
	s.mu.Lock()
	first := whole && !s.savedWhole
	if s.unsaved == 0 || !first && s.unsaved < saveSummariesAfter {
		s.mu.Unlock()
		return
	}
	if whole {
		maps.DeleteFunc(s.summaries, func(file string, _ cachedSummary) bool {
			_, slug, _ := strings.Cut(file, "/")
			_, found := slices.BinarySearch(slugs, slug)
			return !found
		})
	}
	s.savedWhole = s.savedWhole || whole
	snapshot := maps.Clone(s.summaries)
	s.unsaved = 0
	s.mu.Unlock()
	path := s.ws.Path(".mosty", summariesName)
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	_ = safefile.WriteFunc(path, safefile.Options{}, func(b *bufio.Writer) error { return writeSummaries(b, snapshot) })
}
