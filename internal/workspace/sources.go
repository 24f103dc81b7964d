package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/site"
	toml "github.com/pelletier/go-toml/v2"
)

// SourceMeta is sources/<slug>.meta.toml: where an original came from and
// how it was read. The original's bytes sit beside it, unchanged.
type SourceMeta struct {
	Slug         string    `toml:"slug"`
	Origin       string    `toml:"origin"` // absolute path or URL
	Format       string    `toml:"format"`
	File         string    `toml:"file"` // the original's file name in sources/
	SHA256       string    `toml:"sha256"`
	Charset      string    `toml:"charset"`
	CharsetHow   string    `toml:"charset_how"`
	Declared     string    `toml:"declared_charset,omitempty"`
	Imported     time.Time `toml:"imported"`
	FinalURL     string    `toml:"final_url,omitempty"`
	Canonical    string    `toml:"canonical,omitempty"` // the page's canonical URL, for telling articles apart
	Fetched      time.Time `toml:"fetched,omitempty"`
	ContentType  string    `toml:"content_type,omitempty"`
	ETag         string    `toml:"etag,omitempty"`
	LastModified string    `toml:"last_modified,omitempty"`
}

func (w *Workspace) metaPath(slug string) string {
	return w.Path("sources", slug+metaSuffix)
}

// Sources reads the metadata of every article in the workspace, in slug
// order.
func (w *Workspace) Sources() ([]SourceMeta, error) {
	slugs, err := w.Articles()
	if err != nil {
		return nil, err
	}
	var metas []SourceMeta
	for _, slug := range slugs {
		m, err := readMeta(w.metaPath(slug))
		if err != nil {
			return nil, err
		}
		metas = append(metas, m)
	}
	return metas, nil
}

func readMeta(path string) (SourceMeta, error) {
	var m SourceMeta
	data, err := safefile.Read(path, maxSmallFile)
	if err != nil {
		return m, err
	}
	if err := toml.Unmarshal(data, &m); err != nil {
		return m, tomlError(path, err)
	}
	if m.Slug == "" {
		m.Slug = strings.TrimSuffix(filepath.Base(path), metaSuffix)
	}
	return m, checkMeta(path, m)
}

// checkMeta refuses metadata whose slug or file name could lead outside
// sources/ and locales/: sources/*.meta.toml is a file teams commit and
// share, so its slug must be the one its name says (acquire.CheckSlug) and
// its original's file name the slug and the extension of its format.
func checkMeta(path string, m SourceMeta) error {
	named := strings.TrimSuffix(filepath.Base(path), metaSuffix)
	var msg string
	switch want := m.Slug + (&acquire.Source{Format: acquire.Format(m.Format)}).Ext(); {
	case acquire.CheckSlug(m.Slug) != nil:
		msg = fmt.Sprintf("slug = %q: %v", m.Slug, acquire.CheckSlug(m.Slug))
	case m.Slug != named:
		msg = fmt.Sprintf("slug = %q, but the file is named for %q", m.Slug, named)
	case m.File != want:
		msg = fmt.Sprintf("file = %q, but the original of %q is %q", m.File, m.Slug, want)
	default:
		return nil
	}
	return hint.Wrap(fmt.Errorf("%s: %s", path, msg),
		"this file is mosty's record of where the article came from: put back the slug and file it had (git can show them), or import the article again; nothing was read or written")
}

// slugIndex says which slugs are taken and by which article, for giving
// new sources slugs and finding the article a source is a new version
// of: the workspace's index (see articleIndex), and the articles this
// import adds.
type slugIndex struct {
	w   *Workspace
	idx *articleIndex
	// This import's articles: by origin and slug, and their identity
	// keys (article.Identity.Keys).
	added, addedSlugs map[string]*SourceMeta
	addedKeys         map[string]string
}

func newSlugIndex(w *Workspace, idx *articleIndex) *slugIndex {
	return &slugIndex{w: w, idx: idx, added: map[string]*SourceMeta{}, addedSlugs: map[string]*SourceMeta{}, addedKeys: map[string]string{}}
}

// add records an article this import added; a, when known, gives its
// identity.
func (si *slugIndex) add(m SourceMeta, a *article.Article) {
	si.added[m.Origin] = &m
	si.addedSlugs[m.Slug] = &m
	if a != nil {
		for _, k := range article.IdentityOf(a).Keys() {
			si.addedKeys[k] = m.Slug
		}
	}
}

// byOrigin is the article imported from origin, nil when there is none.
func (si *slugIndex) byOrigin(origin string) *SourceMeta {
	if m, ok := si.added[origin]; ok {
		return m
	}
	for _, slug := range si.idx.ByOrigin(origin) {
		return si.bySlug(slug)
	}
	return nil
}

