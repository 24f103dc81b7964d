package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mosty-dev/mosty/internal/sharedtest"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected output files")

// TestMain lets the test binary run as the mosty command inside scripts
// (and as a worker under the supervisor: see TestSupervisor). The exit
// code is also written where the script's exitcode command can check it.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mosty": func() {
			code := run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr)
			if f := os.Getenv("MOSTY_EXIT_FILE"); f != "" {
				_ = os.WriteFile(f, []byte(strconv.Itoa(code)), 0o644)
			}
			exit(code)
		},
		// Workers that crash as a Go program does: out of memory, a
		// panic in a goroutine.
		"mosty-oom": func() {
			b := make([]byte, 1<<47) // more than a 64-bit process can map
			b[len(b)-1] = 1
			exit(0)
		},
		"mosty-panic": func() {
			done := make(chan bool)
			go func() { panic("a bug") }()
			<-done
		},
	})
}

// TestScripts runs the CLI as a user would, one behaviour per script in
// testdata/script. Scripts that need ../shared/samples ([samples]
// condition) are skipped without it, except in CI, where it must be.
func TestScripts(t *testing.T) {
	samples, ok := sharedtest.Find("samples")
	if !ok && sharedtest.InCI() {
		sharedtest.Missing(t, samples) // fails in CI
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			e.Setenv("MOSTY_EXIT_FILE", filepath.Join(e.WorkDir, ".exitcode"))
			e.Setenv("SAMPLES", samples)
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "samples" {
				return ok, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"translate": translateCmd,
			// serve DIR serves a folder over HTTP on loopback, as a site
			// for fetch, at $SERVER until the script ends.
			"serve": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: serve DIR")
				}
				srv := httptest.NewServer(http.FileServer(http.Dir(ts.MkAbs(args[0]))))
				ts.Defer(srv.Close)
				ts.Setenv("SERVER", srv.URL)
			},
			// serve-busy SECONDS serves a site whose robots.txt allows all
			// and whose every page answers 429 Too Many Requests with
			// Retry-After: SECONDS, at $BUSY until the script ends.
			"serve-busy": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: serve-busy SECONDS")
				}
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/robots.txt" {
						w.Write([]byte("User-agent: *\nAllow: /\n"))
						return
					}
					w.Header().Set("Retry-After", args[0])
					w.WriteHeader(http.StatusTooManyRequests)
				}))
				ts.Defer(srv.Close)
				ts.Setenv("BUSY", srv.URL)
			},
			// exitcode N checks the exit code of the last mosty command.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: exitcode N")
				}
				got := strings.TrimSpace(ts.ReadFile(ts.Getenv("MOSTY_EXIT_FILE")))
				if (got == args[0]) == neg {
					ts.Fatalf("mosty exited with %s, want %s", got, args[0])
				}
			},
		},
	})
}
