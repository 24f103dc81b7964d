package main

import (
	_ "embed"
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mosty-dev/mosty/internal/demo"
	toml "github.com/pelletier/go-toml/v2"
)

//go:embed vocabulary.toml
var vocabularyTOML []byte

// A vocabulary is vocabulary.toml: categories, title and sentence
// patterns, and the word lists their {slots} pick from.
type vocabulary struct {
	categories, titles, sentences []string
	words                         map[string][]string
}

func loadVocabulary() (*vocabulary, error) {
	var raw map[string][]string
	if err := toml.Unmarshal(vocabularyTOML, &raw); err != nil {
		return nil, fmt.Errorf("vocabulary.toml: %w", err)
	}
	v := &vocabulary{categories: raw["categories"], titles: raw["titles"], sentences: raw["sentences"], words: raw}
	for _, pattern := range append(append([]string{}, v.titles...), v.sentences...) {
		for _, m := range slotRE.FindAllStringSubmatch(pattern, -1) {
			if _, ok := numbers[m[1]]; !ok && len(raw[m[1]]) == 0 {
				return nil, fmt.Errorf("vocabulary.toml: %q uses {%s}, which has no words", pattern, m[1])
			}
		}
	}
	return v, nil
}

var slotRE = regexp.MustCompile(`\{(\w+)\}`)

// numbers are the slots filled with a number from a range.
var numbers = map[string][2]int{"num": {10, 999}, "small": {2, 15}, "day": {1, 28}, "year": {2005, 2025}}

// A generator writes the pages of a synthetic news archive: the first
// user's CMS page (the demo article's) with a generated title, date,
// category and body. Article i is the same on every run.
type generator struct {
	v     *vocabulary
	tmpl  string
	first time.Time // the oldest article's date
	span  int       // days from the oldest article to the newest
}

func newGenerator() (*generator, error) {
	v, err := loadVocabulary()
	if err != nil {
		return nil, err
	}
	return &generator{v: v, tmpl: string(demo.Article()), first: time.Date(2005, 1, 3, 0, 0, 0, 0, time.UTC), span: 20 * 365}, nil
}

func (g *generator) fill(pattern string, rng *rand.Rand) string {
	return slotRE.ReplaceAllStringFunc(pattern, func(slot string) string {
		name := slot[1 : len(slot)-1]
		if r, ok := numbers[name]; ok {
			return strconv.Itoa(r[0] + rng.IntN(r[1]-r[0]+1))
		}
		list := g.v.words[name]
		return list[rng.IntN(len(list))]
	})
}

func pick(list []string, rng *rand.Rand) string { return list[rng.IntN(len(list))] }

// page is article i of n, as its CMS would serve it.
func (g *generator) page(i, n int) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 0x6d6f737479))
	title := g.fill(pick(g.v.titles, rng), rng)
	date := g.first.AddDate(0, 0, i*g.span/max(n, 1)+rng.IntN(3))
	category := pick(g.v.categories, rng)
	var body strings.Builder
	var lead string
	for p := range 4 + rng.IntN(6) {
		var sentences []string
		for range 2 + rng.IntN(4) {
			sentences = append(sentences, html.EscapeString(g.fill(pick(g.v.sentences, rng), rng)))
		}
		if p == 0 {
			lead = html.UnescapeString(sentences[0])
		}
		text := strings.Join(sentences, " ")
		switch rng.IntN(5) {
		case 0: // the cluster's name in bold, as the site writes it
			text = strings.Replace(text, "Klaster", "<strong>Klaster</strong>", 1)
		case 1:
			text += fmt.Sprintf(` Szczegóły na <a href="https://klaster.example/projekty/%d">stronie projektu</a>.`, i)
		}
		fmt.Fprintf(&body, "        <p>%s</p>\n", text)
		if p == 1 && rng.IntN(3) == 0 {
			fmt.Fprintf(&body, "        <p><img src=\"/uploads/%d/%d.jpg\" alt=\"%s\"></p>\n", date.Year(), i, html.EscapeString(g.fill("Uczestnicy spotkania w {city_loc}", rng)))
		}
	}
	return []byte(g.fillPage(title, lead, category, date, body.String()))
}

var (
	titleRE    = regexp.MustCompile(`<title>[^<]*</title>`)
	descRE     = regexp.MustCompile(`<meta name="description" content="[^"]*">`)
	crumbRE    = regexp.MustCompile(`&raquo; <a href="/dzialania-klastra">[^<]*</a>`)
	headingRE  = regexp.MustCompile(`<h1 class="news-title">[^<]*</h1>`)
	timeRE     = regexp.MustCompile(`<time datetime="[^"]*">[^<]*</time>`)
	newsBodyRE = regexp.MustCompile(`(?s)<div class="news-body">.*?</div>\n      <div class="share">`)
)

// fillPage puts an article into the demo page in place of its own.
func (g *generator) fillPage(title, lead, category string, date time.Time, body string) string {
	t, l, c := html.EscapeString(title), html.EscapeString(lead), html.EscapeString(category)
	p := titleRE.ReplaceAllLiteralString(g.tmpl, "<title>"+t+" | Wschodni Klaster Budowlany</title>")
	p = descRE.ReplaceAllLiteralString(p, `<meta name="description" content="`+l+`">`)
	p = crumbRE.ReplaceAllLiteralString(p, `&raquo; <a href="/kategoria">`+c+`</a>`)
	p = headingRE.ReplaceAllLiteralString(p, `<h1 class="news-title">`+t+`</h1>`)
	p = timeRE.ReplaceAllLiteralString(p, `<time datetime="`+date.Format("2006-01-02")+`">`+date.Format("02-01-2006")+`</time>`)
	return newsBodyRE.ReplaceAllLiteralString(p, "<div class=\"news-body\">\n"+body+"      </div>\n      <div class=\"share\">")
}

// name is article i's file name.
func name(i int) string { return fmt.Sprintf("art-%06d.html", i) }
