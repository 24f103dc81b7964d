package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/qa"
)

// saveRequest is the body of PUT …/segments/{id}.
type saveRequest struct {
	Translation *string `json:"translation"`
	Status      string  `json:"status"`
	Rev         *string `json:"rev"`
	// Name is who saves: kept in the segment as translator or reviewer.
	Name string `json:"name"`
}

// saveResponse is the answer to a save that went through.
type saveResponse struct {
	Rev      string      `json:"rev"`
	Problems []problem   `json:"problems"`
	Segment  segmentView `json:"segment"`
}

// The keys a save writes into the segment: who did it and when.
const (
	keyTranslator   = "translator"
	keyTranslatedAt = "translated_at"
	keyReviewer     = "reviewer"
	keyReviewedAt   = "reviewed_at"
)

// maxName bounds the name a person gives.
const maxName = 80

// staleError is a save over a version the client did not see.
type staleError struct{ current catalog.Unit }

func (e *staleError) Error() string { return "the segment changed since it was read" }

// refusedError is a save as translated or reviewed with errors in it.
type refusedError struct{ problems []problem }

func (e *refusedError) Error() string { return "the translation has errors" }

func (s *Server) putSegment(w http.ResponseWriter, r *http.Request) {
	slug, lang, ok := s.target(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		writeError(w, http.StatusNotFound, "no segment "+quote(id), "")
		return
	}
	req, ok := decodeSave(w, r)
	if !ok {
		return
	}
	_, c, err := s.segmentContext(slug, lang)
	defer c.close()
	if err != nil || c == nil {
		if err == nil {
			err = errNotFound
		}
		writeFailure(w, err)
		return
	}
	var saved catalog.Unit
	err = s.store.update(lang, slug, func(f *catalog.File) (err error) {
		saved, err = s.saveIn(f, id, req, c)
		return err
	})
	s.answerSave(w, err, saved, c)
}

// saveIn applies a save to the segment id of a translators' file as read
// under the workspace lock, and returns the segment as saved.
func (s *Server) saveIn(f *catalog.File, id string, req saveRequest, c *segmentContext) (catalog.Unit, error) {
	i := activeIndex(f, id)
	if i < 0 {
		return catalog.Unit{}, errNotFound
	}
	u, err := s.applySave(f.Units[i], req, c)
	if err != nil {
		return u, err
	}
	f.Units[i] = u
	return u, nil
}

// decodeSave reads a save's body, answering 400 or 413 itself.
func decodeSave(w http.ResponseWriter, r *http.Request) (saveRequest, bool) {
	var req saveRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(&req)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is larger than %d bytes", maxBody), "")
	case err != nil:
		writeError(w, http.StatusBadRequest, "bad JSON: "+err.Error(), `send {"translation": "…", "status": "translated", "rev": "…"}`)
	case req.Translation == nil || req.Rev == nil:
		writeError(w, http.StatusBadRequest, "translation and rev are required", "rev is the segment's rev as the last GET gave it")
	case !validStatus(req.Status):
		writeError(w, http.StatusBadRequest, "status "+quote(req.Status)+" is not one of new, fuzzy, translated, reviewed", "")
	case len(req.Name) > maxName || strings.ContainsFunc(req.Name, unicode.IsControl):
		writeError(w, http.StatusBadRequest, "the name is too long or has control characters", "")
	default:
		return req, true
	}
	return req, false
}

func validStatus(s string) bool {
	for _, v := range catalog.Statuses {
		if string(v) == s {
			return true
		}
	}
	return false
}

func activeIndex(f *catalog.File, id string) int {
	for i, u := range f.Units {
		if u.ID == id && !u.Obsolete {
			return i
		}
	}
	return -1
}

