package gitmerge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The driver's name in .gitattributes and git's configuration.
const driverName = "mosty"

// attributesLine routes every locale file of the workspace to the driver.
const attributesLine = "locales/**/*.toml merge=" + driverName

// ignored are the workspace's files that are the machine's own, not the
// team's: the caches, the lock and the built site (each clone, and CI,
// builds its own).
var ignored = []string{".mosty/", ".mosty.lock", "public/"}

// ErrNotRepository is a workspace outside any git repository.
var ErrNotRepository = errors.New("not in a git repository")

// Setup routes the locale files of the workspace in dir to mosty's merge
// driver in the git repository holding it: a line in the workspace's
// .gitattributes (committed, so every clone has it), the driver's
// command in the repository's configuration (each clone sets its own),
// and the machine's caches and the built site in .gitignore. driver is the command git runs
// (see DriverCommand). It changes only what is missing or different and
// returns one line per thing it looked at.
func Setup(ctx context.Context, dir, driver string) ([]string, error) {
	if _, err := git(ctx, dir, "rev-parse", "--show-toplevel"); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	var done []string
	line, err := appendLines(filepath.Join(dir, ".gitattributes"),
		"# mosty: merge translators' files segment by segment (mosty git-setup)", attributesLine)
	if err != nil {
		return nil, err
	}
	done = append(done, ".gitattributes: "+line)
	line, err = appendLines(filepath.Join(dir, ".gitignore"), "# mosty: this machine's caches and the built site", ignored...)
	if err != nil {
		return nil, err
	}
	done = append(done, ".gitignore: "+line)
	command := driver + " merge-driver %O %A %B %P"
	for _, kv := range [][2]string{
		{"merge." + driverName + ".name", "mosty: translators' files merged by segment"},
		{"merge." + driverName + ".driver", command},
	} {
		line, err := setConfig(ctx, dir, kv[0], kv[1])
		if err != nil {
			return nil, err
		}
		done = append(done, "git config: "+line)
	}
	return done, nil
}

// appendLines adds the lines a file lacks, under a comment, and says
// what it did.
func appendLines(path, comment string, want ...string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	have := strings.Split(string(data), "\n")
	for i := range have {
		have[i] = strings.TrimSpace(have[i])
	}
	var missing []string
	for _, l := range want {
		if !slices.Contains(have, l) {
			missing = append(missing, l)
		}
	}
	if len(missing) == 0 {
		return fmt.Sprintf("already has %s", strings.Join(want, ", ")), nil
	}
	var b bytes.Buffer
	b.Write(data)
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		b.WriteByte('\n')
	}
	b.WriteString(comment + "\n" + strings.Join(missing, "\n") + "\n")
	if err := writeOver(path, b.Bytes()); err != nil {
		return "", err
	}
	return fmt.Sprintf("added %s", strings.Join(missing, ", ")), nil
}

// setConfig sets a key of the repository's configuration, and says what
// it did.
func setConfig(ctx context.Context, dir, key, value string) (string, error) {
	old, err := git(ctx, dir, "config", "--get", key)
	if err == nil && old == value {
		return fmt.Sprintf("%s already %q", key, value), nil
	}
	if _, err := git(ctx, dir, "config", key, value); err != nil {
		return "", err
	}
	if old != "" {
		return fmt.Sprintf("%s = %q (was %q)", key, value, old), nil
	}
	return fmt.Sprintf("%s = %q", key, value), nil
}

// git runs git in dir and returns its output, trimmed.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return strings.TrimSpace(string(out)), nil
}

// InRepository reports whether dir is inside a git work tree.
func InRepository(ctx context.Context, dir string) bool {
	out, err := git(ctx, dir, "rev-parse", "--is-inside-work-tree")
	return err == nil && out == "true"
}

// DriverCommand is the command git should run as the driver: "mosty"
// when the mosty that PATH finds is the running binary, so that
// upgrading it upgrades the driver; else the running binary's absolute
// path, quoted for the shell git runs it with. A binary that go run
// built in a temporary folder is refused: it is gone once it exits.
func DriverCommand() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("finding the running mosty: %w", err)
	}
	if onPath, err := exec.LookPath("mosty"); err == nil && sameFile(onPath, exe) {
		return "mosty", nil
	}
	if strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return "", fmt.Errorf("mosty runs from a temporary build (%s), which is gone when it exits", exe)
	}
	return shellQuote(exe), nil
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// shellQuote quotes s for sh when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
