package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/mosty-dev/mosty/internal/langtag"
	"github.com/mosty-dev/mosty/internal/segment"
	"github.com/urfave/cli/v2"
)

func cmdSegment(e *env) *cli.Command {
	return &cli.Command{
		Name:  "segment",
		Usage: "split text on stdin into sentences, one per line",
		Description: `Reads text from stdin and prints one sentence per line. Blank lines
   separate paragraphs and are kept in the output; a line break inside a
   paragraph joins its lines.

   Example:
      echo "Spotkanie odbyło się m.in. w Białymstoku. Było udane." | mosty segment --lang pl`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Value: "pl", Usage: "language of the text: `pl`, ru or en"},
			&cli.StringSliceFlag{Name: "abbrev", Usage: "an extra abbreviation that never ends a sentence (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			return runSegment(c.Context, e, segmentOpts{lang: c.String("lang"), abbrev: c.StringSlice("abbrev")})
		},
	}
}

type segmentOpts struct {
	lang   string
	abbrev []string
}

func runSegment(_ context.Context, e *env, o segmentOpts) error {
	known := segment.Languages()
	i, ok := langtag.Match(o.lang, known)
	if !ok {
		return usage(&langtag.UnknownError{Given: o.lang, What: "a language mosty segments", Known: known})
	}
	seg, err := segment.New(known[i], o.abbrev)
	if err != nil {
		return usage(err)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	var para []string
	first := true
	flush := func() {
		if len(para) == 0 {
			return
		}
		if !first {
			fmt.Fprintln(out)
		}
		first = false
		for _, s := range seg.Split(strings.Join(para, " ")) {
			fmt.Fprintln(out, s)
		}
		para = para[:0]
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	return sc.Err()
}
