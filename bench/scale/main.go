// Command scale measures mosty on news archives of growing size: it
// generates N articles from the first user's site template (the demo
// article's page, with generated Polish text), and times the commands an
// archive lives with — import of all, import of one changed article,
// status, check, export, a full build and a build with nothing changed —
// with each process's peak memory. With -hugo, Hugo builds the same
// articles for a ratio measured on the same machine in the same run; with
// -html2po, Translate Toolkit's html2po converts generated pages that
// mosty imports, for another.
//
//	go run ./bench/scale -n 1000,10000 -hugo 5000 -html2po 500
//
// Timings are medians of -count runs (the imports run once: a second
// import of the same files measures something else). Run it when the
// machine is quiet; quote ratios rather than seconds.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	sizes := flag.String("n", "1000", "archive sizes, comma-separated")
	hugo := flag.Int("hugo", 0, "also build the archive of this size with Hugo (0: no)")
	h2p := flag.Int("html2po", 0, "also compare importing this many pages with html2po converting them (0: no)")
	count := flag.Int("count", 3, "runs of each timed command (the median is kept)")
	dir := flag.String("dir", "", "work in this folder and keep it (default: a temporary one, removed)")
	flag.DurationVar(&limit, "limit", 0, "stop a command that runs longer than this, and say so (0: no limit)")
	flag.Parse()
	if err := scale(os.Stdout, *sizes, *hugo, *h2p, *count, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func scale(out io.Writer, sizeList string, hugo, h2p, count int, dir string) error {
	var ns []int
	for _, s := range strings.Split(sizeList, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(s, "_", "")))
		if err != nil || n < 2 {
			return fmt.Errorf("-n %q: sizes are numbers of at least 2", sizeList)
		}
		ns = append(ns, n)
	}
	if hugo > 0 && !slices.Contains(ns, hugo) {
		ns = append(ns, hugo)
	}
	slices.Sort(ns)
	keep := dir != ""
	if !keep {
		tmp, err := os.MkdirTemp("", "mosty-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	bin := filepath.Join(dir, "mosty")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/mosty").CombinedOutput(); err != nil {
		return fmt.Errorf("building mosty: %v\n%s", err, out)
	}
	g, err := newGenerator()
	if err != nil {
		return err
	}
	if h2p > 0 {
		if err := html2poRatio(out, bin, dir, h2p, count, g); err != nil {
			return err
		}
		if len(ns) == 0 {
			return nil
		}
	}
	fmt.Fprintln(out, "| articles | pages | import all | one changed | status | check | export | full build | per page | no-change build | peak memory (build) | peak memory (import) |")
	fmt.Fprintln(out, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, n := range ns {
		r := &archive{bin: bin, dir: filepath.Join(dir, strconv.Itoa(n)), n: n, count: count, gen: g}
		if err := r.measure(); err != nil {
			return fmt.Errorf("%d articles: %w", n, err)
		}
		fmt.Fprintln(out, r.row())
		if n == hugo {
			h, err := hugoBuild(r.ws(), filepath.Join(r.dir, "hugo"), count)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "| %d (Hugo) | %d | | | | | | %s | %.0f µs | | %s | |\n", n, h.pages, seconds(h.build.wall),
				perPage(h.build, h.pages), megabytes(h.build.rss))
			fmt.Fprintf(out, "\nHugo/mosty at %d articles: full build %.1f×, peak memory %.1f×\n", n,
				h.build.wall.Seconds()/r.full.wall.Seconds(), float64(h.build.rss)/float64(r.full.rss))
		}
		if !keep {
			if err := os.RemoveAll(r.dir); err != nil { // a large archive takes gigabytes
				return err
			}
		}
	}
	return nil
}

// An archive is one size's workspace and what was measured on it.
type archive struct {
	bin, dir                                                     string
	n, count                                                     int
	gen                                                          *generator
	pages                                                        int
	importAll, oneChanged, status, check, export, full, noChange sample
}

func (r *archive) ws() string  { return filepath.Join(r.dir, "ws") }
func (r *archive) src() string { return filepath.Join(r.dir, "src") }

