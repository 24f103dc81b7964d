package site

import (
	"strings"

	"github.com/mosty-dev/mosty/internal/article"
)

// pageDepth is how far an article's pages (<lang>/<slug>/index.html and
// parallel.html) are below the site's root.
const pageDepth = "../../"

// localAssets points the root-relative links of an article imported from
// a file — "/uploads/2017/12/photo.jpg" — at the site's copy of the
// workspace's static/ files, relative to the article's pages, so they work
// under any base URL and from disk. A link to a file static/ does not have
// is left as it is. A fetched article's links resolve against its address
// instead (Input.Base), so its remote images keep working.
func localAssets(a *article.Article, assets map[string]bool) {
	if len(assets) == 0 {
		return
	}
	fix := func(t *article.Tag) {
		for i, at := range t.Attrs {
			if at.Key != "src" && at.Key != "href" {
				continue
			}
			if p, ok := strings.CutPrefix(at.Val, "/"); ok && !strings.HasPrefix(p, "/") && assets[p] {
				t.Attrs[i].Val = pageDepth + p
			}
		}
	}
	for i := range a.Blocks {
		b := &a.Blocks[i]
		for k := range b.Tags {
			fix(&b.Tags[k])
		}
		if b.Wrap != nil {
			fix(b.Wrap)
		}
	}
}
