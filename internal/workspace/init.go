package workspace

import (
	"fmt"
	"os"
	"path/filepath"
)

// configTemplate is the mosty.toml that init writes: every setting with a
// comment, so a person can edit it without the manual.
const configTemplate = `# mosty workspace settings. mosty reads this file and never rewrites it.

# The language the articles are written in.
source_language = "pl"

# The languages they are translated into; one locales/<lang>/ folder each.
target_languages = ["ru", "en"]

# Shown in page titles and headers of the built site.
site_name = %q

# Where the site will be published; canonical and hreflang links start here.
base_url = "https://example.org/"

[build]
# Publish a language's page only when this share of the article's words
# (0-100) is translated.
min_coverage = 100
# What a published page shows where a translation is missing: "fallback"
# (the Polish, marked and flagged) or "withhold" (no page until complete).
missing = "fallback"
# When the Polish changed after translation: "previous" keeps the earlier
# translation published with a note, "publish" shows fuzzy text as it is,
# "missing" treats it as untranslated.
fuzzy = "previous"

# [segment.abbreviations]
# Abbreviations of your own that never end a sentence, per language:
# pl = ["WKB.", "PFRR."]

# [profile]
# CSS selectors for the parts of your site's pages, when automatic
# extraction needs help (every key is optional):
# article = "article.news"
# title = "h1.news-title"
# date = ".news-date time"
# body = ".news-body"
# exclude = [".share", ".pager"]
# links = ".news-item h2 a"         # on listing pages: the links to articles
# next = ".pagination a.next"       # and to the next page

# [tm]
# prefill = true                    # fill new segments from exact matches (as fuzzy)
# min_match = 75                    # offer close matches from this similarity

# [check]
# errors = ["numbers", "glossary"]  # warnings of these checks count as errors

# [fetch]
# user_agent = "mosty/1 (your contact)"
# per_host = 1                      # requests per second to one site
`

// Init makes a new workspace in dir, which may exist but must not be a
// workspace already.
func Init(dir, siteName string) (*Workspace, error) {
	cfg := filepath.Join(dir, ConfigFile)
	if _, err := os.Stat(cfg); err == nil {
		return nil, fmt.Errorf("%s already exists: %s is a workspace; nothing was changed", cfg, dir)
	}
	for _, d := range []string{dir, filepath.Join(dir, "sources"), filepath.Join(dir, "locales")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	if err := writeFile(cfg, []byte(fmt.Sprintf(configTemplate, siteName))); err != nil {
		return nil, err
	}
	return Open(dir)
}
