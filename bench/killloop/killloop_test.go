// Package killloop kills mosty at random moments and checks what it
// leaves: issue 15's probe, as a test that runs only when asked.
//
//	MOSTY_KILLS=40 go test -v -timeout 60m ./bench/killloop
//
// It builds mosty, makes a workspace of MOSTY_KILL_ARTICLES articles
// (default 60) translated into Russian and English, then again and again
// changes some Polish (or some translations) and runs import, sync, merge
// or build, killing the whole process group with SIGKILL at a random point
// of the command's usual duration. After each kill every file must parse;
// after the next command (the same one, run to its end) nothing a
// translator typed may be lost, no translation may stay translated or
// reviewed against Polish that changed, and no temporary file may remain.
package killloop

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/safefile"
	toml "github.com/pelletier/go-toml/v2"
)

func TestKillLoop(t *testing.T) {
	kills, _ := strconv.Atoi(os.Getenv("MOSTY_KILLS"))
	if kills <= 0 {
		t.Skip("set MOSTY_KILLS=N to kill mosty N times")
	}
	articles := 60
	if n, err := strconv.Atoi(os.Getenv("MOSTY_KILL_ARTICLES")); err == nil && n > 0 {
		articles = n
	}
	p := newProbe(t, articles)
	ops := []string{"import", "sync", "merge", "build"}
	counts := map[string]int{}
	for k := range kills {
		op := ops[p.rng.IntN(len(ops))]
		p.prepare(op)
		killedAfter := p.killed(op)
		p.checkParses(fmt.Sprintf("kill %d (%s after %v)", k+1, op, killedAfter))
		p.run(op) // the next command: the same, to its end
		p.checkAfter(fmt.Sprintf("kill %d (%s after %v), then %s", k+1, op, killedAfter, op))
		counts[op]++
	}
	t.Logf("%d kills: %v; %d articles; typed translations tracked: %d", kills, counts, articles, len(p.typed))
}

// probe is the workspace under test and what the test knows it must hold.
type probe struct {
	t     *testing.T
	rng   *rand.Rand
	bin   string
	work  string                   // holds ws/, in/ (the articles to import), the merge file
	typed map[string]string        // lang/slug/id → the last translation typed for it
	took  map[string]time.Duration // each command's duration, run to its end
}

func newProbe(t *testing.T, articles int) *probe {
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("MOSTY_KILL_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (MOSTY_KILL_SEED to repeat)", seed)
	p := &probe{t: t, rng: rand.New(rand.NewPCG(seed, 15)), work: t.TempDir(), typed: map[string]string{}, took: map[string]time.Duration{}}
	p.bin = filepath.Join(p.work, "mosty")
	if out, err := exec.Command("go", "build", "-o", p.bin, "github.com/mosty-dev/mosty/cmd/mosty").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	os.MkdirAll(filepath.Join(p.work, "in"), 0o755)
	for i := range articles {
		p.writeArticle(i, p.rng.IntN(1000))
	}
	p.mosty("init", "ws")
	p.run("import")
	p.translate(1.0)
	for _, op := range []string{"sync", "merge", "build"} {
		p.prepare(op)
		p.run(op)
	}
	return p
}

// writeArticle writes article i of the import folder; version picks the
// wording of one of its sentences.
func (p *probe) writeArticle(i, version int) {
	var b strings.Builder
	fmt.Fprintf(&b, "Artykuł numer %d o współpracy klastrów\n\n", i)
	for s := range 12 {
		fmt.Fprintf(&b, "To jest zdanie %d artykułu %d o wspólnych projektach budowlanych.", s, i)
		if s == 5 {
			fmt.Fprintf(&b, " Spotkanie numer %d trwało %d dni.", i, version)
		}
		b.WriteString(map[bool]string{true: "\n\n", false: " "}[s%3 == 2])
	}
	p.write(filepath.Join("in", fmt.Sprintf("art%04d.txt", i)), b.String())
}

