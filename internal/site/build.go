package site

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/render"
	"github.com/mosty-dev/mosty/locales"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// An Input is one article with its locale files.
type Input struct {
	Article *article.Article         // extracted and segmented, Slug set
	Source  *catalog.File            // locales/<source>/<slug>.toml: the ids
	Targets map[string]*catalog.File // by language; a missing file is nil
	Updated time.Time                // when the Polish was last imported
	Base    *url.URL                 // the original page's address, for its relative links; nil for a file
}

// Config is what the whole site shares.
type Config struct {
	SiteName, BaseURL, SourceLang string
	Targets                       []string
	Rules                         Rules
	Layout                        Layout
	Templates                     *render.Templates
	Bundle                        *i18n.Bundle
	// Assets are the files the site has besides its pages (the workspace's
	// static/), as slash paths from the site's root: "uploads/x.jpg".
	Assets map[string]bool
	// TempDir is where Indexes sorts the versions on disk ("" for the
	// system's temporary folder).
	TempDir string
}

// A Problem is a translation that cannot be published as it is, named by
// file and segment.
type Problem struct {
	File, Segment, Msg string
	Warning            bool // covered by the fallback rule: the Polish is shown
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: segment %s: %s", p.File, p.Segment, p.Msg)
}

// A Version is one article in one language, published or not.
type Version struct {
	Slug, Lang, Title string
	Category          string // the source's category; the same in every language
	Summary           string // the page's description, plain text, for feeds
	Date              time.Time
	Published         bool
	Coverage          float64 // share of words with a publishable translation
	Fallbacks         int     // segments shown in Polish
	Previous          int     // segments showing the translation of earlier Polish
}

// An Article is what the site build decided for one article: its
// versions and its pages.
type Article struct {
	Slug     string
	Versions []Version
	Files    map[string][]byte // path relative to the output folder → content
	Problems []Problem
}

// segRef is one segment of the article: block and index within it.
type segRef struct {
	block, seg int
	id         string
}

