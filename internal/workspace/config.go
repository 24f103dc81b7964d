// Package workspace is mosty's user data on disk: the mosty.toml settings,
// the sources/ folder of acquired originals, the locales/ folder of
// translation files, the caches in .mosty/. It knows the layout, reads the
// settings, writes files atomically and keeps two mosty processes from
// writing at once; it runs the stages (acquire → extract → segment →
// catalog → tm, glossary → site) for the commands.
//
// A Workspace is read-only after Open. Each operation (Import, Sync,
// Build, Check…) starts an op value that carries what it reads once — the
// file listing, translation memories, glossary, segmenter — and passes it
// down; nothing outlives the call. Articles is the one list of articles;
// pipelineFingerprint (fingerprint.go) the one value saying how a Polish
// file was made.
//
// It must not hold the rules of any stage: how to find an article, split a
// sentence, merge a translation (catalog), pre-fill from the memory (tm)
// or show glossary terms (glossary) live in their own packages.
package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/langtag"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/site"
	toml "github.com/pelletier/go-toml/v2"
)

// ConfigFile is the name of the settings file that marks a workspace.
const ConfigFile = "mosty.toml"

// Config is mosty.toml.
type Config struct {
	SourceLanguage  string   `toml:"source_language"`
	TargetLanguages []string `toml:"target_languages"`
	SiteName        string   `toml:"site_name"`
	BaseURL         string   `toml:"base_url"`
	Segment         struct {
		// Abbreviations adds the workspace's own abbreviations, per
		// language, to the segmenter's rules.
		Abbreviations map[string][]string `toml:"abbreviations"`
	} `toml:"segment"`
	Profile *extract.Profile `toml:"profile"`
	// Build holds the publishing rules; see site.Rules.
	Build site.Rules `toml:"build"`
	// Site cuts up the site's listings and sitemaps; see site.Layout.
	Site site.Layout `toml:"site"`
	// TM tunes the translation memory.
	TM struct {
		Prefill  bool `toml:"prefill"`   // fill new segments from exact matches (as fuzzy)
		MinMatch int  `toml:"min_match"` // offer close matches from this similarity (0-100)
	} `toml:"tm"`
	// Check tunes mosty check.
	Check struct {
		Errors []string `toml:"errors"` // checks whose warnings count as errors
	} `toml:"check"`
	// Fetch tunes mosty fetch.
	Fetch struct {
		UserAgent string  `toml:"user_agent"` // how mosty introduces itself to sites
		PerHost   float64 `toml:"per_host"`   // requests per second to one site
	} `toml:"fetch"`
}

// ErrNotWorkspace is returned when a folder has no mosty.toml.
var ErrNotWorkspace = errors.New("not a mosty workspace")

// A ConfigError is a mistake in mosty.toml, with where it is.
type ConfigError struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// readConfig reads and checks mosty.toml. Unknown keys are errors, so a
// misspelt setting does not pass silently.
func readConfig(path string) (*Config, error) {
	data, err := safefile.Read(path, maxSmallFile)
	if err != nil {
		return nil, err
	}
	c := Config{Build: site.DefaultRules(), Site: site.DefaultLayout()}
	c.TM.Prefill, c.TM.MinMatch = true, 75
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, tomlError(path, err)
	}
	if c.SourceLanguage == "" {
		c.SourceLanguage = "pl"
	}
	if !langtag.Valid(c.SourceLanguage) {
		// It names a folder under locales/.
		return nil, &ConfigError{Path: path, Msg: fmt.Sprintf("source_language %q is not a language code", c.SourceLanguage)}
	}
	if len(c.TargetLanguages) == 0 {
		return nil, &ConfigError{Path: path, Msg: "target_languages is empty: name at least one language, e.g. [\"ru\", \"en\"]"}
	}
	for _, l := range c.TargetLanguages {
		if l == c.SourceLanguage || !langtag.Valid(l) {
			return nil, &ConfigError{Path: path, Msg: fmt.Sprintf("target language %q is not a language code other than the source %q", l, c.SourceLanguage)}
		}
	}
	if err := c.Build.Check(); err != nil {
		return nil, &ConfigError{Path: path, Msg: "[build]: " + err.Error()}
	}
	if err := c.Site.Check(); err != nil {
		return nil, &ConfigError{Path: path, Msg: "[site]: " + err.Error()}
	}
	if c.Profile != nil {
		if err := extract.CheckProfile(*c.Profile); err != nil {
			return nil, &ConfigError{Path: path, Msg: "[profile]: " + err.Error()}
		}
	}
	return &c, nil
}

// tomlError turns a go-toml error into one naming the file, line and
// column.
func tomlError(path string, err error) error {
	var sme *toml.StrictMissingError
	if errors.As(err, &sme) && len(sme.Errors) > 0 {
		row, col := sme.Errors[0].Position()
		return &ConfigError{Path: path, Line: row, Column: col, Msg: fmt.Sprintf("unknown key %q", strings.Join(sme.Errors[0].Key(), "."))}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if k := de.Key(); len(k) > 0 {
			msg = fmt.Sprintf("%s (key %q)", msg, strings.Join(k, "."))
		}
		return &ConfigError{Path: path, Line: row, Column: col, Msg: msg}
	}
	return &ConfigError{Path: path, Msg: err.Error()}
}
