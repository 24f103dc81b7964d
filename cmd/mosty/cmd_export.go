package main

import (
	"context"
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
   given) as XLIFF 2.0 (xliff), XLIFF 1.2 (xliff12), gettext PO (po) or a
   go-i18n message file (go-i18n), or a translation memory of every
   translated sentence in every language (tmx, which needs no --locale).
   Placeholders become the format's inline codes. Translations come back
   with mosty merge.

   Example:
      mosty export --format xliff --locale ru --out ru.xlf
      mosty export --format po --locale en klaster-bialorus-2017 > en.po
      mosty export --format tmx --out memory.tmx`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "xliff", Usage: "`FORMAT`: " + strings.Join(workspace.Formats, ", ")},
			&cli.StringFlag{Name: "locale", Usage: "the target `LANG` (required, except for tmx)"},
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` (default: stdout)"},
		},
		Action: func(c *cli.Context) error {
			return runExport(c.Context, e, exportOpts{format: c.String("format"), locale: c.String("locale"), out: c.String("out"), slugs: c.Args().Slice()})
		},
	}
}

type exportOpts struct {
	format, locale string
	out            string // "" for stdout
	slugs          []string
}

func runExport(_ context.Context, e *env, o exportOpts) error {
	if !slices.Contains(workspace.Formats, o.format) {
		return usagef("--format %q: use one of %s", o.format, strings.Join(workspace.Formats, ", "))
	}
	var w *workspace.Workspace
	var lang string
	var err error
	if o.format == "tmx" && o.locale == "" {
		w, err = e.open() // a TMX file holds every language
	} else {
		w, lang, err = e.openLang("export", o.locale)
	}
	if err != nil {
		return err
	}
	slugs, err := selectSlugs(w, o.slugs)
	if err != nil {
		return err
	}
	data, err := w.Export(o.format, lang, slugs)
	if err != nil {
		return err
	}
	if o.out != "" {
		return renameio.WriteFile(userPath(o.out), data, 0o644)
	}
	_, err = e.stdout.Write(data)
	return err
}
