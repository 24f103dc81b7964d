package workspace

import (
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/site"
	"github.com/mosty-dev/mosty/internal/tm"
)

// What mosty serve reads besides the locale files: each call is an
// operation of its own, so it sees the files as they are now.

// Article reads an article's original from sources/ and extracts it as
// sync and build do, with its blocks' markup behind each placeholder.
func (w *Workspace) Article(slug string) (*article.Article, error) {
	a, _, err := w.newOp().article(slug)
	return a, err
}

// Preview renders one article's pages as mosty build would, except that
// every language gets its pages whatever its coverage (the Polish shown
// where a translation is missing), so a translator sees work in progress.
// It writes nothing.
func (w *Workspace) Preview(slug string) (*site.Article, error) {
	rules := w.Config.Build
	rules.MinCoverage, rules.Missing = 0, "fallback"
	cfg, err := w.siteConfig(rules)
	if err != nil {
		return nil, err
	}
	art, _, err := w.newOp().buildArticle(slug, cfg)
	return art, err
}

// Memory returns the translation memory of lang: every translated or
// reviewed segment of the workspace as the files are now. The caller
// closes it (tm.Memory.Close) when done: it holds its index file open.
func (w *Workspace) Memory(lang string) (*tm.Memory, error) {
	return w.newOp().memory(lang)
}
