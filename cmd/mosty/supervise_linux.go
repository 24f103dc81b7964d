package main

import "syscall"

// workerAttr makes the worker die with its supervisor, so that killing
// mosty kills the process that writes.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