// applySave decides a save: it returns the unit to write, or why not.
// A save that asks for what the file already has succeeds whatever its
// rev, so a retried save is not a conflict.
func (s *Server) applySave(u catalog.Unit, req saveRequest, c *segmentContext) (catalog.Unit, error) {
	status := catalog.Status(req.Status)
	if u.Translation == *req.Translation && u.Status == status && !u.Conflicted() {
		return u, nil
	}
	if rev(u) != *req.Rev {
		return u, &staleError{current: u}
	}
	next := u
	// A git merge's other version (conflict_translation, conflict_status,
	// conflict_<key>) was in front of the person who saved: settled, the
	// saved text kept.
	if err := next.Resolve(catalog.Ours); err != nil {
		return u, err
	}
	next.Extra = maps.Clone(next.Extra)
	next.Translation, next.Status = *req.Translation, status
	if status.Done() {
		if errs := refusing(c.problems(next)); len(errs) > 0 {
			return u, &refusedError{problems: errs}
		}
		next = next.Accept() // the translator saw the change and confirmed it: as merge does
	}
	s.sign(&next, strings.TrimSpace(req.Name), status)
	return next, nil
}

// refusing are the problems that stop a segment from being marked done:
// placeholders that do not match, an empty translation.
func refusing(ps []problem) []problem {
	var out []problem
	for _, p := range ps {
		if p.Check == qa.CheckPlaceholders || p.Check == qa.CheckEmpty {
			out = append(out, p)
		}
	}
	return out
}

// sign records who saved the segment, and when, in its own keys.
func (s *Server) sign(u *catalog.Unit, name string, status catalog.Status) {
	if name == "" {
		return
	}
	if u.Extra == nil {
		u.Extra = map[string]any{}
	}
	now := s.now().UTC().Truncate(time.Second)
	if status == catalog.Reviewed {
		u.Extra[keyReviewer], u.Extra[keyReviewedAt] = name, now
		return
	}
	u.Extra[keyTranslator], u.Extra[keyTranslatedAt] = name, now
}

func (s *Server) answerSave(w http.ResponseWriter, err error, saved catalog.Unit, c *segmentContext) {
	var stale *staleError
	var refused *refusedError
	switch {
	case errors.As(err, &stale):
		v := c.view(stale.current)
		writeJSON(w, http.StatusConflict, apiError{Error: "the segment changed since you read it: nothing was saved",
			Hint: "compare with the current version, then save again with its rev", Segment: &v})
	case errors.As(err, &refused):
		writeJSON(w, http.StatusUnprocessableEntity, apiError{Error: "the translation cannot be marked done with these errors: nothing was saved",
			Hint: "fix the placeholders, or save it as fuzzy", Problems: refused.problems})
	case err != nil:
		writeFailure(w, err)
	default:
		v := c.view(saved)
		writeJSON(w, http.StatusOK, saveResponse{Rev: v.Rev, Problems: v.Problems, Segment: v})
	}
}

// checkRequest is the body of POST …/segments/{id}/check.
type checkRequest struct {
	Translation string `json:"translation"`
	Status      string `json:"status"`
}

// checkSegment runs the checks on a translation being typed, without
// saving it.
func (s *Server) checkSegment(w http.ResponseWriter, r *http.Request) {
	slug, lang, ok := s.target(w, r)
	if !ok {
		return
	}
	var req checkRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad JSON: "+err.Error(), `send {"translation": "…", "status": "translated"}`)
		return
	}
	if req.Status == "" {
		req.Status = string(catalog.Translated)
	}
	if !validStatus(req.Status) {
		writeError(w, http.StatusBadRequest, "status "+quote(req.Status)+" is not one of new, fuzzy, translated, reviewed", "")
		return
	}
	f, c, err := s.segmentContext(slug, lang)
	defer c.close()
	if err != nil {
		writeFailure(w, err)
		return
	}
	i := -1
	if f != nil {
		i = activeIndex(f, r.PathValue("id"))
	}
	if i < 0 {
		writeFailure(w, errNotFound)
		return
	}
	u := f.Units[i]
	u.Translation, u.Status = req.Translation, catalog.Status(req.Status)
	writeJSON(w, http.StatusOK, map[string]any{"problems": c.problems(u)})
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func joinLangs(langs []string) string { return strings.Join(langs, ", ") }
