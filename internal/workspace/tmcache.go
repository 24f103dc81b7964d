package workspace

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/crc32"
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

// The cache's first line: "mosty-tm 2" ends with a line "Z", the number
// of lines before it after the checks line, and the CRC-32 of every byte
// before it (in hex), so a cache cut short is not read as whole; "mosty-tm
// 1", an earlier mosty's, has no end line.
const (
	tmCacheHeader   = "mosty-tm 2"
	tmCacheHeaderV1 = "mosty-tm 1"
)

// readTMCache reads a memory cache; a damaged one, or one cut short, is
// empty, so every file is read again.
func readTMCache(r io.Reader) tmCache {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	sum := crc32.NewIEEE()
	line := func() string { // the line scanned, summed
		sum.Write(sc.Bytes())
		sum.Write([]byte{'\n'})
		return sc.Text()
	}
	if !sc.Scan() {
		return tmCache{}
	}
	header := line()
	if header != tmCacheHeader && header != tmCacheHeaderV1 || !sc.Scan() {
		return tmCache{}
	}
	c := tmCache{Checks: cacheUnescape(line()), Files: map[string]tmCacheFile{}}
	var file string // the file whose entries follow, in cur
	var cur tmCacheFile
	lines, ended := 0, false
	for sc.Scan() {
		if ended { // nothing after the end line
			return tmCache{}
		}
		if kind, rest, _ := strings.Cut(sc.Text(), "\t"); kind == "Z" && header == tmCacheHeader {
			if rest != fmt.Sprintf("%d\t%08x", lines, sum.Sum32()) {
				return tmCache{}
			}
			ended = true
			continue
		}
		kind, rest, _ := strings.Cut(line(), "\t")
		lines++
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
	if sc.Err() != nil || !ended && header != tmCacheHeaderV1 {
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
// an earlier mosty did; the index's delta, tm-<lang>.delta, is kept so),
// and the end line.
func writeTMCache(b *bufio.Writer, c tmCache) {
	sum := crc32.NewIEEE()
	w := io.MultiWriter(b, sum)
	io.WriteString(w, tmCacheHeader+"\n"+cacheEscaper.Replace(c.Checks)+"\n")
	lines := 0
	for _, rel := range sortedKeys(c.Files) {
		f := c.Files[rel]
		io.WriteString(w, "F\t"+cacheEscaper.Replace(rel)+"\t"+index.FormatStamps([]index.Stamp{f.Stamp})+"\n")
		for _, e := range f.Entries {
			io.WriteString(w, "E\t"+cacheEscaper.Replace(e.Source)+"\t"+cacheEscaper.Replace(e.Translation)+"\t"+cacheEscaper.Replace(e.Origin)+"\n")
		}
		lines += 1 + len(f.Entries)
	}
	fmt.Fprintf(b, "Z\t%d\t%08x\n", lines, sum.Sum32())
}
