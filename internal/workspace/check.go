package workspace

import (
	"bufio"
	"encoding/json"
	"errors"
	"iter"
	"runtime"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/index"
	"github.com/mosty-dev/mosty/internal/par"
	"github.com/mosty-dev/mosty/internal/qa"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// Check runs the QA checks over the translators' files of langs, as
// CheckEach does, and returns the findings.
func (w *Workspace) Check(langs []string) ([]qa.Finding, error) {
	return collect(func(use func(qa.Finding) error) error { return w.CheckEach(langs, use) })
}

// CheckEach runs the QA checks over the translators' files of langs (read
// with TargetLanguages: all targets when empty) and gives each finding
// to emit as soon as its article is checked, in the order of the
// articles and languages whatever the cores did first: it holds the
// findings of a few articles, never the archive's. A file whose stamp is
// the one it had when it was last checked is not read again: its
// findings come from .mosty/check. The others are read and checked on
// all cores, an article at a time. An error of an article's files, or of
// emit, stops the check there (the findings before it were given) and
// comes back; the cache is then left as it was.
func (w *Workspace) CheckEach(langs []string, emit func(qa.Finding) error) error {
	langs, err := w.TargetLanguages(langs)
	if err != nil {
		return err
	}
	o := w.newOp()
	g, err := o.glossary()
	if err != nil {
		return err
	}
	stamps, err := o.listing()
	if err != nil {
		return err
	}
	key := w.checkKey()
	old := w.openCheckCache(key)
	defer old.close()
	r := &checkRun{w: w, langs: langs, stamps: stamps, checker: &qa.Checker{Glossary: g, Errors: w.Config.Check.Errors}, old: old}
	ran := false
	var failed error
	// The new cache is written as the check goes and put in place when
	// the whole check read what it had to and something changed: a cache
	// is never the reason a check fails.
	_ = safefile.WriteFunc(w.checkCachePath(), safefile.Options{}, func(b *bufio.Writer) error {
		ran = true
		b.WriteString(key + "\n")
		if failed = r.run(b, emit); failed != nil {
			return failed
		}
		if !r.changed() {
			return errUnchanged
		}
		return nil
	})
	if !ran { // the cache's file could not be made: check without it
		failed = r.run(bufio.NewWriter(discard{}), emit)
	}
	return failed
}

// errUnchanged leaves a cache as it was.
var errUnchanged = errors.New("unchanged")

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// A checkRun is one check: what it checks, the cache it reads, and what
// it wrote of the new one.
type checkRun struct {
	w       *Workspace
	langs   []string
	stamps  stampSet
	checker *qa.Checker
	old     *checkCacheReader
	fresh   int // files read and checked
	kept    int // lines of the old cache written again
}

// changed reports whether the new cache differs from the old one: a file
// was checked again, or a line of the old one was not kept.
func (r *checkRun) changed() bool { return r.fresh > 0 || r.kept != r.old.rest() }

// checkAhead is how many articles a worker may check ahead of the one
// whose findings are given: enough that the workers seldom wait for the
// output on a busy machine, few enough that their findings are small (a
// variable so tests can lower it).
var checkAhead = 32

// run checks every article, giving the findings to emit and writing the
// cache's lines to cache, in order.
func (r *checkRun) run(cache *bufio.Writer, emit func(qa.Finding) error) error {
	workers := runtime.GOMAXPROCS(0)
	return par.Ordered(r.jobs(), workers, checkAhead*workers, r.work, func(j *checkJob) error {
		if j.err != nil {
			return j.err
		}
		for _, fc := range j.files {
			if fc.asked {
				for _, f := range fc.findings {
					if err := emit(f); err != nil {
						return err
					}
				}
			}
			if fc.fresh {
				r.fresh++
			} else {
				r.kept++
			}
			writeCheckLine(cache, fc.rel, fc.cached)
		}
		return nil
	})
}

// jobs plans each article's check, in order: its files, and what the
// old cache has of them.
func (r *checkRun) jobs() iter.Seq[*checkJob] {
	return func(yield func(*checkJob) bool) {
		src := r.w.Config.SourceLanguage
		for _, slug := range r.stamps.slugs() {
			cached := r.old.take(slug)
			j := &checkJob{slug: slug}
			for _, lang := range r.w.Config.TargetLanguages {
				st := r.stamps.locale(slug, lang)
				if st == index.Missing {
					continue
				}
				// A file's findings depend on it and on the Polish file (a
				// segment stale against the Polish it was made from).
				fc := fileCheck{lang: lang, rel: "locales/" + lang + "/" + slug + ".toml",
					stamps: index.FormatStamps([]index.Stamp{st, r.stamps.locale(slug, src)}), asked: slices.Contains(r.langs, lang)}
				c, ok := cached[lang]
				switch {
				case fc.asked && ok && c.stamps == fc.stamps:
					fc.cached = c
				case fc.asked:
					fc.fresh = true
				case ok: // not checked now: kept as it was
					fc.cached = c
				default:
					continue
				}
				j.files = append(j.files, fc)
			}
			if !yield(j) {
				return
			}
		}
	}
}

// A checkJob is one article's check.
type checkJob struct {
	slug  string
	files []fileCheck // in the order of the target languages
	err   error
}

// fileCheck is one translators' file of a check: the findings, from the
// cache or made by checkJob.
type fileCheck struct {
	lang, rel string
	stamps    string      // of the file and its Polish file, as the cache has them
	asked     bool        // in a language the check is for; else only kept in the cache
	fresh     bool        // to be read and checked
	cached    cachedCheck // the cache's line (of a fresh file, made once it is checked)
	findings  []qa.Finding
}

// work reads the findings of an article's files from the cache's lines
// and checks the files it does not have.
func (r *checkRun) work(j *checkJob) *checkJob {
	fresh := false
	for i := range j.files {
		fc := &j.files[i]
		if fc.asked && !fc.fresh && json.Unmarshal(fc.cached.findings, &fc.findings) != nil {
			fc.fresh, fc.findings = true, nil // a damaged line: checked again
		}
		fresh = fresh || fc.fresh
	}
	if fresh {
		j.err = r.w.checkArticle(j.slug, j.files, r.checker)
	}
	for i := range j.files {
		if fc := &j.files[i]; fc.fresh && j.err == nil {
			// The cache's line, made here on all cores.
			fc.cached = cachedCheck{stamps: fc.stamps}
			fc.cached.findings, j.err = json.Marshal(fc.findings)
		}
	}
	return j
}

// checkArticle checks the files of one article marked fresh, reading its
// Polish once.
func (w *Workspace) checkArticle(slug string, files []fileCheck, c *qa.Checker) error {
	src, err := w.loadSource(slug)
	if err != nil {
		return err
	}
	polish := make(map[string]string, len(src.Units))
	for _, u := range src.Units {
		polish[u.ID] = u.Source
	}
	for i := range files {
		fc := &files[i]
		if !fc.fresh {
			continue
		}
		f, _, err := w.LoadLocale(fc.lang, slug)
		if err != nil {
			return err
		}
		for _, u := range f.Units {
			p, ok := polish[u.ID]
			fc.findings = append(fc.findings, c.Stale(w.Rel(f.Path), u, p, ok)...)
			fc.findings = append(fc.findings, c.Unit(w.Rel(f.Path), fc.lang, u)...)
		}
		for i := range fc.findings {
			// A segment's id is a piece of the file's text: a copy, so
			// that the findings held until they are given hold no file.
			fc.findings[i].Segment = strings.Clone(fc.findings[i].Segment)
		}
	}
	return nil
}
