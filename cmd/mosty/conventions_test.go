package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/urfave/cli/v2"
)

// mosty runs the command line in-process and returns its exit code and
// output.
func mosty(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), append([]string{"mosty"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// Every command's help, subcommands too, has an example, the exit codes
// and the path rule.
func TestEveryHelpHasAnExample(t *testing.T) {
	var walk func(path []string, cmds []*cli.Command)
	n := 0
	walk = func(path []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(append([]string{}, path...), c.Name)
			n++
			t.Run(strings.Join(p, " "), func(t *testing.T) {
				code, out, errOut := mosty(t, append(p, "--help")...)
				if code != exitOK {
					t.Fatalf("exit code %d: %s", code, errOut)
				}
				example := regexp.MustCompile(`(?s)Example:\n.*mosty (-C \S+ )?` + strings.Join(p, " "))
				if !example.MatchString(out) {
					t.Errorf("help has no example of mosty %s:\n%s", strings.Join(p, " "), out)
				}
				for _, want := range []string{"EXIT CODES:", "PATHS:"} {
					if !strings.Contains(out, want) {
						t.Errorf("help has no %q:\n%s", want, out)
					}
				}
			})
			walk(p, c.Subcommands)
		}
	}
	walk(nil, newApp(&env{}).Commands)
	if n < 13 {
		t.Errorf("walked %d commands", n)
	}
}

// One convention for the command line, whatever the command.
func TestConventions(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	if code, _, errOut := mosty(t, "init", ws); code != exitOK {
		t.Fatal(errOut)
	}
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string // in order, each on a line of its own
	}{
		{"unknown command", []string{"-C", ws, "bogus"}, exitUsage, `mosty: unknown command "bogus"` + "\n" + `hint: "mosty --help" lists the commands`},
		{"misspelt command", []string{"-C", ws, "improt", "a.html"}, exitUsage, `hint: did you mean "import"?`},
		{"misspelt subcommand", []string{"tm", "lokup"}, exitUsage, `hint: did you mean "lookup"? "mosty tm --help" lists the commands`},
		{"unknown flag", []string{"-C", ws, "status", "--frobnicate"}, exitUsage, "mosty: unknown flag --frobnicate\n" + `hint: "mosty status --help" lists the flags`},
		{"misspelt flag", []string{"-C", ws, "status", "--jsn"}, exitUsage, `hint: did you mean "--json"?`},
		{"unknown global flag", []string{"--frobnicate", "status"}, exitUsage, `hint: "mosty --help" lists the flags`},
		{"flag after an argument", []string{"-C", ws, "import", "a.html", "--json"}, exitUsage, "the flag --json comes after an argument, where it is not read\nhint: put flags before arguments: mosty import --json …"},
		{"too many arguments", []string{"init", "a", "b"}, exitUsage, "init takes [DIR], got 2 arguments\nhint: run with --help"},
		{"missing argument", []string{"-C", ws, "merge"}, exitUsage, "merge needs FILE|DIR…"},
		{"no arguments taken", []string{"-C", ws, "build", "public"}, exitUsage, `build takes no arguments, got "public"`},
		{"status: unknown language", []string{"-C", ws, "status", "--locale", "xx"}, exitUsage, `mosty: "xx" is not a target language of this workspace` + "\nhint: use one of ru, en (target_languages in mosty.toml)"},
		{"check: unknown language", []string{"-C", ws, "check", "--locale", "de"}, exitUsage, `"de" is not a target language`},
		{"export: unknown language", []string{"-C", ws, "export", "--locale", "de"}, exitUsage, `"de" is not a target language`},
		{"tm: unknown language", []string{"-C", ws, "tm", "lookup", "--locale", "de", "x"}, exitUsage, `"de" is not a target language`},
		{"the source language", []string{"-C", ws, "check", "--locale", "pl"}, exitUsage, `"pl" is not a target language: it is the source language of this workspace`},
		{"a near language", []string{"-C", ws, "status", "--locale", "be"}, exitUsage, `"be" is not a target language`},
		{"segment: unknown language", []string{"segment", "--lang", "de"}, exitUsage, `"de" is not a language mosty segments` + "\nhint: use one of en, pl, ru"},
		{"ru-RU", []string{"-C", ws, "status", "--locale", "ru-RU"}, exitOK, ""},
		{"ru_RU", []string{"-C", ws, "check", "--locale", "ru_RU"}, exitOK, ""},
		{"RU", []string{"-C", ws, "export", "--locale", "RU"}, exitOK, ""},
		{"en-GB", []string{"-C", ws, "tm", "lookup", "--locale", "en-GB", "x"}, exitOK, ""},
		{"segment ru-RU", []string{"segment", "--lang", "ru-RU"}, exitOK, ""},
		{"sync: unknown slug", []string{"-C", ws, "sync", "no-such-slug"}, exitUsage, `mosty: no article "no-such-slug" in this workspace` + "\nhint: mosty status lists the articles by slug"},
		{"export: unknown slug", []string{"-C", ws, "export", "--locale", "ru", "no-such-slug"}, exitUsage, `no article "no-such-slug"`},
		{"not a slug", []string{"-C", ws, "sync", "../mosty"}, exitUsage, `mosty: "../mosty" is not a slug`},
		{"not a workspace", []string{"-C", t.TempDir(), "status"}, exitError, "not a mosty workspace"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := mosty(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr does not say %q:\n%s", tt.stderr, errOut)
			}
		})
	}
}

// Errors become exit codes in one place, however they are wrapped.
func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, exitOK},
		{"plain", errors.New("x"), exitError},
		{"usage", usagef("x"), exitUsage},
		{"usage, wrapped", fmt.Errorf("reading: %w", usagef("x")), exitUsage},
		{"usage with a hint", hint.Wrap(usagef("x"), "y"), exitUsage},
		{"partial", &partialError{1, 2, "failed"}, exitPartial},
		{"partial, wrapped", fmt.Errorf("fetch: %w", &partialError{1, 2, "failed"}), exitPartial},
		{"cancelled", context.Canceled, exitError},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

// A usage error keeps the error it wraps, and its hint.
func TestUsageKeepsTheChain(t *testing.T) {
	base := errors.New("base")
	err := usage(hint.Wrap(base, "do this"))
	if !errors.Is(err, base) || hint.Of(err) != "do this" {
		t.Errorf("usage lost the chain: Is %v, hint %q", errors.Is(err, base), hint.Of(err))
	}
	if usage(nil) != nil {
		t.Error("usage(nil) is not nil")
	}
}

func TestSuggest(t *testing.T) {
	cmds := []string{"init", "import", "fetch", "sync", "status", "build", "check", "export", "merge", "tm", "segment", "demo", "version"}
	for _, tt := range []struct{ typed, want string }{
		{"improt", "import"},
		{"stat", "status"},
		{"exprot", "export"},
		{"biuld", "build"},
		{"sycn", "sync"},
		{"translate", ""},
		{"bogus", ""},
		{"x", ""},
		{"tn", "tm"},
	} {
		t.Run(tt.typed, func(t *testing.T) {
			if got := suggest(tt.typed, cmds); got != tt.want {
				t.Errorf("suggest(%q) = %q, want %q", tt.typed, got, tt.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"sync", "sync", 0}, {"sycn", "sync", 1}, {"sync", "syn", 1}, {"sync", "sink", 2}, {"", "tm", 2}, {"żółw", "żołw", 1},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
