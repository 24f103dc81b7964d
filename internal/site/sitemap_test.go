package site

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// What a sitemap file holds, read back as a search engine would.
type smURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

type smIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// xmllint checks that every XML file among files is well-formed, when
// xmllint (libxml2-utils) is installed.
func xmllint(t *testing.T, files map[string]string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("no xmllint (apt-get install libxml2-utils): well-formedness left to encoding/xml")
		return
	}
	dir := t.TempDir()
	var names []string
	for name, data := range files {
		if strings.HasSuffix(name, ".xml") {
			p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			names = append(names, p)
		}
	}
	if out, err := exec.Command(bin, append([]string{"--noout"}, names...)...).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// wantPages is every published article page, with the languages it is
// published in.
func wantPages(vs []Version) map[string][]string {
	langs := map[string][]string{}
	for _, v := range vs {
		if v.Published {
			langs[v.Slug] = append(langs[v.Slug], v.Lang)
		}
	}
	pages := map[string][]string{}
	for slug, ls := range langs {
		for _, l := range ls {
			pages["https://example.org/"+l+"/"+slug+"/"] = append(slices.Clone(ls), "x-default")
		}
	}
	return pages
}

// TestSitemapSplit: past Layout.SitemapURLs the sitemap is split, and
// sitemap.xml indexes the parts; together they list every published page
// once, each with its hreflang alternates and its date.
func TestSitemapSplit(t *testing.T) {
	vs := testVersions(23)
	for _, limit := range []int{7, 10, 50000} {
		layout := DefaultLayout()
		layout.SitemapURLs = limit
		files := buildIndexes(t, vs, layout)
		xmllint(t, files)
		var parts []string
		var idx smIndex
		if err := xml.Unmarshal([]byte(files["sitemap.xml"]), &idx); err == nil {
			for _, s := range idx.Sitemaps {
				parts = append(parts, strings.TrimPrefix(s.Loc, "https://example.org/"))
			}
		} else {
			parts = []string{"sitemap.xml"}
		}
		seen := map[string][]string{}
		for i, name := range parts {
			var set smURLSet
			if err := xml.Unmarshal([]byte(files[name]), &set); err != nil {
				t.Fatalf("limit %d: %s: %v", limit, name, err)
			}
			if len(set.URLs) > limit {
				t.Errorf("limit %d: %s lists %d URLs", limit, name, len(set.URLs))
			}
			newest := ""
			for _, u := range set.URLs {
				if _, dup := seen[u.Loc]; dup {
					t.Errorf("limit %d: %s listed twice", limit, u.Loc)
				}
				seen[u.Loc] = nil
				for _, l := range u.Links {
					seen[u.Loc] = append(seen[u.Loc], l.Hreflang)
				}
				newest = max(newest, u.LastMod)
			}
			if len(idx.Sitemaps) > 0 && idx.Sitemaps[i].LastMod != newest {
				t.Errorf("limit %d: %s lastmod %q in the index, %q in the file", limit, name, idx.Sitemaps[i].LastMod, newest)
			}
		}
		for page, langs := range wantPages(vs) {
			if d := cmp.Diff(langs, seen[page]); d != "" {
				t.Errorf("limit %d: %s alternates (-want +got):\n%s", limit, page, d)
			}
		}
		for _, l := range []string{"pl/", "en/", "pl/archive/2017/", "en/category/aktualnosci/"} {
			if _, ok := seen["https://example.org/"+l]; !ok {
				t.Errorf("limit %d: %s is not in the sitemap", limit, l)
			}
		}
		if want := len(wantPages(vs)) + 10; len(seen) != want {
			t.Errorf("limit %d: %d URLs, want %d", limit, len(seen), want)
		}
		if wantParts := (len(seen) + limit - 1) / limit; len(parts) != wantParts {
			t.Errorf("limit %d: %d files, want %d", limit, len(parts), wantParts)
		}
		if !strings.Contains(files["robots.txt"], "\nSitemap: https://example.org/sitemap.xml\n") {
			t.Errorf("robots.txt:\n%s", files["robots.txt"])
		}
	}
}