// BuildArticle decides and renders one article's pages.
func BuildArticle(in Input, cfg Config) (*Article, error) {
	a := in.Article
	if Reserved(a.Slug) {
		return nil, hint.Wrap(fmt.Errorf("article %q: its slug is a name the site uses for its listings", a.Slug),
			"give it another slug: rename sources/"+a.Slug+".*, locales/*/"+a.Slug+".toml and the slug in sources/"+a.Slug+".meta.toml")
	}
	if in.Base == nil {
		localAssets(a, cfg.Assets)
	}
	refs, err := align(a, in.Source)
	if err != nil {
		return nil, err
	}
	out := &Article{Slug: a.Slug, Files: map[string][]byte{}}
	texts := map[string]map[[2]int]render.Text{cfg.SourceLang: sourceTexts(a)}
	out.Versions = append(out.Versions, Version{Slug: a.Slug, Lang: cfg.SourceLang, Title: a.Title, Category: a.Category, Date: a.Date, Published: true, Coverage: 100})
	for _, lang := range cfg.Targets {
		v, t, problems := choose(a, refs, in.Targets[lang], lang, cfg)
		out.Versions = append(out.Versions, v)
		out.Problems = append(out.Problems, problems...)
		texts[lang] = t
	}
	for _, p := range out.Problems {
		if !p.Warning {
			return out, nil // nothing is rendered for an article with errors
		}
	}
	published := publishedLangs(out.Versions)
	for i := range out.Versions {
		if !out.Versions[i].Published {
			continue
		}
		if err := renderVersion(out, in, &out.Versions[i], texts, published, cfg); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ErrStale says a source file's segments are not those of a fresh
// extraction of its original: the locale files are older than the
// original, or than this mosty's rules.
var ErrStale = errors.New("does not match its original: it was extracted from other bytes or by another mosty")

// align pairs the article's segments with the source file's units, in
// order; they must match, or the locale files are stale (ErrStale).
func align(a *article.Article, src *catalog.File) ([]segRef, error) {
	var refs []segRef
	units := src.Active()
	n := 0
	for i, b := range a.Blocks {
		for k, s := range b.Segments {
			if n >= len(units) || units[n].Source != s.Text {
				return nil, fmt.Errorf("%s %w", src.Path, ErrStale)
			}
			refs = append(refs, segRef{block: i, seg: k, id: units[n].ID})
			n++
		}
	}
	if n != len(units) {
		return nil, fmt.Errorf("%s %w", src.Path, ErrStale)
	}
	return refs, nil
}

func sourceTexts(a *article.Article) map[[2]int]render.Text {
	t := map[[2]int]render.Text{}
	for i, b := range a.Blocks {
		for k, s := range b.Segments {
			t[[2]int{i, k}] = render.Text{Text: s.Text}
		}
	}
	return t
}

// choose applies the publishing rules to one language.
func choose(a *article.Article, refs []segRef, f *catalog.File, lang string, cfg Config) (Version, map[[2]int]render.Text, []Problem) {
	v := Version{Slug: a.Slug, Lang: lang, Title: a.Title, Category: a.Category, Date: a.Date}
	byID := map[string]*catalog.Unit{}
	file := "locales/" + lang + "/" + a.Slug + ".toml"
	if f != nil {
		for i := range f.Units {
			if !f.Units[i].Obsolete {
				byID[f.Units[i].ID] = &f.Units[i]
			}
		}
	}
	texts := map[[2]int]render.Text{}
	var problems []Problem
	total, done, missing := 0, 0, 0
	for _, r := range refs {
		seg := a.Blocks[r.block].Segments[r.seg]
		words := catalog.Words(seg.Text)
		total += words
		u := byID[r.id]
		if u != nil {
			// A translation made from other Polish (a file older than
			// the source file) is fuzzy, whatever its status says.
			cur, _ := u.Against(seg.Text)
			u = &cur
		}
		ch := cfg.Rules.choose(u)
		if msg := unsettled(seg.Text, u, ch); msg != "" {
			fallback := cfg.Rules.Missing == "fallback"
			problems = append(problems, Problem{File: file, Segment: r.id, Msg: msg, Warning: fallback})
			ch = showMissing
		}
		key := [2]int{r.block, r.seg}
		switch ch {
		case showMissing:
			missing++
			texts[key] = render.Text{Text: seg.Text, Fallback: true}
			continue
		case showPrevious:
			v.Previous++
		}
		done += words
		texts[key] = render.Text{Text: u.Translation}
		if a.Blocks[r.block].Kind == article.KindTitle {
			v.Title = article.Plain(u.Translation)
		}
	}
	v.Coverage = 100
	if total > 0 {
		v.Coverage = 100 * float64(done) / float64(total)
	}
	v.Fallbacks = missing
	v.Published = v.Coverage >= cfg.Rules.MinCoverage && (cfg.Rules.Missing == "fallback" || missing == 0)
	return v, texts, problems
}

// unsettled says why a segment's translation cannot be published as it
// is: its placeholders do not match the Polish, or a git merge left two
// versions of it that nobody has picked between yet.
func unsettled(source string, u *catalog.Unit, ch choice) string {
	if u != nil && u.Conflicted() {
		return "changed two ways in a git merge: not published until someone picks one (mosty resolve)"
	}
	if ch == showMissing {
		return ""
	}
	if err := article.CheckPlaceholders(source, u.Translation); err != nil {
		return err.Error()
	}
	return ""
}

func publishedLangs(vs []Version) []string {
	var out []string
	for _, v := range vs {
		if v.Published {
			out = append(out, v.Lang)
		}
	}
	return out
}

func renderVersion(out *Article, in Input, v *Version, texts map[string]map[[2]int]render.Text, published []string, cfg Config) error {
	a := in.Article
	lang := v.Lang
	chrome := locales.NewChrome(cfg.Bundle, lang)
	text := func(b, seg int) render.Text { return texts[lang][[2]int{b, seg}] }
	body, err := render.Body(a, text, cfg.SourceLang, chrome.T("UntranslatedFragment", nil), in.Base)
	if err != nil {
		return fmt.Errorf("%s in %s: %w", a.Slug, lang, err)
	}
	page := render.ArticlePage{
		Page:    basePage(cfg, chrome, lang, v.Title, a.Slug, published, "../"),
		Date:    chrome.Date(a.Date),
		Body:    body,
		DateISO: isoDate(a.Date),
	}
	page.Heading = v.Title
	page.Description = description(a, texts[lang])
	v.Summary = summary(page.Description)
	if lang != cfg.SourceLang {
		page.ParallelURL = "parallel.html"
		page.OriginalURL = "../../" + pageURL(cfg.SourceLang, a.Slug)
		if v.Fallbacks > 0 {
			page.Notes = append(page.Notes, chrome.T("TranslationInProgress", nil))
		}
		if v.Previous > 0 {
			page.Notes = append(page.Notes, chrome.T("UpdatedInPolish", map[string]any{"Date": chrome.Date(in.Updated)}))
		}
	}
	html, err := cfg.Templates.Execute("article", page)
	if err != nil {
		return err
	}
	out.Files[articlePage(lang, a.Slug)] = html
	if lang == cfg.SourceLang {
		return nil
	}
	pp := render.ParallelPage{Page: page.Page}
	pp.Title = chrome.T("ParallelText", nil) + ": " + v.Title
	pp.Canonical, pp.Alternates = "", nil // a reading aid, not a page to index
	src := func(b, seg int) render.Text { return texts[cfg.SourceLang][[2]int{b, seg}] }
	for i, b := range a.Blocks {
		for k := range b.Segments {
			s, err := render.Segment(a, i, k, src(i, k), src, in.Base)
			if err != nil {
				return err
			}
			t := text(i, k)
			tg, err := render.Segment(a, i, k, t, text, in.Base)
			if err != nil {
				return err
			}
			pp.Rows = append(pp.Rows, render.Row{Source: s, Target: tg, Fallback: t.Fallback})
		}
	}
	html, err = cfg.Templates.Execute("parallel", pp)
	if err != nil {
		return err
	}
	out.Files[parallelPage(lang, a.Slug)] = html
	return nil
}

// basePage fills what every page of an article has. up is the way from
// the page's folder to its language's index.
func basePage(cfg Config, chrome *locales.Chrome, lang, title, slug string, published []string, up string) render.Page {
	p := render.Page{Lang: lang, SourceLang: cfg.SourceLang, Title: title, Heading: title, SiteName: cfg.SiteName, Chrome: chrome, Home: up}
	for _, l := range published {
		url := pageURL(l, slug)
		p.Alternates = append(p.Alternates, render.Link{Lang: l, URL: cfg.BaseURL + url})
		p.Switcher = append(p.Switcher, render.Link{Lang: l, Name: LangName(l), URL: up + "../" + url, Current: l == lang})
	}
	p.Alternates = append(p.Alternates, render.Link{Lang: "x-default", URL: cfg.BaseURL + pageURL(cfg.SourceLang, slug)})
	p.Canonical = cfg.BaseURL + pageURL(lang, slug)
	return p
}

// LangName is a language's name in itself, capitalised: Polski, Русский.
func LangName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	n := display.Self.Name(tag)
	if n == "" {
		return code
	}
	r := []rune(n)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func description(a *article.Article, texts map[[2]int]render.Text) string {
	for i, b := range a.Blocks {
		if b.Kind == article.KindDescription {
			t := texts[[2]int{i, 0}]
			if t.Fallback {
				return ""
			}
			var parts []string
			for k := range b.Segments {
				parts = append(parts, article.Plain(texts[[2]int{i, k}].Text))
			}
			return strings.Join(parts, " ")
		}
	}
	return ""
}

// maxSummary bounds the description a feed entry carries, in runes.
const maxSummary = 300

// summary is a description cut at a word boundary to maxSummary runes.
func summary(desc string) string {
	r := []rune(desc)
	if len(r) <= maxSummary {
		return desc
	}
	cut := string(r[:maxSummary])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// newestFirst orders versions newest first, then by slug, for listings
// and feeds; undated articles come last.
func newestFirst(a, b *Version) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}
