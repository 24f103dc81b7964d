package extract

import (
	"github.com/mosty-dev/mosty/internal/article"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtractHTML: any input, no panic, and every block keeps the
// placeholder invariants and valid UTF-8.
func FuzzExtractHTML(f *testing.F) {
	// Small seeds: the engine minimises every new input it finds, and
	// whole pages make that take longer than a CI fuzz run.
	f.Add(`<html><head><title>T - S</title></head><body><nav><a href=/>x</a></nav><article><h1>T</h1><time datetime="2017-12-13">13-12-2017</time><p>Długi akapit, z przecinkami, i <a href="/a" title="t">linkiem</a>.</p></article></body></html>`)
	f.Add(`<td class=menu><a>x</a></td><td><font><b>Tytuł</b></font><br>05.03.2018 r.<p>Tekst akapitu.</p></td>`)
	f.Add(`<p>a <b>b <i>c</b> d</i> <img alt="x"><br></p>`)
	f.Add(`<table><tr><td><p>x<td>y</table><1>text</1>`)
	f.Fuzz(func(t *testing.T, src string) {
		a, err := HTML(src, Options{})
		if err == nil {
			checkArticle(t, a)
		}
	})
}

// FuzzExtractMarkdown: any Markdown file, front matter included, no panic,
// and the blocks keep the same invariants as HTML's.
func FuzzExtractMarkdown(f *testing.F) {
	f.Add("---\ntitle: Spotkanie\ndate: 2017-12-13\n---\nPierwszy akapit z [linkiem](/a).\n\n## Śródtytuł\n\n- punkt *pierwszy*\n")
	f.Add("+++\ntitle = \"T\"\n+++\n![zdjęcie](x.jpg)\n\n> cytat **gruby**\n")
	f.Add("---\ntitle: [\n---\ntekst")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := Markdown(src, Options{})
		if err == nil {
			checkArticle(t, a)
		}
	})
}

// FuzzExtractText: any plain-text file, no panic, the same invariants.
func FuzzExtractText(f *testing.F) {
	f.Add("Tytuł artykułu\n\n2018-04-03\n\nPierwsze zdanie. Drugie <1>zdanie</1>.\n")
	f.Add("\r\n\r\nx\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := Text(src, Options{})
		if err == nil {
			checkArticle(t, a)
		}
	})
}

// checkArticle checks what every extractor promises of its blocks: valid
// UTF-8 and, in text blocks, the placeholder invariants.
func checkArticle(t *testing.T, a *article.Article) {
	t.Helper()
	for _, b := range a.Blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("invalid UTF-8 in %q", b.Text)
		}
		if b.Kind.IsAttribute() || b.Kind == "title" || b.Kind == "description" {
			continue
		}
		if err := checkPlaceholders(b); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkExtract extracts the real corpus pages (or, without them, the
// test pages); MB/s is HTML bytes read per second.
func BenchmarkExtract(b *testing.B) {
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "*.html"))
	if len(pages) == 0 {
		pages, _ = filepath.Glob("testdata/pages/*.html")
	}
	var docs []string
	var size int64
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
		size += int64(len(raw))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := HTML(d, Options{}); err != nil && err != ErrNoArticle {
				b.Fatal(err)
			}
		}
	}
}
