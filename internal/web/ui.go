package web

import (
	"embed"
	"fmt"
	"net/http"
	"slices"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var uiFiles embed.FS

// uiLangs are the languages the app speaks; the first is the fallback.
var uiLangs = []string{"en", "pl", "ru"}

// uiCookie remembers the language a person switched to.
const uiCookie = "mosty_ui"

// ui holds the app's own strings in every language it speaks.
type ui struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
	// forms are each language's messages by id, then plural form
	// (one, few, many, other), for the pages' scripts.
	forms map[string]map[string]map[string]string
}

func loadUI() (*ui, error) {
	u := &ui{bundle: i18n.NewBundle(language.English), forms: map[string]map[string]map[string]string{}}
	u.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var tags []language.Tag
	for _, l := range uiLangs {
		mf, err := u.bundle.LoadMessageFileFS(uiFiles, "locales/ui."+l+".toml")
		if err != nil {
			return nil, fmt.Errorf("mosty serve's %s messages: %w", l, err)
		}
		u.forms[l] = map[string]map[string]string{}
		for _, m := range mf.Messages {
			f := map[string]string{"other": m.Other}
			for form, text := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many} {
				if text != "" {
					f[form] = text
				}
			}
			u.forms[l][m.ID] = f
		}
		tags = append(tags, language.MustParse(l))
	}
	u.matcher = language.NewMatcher(tags)
	return u, nil
}

// choose picks the language of a request: ?ui=, then the cookie a switch
// set, then the browser's Accept-Language.
func (u *ui) choose(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("ui"); slices.Contains(uiLangs, l) {
		http.SetCookie(w, &http.Cookie{Name: uiCookie, Value: l, Path: "/", SameSite: http.SameSiteStrictMode, MaxAge: 365 * 24 * 3600})
		return l
	}
	if c, err := r.Cookie(uiCookie); err == nil && slices.Contains(uiLangs, c.Value) {
		return c.Value
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, i, conf := u.matcher.Match(tags...)
	if conf == language.No {
		return uiLangs[0]
	}
	return uiLangs[i]
}

// localizer is the strings of one request's language.
type localizer struct {
	Lang string
	loc  *i18n.Localizer
	ui   *ui
}

func (u *ui) localizer(w http.ResponseWriter, r *http.Request) *localizer {
	lang := u.choose(w, r)
	return &localizer{Lang: lang, loc: i18n.NewLocalizer(u.bundle, lang, uiLangs[0]), ui: u}
}

// T is message id, filled with data given as pairs of name and value.
func (l *localizer) T(id string, pairs ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

// Forms are the language's messages for the pages' scripts.
func (l *localizer) Forms() map[string]map[string]string { return l.ui.forms[l.Lang] }
