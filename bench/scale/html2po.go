package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// html2poRatio imports n generated pages into a fresh workspace and has
// Translate Toolkit's html2po turn the same pages into PO files, each the
// median of count runs, and prints both and the ratio.
func html2poRatio(out io.Writer, bin, dir string, n, count int, g *generator) error {
	tool, err := exec.LookPath("html2po")
	if err != nil {
		return fmt.Errorf("no html2po for the comparison (apt-get install translate-toolkit)")
	}
	a := &archive{bin: bin, dir: filepath.Join(dir, fmt.Sprintf("html2po-%d", n)), n: n, gen: g}
	if err := a.generate(); err != nil {
		return err
	}
	defer os.RemoveAll(a.dir)
	run := 0
	mosty, err := median(count, func() (sample, error) {
		run++
		ws := filepath.Join(a.dir, fmt.Sprintf("ws-%d", run))
		if _, err := runCmd(nil, bin, "-C", ws, "init"); err != nil {
			return sample{}, err
		}
		return runCmd(nil, bin, "-C", ws, "import", a.src())
	})
	if err != nil {
		return err
	}
	po, err := median(count, func() (sample, error) {
		run++
		return runCmd(nil, tool, "--progress=none", "-i", a.src(), "-o", filepath.Join(a.dir, fmt.Sprintf("po-%d", run)))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nimport of %d pages: mosty %s (durable, into a workspace), html2po %s: mosty %.1f× faster\n",
		n, seconds(mosty.wall), seconds(po.wall), po.wall.Seconds()/mosty.wall.Seconds())
	return nil
}
