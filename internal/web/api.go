package web

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/workspace"
)

// maxBody bounds a request's body: a segment's translation and status.
const maxBody = 64 << 10

var (
	errNotFound = errors.New("not found")
	errNoFile   = errors.New("the article has no translators' file in this language yet")
)

// apiError is the body of every error answer.
type apiError struct {
	Error    string       `json:"error"`
	Hint     string       `json:"hint,omitempty"`
	Segment  *segmentView `json:"segment,omitempty"`  // 409: the segment as it is now
	Problems []problem    `json:"problems,omitempty"` // 422: what stops the save
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg, hint string) {
	writeJSON(w, code, apiError{Error: msg, Hint: hint})
}

// writeFailure answers an error from the workspace: a busy workspace is
// 503, a file with a mistake 500 naming it, with its hint.
func writeFailure(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, errNoFile):
		writeError(w, http.StatusNotFound, err.Error(), "run mosty sync to make it")
	case errors.Is(err, errNotFound):
		writeError(w, http.StatusNotFound, "no such segment", "")
	case errors.Is(err, fs.ErrNotExist):
		writeError(w, http.StatusNotFound, err.Error(), "")
	case errors.Is(err, workspace.ErrLocked):
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusServiceUnavailable, err.Error(), "another mosty command (sync, merge, import) is writing the workspace: try again in a moment")
	default:
		writeError(w, http.StatusInternalServerError, err.Error(), hint.Of(err))
	}
}

// target reads and checks the slug and language of a request's path,
// answering 404 itself when they name no article's translators' file.
func (s *Server) target(w http.ResponseWriter, r *http.Request) (slug, lang string, ok bool) {
	slug = r.PathValue("slug")
	lang, known := s.targetLang(r.PathValue("lang"))
	switch {
	case !validSlug(slug):
		writeError(w, http.StatusNotFound, "no article "+quote(slug), "article names are lower-case letters, digits and hyphens")
	case !known:
		writeError(w, http.StatusNotFound, "no target language "+quote(r.PathValue("lang")), "the workspace translates into "+joinLangs(s.store.targets()))
	default:
		return slug, lang, true
	}
	return "", "", false
}

// articleJSON is GET /api/articles/{slug}/{lang}.
type articleJSON struct {
	Slug       string        `json:"slug"`
	Lang       string        `json:"lang"`
	SourceLang string        `json:"source_lang"`
	Title      string        `json:"title"`
	Segments   []segmentView `json:"segments"`
	Preview    string        `json:"preview"`  // the page as mosty build renders it
	Parallel   string        `json:"parallel"` // its parallel page
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	slug, lang, ok := s.target(w, r)
	if !ok {
		return
	}
	f, c, err := s.segmentContext(slug, lang)
	defer c.close()
	if err != nil {
		writeFailure(w, err)
		return
	}
	if f == nil {
		writeError(w, http.StatusNotFound, "no article "+quote(slug), "run mosty status to list the articles")
		return
	}
	out := articleJSON{Slug: slug, Lang: lang, SourceLang: s.store.sourceLang(), Title: f.Header.Title, Segments: []segmentView{},
		Preview: "/preview/" + lang + "/" + slug + "/index.html", Parallel: "/preview/" + lang + "/" + slug + "/parallel.html"}
	for _, u := range f.Active() {
		out.Segments = append(out.Segments, c.view(u))
	}
	writeJSON(w, http.StatusOK, out)
}

// segmentContext reads what the views of an article's segments in lang
// need; the file is nil when the article does not exist.
func (s *Server) segmentContext(slug, lang string) (*catalog.File, *segmentContext, error) {
	src, err := s.store.load(s.store.sourceLang(), slug)
	if err != nil || src == nil {
		return nil, nil, err
	}
	f, err := s.store.load(lang, slug)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		// Not synced for this language yet: every segment is new.
		f = catalog.NewTarget(s.store.ws.LocalePath(lang, slug), src, lang)
		f.Merge(src.Units, nil, false)
	}
	g, _, err := s.store.glossary()
	if err != nil {
		return nil, nil, err
	}
	c := &segmentContext{slug: slug, lang: lang, file: s.store.rel(lang, slug), glossary: g, minMatch: s.store.ws.Config.TM.MinMatch,
		checker: &qa.Checker{Glossary: g, Errors: s.store.checkErrors()}}
	if m, release, err := s.store.memory(lang); err == nil {
		c.memory, c.release = m, release
	}
	if a, err := s.store.article(slug); err == nil {
		c.tags = tagsByID(src, a)
	}
	return f, c, nil
}
