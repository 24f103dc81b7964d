package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/renameio/v2"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdExport(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write translations for CAT tools: XLIFF 2.0 or 1.2, PO, TMX, go-i18n",
		ArgsUsage: "[SLUG…]",
		Description: `Writes one language's translators' files (all articles, or the slugs
   given) as XLIFF 2.0 (xliff), XLIFF 1.2 (xliff12), gettext PO (po), a
   translation memory of every translated sentence (tmx) or a go-i18n
   message file (go-i18n). Placeholders become the format's inline codes.
   Translations come back with mosty merge.

   Example:
      mosty export --format xliff --locale ru --out ru.xlf
      mosty export --format po --locale en klaster-bialorus-2017 > en.po`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "xliff", Usage: "`FORMAT`: " + strings.Join(workspace.Formats, ", ")},
			&cli.StringFlag{Name: "locale", Usage: "the target `LANG` (required)"},
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` (default: stdout)"},
		},
		Action: func(c *cli.Context) error {
			format, lang := c.String("format"), c.String("locale")
			if !slices.Contains(workspace.Formats, format) {
				return usagef("--format %q: use one of %s", format, strings.Join(workspace.Formats, ", "))
			}
			if lang == "" {
				return usagef("export needs --locale LANG")
			}
			w, err := openWorkspace(c)
			if err != nil {
				return err
			}
			data, err := w.Export(format, lang, c.Args().Slice())
			if err != nil {
				return err
			}
			if out := c.String("out"); out != "" {
				return renameio.WriteFile(out, data, 0o644)
			}
			_, err = e.stdout.Write(data)
			return err
		},
	}
}

func cmdMerge(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge translations from XLIFF or PO files back",
		ArgsUsage: "FILE…",
		Description: `Reads XLIFF (.xlf, .xliff) and PO (.po) files exported by mosty and
   filled in by a CAT tool, and puts their translations into the
   translators' files by segment id. If the Polish changed since the
   export, the translation lands as fuzzy. A reviewed translation, or one
   changed in mosty since the export, is not overwritten: it is listed as
   a conflict and skipped, unless --force.

   Example:
      mosty merge ru.xlf en.po`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "force", Usage: "take the file's translation in conflicts too"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("merge needs at least one FILE")
			}
			w, unlock, err := openLocked(c)
			if err != nil {
				return err
			}
			defer unlock()
			changes, err := w.MergeFiles(c.Args().Slice(), c.Bool("force"))
			if err != nil {
				return err
			}
			conflicts := 0
			for _, ch := range changes {
				mark := ""
				if ch.Conflict {
					mark = "conflict: "
					conflicts++
				}
				fmt.Fprintf(e.stdout, "%s%s/%s %s: %s\n", mark, ch.Lang, ch.Slug, ch.ID, ch.What)
			}
			fmt.Fprintf(e.stdout, "%d segments changed, %d conflicts\n", len(changes)-conflicts, conflicts)
			if conflicts > 0 {
				return &partialError{failed: conflicts, total: len(changes)}
			}
			return nil
		},
	}
}
