package main

import (
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether a stream is a terminal: where mosty draws
// progress bars (stderr) or asks a question (stdin). Everything else gets
// plain lines.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
