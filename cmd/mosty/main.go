// Command mosty turns Polish articles into parallel Russian and English
// pages: it imports or fetches articles, extracts and segments their text,
// keeps translators' files per language and builds the localised site.
//
// This package only wires the command line to the internal packages.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	if supervised && !isWorker() {
		os.Exit(supervise(os.Args))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	stopProfile := startProfile()
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	stop()
	exit(code)
}
