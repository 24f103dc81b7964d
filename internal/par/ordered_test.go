package par

import (
	"errors"
	"iter"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// counting yields 0 … n-1 and counts how many it gave.
func counting(n int, given *atomic.Int64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			given.Add(1)
			if !yield(i) {
				return
			}
		}
	}
}

// TestOrdered: the results come in the jobs' order whatever order the
// workers finish in, and jobs are read only a bounded number ahead of
// the results used.
func TestOrdered(t *testing.T) {
	for _, tt := range []struct {
		name               string
		n, workers, window int
	}{
		{"many jobs", 500, 4, 8},
		{"one worker", 50, 1, 1},
		{"more workers than jobs", 3, 8, 16},
		{"no jobs", 0, 2, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var given atomic.Int64
			used := 0
			err := Ordered(counting(tt.n, &given), tt.workers, tt.window, func(i int) int {
				time.Sleep(time.Duration(rand.IntN(50)) * time.Microsecond)
				return i * i
			}, func(r int) error {
				if r != used*used {
					t.Fatalf("result %d came as the %d-th", r, used)
				}
				// Given out but not used yet: at most the window, one
				// waiting to go in it, one with each worker, one being used.
				if ahead := int(given.Load()) - used; ahead > tt.window+tt.workers+2 {
					t.Fatalf("%d jobs read ahead of the results used, window %d, %d workers", ahead, tt.window, tt.workers)
				}
				used++
				return nil
			})
			if err != nil || used != tt.n {
				t.Errorf("used %d of %d results, %v", used, tt.n, err)
			}
		})
	}
}

// TestOrderedStops: an error of use stops the reading of jobs and comes
// back.
func TestOrderedStops(t *testing.T) {
	var given atomic.Int64
	stop := errors.New("stop")
	used := 0
	err := Ordered(counting(10_000, &given), 3, 4, func(i int) int { return i }, func(r int) error {
		used++
		if r == 10 {
			return stop
		}
		return nil
	})
	if err != stop || used != 11 {
		t.Errorf("used %d results, err %v; want 11, %v", used, err, stop)
	}
	if n := given.Load(); n > 11+4+3+2 {
		t.Errorf("%d jobs read after use stopped at the 11th", n)
	}
}
