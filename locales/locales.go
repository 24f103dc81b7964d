// Package locales holds mosty's own user-interface strings — page chrome,
// month names, plural phrases — as go-i18n message files for Polish,
// Russian and English, built into the binary. Article text never goes
// here: it lives in the workspace's locale files.
package locales

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed active.*.toml
var files embed.FS

// Languages are the languages mosty's chrome is written in.
var Languages = []string{"pl", "ru", "en"}

// Bundle loads the message files.
func Bundle() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.Polish)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, l := range Languages {
		if _, err := b.LoadMessageFileFS(files, "active."+l+".toml"); err != nil {
			return nil, fmt.Errorf("mosty's %s messages: %w", l, err)
		}
	}
	return b, nil
}

// Chrome gives the strings of one language; a language mosty has no
// messages for gets English.
type Chrome struct {
	Lang string
	loc  *i18n.Localizer
}

// NewChrome returns the strings for lang.
func NewChrome(b *i18n.Bundle, lang string) *Chrome {
	return &Chrome{Lang: lang, loc: i18n.NewLocalizer(b, lang, "en")}
}

// T returns message id, filled with data.
func (c *Chrome) T(id string, data map[string]any) string {
	s, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id // a missing message shows its id rather than failing a build
	}
	return s
}

// N returns message id in the plural form for count ("5 статей").
func (c *Chrome) N(id string, count int) string {
	s, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: map[string]any{"Count": count}})
	if err != nil {
		return strconv.Itoa(count)
	}
	return s
}

// Date writes a date the way the language does: 13 grudnia 2017,
// 13 декабря 2017 г., 13 December 2017.
func (c *Chrome) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return c.T("DateFormat", map[string]any{
		"Day": t.Day(), "Month": c.T("Month"+strconv.Itoa(int(t.Month())), nil), "Year": t.Year(),
	})
}
