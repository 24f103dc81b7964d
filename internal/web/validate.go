package web

import (
	"regexp"
	"slices"
)

// These checks stand in for the command line's shared slug and language
// validation (issue 14) until it exists; they decide only whether a name
// from a URL may be looked up, so no path ever leaves the workspace.
var (
	slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
)

// validSlug reports whether s can be an article's slug.
func validSlug(s string) bool { return len(s) <= 200 && slugPattern.MatchString(s) }

// validID reports whether s can be a segment id.
func validID(s string) bool { return idPattern.MatchString(s) }

// validTarget reports whether lang is one of the workspace's target
// languages.
func (s *Server) validTarget(lang string) bool { return slices.Contains(s.store.targets(), lang) }
