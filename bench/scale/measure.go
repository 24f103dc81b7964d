package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

// A sample is one run of a command: its wall time and the peak resident
// memory of the process.
type sample struct {
	wall     time.Duration
	rss      int64 // bytes
	timedOut bool  // stopped at the limit: wall is the limit
}

// limit stops a command that runs longer (-limit); 0 for none.
var limit time.Duration

// runCmd runs a command and measures it. ok lists the exit codes that are
// not failures (mosty check exits 1 when it finds errors).
func runCmd(ok []int, name string, args ...string) (sample, error) {
	ctx := context.Background()
	if limit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, limit)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if cmd.ProcessState != nil {
		if ru, isRU := cmd.ProcessState.SysUsage().(*syscall.Rusage); isRU {
			s.rss = ru.Maxrss << 10 // kilobytes on Linux
		}
		if code := cmd.ProcessState.ExitCode(); err != nil && slices.Contains(ok, code) {
			err = nil
		}
	}
	if ctx.Err() != nil {
		return sample{wall: limit, rss: s.rss, timedOut: true}, nil
	}
	if err != nil {
		return s, fmt.Errorf("%s %v: %v\n%s", name, args, err, stderr.Bytes())
	}
	return s, nil
}

// median runs f count times and keeps the run of median wall time; the
// peak memory is the largest seen.
func median(count int, f func() (sample, error)) (sample, error) {
	var all []sample
	for range max(count, 1) {
		s, err := f()
		if err != nil {
			return s, err
		}
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b sample) int { return int(a.wall - b.wall) })
	m := all[len(all)/2]
	for _, s := range all {
		m.rss = max(m.rss, s.rss)
	}
	return m, nil
}

func (s sample) String() string {
	if s.timedOut {
		return "> " + seconds(s.wall)
	}
	return seconds(s.wall)
}

func seconds(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func megabytes(b int64) string { return fmt.Sprintf("%d MB", b>>20) }
