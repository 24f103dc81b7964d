package safefile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mosty-dev/mosty/internal/hint"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locales", "ru", "a.toml")
	for _, data := range []string{"pierwszy\n", "drugi\n"} {
		if err := Write(path, []byte(data), Options{Sync: true}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != data {
			t.Errorf("read %q, want %q", got, data)
		}
	}
	temp := filepath.Join(dir, ".mosty", "tmp")
	if err := Write(path, []byte("trzeci\n"), Options{TempDir: temp}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	left, _ := os.ReadDir(temp)
	if len(entries) != 1 || len(left) != 0 {
		t.Errorf("left behind: %v, %v", entries, left)
	}
}

func TestTempNames(t *testing.T) {
	for name, want := range map[string]bool{
		TempName("a.toml"):                  true,
		".art00346.toml8364572301":          true, // renameio, earlier versions
		".art.meta.toml42":                  true,
		"index.html.1f2e3d4c5b6a7988.tmp":   true, // the site build, earlier versions
		"a.toml":                            false,
		".mosty.lock":                       false,
		"index.html":                        false,
		".gitignore":                        false,
		"notes.tmp":                         false,
		".art.toml.mosty-123.tmp":           false,
		"plan-2018.html":                    false,
		".htaccess":                         false,
		"sitemap.xml.1f2e3d4c5b6a7988.tmp":  true,
		"my.html.backup.tmp":                false,
		".my.html.mosty-zzzzzzzzzzzz.tmp":   false,
		".x.html.mosty-0123456789ab.tmp":    true,
		".x.html.mosty-0123456789ab.tmp~":   false,
		".x.html.mosty-0123456789ab.tmp.gz": false,
	} {
		if got := IsTemp(name); got != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name → a temporary file
		"locales/ru/a.toml": false, "locales/ru/" + TempName("a.toml"): true, "locales/ru/.a.toml77": true,
		"public/index.html": false, "public/en/a/" + TempName("index.html"): true, "public/.htaccess": false,
		"public/.git/" + TempName("x.html"): false, "public/.notes.html7": false, // renameio never wrote a site
	}
	for name := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	removed, err := Clean(filepath.Join(dir, "locales", "ru"), filepath.Join(dir, "missing"), filepath.Join(dir, "locales"))
	if err != nil || len(removed) != 2 {
		t.Errorf("removed %v (%v)", removed, err)
	}
	removed, err = CleanSite(filepath.Join(dir, "public"))
	if err != nil || len(removed) != 1 {
		t.Errorf("removed %v (%v)", removed, err)
	}
	for name, temp := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := err != nil; gone != temp && !strings.Contains(name, ".git/") {
			t.Errorf("%s: gone %v", name, gone)
		}
	}
}

// tinyDisk mounts a small file system for the test, or skips it where
// mounting is not allowed.
func tinyDisk(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// TestFullDisk: a write to a full disk fails naming the file the user
// knows, with a hint; the old file is intact and no temporary file stays.
func TestFullDisk(t *testing.T) {
	dir := tinyDisk(t, "size=64k")
	path := filepath.Join(dir, "a.toml")
	if err := Write(path, []byte("stary\n"), Options{Sync: true}); err != nil {
		t.Fatal(err)
	}
	err := Write(path, make([]byte, 256<<10), Options{Sync: true})
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != "writing "+path+": no space left on device" {
		t.Fatalf("error %v", err)
	}
	if h := hint.Of(err); !strings.Contains(h, "the disk is full") {
		t.Errorf("hint %q", h)
	}
	if got, _ := os.ReadFile(path); string(got) != "stary\n" {
		t.Errorf("the old file became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}

// TestUnwritable: a folder mosty may not write gives an error naming the
// file, with a hint.
func TestUnwritable(t *testing.T) {
	var dir string
	if os.Geteuid() == 0 {
		dir = tinyDisk(t, "ro,size=64k") // root may write anywhere but here
	} else {
		dir = t.TempDir()
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	path := filepath.Join(dir, "a.toml")
	err := Write(path, []byte("x"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "writing "+path+": ") || !strings.Contains(hint.Of(err), "mosty may not write there") {
		t.Errorf("error %v, hint %q", err, hint.Of(err))
	}
}
