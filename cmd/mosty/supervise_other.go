//go:build !linux

package main

import "syscall"

// workerAttr has nothing to add where the worker cannot be tied to its
// supervisor's life.
func workerAttr() *syscall.SysProcAttr { return nil }
