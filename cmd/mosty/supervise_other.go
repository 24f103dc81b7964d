//go:build !linux

package main

import "syscall"

// supervised: elsewhere a worker could outlive a killed supervisor (or,
// on Windows, not be given the pipe), so mosty works in one process and a
// crash exits as Go makes it.
const supervised = false

// workerAttr has nothing to add where the worker cannot be tied to its
// supervisor's life.
func workerAttr() *syscall.SysProcAttr { return nil }
