package workspace

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// checkCache is .mosty/check: each translators' file's findings, by the
// file's stamp, so that mosty check reads only the files that changed
// since it last ran. They hold while the key — this mosty, the glossary,
// the [check] settings — is as it was.
type checkCache struct {
	key     string
	files   map[string]checkedFile // by path relative to the workspace
	changed bool
}

type checkedFile struct {
	stamp    checkStamp
	findings []qa.Finding
}

// checkStamp is what a translators' file's findings were made from: the
// file, and the article's Polish file.
type checkStamp struct {
	Locale, Source index.Stamp
}

func (w *Workspace) checkCachePath() string { return w.Path(".mosty", "check") }

// checkKey fingerprints what a file's findings depend on besides the
// file: the checks (mosty's binary: a rebuilt mosty may check otherwise),
// the glossary and the [check] settings.
func (w *Workspace) checkKey() string {
	g, _ := os.ReadFile(w.Path("glossary.toml"))
	return w.ChecksKey(g)
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

// loadCheckCache reads the cache; one made under another key, or damaged,
// is empty.
func (w *Workspace) loadCheckCache() *checkCache {
	c := &checkCache{key: w.checkKey(), files: map[string]checkedFile{}}
	data, err := safefile.Read(w.checkCachePath(), maxCacheFile)
	if err != nil {
		return c
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	if !sc.Scan() || sc.Text() != c.key {
		return c
	}
	for sc.Scan() {
		path, rest, _ := strings.Cut(sc.Text(), "\t")
		var f struct {
			Stamp    checkStamp
			Findings []qa.Finding
		}
		if json.Unmarshal([]byte(rest), &f) != nil {
			return &checkCache{key: c.key, files: map[string]checkedFile{}}
		}
		c.files[path] = checkedFile{stamp: f.Stamp, findings: f.Findings}
	}
	return c
}

// get returns a file's findings when its stamp is the one they were made
// for.
func (c *checkCache) get(path string, st checkStamp) ([]qa.Finding, bool) {
	f, ok := c.files[path]
	return f.findings, ok && f.stamp == st
}

func (c *checkCache) put(path string, st checkStamp, findings []qa.Finding) {
	c.files[path] = checkedFile{stamp: st, findings: findings}
	c.changed = true
}

// save writes the cache when it changed, keeping only the files seen.
func (w *Workspace) saveCheckCache(c *checkCache, seen map[string]bool) error {
	for path := range c.files {
		if !seen[path] {
			delete(c.files, path)
			c.changed = true
		}
	}
	if !c.changed {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(c.key + "\n")
	for _, path := range sortedKeys(c.files) {
		f := c.files[path]
		line, err := json.Marshal(struct {
			Stamp    checkStamp
			Findings []qa.Finding
		}{f.stamp, f.findings})
		if err != nil {
			return err
		}
		b.WriteString(path + "\t")
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.MkdirAll(w.Path(".mosty"), 0o755); err != nil {
		return err
	}
	return safefile.Write(w.checkCachePath(), b.Bytes(), safefile.Options{}) // a cache: no sync
}
