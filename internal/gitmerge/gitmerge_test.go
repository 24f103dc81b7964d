package gitmerge

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// needGit skips without git and keeps the user's and the system's git
// configuration out of the test.
func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

const header = "[article]\nslug = \"a\"\nlang = \"ru\"\nsource_lang = \"pl\"\n"

func seg(id, tr, status string) string {
	return "\n[[segment]]\nid = \"" + id + "\"\nsource = \"Zdanie " + id + ".\"\ntranslation = \"" + tr + "\"\nstatus = \"" + status + "\"\n"
}

// files writes three versions where git would put them for a driver.
func files(t *testing.T, base, ours, theirs string) Files {
	t.Helper()
	dir := t.TempDir()
	f := Files{Base: filepath.Join(dir, "O"), Ours: filepath.Join(dir, "A"), Theirs: filepath.Join(dir, "B"), Path: "locales/ru/a.toml"}
	for p, data := range map[string]string{f.Base: base, f.Ours: ours, f.Theirs: theirs} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestMerge(t *testing.T) {
	needGit(t)
	base := header + seg("a1", "", "new") + seg("b2", "", "new")
	tests := []struct {
		name           string
		ours, theirs   string
		clean, text    bool
		wantIn, wantNo []string
	}{
		{name: "different segments", ours: header + seg("a1", "Раз.", "translated") + seg("b2", "", "new"),
			theirs: header + seg("a1", "", "new") + seg("b2", "Два.", "translated"),
			clean:  true, wantIn: []string{`translation = "Раз."`, `translation = "Два."`}},
		{name: "translated two ways", ours: header + seg("a1", "Раз.", "translated") + seg("b2", "", "new"),
			theirs: header + seg("a1", "Один.", "reviewed") + seg("b2", "", "new"),
			wantIn: []string{`translation = "Раз."`, `conflict_translation = "Один."`, `conflict_status = "reviewed"`}},
		{name: "theirs is not TOML, lines apart", ours: header + seg("a1", "Раз.", "translated") + seg("b2", "", "new"),
			theirs: header + seg("a1", "", "new") + seg("b2", `Два "кавычки".`, "translated"),
			text:   true, wantIn: []string{`translation = "Раз."`, `translation = "Два "кавычки"."`}, wantNo: []string{"<<<<<<<"}},
		{name: "theirs is not TOML, same lines", ours: header + seg("a1", "Раз.", "translated") + seg("b2", "", "new"),
			theirs: header + seg("a1", `Раз "и" два.`, "translated") + seg("b2", "", "new"),
			text:   true, wantIn: []string{"<<<<<<< ours", `translation = "Раз."`, `translation = "Раз "и" два."`, ">>>>>>> theirs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := files(t, base, tt.ours, tt.theirs)
			out, err := Merge(context.Background(), f, false)
			if err != nil {
				t.Fatal(err)
			}
			if out.Clean() != tt.clean || out.Text != tt.text {
				t.Errorf("clean %v text %v, want %v %v (%+v)", out.Clean(), out.Text, tt.clean, tt.text, out)
			}
			var ve *catalog.VersionError
			if tt.text && (!errors.As(out.TextReason, &ve) || ve.Version != "theirs") {
				t.Errorf("reason %v, want their version named", out.TextReason)
			}
			got := read(t, f.Ours)
			for _, s := range tt.wantIn {
				if !strings.Contains(got, s) {
					t.Errorf("merged file lacks %q:\n%s", s, got)
				}
			}
			for _, s := range tt.wantNo {
				if strings.Contains(got, s) {
					t.Errorf("merged file has %q:\n%s", s, got)
				}
			}
		})
	}
}

// TestMergeMissingFile: a version that cannot be read is an error, and
// ours stays as it was.
func TestMergeMissingFile(t *testing.T) {
	f := files(t, header, header+seg("a1", "Раз.", "translated"), header)
	f.Theirs += ".gone"
	if _, err := Merge(context.Background(), f, false); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want not exist", err)
	}
	if got := read(t, f.Ours); got != header+seg("a1", "Раз.", "translated") {
		t.Errorf("ours changed:\n%s", got)
	}
}

