package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Environment variables naming files to write profiles of the command to,
// for developers (`go tool pprof`): MOSTY_CPUPROFILE=/tmp/build.prof mosty
// build. The heap profile is taken when the command ends, after a garbage
// collection, with every allocation sampled, so its "inuse" view shows
// what the command kept to the end and its "alloc" view what it made.
const (
	profileEnv     = "MOSTY_CPUPROFILE"
	heapProfileEnv = "MOSTY_MEMPROFILE"
)

// startProfile starts the profiles the environment asks for, if any, and
// returns what stops them and writes them.
func startProfile() func() {
	stopCPU := startCPUProfile(os.Getenv(profileEnv))
	heap := os.Getenv(heapProfileEnv)
	if heap == "" {
		return stopCPU
	}
	runtime.MemProfileRate = 64 << 10
	return func() {
		stopCPU()
		f, err := os.Create(heap)
		if err == nil {
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "mosty: %s: %v\n", heapProfileEnv, err)
		}
	}
}

func startCPUProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "mosty: %s: %v\n", profileEnv, err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