// bySlug is the metadata of an article, nil when there is none.
func (si *slugIndex) bySlug(slug string) *SourceMeta {
	if m, ok := si.addedSlugs[slug]; ok {
		return m
	}
	if _, ok := si.idx.Get(slug); !ok {
		return nil
	}
	m, err := readMeta(si.w.metaPath(slug))
	if err != nil {
		e, _ := si.idx.Get(slug) // what the index knows will do
		return &SourceMeta{Slug: slug, Origin: e.Origin, FinalURL: e.FinalURL, Canonical: e.Canonical, SHA256: e.SHA256}
	}
	return &m
}

func (si *slugIndex) taken(slug string) bool {
	_, ok := si.idx.Get(slug)
	return ok || si.addedSlugs[slug] != nil
}

// slugFor returns the slug a source is stored under, and how it was
// recognised when it is an article already there under another origin:
// the one it has when the same origin was imported before; the one of
// the article with the same canonical URL, or title and date
// (article.FindArticle); else a new one made from its name (or, without
// one, the article's title), with -2, -3… when another article has it or
// the site's listings use it ("page").
func (si *slugIndex) slugFor(src *acquire.Source, a *article.Article) (slug, sameAs string) {
	if m := si.byOrigin(src.Origin); m != nil {
		return m.Slug, ""
	}
	if slug, key, ok := article.FindArticle(article.IdentityOf(a), si.lookup); ok {
		return slug, article.How(key)
	}
	name := src.Name
	if name == "" {
		name = a.Title // a page whose address does not name it
	}
	base := acquire.Slug(name)
	slug = base
	for i := 2; si.taken(slug) || site.Reserved(slug); i++ {
		slug = base + "-" + strconv.Itoa(i)
	}
	return slug, ""
}

// lookup finds the article an identity key belongs to, in the index: the
// first slug, in slug order, as a scan of every article's files would.
func (si *slugIndex) lookup(key string) (string, bool) {
	if slug, ok := si.addedKeys[key]; ok {
		return slug, true
	}
	var slugs []string
	switch kind, rest, _ := strings.Cut(key, " "); kind {
	case "origin":
		slugs = si.idx.ByOrigin(rest)
	case "canonical":
		slugs = si.idx.ByCanonical("https://" + rest)
	case "title":
		date, title, _ := strings.Cut(rest, " ")
		slugs = si.idx.ByTitleDate(title, date)
	}
	if len(slugs) == 0 {
		return "", false
	}
	return slugs[0], true
}

// newMeta describes a source about to be stored under slug; extra holds
// what a fetch knows (final URL, ETag…).
func (w *Workspace) newMeta(slug string, src *acquire.Source, extra SourceMeta) SourceMeta {
	m := extra
	m.Slug, m.Origin, m.Format = slug, src.Origin, string(src.Format)
	m.File, m.SHA256 = slug+src.Ext(), src.Sum()
	m.Charset, m.CharsetHow, m.Declared = src.Decoded.Charset, src.Decoded.How, src.Decoded.Declared
	m.Imported = w.Now().UTC().Truncate(time.Second)
	if f := src.Fetch; f != nil {
		m.FinalURL, m.ETag, m.LastModified, m.ContentType = f.FinalURL, f.ETag, f.LastModified, f.ContentType
		m.Fetched = f.At.Truncate(time.Second)
	}
	return m
}

// saveSource stores an original's bytes and its metadata.
func (w *Workspace) saveSource(m SourceMeta, raw []byte) error {
	if err := writeFile(w.Path("sources", m.File), raw); err != nil {
		return err
	}
	data, err := encodeMeta(m)
	if err != nil {
		return err
	}
	return writeFile(w.metaPath(m.Slug), data)
}

func encodeMeta(m SourceMeta) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# Where sources/" + m.File + " came from. Written by mosty; the original's bytes are unchanged.\n")
	if err := toml.NewEncoder(&buf).Encode(m); err != nil {
		return nil, fmt.Errorf("encoding metadata of %s: %w", m.Slug, err)
	}
	return buf.Bytes(), nil
}

// ReadSource loads a stored original as an acquire.Source, for sync to
// extract again.
func (w *Workspace) ReadSource(m SourceMeta) (*acquire.Source, error) {
	raw, err := safefile.Read(w.Path("sources", m.File), acquire.MaxArticleFile)
	if err != nil {
		return nil, err
	}
	return &acquire.Source{Origin: m.Origin, Name: m.Slug, Format: acquire.Format(m.Format), Raw: raw, Decoded: acquire.Decode(raw, contentTypeFor(m))}, nil
}

// contentTypeFor gives back the Content-Type a server sent, so that a
// re-extraction reads the bytes as the fetch did.
func contentTypeFor(m SourceMeta) string {
	return m.ContentType
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
