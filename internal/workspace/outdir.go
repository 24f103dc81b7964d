package workspace

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// manifestName is the file in an output folder that lists what mosty
// made there. A build removes only files it lists (or the build cache
// does): a folder mosty shares with anything else keeps what is not
// mosty's.
const manifestName = ".mosty-manifest"

const manifestHead = "# Made by mosty build: the files of this folder it wrote. mosty build --clean\n# removes only files listed here; do not edit.\n"

// ownFolders are the workspace's folders a build must never write into,
// hold, or be inside: everything but public/.
var ownFolders = []string{"sources", "locales", "templates", "memory", "removed", ".mosty", ".git"}

// ErrOutFolder is what a refused output folder's error wraps.
var ErrOutFolder = errors.New("not a folder mosty may build into")

// checkOut refuses an output folder that is the workspace or holds it, or
// is, holds or is inside one of its own folders (sources/, locales/,
// templates/, memory/, removed/, .mosty/, and .git/ when the team keeps
// the workspace in git): a build there would overwrite, and --clean
// remove, what people wrote. Links are followed, so another name for such a
// folder is refused too.
func (w *Workspace) checkOut(out string) error {
	o, err := realPath(out)
	if err != nil {
		return err
	}
	ws, err := realPath(w.Dir)
	if err != nil {
		return err
	}
	refuse := func(what string) error {
		return hint.Wrap(fmt.Errorf("--out %s: %w: it %s", out, ErrOutFolder, what),
			"build into public/ (the default) or a folder of its own; nothing was written")
	}
	if inside(ws, o) {
		return refuse("is or holds the workspace")
	}
	for _, name := range ownFolders {
		own, err := realPath(filepath.Join(w.Dir, name))
		if err != nil {
			return err
		}
		if inside(o, own) || inside(own, o) {
			return refuse(fmt.Sprintf("is, holds or is inside the workspace's %s/ folder", name))
		}
	}
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return refuse("is a file")
	}
	return nil
}

// inside reports whether path a is b or inside it; both are clean and
// absolute.
func inside(a, b string) bool {
	rel, err := filepath.Rel(b, a)
	return err == nil && filepath.IsLocal(rel) || a == b
}

// realPath is p made absolute with the links of its existing part
// followed.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; cur = filepath.Dir(cur) {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(cur) == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
	}
}

// manifest is an output folder's manifest, read a name at a time
// (each): at 100,000 articles it lists half a million files.
type manifest struct {
	path  string
	found bool // the folder has a manifest
}

// readManifest finds an output folder's manifest; one that is not a
// regular file is an error (a FIFO would hang the build).
func readManifest(out string) (manifest, error) {
	m := manifest{path: filepath.Join(out, manifestName)}
	info, err := os.Lstat(m.path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	if !info.Mode().IsRegular() {
		return m, safefile.NotRegular(m.path, info.Mode())
	}
	m.found = true
	return m, nil
}

// each calls fn with the manifest's names, leaving out those that are not
// plain paths inside the folder (the folder may be shared, its manifest
// hostile).
func (m manifest) each(fn func(name string) error) error {
	if !m.found {
		return nil
	}
	f, err := os.Open(m.path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<10)
	for sc.Scan() {
		if name := sc.Text(); localName(name) {
			if err := fn(name); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return hint.Wrap(fmt.Errorf("%s: %w", m.path, err),
			"it is not as mosty writes it: move it out of the folder and build again (files mosty cannot prove it wrote are never removed); nothing was written")
	}
	return nil
}

// localName reports whether a name from a manifest or the build cache is
// a file of the output folder: a relative slash path, no "..", no
// backslash, not the manifest.
func localName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "#") && name != manifestName &&
		!strings.Contains(name, `\`) && filepath.IsLocal(filepath.FromSlash(name))
}

// writeManifest records the files of the output folder that are mosty's,
// the names names adds, a line at a time; when names fails, the manifest
// stays as it was.
func (w *Workspace) writeManifest(out string, names func(add func(string)) error) error {
	return safefile.WriteFunc(filepath.Join(out, manifestName), safefile.Options{TempDir: w.Path(".mosty", "tmp")}, func(b *bufio.Writer) error {
		b.WriteString(manifestHead)
		return names(func(name string) {
			b.WriteString(name)
			b.WriteByte('\n')
		})
	})
}

// owned is the files of the output folder the build may remove: those
// its manifest lists, or those in files (see proveOwned).
type owned struct {
	manifest manifest
	files    map[string]bool
}

// each calls fn with every file owned.
func (o owned) each(fn func(name string) error) error {
	if o.manifest.found {
		return o.manifest.each(fn)
	}
	for _, name := range sortedKeys(o.files) {
		if err := fn(name); err != nil {
			return err
		}
	}
	return nil
}

// proveOwned says which files of the output folder the build may remove:
// those its manifest lists, or — for a folder built by a mosty that wrote
// no manifest — those the build cache says a build made, when the folder
// is public/ or holds some of them. With clean, a folder with files none
// of which can be proved mosty's is refused before anything is written.
func (w *Workspace) proveOwned(out string, m manifest, cache *buildCache, clean bool) (owned, error) {
	if m.found {
		return owned{manifest: m}, nil
	}
	files := map[string]bool{}
	for slug, c := range cache.Articles {
		for _, f := range c.files(slug, w.Config.SourceLanguage) {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err == nil && localName(f) {
				files[f] = true
			}
		}
	}
	if !clean || len(files) > 0 || out == w.Path("public") || emptyFolder(out) {
		return owned{files: files}, nil
	}
	return owned{}, hint.Wrap(fmt.Errorf("--clean: %s: %w: it was not made by mosty (it has no %s)", out, ErrOutFolder, manifestName),
		"mosty removes only files it can prove it wrote: build without --clean, or into an empty folder; nothing was written")
}

// emptyFolder reports whether a folder is missing or empty.
func emptyFolder(dir string) bool {
	entries, err := os.ReadDir(dir)
	return errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0
}

// removeOutput removes a file the build no longer makes, when it is a
// plain file inside the output folder (not through a link leading out),
// then the folders it leaves empty.
func removeOutput(out, name string) bool {
	if !localName(name) {
		return false
	}
	path := filepath.Join(out, filepath.FromSlash(name))
	realOut, err1 := realPath(out)
	realDir, err2 := realPath(filepath.Dir(path))
	if err1 != nil || err2 != nil || !inside(realDir, realOut) {
		return false
	}
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() || os.Remove(path) != nil {
		return false
	}
	for dir := filepath.Dir(path); dir != filepath.Clean(out) && inside(dir, filepath.Clean(out)); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty
		}
	}
	return true
}

// startWriting records that a build is writing into out, so that the
// next command cleans up there if it is killed. A folder this mosty never
// built into (no manifest yet) is cleaned now of what earlier versions'
// killed builds left.
func (w *Workspace) startWriting(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, manifestName)); errors.Is(err, fs.ErrNotExist) {
		if _, err := safefile.CleanSite(out); err != nil {
			return err
		}
	}
	return writeFile(w.buildingPath(), []byte(abs))
}
