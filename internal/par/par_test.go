package par

import (
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	for _, tt := range []struct {
		name       string
		n, workers int
	}{
		{"more work than workers", 100, 3},
		{"more workers than work", 2, 8},
		{"no work", 0, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			seen := make([]int32, tt.n)
			var running, most atomic.Int32
			Do(tt.n, tt.workers, func(i int) {
				now := running.Add(1)
				for {
					m := most.Load()
					if now <= m || most.CompareAndSwap(m, now) {
						break
					}
				}
				atomic.AddInt32(&seen[i], 1)
				running.Add(-1)
			})
			for i, c := range seen {
				if c != 1 {
					t.Errorf("f(%d) ran %d times", i, c)
				}
			}
			if int(most.Load()) > tt.workers {
				t.Errorf("%d ran at once, more than %d workers", most.Load(), tt.workers)
			}
		})
	}
}
