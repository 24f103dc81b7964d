// Command exteval compares mosty's article extraction with go-readability
// and go-trafilatura on the real pages of ../shared/corpus/real: F1 of
// 4-word shingles against each page's gold text, and the time each takes.
// It is a module of its own so that the libraries it compares stay out of
// mosty's go.mod.
//
//	cd tools/exteval && go run . ../../../shared/corpus/real
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/mosty-dev/mosty/internal/acquire"
	"github.com/mosty-dev/mosty/internal/article"
	"github.com/mosty-dev/mosty/internal/extract"
	"github.com/mosty-dev/mosty/internal/extract/quality"
)

type extractor struct {
	name string
	run  func(html string) string
	sum  float64
	took time.Duration
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: exteval CORPUS_DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	exs := []*extractor{
		{name: "mosty", run: mosty},
		{name: "go-readability", run: readabilityText},
		{name: "go-trafilatura", run: trafilaturaText},
	}
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.txt"))
	fmt.Printf("%-34s", "page")
	for _, e := range exs {
		fmt.Printf(" %15s", e.name)
	}
	fmt.Println()
	n := 0
	for _, g := range golds {
		id := strings.TrimSuffix(filepath.Base(g), ".gold.txt")
		raw, err := os.ReadFile(filepath.Join(dir, id+".html"))
		if err != nil || strings.HasPrefix(id, "ru-chromium") { // a charset test page, not an article
			continue
		}
		gold, _ := os.ReadFile(g)
		html := acquire.Decode(raw, "").Text
		fmt.Printf("%-34s", id)
		for _, e := range exs {
			start := time.Now()
			text := e.run(html)
			e.took += time.Since(start)
			_, _, f1 := quality.Score(text, string(gold))
			e.sum += f1
			fmt.Printf(" %15.3f", f1)
		}
		fmt.Println()
		n++
	}
	fmt.Printf("%-34s", "mean F1")
	for _, e := range exs {
		fmt.Printf(" %15.3f", e.sum/float64(n))
	}
	fmt.Printf("\n%-34s", "time, all pages")
	for _, e := range exs {
		fmt.Printf(" %15s", e.took.Round(time.Millisecond))
	}
	fmt.Println()
}

func mosty(html string) string {
	a, err := extract.HTML(html, extract.Options{})
	if err != nil {
		return ""
	}
	var parts []string
	for _, b := range a.Blocks {
		if !b.Kind.IsAttribute() {
			parts = append(parts, article.Plain(b.Text))
		}
	}
	return strings.Join(parts, "\n")
}

func readabilityText(html string) string {
	p := readability.NewParser()
	a, err := p.Parse(strings.NewReader(html), nil)
	if err != nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(a.Title() + "\n")
	if err := a.RenderText(&b); err != nil {
		return ""
	}
	return b.String()
}

func trafilaturaText(html string) string {
	r, err := trafilatura.Extract(strings.NewReader(html), trafilatura.Options{})
	if err != nil {
		return ""
	}
	return r.Metadata.Title + "\n" + r.ContentText
}
