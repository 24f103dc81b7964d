package workspace

import (
	"bufio"
	"bytes"
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

// manifest is what an output folder's manifest lists.
type manifest struct {
	files map[string]bool // slash paths relative to the folder
	found bool            // the folder has a manifest
}

// readManifest reads an output folder's manifest; entries that are not
// plain paths inside the folder are left out (the folder may be shared,
// its manifest hostile).
func readManifest(out string) (manifest, error) {
	m := manifest{files: map[string]bool{}}
	data, err := safefile.Read(filepath.Join(out, manifestName), MaxLocaleFile)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	m.found = true
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if name := sc.Text(); localName(name) {
			m.files[name] = true
		}
	}
	return m, sc.Err()
}

// localName reports whether a name from a manifest or the build cache is
// a file of the output folder: a relative slash path, no "..", no
// backslash, not the manifest.
func localName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "#") && name != manifestName &&
		!strings.Contains(name, `\`) && filepath.IsLocal(filepath.FromSlash(name))
}

// writeManifest records the files of the output folder that are mosty's,
// names sorted.
func (w *Workspace) writeManifest(out string, names []string) error {
	var b strings.Builder
	b.WriteString(manifestHead)
	for _, name := range names {
		b.WriteString(name + "\n")
	}
	path := filepath.Join(out, manifestName)
	if old, err := safefile.Read(path, MaxLocaleFile); err == nil && string(old) == b.String() {
		return nil
	}
	return w.writeOutput(path, []byte(b.String()))
}

// proveOwned says which files of the output folder the build may remove:
// those its manifest lists, or — for a folder built by a mosty that wrote
// no manifest — those the build cache says a build made, when the folder
// is public/ or holds some of them. With clean, a folder with files none
// of which can be proved mosty's is refused before anything is written.
func (w *Workspace) proveOwned(out string, m manifest, cache *buildCache, clean bool) (map[string]bool, error) {
	if m.found {
		return m.files, nil
	}
	owned := map[string]bool{}
	for slug, c := range cache.Articles {
		for _, f := range c.files(slug, w.Config.SourceLanguage) {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err == nil && localName(f) {
				owned[f] = true
			}
		}
	}
	if !clean || len(owned) > 0 || out == w.Path("public") || emptyFolder(out) {
		return owned, nil
	}
	return nil, hint.Wrap(fmt.Errorf("--clean: %s: %w: it was not made by mosty (it has no %s)", out, ErrOutFolder, manifestName),
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
func (w *Workspace) startWriting(out string, owned map[string]bool) error {
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
