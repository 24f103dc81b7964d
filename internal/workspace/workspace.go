package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/mosty-dev/mosty/internal/durable"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// A Workspace is an open mosty workspace folder: where it is and its
// settings. It is read-only after Open, like a go-i18n Bundle: what one
// operation reads (memories, the glossary, file listings) lives in that
// operation's op value, never here, so one command cannot see another's
// stale state and a Workspace can be shared between goroutines.
type Workspace struct {
	Dir    string
	Config *Config
	// Now is the clock; tests set it, before the first operation, for
	// reproducible metadata.
	Now func() time.Time
	// batchStep, set by tests before the first operation, is told of
	// every step of writing a batch of files (see durable.Batch.Step), so
	// that a test can stop the process between any two.
	batchStep func(step string)

	// noNameHints: import and sync write no names hints; set by the
	// benchmarks that measure what the hints cost.
	noNameHints bool
}

// Open opens the workspace in dir and reads its settings.
func Open(dir string) (*Workspace, error) {
	cfg := filepath.Join(dir, ConfigFile)
	if _, err := os.Stat(cfg); errors.Is(err, fs.ErrNotExist) {
		abs, _ := filepath.Abs(dir)
		return nil, fmt.Errorf("%s: %w (no %s here)", abs, ErrNotWorkspace, ConfigFile)
	}
	c, err := readConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &Workspace{Dir: dir, Config: c, Now: time.Now}, nil
}

// Path joins elements to the workspace folder.
func (w *Workspace) Path(elem ...string) string {
	return filepath.Join(append([]string{w.Dir}, elem...)...)
}

// Languages is the source language followed by the targets.
func (w *Workspace) Languages() []string {
	return append([]string{w.Config.SourceLanguage}, w.Config.TargetLanguages...)
}

// ErrLocked is returned when another mosty process is writing the
// workspace.
var ErrLocked = errors.New("another mosty process is writing this workspace")

// Lock takes the workspace's write lock, without waiting: a second
// process gets ErrLocked at once rather than a half-merged file. Holding
// it, it removes the temporary files an interrupted mosty left. Call the
// returned function to release it.
func (w *Workspace) Lock() (unlock func(), err error) {
	l := flock.New(w.Path(".mosty.lock"))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", w.Path(".mosty.lock"), err)
	}
	if !ok {
		return nil, fmt.Errorf("%s: %w", w.Dir, ErrLocked)
	}
	if err := w.cleanAfterCrash(); err != nil {
		_ = l.Unlock()
		return nil, fmt.Errorf("removing what an interrupted mosty left: %w", err)
	}
	return func() {
		w.markClean()
		_ = l.Unlock()
	}, nil
}

// cleanMark is the file a mosty leaves when it gives up the lock with
// every write finished. The next holder removes it and reads the folders
// for temporary files only when it was not there: a mosty was killed, or
// an earlier version held the lock. On an archive of 100,000 articles that
// reading costs a second a command.
func (w *Workspace) cleanMark() string { return w.Path(".mosty", "clean") }

// cleanAfterCrash removes what a killed mosty left, unless the last holder
// of the lock finished.
func (w *Workspace) cleanAfterCrash() error {
	if err := os.Remove(w.cleanMark()); err == nil {
		return nil
	}
	return w.cleanLeftovers()
}

// markClean says that this mosty gave up the lock with nothing half done.
func (w *Workspace) markClean() {
	if err := os.MkdirAll(filepath.Dir(w.cleanMark()), 0o755); err == nil {
		_ = os.WriteFile(w.cleanMark(), nil, 0o644)
	}
}

// batch is a durable batch of files to write.
func (w *Workspace) batch() *durable.Batch {
	return &durable.Batch{Step: w.batchStep}
}

// writeFile writes data atomically (safefile.Write): to a temporary
// file in the same folder, synced, then renamed over path. A crash leaves
// the old file or the new one, never half of either, and a temporary file
// the next command removes (cleanLeftovers).
func writeFile(path string, data []byte) error {
	return safefile.Write(path, data, safefile.Options{Sync: true})
}

// Limits on the files mosty reads (safefile.Read): far beyond real use,
// far below what would exhaust memory.
const (
	maxSmallFile  = 1 << 20   // mosty.toml, sources/*.meta.toml, templates
	MaxLocaleFile = 64 << 20  // a translators' file, glossary.toml: the limit for any reader of them
	maxMergeFile  = 512 << 20 // an XLIFF or PO file to merge
	maxCacheFile  = 1 << 30   // a cache of mosty's in .mosty/ (100,000 articles' worth)
	maxSiteFile   = 512 << 20 // a file of the built site, read to compare
)

// cleanLeftovers removes the temporary files a killed mosty left beside
// the workspace's files, and, when a build was interrupted, in its output
// folder (named in .mosty/building). Call it under the lock. It reads a
// few folders, not every file: temporary files only ever sit beside the
// file being written (in static/, that may be in any subfolder).
func (w *Workspace) cleanLeftovers() error {
	dirs := []string{w.Dir, w.Path("sources"), w.Path(".mosty"), w.Path(".mosty", "tmp"), w.Path(".mosty", "exports"), w.Path(MemoryDir)}
	for _, l := range w.Languages() {
		dirs = append(dirs, w.Path("locales", l))
	}
	if _, err := safefile.Clean(dirs...); err != nil {
		return err
	}
	if _, err := safefile.CleanTree(w.Path("static")); err != nil {
		return err
	}
	out, err := safefile.Read(w.buildingPath(), maxSmallFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil {
		_, err = safefile.CleanSite(string(out))
	}
	if err == nil {
		err = os.Remove(w.buildingPath())
	}
	return err
}

// buildingPath names the output folder of a build in progress, so that
// the command after a killed build cleans up there.
func (w *Workspace) buildingPath() string { return w.Path(".mosty", "building") }

func relPath(base, target string) (string, error) {
	r, err := filepath.Rel(base, target)
	if err != nil || strings.HasPrefix(r, "..") {
		return "", errors.New("outside")
	}
	return r, nil
}
