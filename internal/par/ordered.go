package par

import (
	"iter"
	"sync"
)

// Ordered calls work for each job of jobs on at most workers goroutines
// and gives each result to use, on the caller's goroutine, in the order
// of the jobs whatever the order the workers finish in. jobs is read on
// a goroutine of its own, at most window jobs ahead of use, so that no
// more than about window + workers results are held at any time however
// many jobs there are. The first error of use stops it: jobs is read no
// further, the jobs already given out are finished and dropped, and the
// error is returned.
func Ordered[J, R any](jobs iter.Seq[J], workers, window int, work func(J) R, use func(R) error) error {
	workers = max(workers, 1)
	window = max(window, 1)
	type task struct {
		job J
		out chan R
	}
	tasks := make(chan task)
	order := make(chan chan R, window) // the results to come, in the jobs' order
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for t := range tasks {
				t.out <- work(t.job) // buffered: never blocks
			}
		})
	}
	go func() {
		defer close(order)
		defer close(tasks)
		for j := range jobs {
			out := make(chan R, 1)
			// The task first: a result waited for in order is always
			// being made.
			select {
			case tasks <- task{j, out}:
			case <-stop:
				return
			}
			select {
			case order <- out:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for out := range order {
		r := <-out
		if err == nil {
			if err = use(r); err != nil {
				close(stop)
			}
		}
	}
	wg.Wait()
	return err
}
