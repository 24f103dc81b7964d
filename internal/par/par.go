// Package par runs the iterations of a loop on a bounded number of
// goroutines. It knows nothing of what the iterations do.
package par

import "sync"

// Do calls f(0) … f(n-1) on at most workers goroutines and waits for
// them.
func Do(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
