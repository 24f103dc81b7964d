package workspace

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash helper: when the test binary runs with these set, it imports
// the files named in crashFiles into the workspace in crashDir and kills
// itself (SIGKILL: no deferred function, no flush) at step crashAt of
// writing the batch.
const (
	crashDir   = "MOSTY_CRASH_DIR"
	crashFiles = "MOSTY_CRASH_FILES"
	crashAt    = "MOSTY_CRASH_AT"
)

func TestCrashHelper(t *testing.T) {
	dir := os.Getenv(crashDir)
	if dir == "" {
		t.Skip("run by TestBatchedImportCrash")
	}
	at, _ := strconv.Atoi(os.Getenv(crashAt))
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.Now = fixedNow
	n := 0
	w.batchStep = func(string) {
		if n++; n == at {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			time.Sleep(time.Minute) // the signal is on its way
		}
	}
	if _, err := w.Import(strings.Split(os.Getenv(crashFiles), "\n")); err != nil {
		t.Fatal(err)
	}
}

func fixedNow() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }

// tmpFileRE matches the temporary files a batch writes beside its targets.
var tmpFileRE = regexp.MustCompile(`^\..+\.mosty-[0-9a-f]+\.tmp$`)

// contents is every file under dir but the batch's temporary files, by
// path relative to dir, and how many of those there were.
func contents(t *testing.T, dir string) (map[string]string, int) {
	t.Helper()
	files, temps := map[string]string{}, 0
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || info.Name() == ".mosty.lock" {
			return err
		}
		if tmpFileRE.MatchString(info.Name()) {
			temps++
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return files, temps
}

// cloneTree copies the folder from to to with cp -a: times kept, so that
// caches keyed by a file's size and time stay valid in the copy.
func cloneTree(t *testing.T, from, to string) {
	t.Helper()
	if out, err := exec.Command("cp", "-a", from, to).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
}

// TestBatchedImportCrash kills an import at every step of writing its
// batch — after each temporary file, after the sync, after each rename —
// and finds every file of the workspace either as it was before the
// import or as the import leaves it, never half of one, never lost; the
// workspace then opens, and the import run again finishes the job.
func TestBatchedImportCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the import once per step")
	}
	w := newWorkspace(t)
	in := t.TempDir()
	var files []string
	for i := range 4 {
		p := filepath.Join(in, fmt.Sprintf("art-%d.txt", i))
		files = append(files, p)
		writeFile(p, []byte(fmt.Sprintf("Artykuł %d\n\n2018-04-0%d\n\nPierwsze zdanie. Drugie zdanie artykułu %d.\n", i, i+1, i)))
	}
	if _, err := w.Import(files[:2]); err != nil { // two known articles, to be updated
		t.Fatal(err)
	}
	for i, p := range files[:2] {
		writeFile(p, []byte(fmt.Sprintf("Artykuł %d\n\n2018-04-0%d\n\nPierwsze zdanie. Zmienione zdanie %d.\n", i, i+1, i)))
	}
	before, _ := contents(t, w.Dir)

	// The import run to the end, on a copy: what "new" is, and how many
	// steps its batch takes.
	done := filepath.Join(t.TempDir(), "done")
	cloneTree(t, w.Dir, done)
	wd, err := Open(done)
	if err != nil {
		t.Fatal(err)
	}
	wd.Now = fixedNow
	steps := 0
	wd.batchStep = func(string) { steps++ }
	if _, err := wd.Import(files); err != nil {
		t.Fatal(err)
	}
	after, _ := contents(t, done)
	if steps < 2*4*4 {
		t.Fatalf("the batch took %d steps", steps)
	}

	for at := 1; at <= steps; at++ {
		dir := filepath.Join(t.TempDir(), "ws")
		cloneTree(t, w.Dir, dir)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
		cmd.Env = append(os.Environ(), crashDir+"="+dir, crashFiles+"="+strings.Join(files, "\n"), crashAt+"="+strconv.Itoa(at))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("step %d: the helper was not killed: %v\n%s", at, err, out)
		}
		got, temps := contents(t, dir)
		for _, name := range union(before, after, got) {
			g, has := got[name]
			b, hadBefore := before[name]
			a, hasAfter := after[name]
			switch {
			case has && hadBefore && g == b, has && hasAfter && g == a, !has && !hadBefore:
			case !has:
				t.Errorf("step %d: %s is lost", at, name)
			default:
				t.Errorf("step %d: %s is neither as before nor as after (%d bytes)", at, name, len(g))
			}
		}
		// The workspace opens and the import finishes what was cut.
		wc, err := Open(dir)
		if err != nil {
			t.Fatalf("step %d: %v", at, err)
		}
		wc.Now = fixedNow
		if _, err := wc.Import(files); err != nil {
			t.Fatalf("step %d: the import again: %v", at, err)
		}
		again, _ := contents(t, dir)
		for name, a := range after {
			if strings.HasPrefix(name, "sources/") || strings.HasPrefix(name, "locales/") {
				if again[name] != a {
					t.Errorf("step %d: after the import again, %s differs from an uncut import", at, name)
				}
			}
		}
		if at == 1 && temps == 0 {
			t.Error("no temporary file left by a kill after the first write: the test does not kill where it thinks")
		}
	}
}

func union(ms ...map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
