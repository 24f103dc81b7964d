package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profileEnv names a file to write a CPU profile of the command to, for
// developers (`go tool pprof`): MOSTY_CPUPROFILE=/tmp/build.prof mosty build.
const profileEnv = "MOSTY_CPUPROFILE"

// startProfile starts the CPU profile profileEnv asks for, if any, and
// returns what stops it.
func startProfile() func() {
	path := os.Getenv(profileEnv)
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
