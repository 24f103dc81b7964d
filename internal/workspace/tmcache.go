package workspace

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"strings"

	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/tm"
)

// tmCache keeps locale files' translated segments by the file's size and
// time, so that they are not read again while unchanged; Checks
// fingerprints what decides which translations pass the QA checks (the
// glossary, the checks made errors): when it changes, every file is read
// again. It is a line per file and per entry (see writeTMCache). The
// index's delta is kept so (.mosty/tm-<lang>.delta, the files changed since
// the index was written); an earlier mosty kept the whole memory so in
// .mosty/tm-<lang>, and before that as JSON in tm-<lang>.json: read once to
// make the index.
type tmCache struct {
	Checks string                 `json:"checks"`
	Files  map[string]tmCacheFile `json:"files"`
}

type tmCacheFile struct {
	Stamp   index.Stamp `json:"stamp"`
	Entries []tm.Entry  `json:"entries"`
}

const tmCacheHeader = "mosty-tm 1"

// readTMCache reads a memory cache; a damaged one is empty, so every file
// is read again.
func readTMCache(r io.Reader) tmCache {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	if !sc.Scan() || sc.Text() != tmCacheHeader || !sc.Scan() {
		return tmCache{}
	}
	c := tmCache{Checks: cacheUnescape(sc.Text()), Files: map[string]tmCacheFile{}}
	var file string // the file whose entries follow, in cur
	var cur tmCacheFile
	for sc.Scan() {
		kind, rest, _ := strings.Cut(sc.Text(), "\t")
		f := strings.Split(rest, "\t")
		switch {
		case kind == "F" && len(f) == 2:
			st, ok := index.ParseStamps(f[1])
			if !ok || len(st) != 1 {
				return tmCache{}
			}
			if file != "" {
				c.Files[file] = cur
			}
			file, cur = cacheUnescape(f[0]), tmCacheFile{Stamp: st[0]}
		case kind == "E" && len(f) == 3 && file != "":
			cur.Entries = append(cur.Entries, tm.Entry{Source: cacheUnescape(f[0]), Translation: cacheUnescape(f[1]), Origin: cacheUnescape(f[2])})
		default:
			return tmCache{}
		}
	}
	if sc.Err() != nil {
		return tmCache{}
	}
	if file != "" {
		c.Files[file] = cur
	}
	return c
}

// loadTMCache reads the cache at path, or the JSON one an earlier mosty
// left beside it (then legacy is set: it is to be written again); none,
// or one that is not a regular file, is empty.
func loadTMCache(path string) (c tmCache, legacy bool) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		f, err := os.Open(path)
		if err != nil {
			return tmCache{}, false
		}
		defer f.Close()
		return readTMCache(f), false
	}
	data, err := safefile.Read(path+".json", maxCacheFile)
	if err != nil {
		return tmCache{}, false
	}
	if json.Unmarshal(data, &c) != nil {
		c = tmCache{} // damaged: every file is read again
	}
	return c, true
}

// writeTMCache writes c as readTMCache reads it, the files in order (as
// an earlier mosty did; the index's delta, tm-<lang>.delta, is kept so).
func writeTMCache(b *bufio.Writer, c tmCache) {
	b.WriteString(tmCacheHeader + "\n" + cacheEscaper.Replace(c.Checks) + "\n")
	for _, rel := range sortedKeys(c.Files) {
		f := c.Files[rel]
		b.WriteString("F\t" + cacheEscaper.Replace(rel) + "\t" + index.FormatStamps([]index.Stamp{f.Stamp}) + "\n")
		for _, e := range f.Entries {
			b.WriteString("E\t" + cacheEscaper.Replace(e.Source) + "\t" + cacheEscaper.Replace(e.Translation) + "\t" + cacheEscaper.Replace(e.Origin) + "\n")
		}
	}
}