func (r *archive) mosty(ok []int, args ...string) (sample, error) {
	return runCmd(ok, r.bin, append([]string{"-C", r.ws()}, args...)...)
}

func (r *archive) measure() (err error) {
	if err := r.generate(); err != nil {
		return err
	}
	if _, err := runCmd(nil, r.bin, "-C", r.ws(), "init"); err != nil { // (init DIR takes DIR relative to -C, even when absolute)
		return err
	}
	if r.importAll, err = r.mosty(nil, "import", r.src()); err != nil {
		return err
	}
	if err := translateAll(r.ws(), []string{"ru", "en"}, 10); err != nil {
		return err
	}
	r.full, err = median(r.count, func() (sample, error) {
		os.RemoveAll(filepath.Join(r.ws(), "public"))
		os.Remove(filepath.Join(r.ws(), ".mosty", "build"))      // the build's cache,
		os.Remove(filepath.Join(r.ws(), ".mosty", "build.json")) // and its name in an earlier mosty
		return r.mosty(nil, "build")
	})
	if err != nil {
		return err
	}
	r.pages = countPages(filepath.Join(r.ws(), "public"))
	steps := []struct {
		s    *sample
		ok   []int
		args []string
	}{
		{&r.noChange, nil, []string{"build"}},
		{&r.status, nil, []string{"status"}},
		{&r.check, []int{1}, []string{"check"}},
		{&r.export, nil, []string{"export", "--format", "xliff", "--locale", "ru", "--out", filepath.Join(r.dir, "ru.xlf")}},
	}
	for _, st := range steps {
		if *st.s, err = median(r.count, func() (sample, error) { return r.mosty(st.ok, st.args...) }); err != nil {
			return err
		}
	}
	return r.changeOne()
}

// generate writes the archive's pages.
func (r *archive) generate() error {
	if err := os.MkdirAll(r.src(), 0o755); err != nil {
		return err
	}
	for i := range r.n {
		if err := os.WriteFile(filepath.Join(r.src(), name(i)), r.gen.page(i, r.n), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// changeOne adds a sentence to the first paragraph of one article in the
// middle of the archive and imports it again: a new segment in every
// language, which the translation memory is asked to fill. A first such
// import of another article, not timed, makes the memory's caches as an
// archive's daily imports keep them.
func (r *archive) changeOne() error {
	for k, i := range []int{r.n/2 + 1, r.n / 2} {
		path := filepath.Join(r.src(), name(i))
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		changed, err := addSentence(string(page), " Artykuł zaktualizowano dzisiaj rano.")
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
			return err
		}
		s, err := r.mosty(nil, "import", path)
		if err != nil {
			return err
		}
		if k == 1 {
			r.oneChanged = s
		}
	}
	return nil
}

// addSentence ends the first paragraph of the article's text (the one
// after its date; the page's first paragraphs are a sidebar's) with
// sentence.
func addSentence(page, sentence string) (string, error) {
	date := strings.Index(page, `class="news-date"`)
	if date < 0 {
		return "", errors.New(`no paragraph with class "news-date": the generator's page changed`)
	}
	end := date
	for range 2 { // the date's paragraph, then the first of the text
		i := strings.Index(page[end:], "</p>")
		if i < 0 {
			return "", errors.New("no paragraph after the date")
		}
		end += i + len("</p>")
	}
	end -= len("</p>")
	return page[:end] + sentence + page[end:], nil
}

func countPages(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

func perPage(s sample, pages int) float64 {
	return float64(s.wall.Microseconds()) / float64(max(pages, 1))
}

func (r *archive) row() string {
	return fmt.Sprintf("| %d | %d | %s | %s | %s | %s | %s | %s | %.0f µs | %s | %s | %s |", r.n, r.pages,
		r.importAll, r.oneChanged, r.status, r.check, r.export, r.full, perPage(r.full, r.pages), r.noChange,
		megabytes(r.full.rss), megabytes(r.importAll.rss))
}
