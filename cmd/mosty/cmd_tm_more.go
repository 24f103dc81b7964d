package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

func cmdTMSearch(e *env) *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "find a phrase in the memory (concordance)",
		ArgsUsage: "PHRASE",
		Description: `Lists the memory's sentences holding PHRASE, in the Polish or in the
   translation: whole words or parts of them, case and markup ignored.

   Example:
      mosty tm search --locale ru "okrągły stół"
      mosty tm search --locale ru "кластер"`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "locale", Usage: "the target `LANG` (required)"},
			&cli.IntFlag{Name: "max", Value: 20, Usage: "show at most `N` entries"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			return runTMSearch(c.Context, e, tmSearchOpts{locale: c.String("locale"), phrase: c.Args().First(), max: c.Int("max"), json: c.Bool("json")})
		},
	}
}

type tmSearchOpts struct {
	locale, phrase string
	max            int
	json           bool
}

func runTMSearch(_ context.Context, e *env, o tmSearchOpts) error {
	if strings.TrimSpace(o.phrase) == "" {
		return usagef("tm search needs a PHRASE")
	}
	w, lang, err := e.openLang("tm search", o.locale)
	if err != nil {
		return err
	}
	entries, err := w.Search(lang, o.phrase, o.max)
	if err != nil {
		return err
	}
	if o.json {
		return e.printJSON(entries)
	}
	for _, en := range entries {
		fmt.Fprintf(e.stdout, "%s\n    %s\n    (%s)\n", en.Source, en.Translation, en.Origin)
	}
	fmt.Fprintf(e.stdout, "%d found\n", len(entries))
	return nil
}

func cmdTMImport(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "add an outside translation memory (TMX)",
		ArgsUsage: "FILE.tmx…",
		Description: `Reads TMX files (1.1 to 1.4b; inline codes become placeholders, OmegaT's
   tags too) and keeps each, as it is, in memory/ of the workspace: from
   then on its pairs of Polish and a target language are memory for
   pre-filling, tm lookup and tm search. Delete the file from memory/ to
   take it out again.

   Example:
      mosty tm import ~/pamiec/wkb-2016.tmx`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "replace", Usage: "replace a memory of the same name in memory/"},
		},
		Action: func(c *cli.Context) error {
			return runTMImport(c.Context, e, tmImportOpts{files: c.Args().Slice(), replace: c.Bool("replace")})
		},
	}
}

type tmImportOpts struct {
	files   []string
	replace bool
}

func runTMImport(_ context.Context, e *env, o tmImportOpts) error {
	w, unlock, err := e.openLocked()
	if err != nil {
		return err
	}
	defer unlock()
	var failed []error
	for _, f := range userPaths(o.files) {
		res, err := w.ImportMemory(f, o.replace)
		if err != nil {
			failed = append(failed, err)
			continue
		}
		var counts []string
		for _, lang := range slices.Sorted(func(yield func(string) bool) {
			for l := range res.Pairs {
				if !yield(l) {
					return
				}
			}
		}) {
			counts = append(counts, fmt.Sprintf("%d %s", res.Pairs[lang], lang))
		}
		fmt.Fprintf(e.stdout, "imported %s as %s: %s pairs\n", f, res.Path, strings.Join(counts, ", "))
	}
	return e.items(failed, len(o.files), "memories failed", errors.New("no memory imported"))
}
