package main

import (
	"context"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/safefile"
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
	w, lang, err := e.openLang("export", o.locale)
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
		return safefile.Write(userPath(o.out), data, safefile.Options{Sync: true})
	}
	_, err = e.stdout.Write(data)
	return err
}
