package main

import "syscall"

// supervised: on Linux mosty works in a supervised worker, tied to the
// supervisor's life.
const supervised = true

// workerAttr makes the worker die with its supervisor, so that killing
// mosty kills the process that writes.
func workerAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