func TestSetup(t *testing.T) {
	needGit(t)
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := Setup(ctx, dir, "mosty"); !errors.Is(err, ErrNotRepository) {
		t.Fatalf("outside a repository: %v", err)
	}
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	ws := filepath.Join(dir, "site") // a workspace in a folder of the repository
	if err := os.MkdirAll(ws, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, ".gitignore"), []byte("public/\n*.bak"), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := Setup(ctx, ws, "mosty")
	if err != nil {
		t.Fatal(err)
	}
	second, err := Setup(ctx, ws, "mosty")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"added", "added", `merge.mosty.name = "mosty: translators' files merged by segment"`, `merge.mosty.driver = "mosty merge-driver %O %A %B %P"`} {
		if !strings.Contains(first[i], want) {
			t.Errorf("first run, line %d: %q lacks %q", i, first[i], want)
		}
	}
	for i, want := range []string{"already has", "already has", "already", "already"} {
		if !strings.Contains(second[i], want) {
			t.Errorf("second run, line %d: %q lacks %q", i, second[i], want)
		}
	}
	if got := read(t, filepath.Join(ws, ".gitignore")); got != "public/\n*.bak\n# mosty: this machine's caches and the built site\n.mosty/\n.mosty.lock\n" {
		t.Errorf(".gitignore:\n%s", got)
	}
	attr, err := exec.Command("git", "-C", ws, "check-attr", "merge", "--", "locales/ru/a.toml", "locales/pl/a.toml", "sources/a.meta.toml").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "locales/ru/a.toml: merge: mosty\nlocales/pl/a.toml: merge: mosty\nsources/a.meta.toml: merge: unspecified\n"
	if string(attr) != want {
		t.Errorf("git check-attr:\n%s\nwant:\n%s", attr, want)
	}
	changed, err := Setup(ctx, ws, "/opt/mosty/bin/mosty")
	if err != nil || !strings.Contains(changed[3], `(was "mosty merge-driver %O %A %B %P")`) {
		t.Errorf("a new driver command: %q, %v", changed, err)
	}
}

// TestDriverCommand: "mosty" when PATH finds the running binary; never a
// binary in go's temporary build folder (as go test and go run make).
func TestDriverCommand(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	if err := os.Link(exe, filepath.Join(bin, "mosty")); err != nil {
		t.Skipf("cannot link the test binary: %v", err)
	}
	t.Setenv("PATH", bin)
	if got, err := DriverCommand(); got != "mosty" || err != nil {
		t.Errorf("with mosty on PATH: %q, %v", got, err)
	}
	t.Setenv("PATH", t.TempDir())
	got, err := DriverCommand()
	if strings.Contains(exe, "go-build") && err == nil {
		t.Errorf("a go-build binary: %q, want an error", got)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/local/bin/mosty":     "/usr/local/bin/mosty",
		"/home/ann/my tools/mosty": "'/home/ann/my tools/mosty'",
		"/home/o'brien/bin/mosty":  `'/home/o'\''brien/bin/mosty'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestMergeTextClean: a base that was not valid TOML, fixed on one side
// while the other changed another segment, merges as text cleanly.
func TestMergeTextClean(t *testing.T) {
	needGit(t)
	broken := header + seg("a1", `Раз "и" два.`, "translated") + seg("b2", "", "new")
	f := files(t, broken, header+seg("a1", `Раз \"и\" два.`, "translated")+seg("b2", "", "new"), header+seg("a1", `Раз "и" два.`, "translated")+seg("b2", "Два.", "translated"))
	out, err := Merge(context.Background(), f, false)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Text || !out.Clean() {
		t.Fatalf("outcome %+v, want a clean text merge", out)
	}
	if got, want := read(t, f.Ours), header+seg("a1", `Раз \"и\" два.`, "translated")+seg("b2", "Два.", "translated"); got != want {
		t.Errorf("merged:\n%s\nwant:\n%s", got, want)
	}
}
