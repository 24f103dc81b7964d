package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mosty-dev/mosty/internal/catalog"
	"github.com/mosty-dev/mosty/internal/hint"
	"github.com/mosty-dev/mosty/internal/interchange"
	"github.com/mosty-dev/mosty/internal/safefile"
)

// mergeBatch is what one merge file (or OmegaT project) says.
type mergeBatch struct {
	path, lang, exportID string
	ts                   []interchange.Translation
}

// readMergeFiles reads every merge file before anything is decided: one
// that cannot be read stops the merge with nothing written. A file's
// translations make a batch per language: each goes into the translators'
// files of its own (an XLIFF 1.2 document may hold a <file> per
// language), and its article names are slugs (the readers refuse any
// other), so a merge file writes only into this workspace's locale files.
func (w *Workspace) readMergeFiles(paths []string) ([]mergeBatch, error) {
	var out []mergeBatch
	for _, p := range paths {
		lang, ts, err := readMergeFile(p)
		if err != nil {
			if hint.Of(err) == "" {
				err = hint.Wrap(err, "mosty merges files it exported, filled in by a CAT tool; nothing was written")
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if len(ts) == 0 && lang == "" {
			return nil, hint.Wrap(fmt.Errorf("%s: no translations in it", p), "merge files exported by mosty export and filled in by a CAT tool")
		}
		if len(ts) == 0 {
			ts = []interchange.Translation{{Lang: lang}} // still check its language
		}
		batches, err := w.batchesByLang(p, ts)
		if err != nil {
			return nil, err
		}
		out = append(out, batches...)
	}
	return out, nil
}

// batchesByLang splits one file's translations by language, in the order
// the languages first appear.
func (w *Workspace) batchesByLang(p string, ts []interchange.Translation) ([]mergeBatch, error) {
	var out []mergeBatch
	at := map[string]int{}
	for _, t := range ts {
		i, ok := at[t.Lang]
		if !ok {
			ours, err := w.TargetLanguage(t.Lang)
			if err != nil {
				return nil, fmt.Errorf("%s: its language: %w", p, err)
			}
			i = len(out)
			at[t.Lang] = i
			out = append(out, mergeBatch{path: p, lang: ours})
		}
		if t.ExportID != "" && out[i].exportID == "" {
			out[i].exportID = t.ExportID
		}
		if t.ID != "" || t.Source != "" {
			out[i].ts = append(out[i].ts, t)
		}
	}
	return out, nil
}

// readMergeFile reads a file by its extension, or a folder as an OmegaT
// project.
func readMergeFile(p string) (string, []interchange.Translation, error) {
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return readOmegaTProject(p)
	}
	data, err := safefile.Read(p, maxMergeFile)
	if err != nil {
		return "", nil, err
	}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlf", ".xliff":
		return interchange.ReadXLIFF(bytes.NewReader(data))
	case ".po":
		return interchange.ReadPO(bytes.NewReader(data))
	}
	return "", nil, hint.Wrap(errors.New("not an .xlf, .xliff or .po file, nor an OmegaT project folder"),
		"mosty merges XLIFF, PO and OmegaT projects; TMX and go-i18n files are for export (a TMX goes in with mosty tm import)")
}

// readOmegaTProject reads the work of an OmegaT project made by mosty
// export --format omegat: omegat/project_save.tmx, where OmegaT keeps
// every translation, matched to the units of source/; without it, the
// translated documents in target/.
func readOmegaTProject(dir string) (string, []interchange.Translation, error) {
	if _, err := os.Stat(filepath.Join(dir, "omegat.project")); err != nil {
		return "", nil, hint.Wrap(errors.New("a folder that is no OmegaT project (no omegat.project)"), "name the folder mosty export --format omegat made")
	}
	sources, err := xliffFiles(filepath.Join(dir, "source"))
	if err != nil {
		return "", nil, err
	}
	save, err := safefile.Read(filepath.Join(dir, "omegat", "project_save.tmx"), maxMergeFile)
	if errors.Is(err, fs.ErrNotExist) {
		return readTargets(dir)
	}
	if err != nil {
		return "", nil, err
	}
	return interchange.ReadOmegaT(sources, save)
}

// readTargets reads an OmegaT project's target/ documents.
func readTargets(dir string) (string, []interchange.Translation, error) {
	docs, err := xliffFiles(filepath.Join(dir, "target"))
	if err != nil {
		return "", nil, err
	}
	if len(docs) == 0 {
		return "", nil, hint.Wrap(errors.New("the OmegaT project has neither omegat/project_save.tmx nor translated documents in target/"),
			"in OmegaT, save the project (Ctrl+S) or create the translated documents (Ctrl+D), then merge again")
	}
	var lang string
	var all []interchange.Translation
	for _, d := range docs {
		l, ts, err := interchange.ReadXLIFF(bytes.NewReader(d))
		if err != nil {
			return "", nil, fmt.Errorf("target/: %w", err)
		}
		for i, t := range ts {
			if t.Translation == t.Source { // the source copy OmegaT was given: untranslated there
				ts[i].Translation, ts[i].Status, ts[i].State = "", catalog.New, "not translated in OmegaT"
			}
		}
		lang, all = l, append(all, ts...)
	}
	return lang, all, nil
}

// xliffFiles reads the .xlf files of a folder, in name order.
func xliffFiles(dir string) ([][]byte, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.xlf"))
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, p := range paths {
		data, err := safefile.Read(p, maxMergeFile)
		if err != nil {
			return nil, err
		}
		out = append(out, data)
	}
	return out, nil
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