// TestSitemapBytes: a file is cut before it passes the byte limit.
func TestSitemapBytes(t *testing.T) {
	urls := func(yield func(sitemapURL) bool) {
		for i := range 100 {
			u := sitemapURL{loc: "https://example.org/pl/" + strings.Repeat("x", i) + "/", lastmod: "2017-12-13",
				alternates: [][2]string{{"pl", "https://example.org/pl/a&b/"}}}
			if !yield(u) {
				return
			}
		}
	}
	out := newMemOutput(t)
	if err := splitSitemap(urls, 50000, 2000, "https://example.org/", out); err != nil {
		t.Fatal(err)
	}
	files := out.done()
	xmllint(t, files)
	n := 0
	for name, data := range files {
		if len(data) > 2000 && name != "sitemap.xml" {
			t.Errorf("%s has %d bytes", name, len(data))
		}
		n += strings.Count(data, "<url>")
	}
	if n != 100 || len(files) < 3 {
		t.Errorf("%d URLs in %d files", n, len(files))
	}
	if !strings.Contains(files["sitemap-1.xml"], "a&amp;b") {
		t.Error("an ampersand is not escaped")
	}
}

// What a feed reader needs of an Atom feed (RFC 4287, 4.1).
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Category struct {
			Term  string `xml:"term,attr"`
			Label string `xml:"label,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

// TestFeed: each language has an Atom feed of its newest dated
// articles that xmllint reads and that has what RFC 4287 requires.
func TestFeed(t *testing.T) {
	vs := testVersions(12)
	layout := DefaultLayout()
	layout.FeedSize = 5
	layout.Categories = map[string]map[string]string{"Aktualności": {"en": "News"}}
	files := buildIndexes(t, vs, layout)
	xmllint(t, files)
	tests := []struct {
		lang   string
		slugs  []string
		labels []string
	}{
		{"pl", []string{"art-000", "art-001", "art-002", "art-003", "art-004"},
			[]string{"Działania klastra", "Aktualności", "Działania klastra", "Aktualności", "Działania klastra"}},
		{"en", []string{"art-000", "art-002", "art-003", "art-005", "art-006"},
			[]string{"Działania klastra", "Działania klastra", "News", "News", "Działania klastra"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			var f atomDoc
			if err := xml.Unmarshal([]byte(files[tt.lang+"/feed.xml"]), &f); err != nil {
				t.Fatal(err)
			}
			if f.Lang != tt.lang || f.ID == "" || f.Title == "" || len(f.Author) != 1 || f.Author[0].Name == "" {
				t.Errorf("feed head: lang %q id %q title %q author %v", f.Lang, f.ID, f.Title, f.Author)
			}
			self := false
			for _, l := range f.Links {
				self = self || l.Rel == "self" && l.Href == "https://example.org/"+tt.lang+"/feed.xml"
			}
			if !self {
				t.Errorf("no rel=self link: %v", f.Links)
			}
			var slugs, labels []string
			for _, e := range f.Entries {
				if want := map[string]string{"pl": "O ", "en": "About "}[tt.lang] + strings.TrimSuffix(strings.TrimPrefix(e.ID, "https://example.org/"+tt.lang+"/"), "/"); e.Summary != want {
					t.Errorf("entry %q: summary %q, want %q", e.ID, e.Summary, want)
				}
				if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" {
					t.Errorf("entry %q: updated %q, title %q", e.ID, e.Updated, e.Title)
				}
				if len(e.Links) != 1 || e.Links[0].Rel != "alternate" || e.Links[0].Href != e.ID {
					t.Errorf("entry %q: links %v", e.ID, e.Links)
				}
				slugs = append(slugs, strings.TrimSuffix(strings.TrimPrefix(e.ID, "https://example.org/"+tt.lang+"/"), "/"))
				labels = append(labels, e.Category.Label)
			}
			if d := cmp.Diff(tt.slugs, slugs); d != "" {
				t.Errorf("entries (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.labels, labels); d != "" {
				t.Errorf("categories (-want +got):\n%s", d)
			}
			if len(f.Entries) > 0 && f.Updated != f.Entries[0].Updated {
				t.Errorf("feed updated %s, newest entry %s", f.Updated, f.Entries[0].Updated)
			}
			if !strings.Contains(files[tt.lang+"/index.html"], `<link rel="alternate" type="application/atom+xml" href="feed.xml"`) {
				t.Error("the index does not link its feed")
			}
		})
	}
	t.Run("no dated article: no feed", func(t *testing.T) {
		vs := testVersions(1)
		files := buildIndexes(t, vs, DefaultLayout())
		if _, ok := files["pl/feed.xml"]; ok || strings.Contains(files["pl/index.html"], "atom+xml") {
			t.Error("a feed of undated articles")
		}
	})
}
