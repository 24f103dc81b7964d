package workspace

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// .mosty/check keeps each translators' file's findings by the file's
// stamp, so that mosty check reads only the files that changed since it
// last ran. They hold while the key — this mosty, the glossary, the
// [check] settings — is as it was. After the key, a line per file:
//
//	locales/<lang>/<slug>.toml TAB stamps TAB findings as a JSON array
//
// the stamps those of the file and of its article's Polish file
// (index.FormatStamps), the lines in the order of the articles' slugs,
// then of the target languages. A check reads the file once from start
// to end beside the articles it checks and writes the new one as it goes,
// so neither is ever held whole.

// checkCacheVersion is in the key: a cache written in another layout is
// empty.
const checkCacheVersion = "check-2"

func (w *Workspace) checkCachePath() string { return w.Path(".mosty", "check") }

// checkKey fingerprints what a file's findings depend on besides the
// file: the checks (mosty's binary: a rebuilt mosty may check otherwise),
// the glossary and the [check] settings.
func (w *Workspace) checkKey() string {
	g, _ := os.ReadFile(w.Path("glossary.toml"))
	return checkCacheVersion + " " + w.ChecksKey(g)
}

// ChecksKey fingerprints what the checks' findings on a translators' file
// depend on besides the file, with glossary the bytes of glossary.toml
// (nil when there is none): mosty's binary, the [check] settings and the
// glossary. Findings kept under one key hold while it stays the same.
func (w *Workspace) ChecksKey(glossary []byte) string {
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	fmt.Fprintf(h, "%s %q\n", release(), w.Config.Check.Errors)
	h.Write(glossary)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// A cachedCheck is a line of the cache: a file's findings (as JSON) and
// the stamps they were made for.
type cachedCheck struct {
	stamps   string
	findings []byte
}

// checkCacheReader reads the cache a slug at a time, in the slugs'
// order. A cache made under another key, missing or damaged reads as
// empty; lines out of order are skipped.
type checkCacheReader struct {
	f     *os.File
	sc    *bufio.Scanner
	next  []string // the line read ahead: path, stamps, findings
	lines int      // the file lines read
}

func (w *Workspace) openCheckCache(key string) *checkCacheReader {
	r := &checkCacheReader{}
	f, err := os.Open(w.checkCachePath())
	if err != nil {
		return r
	}
	r.f, r.sc = f, bufio.NewScanner(f)
	r.sc.Buffer(nil, 4*MaxLocaleFile) // a line: the findings of one translators' file
	if !r.sc.Scan() || r.sc.Text() != key {
		r.sc = nil
	}
	r.advance()
	return r
}

func (r *checkCacheReader) close() {
	if r.f != nil {
		r.f.Close()
	}
}

// advance reads the next line; at the end, or at a line that does not
// read, there is none.
func (r *checkCacheReader) advance() {
	r.next = nil
	if r.sc == nil || !r.sc.Scan() {
		r.sc = nil
		return
	}
	r.lines++
	parts := strings.SplitN(r.sc.Text(), "\t", 3)
	if len(parts) != 3 {
		r.sc = nil
		return
	}
	r.next = parts
}

// take returns the findings the cache has for slug's files, by
// language, skipping the lines of slugs before it (articles gone).
func (r *checkCacheReader) take(slug string) map[string]cachedCheck {
	var out map[string]cachedCheck
	for r.next != nil {
		lang, s, ok := cachedFileOf(r.next[0])
		if ok && s > slug {
			break
		}
		if ok && s == slug {
			if out == nil {
				out = map[string]cachedCheck{}
			}
			out[lang] = cachedCheck{stamps: r.next[1], findings: []byte(r.next[2])}
		}
		r.advance()
	}
	return out
}

// rest reads the lines left and says how many lines the file had.
func (r *checkCacheReader) rest() int {
	for r.next != nil {
		r.advance()
	}
	return r.lines
}

// cachedFileOf reads a cache line's path: the language and slug of
// locales/<lang>/<slug>.toml.
func cachedFileOf(path string) (lang, slug string, ok bool) {
	rest, ok := strings.CutPrefix(path, "locales/")
	if !ok {
		return "", "", false
	}
	lang, rest, ok = strings.Cut(rest, "/")
	if !ok {
		return "", "", false
	}
	slug, ok = strings.CutSuffix(rest, ".toml")
	return lang, slug, ok
}

// writeCheckLine writes a file's line of the cache.
func writeCheckLine(b *bufio.Writer, rel string, c cachedCheck) {
	b.WriteString(rel)
	b.WriteByte('\t')
	b.WriteString(c.stamps)
	b.WriteByte('\t')
	b.Write(c.findings)
	b.WriteByte('\n')
}
