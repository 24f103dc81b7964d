package web

import (
	"bytes"
	"embed"
	"html/template"
	"mime"
	"net/http"
	"path"
	"slices"

	"github.com/mosty-dev/mosty/internal/site"
)

//go:embed templates/page.html
var templateFiles embed.FS

//go:embed assets
var assetFiles embed.FS

var pageTemplate = template.Must(template.ParseFS(templateFiles, "templates/page.html"))

// pageData is what the page template shows.
type pageData struct {
	L          *localizer
	Page       string // start, article or denied
	Title      string
	Message    string
	SiteName   string
	Slug, Lang string
	LangName   string
	SourceLang string
	Targets    []langLink
	UILangs    []langLink
}

type langLink struct {
	Code, Name string
	Current    bool
}

func (s *Server) pageData(loc *localizer, page, title string) pageData {
	d := pageData{L: loc, Page: page, Title: title, SiteName: s.store.siteName(), SourceLang: s.store.sourceLang()}
	for _, l := range s.store.targets() {
		d.Targets = append(d.Targets, langLink{Code: l, Name: site.LangName(l)})
	}
	for _, l := range uiLangs {
		d.UILangs = append(d.UILangs, langLink{Code: l, Name: site.LangName(l), Current: l == loc.Lang})
	}
	return d
}

func (s *Server) render(w http.ResponseWriter, code int, d pageData) {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b.Bytes())
}

func (s *Server) startPage(w http.ResponseWriter, r *http.Request, loc *localizer) {
	s.render(w, http.StatusOK, s.pageData(loc, "start", loc.T("AppTitle")))
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request, loc *localizer) {
	slug := r.PathValue("slug")
	lang, known := s.targetLang(r.PathValue("lang"))
	var src bool
	if validSlug(slug) && known {
		f, err := s.store.load(s.store.sourceLang(), slug)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		if src = f != nil; src {
			d := s.pageData(loc, "article", f.Header.Title)
			d.Slug, d.Lang, d.LangName = slug, lang, site.LangName(lang)
			s.render(w, http.StatusOK, d)
			return
		}
	}
	d := s.pageData(loc, "denied", loc.T("NotFound"))
	d.Message = loc.T("NotFound")
	s.render(w, http.StatusNotFound, d)
}

// denied is the page for a request without the token.
func (s *Server) denied(w http.ResponseWriter, loc *localizer) {
	d := s.pageData(loc, "denied", "mosty")
	d.Message = loc.T("Denied")
	s.render(w, http.StatusUnauthorized, d)
}

// asset serves the app's own scripts, styles and icon, built in.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := assetFiles.ReadFile("assets/" + name)
	if err != nil || name != path.Base(name) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// preview serves an article's page or parallel page in a language as
// mosty build renders it, built afresh from the files.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	slug, page := r.PathValue("slug"), r.PathValue("page")
	if page == "" {
		page = "index.html"
	}
	lang, known := s.targetLang(r.PathValue("lang"))
	if r.PathValue("lang") == s.store.sourceLang() {
		lang, known = s.store.sourceLang(), true
	}
	if !validSlug(slug) || !known || !slices.Contains([]string{"index.html", "parallel.html"}, page) {
		http.NotFound(w, r)
		return
	}
	art, err := s.store.preview(slug)
	if err != nil {
		writeFailure(w, err)
		return
	}
	data, ok := art.Files[lang+"/"+slug+"/"+page]
	if !ok {
		msg := "no such page"
		for _, p := range art.Problems {
			msg += "; " + p.String()
		}
		http.Error(w, msg, http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Security-Policy", previewCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(data)
}
