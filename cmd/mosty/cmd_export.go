package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/safefile"
	"github.com/mosty-dev/mosty/internal/workspace"
	"github.com/urfave/cli/v2"
)

func cmdExport(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write translations for CAT tools: XLIFF 2.0 or 1.2, PO, TMX, go-i18n, an OmegaT project",
		ArgsUsage: "[SLUG…]",
		Description: `Writes one language's translators' files (all articles, or the slugs
   given) as XLIFF 2.0 (xliff), XLIFF 1.2 (xliff12), gettext PO (po), a
   go-i18n message file (go-i18n) or a ready OmegaT project folder
   (omegat, with --out DIR), or a translation memory of every translated
   sentence in every language (tmx, which needs no --locale). Placeholders become the format's inline codes; the previous
   Polish of fuzzy segments, the memory's close matches, glossary terms and
   the translator's comments and keys go along. Each export has an id,
   written in the file; what it wrote is kept in .mosty/exports/ so that
   mosty merge can tell the translator's changes from newer work in mosty.

   Example:
      mosty export --format xliff --locale ru --out ru.xlf
      mosty export --format po --locale en --status new,fuzzy klaster-bialorus-2017 > en.po
      mosty export --format omegat --locale ru --out ru-omegat
      mosty export --format tmx --out memory.tmx`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "xliff", Usage: "`FORMAT`: " + strings.Join(workspace.Formats, ", ")},
			&cli.StringFlag{Name: "locale", Usage: "the target `LANG` (required, except for tmx)"},
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` (default: stdout), or the folder of an OmegaT project"},
			&cli.StringFlag{Name: "status", Usage: "only segments in these `STATUSES`, such as new,fuzzy"},
		},
		Action: func(c *cli.Context) error {
			return runExport(c.Context, e, exportOpts{format: c.String("format"), locale: c.String("locale"), out: c.String("out"),
				status: c.String("status"), slugs: c.Args().Slice()})
		},
	}
}

type exportOpts struct {
	format, locale string
	out            string // "" for stdout
	status         string // comma-separated statuses; "" for all
	slugs          []string
}

func runExport(_ context.Context, e *env, o exportOpts) error {
	if !slices.Contains(workspace.Formats, o.format) {
		return usagef("--format %q: use one of %s", o.format, strings.Join(workspace.Formats, ", "))
	}
	if o.format == "omegat" && o.out == "" {
		return usagef("export --format omegat needs --out DIR: the project folder to make")
	}
	statuses, err := parseStatuses(o.status)
	if err != nil {
		return err
	}
	var w *workspace.Workspace
	var lang string
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
	x, err := writeExport(e, w, workspace.ExportOptions{Format: o.format, Lang: lang, Slugs: slugs, Statuses: statuses}, o.out)
	if err != nil {
		return err
	}
	if o.out != "" {
		fmt.Fprintf(e.stdout, "wrote %s: %s\n", o.out, exportSummary(x))
	}
	return nil
}

// writeExport writes an export as it is made: to the file out
// atomically (a failed export leaves the file as it was), to stdout when
// out is "", or as an OmegaT project folder. An error of the workspace
// comes back as it is; one of writing names the file.
func writeExport(e *env, w *workspace.Workspace, opts workspace.ExportOptions, out string) (*workspace.Export, error) {
	switch {
	case opts.Format == "omegat":
		x, err := w.Export(opts, nil)
		if err != nil {
			return nil, err
		}
		return x, writeFolder(userPath(out), x.Files)
	case out == "":
		return w.Export(opts, e.stdout)
	}
	var x *workspace.Export
	var failed error
	err := safefile.WriteFunc(userPath(out), safefile.Options{Sync: true}, func(b *bufio.Writer) error {
		x, failed = w.Export(opts, b)
		return failed
	})
	if we := (*workspace.WriteError)(nil); failed != nil && !errors.As(failed, &we) {
		return nil, failed
	}
	return x, err
}

// exportSummary counts what an export holds: "14 segments of 2 articles,
// export 20171213T100000Z-1a2b3c".
func exportSummary(x *workspace.Export) string {
	if !x.Recorded {
		return "every done translation"
	}
	return fmt.Sprintf("%d segments of %d articles, export %s", x.Segments, x.Articles, x.ID)
}

// parseStatuses reads --status: statuses separated by commas.
func parseStatuses(s string) ([]catalog.Status, error) {
	if s == "" {
		return nil, nil
	}
	var out []catalog.Status
	for _, p := range strings.Split(s, ",") {
		st := catalog.Status(strings.TrimSpace(p))
		if !slices.Contains(catalog.Statuses, st) {
			return nil, usagef("--status %q: use statuses among %v, separated by commas", p, catalog.Statuses)
		}
		out = append(out, st)
	}
	return out, nil
}
