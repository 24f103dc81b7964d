package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
)

// A Go program that runs out of memory, or panics, exits with status 2 —
// mosty's code for a usage error. So mosty runs as two processes: this
// one starts a worker, a copy of itself that does the work and, just
// before it exits, writes its exit code to a pipe. A worker that exits
// without writing one crashed, and mosty exits 1 saying so. The worker
// shares the terminal, the streams and the process group: Ctrl-C reaches
// it directly, and on Linux it dies with its parent.

// workerEnv names the pipe, by file descriptor, where a worker writes its
// exit code; it is set only in the worker's environment.
const workerEnv = "MOSTY_WORKER_FD"

// isWorker reports whether this process is the worker.
func isWorker() bool { return os.Getenv(workerEnv) != "" }

// exit ends the worker (or an unsupervised mosty) with code, telling the
// supervisor first.
func exit(code int) {
	if fd, err := strconv.Atoi(os.Getenv(workerEnv)); err == nil {
		if f := os.NewFile(uintptr(fd), "exit code"); f != nil {
			fmt.Fprintf(f, "%d\n", code)
			f.Close()
		}
	}
	os.Exit(code)
}

// supervise runs mosty's worker with args and returns the code to exit
// with: the worker's own, or exitError when it crashed.
func supervise(args []string) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "mosty: finding mosty's own program: %v\n", err)
		return exitError
	}
	return superviseExe(exe, args, [3]*os.File{os.Stdin, os.Stdout, os.Stderr})
}

// superviseExe runs exe as the worker, with args (args[0] is the name it
// is called by) and the standard streams stdio, which its own messages
// go to too.
func superviseExe(exe string, args []string, stdio [3]*os.File) int {
	stderr := stdio[2]
	r, w, err := os.Pipe()
	if err != nil {
		fmt.Fprintf(stderr, "mosty: %v\n", err)
		return exitError
	}
	defer r.Close()
	cmd := exec.Command(exe, args[1:]...)
	cmd.Args[0] = args[0]
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdio[0], stdio[1], stdio[2]
	cmd.ExtraFiles = []*os.File{w} // fd 3 in the worker
	cmd.Env = append(os.Environ(), workerEnv+"=3")
	cmd.SysProcAttr = workerAttr()
	// The worker handles Ctrl-C; this process only waits for it. SIGTERM
	// (kill, a service manager) is passed on to the worker, which stops as
	// it would on Ctrl-C where it can (mosty serve does).
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	defer func() { signal.Stop(term); close(term) }()
	// Pdeathsig is tied to the thread that starts the worker.
	runtime.LockOSThread()
	err = cmd.Start()
	w.Close()
	if err != nil {
		fmt.Fprintf(stderr, "mosty: starting %s: %v\n", exe, err)
		return exitError
	}
	go func() {
		for s := range term {
			cmd.Process.Signal(s)
		}
	}()
	reported, _ := io.ReadAll(r)
	err = cmd.Wait()
	if code, perr := strconv.Atoi(string(trimNL(reported))); perr == nil {
		return code
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && !ee.Exited() {
		fmt.Fprintf(stderr, "mosty: stopped: %v\n", ee)
		return exitError
	}
	fmt.Fprintf(stderr, "mosty: crashed (%v): it ran out of memory, or hit a bug\n", err)
	fmt.Fprintln(stderr, "hint: the lines above say which; files are written whole or not at all, so the workspace is as it was before the file being written. Please report a crash that is not about memory")
	return exitError
}

func trimNL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
