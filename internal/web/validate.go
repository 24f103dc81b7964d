package web

import (
	"regexp"

	"github.com/mosty-dev/mosty/internal/acquire"
)

// Names from a URL are checked with mosty's shared rules before anything
// is looked up, so no path ever leaves the workspace.

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// validSlug reports whether s can be an article's slug (acquire.CheckSlug).
func validSlug(s string) bool { return acquire.CheckSlug(s) == nil }

// validID reports whether s can be a segment id.
func validID(s string) bool { return idPattern.MatchString(s) }

// targetLang reads a language of a URL as one of the workspace's target
// languages, spelt as mosty.toml does ("ru-RU" is "ru"); ok is false for
// any other.
func (s *Server) targetLang(tag string) (lang string, ok bool) {
	lang, err := s.store.ws.TargetLanguage(tag)
	return lang, err == nil
}