func (p *probe) write(rel, data string) {
	if err := os.WriteFile(filepath.Join(p.work, rel), []byte(data), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// mosty runs a command to its end.
func (p *probe) mosty(args ...string) string {
	cmd := exec.Command(p.bin, args...)
	cmd.Dir = p.work
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); err != nil && code != 3 {
		p.t.Fatalf("mosty %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func argsOf(op string) []string {
	switch op {
	case "import":
		return []string{"-C", "ws", "import", "in"}
	case "merge":
		return []string{"-C", "ws", "merge", "ru.xlf"}
	}
	return []string{"-C", "ws", op}
}

// run runs op to its end and remembers how long it took.
func (p *probe) run(op string) {
	start := time.Now()
	p.mosty(argsOf(op)...)
	p.took[op] = time.Since(start)
	if op == "merge" {
		p.recordMerged()
	}
}

// killed starts op and kills its process group at a random point of its
// usual duration; it returns when.
func (p *probe) killed(op string) time.Duration {
	cmd := exec.Command(p.bin, argsOf(op)...)
	cmd.Dir = p.work
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	after := time.Duration(p.rng.Int64N(int64(p.took[op]) + 1))
	time.Sleep(after)
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	cmd.Wait()
	p.waitUnlocked()
	return after
}

// waitUnlocked waits until every killed process has let go of the
// workspace's lock: Wait returns when mosty's supervisor is gone, its
// worker may take a moment longer to die.
func (p *probe) waitUnlocked() {
	l := flock.New(filepath.Join(p.work, "ws", ".mosty.lock"))
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(5 * time.Millisecond) {
		if ok, err := l.TryLock(); err == nil && ok {
			l.Unlock()
			return
		}
	}
	p.t.Fatal("the lock is still held 10 s after the kill")
}

// prepare changes what op will act on: some Polish for import and sync,
// a merge file of changed translations for merge, a few translations
// typed by hand for build.
func (p *probe) prepare(op string) {
	n := len(p.slugs())
	switch op {
	case "import":
		for range 1 + n/10 {
			p.writeArticle(p.rng.IntN(n), p.rng.IntN(1000))
		}
	case "sync":
		for range 1 + n/10 {
			// The original in sources/ replaced by hand, as sync allows.
			i := p.rng.IntN(n)
			p.writeArticle(i, p.rng.IntN(1000))
			data, err := os.ReadFile(filepath.Join(p.work, "in", fmt.Sprintf("art%04d.txt", i)))
			if err != nil {
				p.t.Fatal(err)
			}
			p.write(filepath.Join("ws", "sources", fmt.Sprintf("art%04d.txt", i)), string(data))
		}
	case "merge":
		p.mosty("-C", "ws", "export", "--format", "xliff", "--locale", "ru", "--out", "ru.xlf")
		data, err := os.ReadFile(filepath.Join(p.work, "ru.xlf"))
		if err != nil {
			p.t.Fatal(err)
		}
		tag := fmt.Sprintf("(правка %d)", p.rng.IntN(1e6))
		p.write("ru.xlf", strings.ReplaceAll(string(data), "</target>", " "+tag+"</target>"))
	default:
		p.translate(0.05)
	}
}

// translate types translations into a share of the segments of every
// translators' file, as a translator editing the TOML would, and marks
// them translated.
func (p *probe) translate(share float64) {
	for _, lang := range []string{"ru", "en"} {
		for _, slug := range p.slugs() {
			path := filepath.Join(p.work, "ws", "locales", lang, slug+".toml")
			f := p.parse(path, false)
			for i := range f.Units {
				u := &f.Units[i]
				if u.Obsolete || p.rng.Float64() >= share {
					continue
				}
				u.Translation = fmt.Sprintf("%s: %s [%d]", strings.ToUpper(lang), u.Source, p.rng.IntN(1e6))
				u.Status = catalog.Translated
				p.typed[lang+"/"+slug+"/"+u.ID] = u.Translation
			}
			if err := safefile.Write(path, f.Bytes(), safefile.Options{}); err != nil {
				p.t.Fatal(err)
			}
		}
	}
}

// recordMerged counts what a finished merge put in as typed: the merge
// file was the translator's work.
func (p *probe) recordMerged() {
	for _, slug := range p.slugs() {
		f := p.parse(filepath.Join(p.work, "ws", "locales", "ru", slug+".toml"), false)
		for _, u := range f.Units {
			if strings.Contains(u.Translation, "(правка") {
				p.typed["ru/"+slug+"/"+u.ID] = u.Translation
			}
		}
	}
}

func (p *probe) slugs() []string {
	paths, _ := filepath.Glob(filepath.Join(p.work, "ws", "sources", "*.meta.toml"))
	var out []string
	for _, m := range paths {
		out = append(out, strings.TrimSuffix(filepath.Base(m), ".meta.toml"))
	}
	return out
}

func (p *probe) parse(path string, isSource bool) *catalog.File {
	data, err := os.ReadFile(path)
	if err != nil {
		p.t.Fatal(err)
	}
	f, err := catalog.Parse(path, data, isSource)
	if err != nil {
		p.t.Fatal(err)
	}
	return f
}

// checkParses: right after a kill, every file mosty writes reads.
func (p *probe) checkParses(when string) {
	ws := filepath.Join(p.work, "ws")
	for _, pattern := range []string{"locales/*/*.toml", "sources/*.meta.toml", "mosty.toml"} {
		paths, _ := filepath.Glob(filepath.Join(ws, pattern))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				p.t.Fatalf("%s: %v", when, err)
			}
			if strings.HasPrefix(pattern, "locales") {
				_, err = catalog.Parse(path, data, strings.Contains(path, "/pl/"))
			} else {
				var v map[string]any
				err = toml.Unmarshal(data, &v)
			}
			if err != nil {
				p.t.Fatalf("%s: %s does not parse: %v", when, path, err)
			}
		}
	}
}

// checkAfter: after the next command, nothing typed is lost, nothing is
// current against changed Polish, no temporary file is left.
func (p *probe) checkAfter(when string) {
	ws := filepath.Join(p.work, "ws")
	have := map[string]bool{}
	for _, slug := range p.slugs() {
		src := p.parse(filepath.Join(ws, "locales", "pl", slug+".toml"), true)
		polish := map[string]string{}
		for _, u := range src.Units {
			polish[u.ID] = u.Source
		}
		for _, lang := range []string{"ru", "en"} {
			f := p.parse(filepath.Join(ws, "locales", lang, slug+".toml"), false)
			for _, u := range f.Units {
				have[lang+"/"+slug+"/"+u.Translation] = true
				if u.Obsolete || !u.Status.Done() {
					continue
				}
				// What the translation was made from, as the file says and
				// as the test typed it ("RU: <Polish> [n]").
				madeFrom := u.Source
				if m := typedFrom.FindStringSubmatch(u.Translation); m != nil {
					madeFrom = m[1]
				}
				if u.Source != polish[u.ID] || madeFrom != polish[u.ID] {
					p.t.Errorf("%s: locales/%s/%s.toml: segment %s is %s against other Polish:\n  made from: %q\n  now:       %q",
						when, lang, slug, u.ID, u.Status, madeFrom, polish[u.ID])
				}
			}
		}
	}
	for key, text := range p.typed {
		lang, rest, _ := strings.Cut(key, "/")
		slug, _, _ := strings.Cut(rest, "/")
		if !have[lang+"/"+slug+"/"+text] {
			p.t.Errorf("%s: a typed translation is lost: %s: %q", when, key, text)
		}
	}
	var temps []string
	filepathWalk(p.work, func(path string) {
		if safefile.IsTemp(filepath.Base(path)) {
			temps = append(temps, path)
		}
	})
	if len(temps) > 0 {
		p.t.Errorf("%s: temporary files left: %v", when, temps)
	}
	if p.t.Failed() {
		p.t.FailNow()
	}
}

// typedFrom finds the Polish a typed translation was made from.
var typedFrom = regexp.MustCompile(`^(?:RU|EN): (.*) \[[0-9]+\]`)

func filepathWalk(root string, f func(string)) {
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			f(path)
		}
		return nil
	})
}
