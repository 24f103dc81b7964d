package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a buffer a running command writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe runs mosty serve as a user would: it prints the address with
// the token, answers the API with it (and not without), and stops
// cleanly with exit code 0 when interrupted.
func TestServe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	if code := run(context.Background(), []string{"mosty", "demo", dir}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("demo: exit %d", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"mosty", "-C", dir, "serve", "--addr", "127.0.0.1:0"}, nil, &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/\?token=([0-9a-f]{32})`)
	var m []string
	for deadline := time.Now().Add(10 * time.Second); m == nil; time.Sleep(20 * time.Millisecond) {
		if m = addr.FindStringSubmatch(stdout.String()); m == nil && time.Now().After(deadline) {
			t.Fatalf("no address printed: %q %q", stdout.String(), stderr.String())
		}
	}
	get := func(token string) int {
		req, _ := http.NewRequest("GET", "http://"+m[1]+"/api/articles", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := get(m[2]); code != 200 {
		t.Errorf("with the token: %d", code)
	}
	if code := get(""); code != 401 {
		t.Errorf("without the token: %d", code)
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 || !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if stderr.String() != "" {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// TestServeStopsOnSIGTERM: SIGTERM to mosty (the supervisor) reaches the
// server, which stops cleanly: exit code 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "ws")
	if code := run(context.Background(), []string{"mosty", "demo", dir}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("demo: exit %d", code)
	}
	out, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	exit := make(chan int, 1)
	go func() {
		exit <- superviseExe(exe, []string{"mosty", "-C", dir, "serve", "--addr", "127.0.0.1:0"}, [3]*os.File{nil, out, out})
	}()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if data, _ := os.ReadFile(out.Name()); bytes.Contains(data, []byte("?token=")) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not start")
		}
	}
	// This process is the supervisor, which passes SIGTERM on.
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exit:
		data, _ := os.ReadFile(out.Name())
		if code != 0 || !bytes.Contains(data, []byte("mosty serve: stopped")) {
			t.Errorf("exit %d, output:\n%s", code, data)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}
