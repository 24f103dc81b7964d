package workspace

import (
	"bytes"
	"encoding/json"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/site"
)

// buildCache remembers, per article, the stamps of its inputs and what the
// build made of them, so a rebuild renders only what changed.
type buildCache struct {
	Global   string                    `json:"global"`
	Articles map[string]*cachedArticle `json:"articles"`
	// Static are the copies of static/ the build wrote, so that the next
	// one removes those whose file is gone from static/.
	Static []string `json:"static,omitempty"`
}

type cachedArticle struct {
	Stamps   map[string]fileStamp    `json:"stamps"`
	Versions []site.Version          `json:"versions"`
	Files    []string                `json:"files"`
	Coverage catalog.ArticleCoverage `json:"coverage"` // for the editors' report
}

func (w *Workspace) buildCachePath() string { return w.Path(".mosty", "build.json") }

func (w *Workspace) loadBuildCache(global string) *buildCache {
	c := &buildCache{Global: global, Articles: map[string]*cachedArticle{}}
	data, err := safefile.Read(w.buildCachePath(), maxCacheFile)
	if err != nil {
		return c
	}
	var stored buildCache
	if json.Unmarshal(data, &stored) == nil && stored.Articles != nil {
		if stored.Global != global {
			// Other settings or templates: every page is rendered again,
			// but what the last build wrote is still known, to remove
			// what is no longer published.
			for _, a := range stored.Articles {
				a.Stamps = nil
			}
		}
		c.Articles, c.Static = stored.Articles, stored.Static
	}
	return c
}

func (w *Workspace) saveBuildCache(c *buildCache) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if old, err := safefile.Read(w.buildCachePath(), maxCacheFile); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return writeFile(w.buildCachePath(), data)
}
