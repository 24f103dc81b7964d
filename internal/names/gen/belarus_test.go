package main

import (
	"archive/zip"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteBelarus: the census's settlements of one Russian word and the
// po files' rivers and lakes, each with its class; regions, councils,
// names of several words, Belarusian and Latin spellings are left out.
func TestWriteBelarus(t *testing.T) {
	dir := t.TempDir()
	writeCensus(t, filepath.Join(dir, belarusCensus), []string{
		"г Барановичи", "Барановичский  р-н", "Борковский сельсовет",
		"д Поречье", "аг Гожа", "гп Ружаны", "д Большие Лесковичи",
		"х Мотыкалы", "д Ислочь", "<r>", "ст Ошмяны",
	})
	writeFile(t, filepath.Join(dir, belarusWaters[0]), "msgid \"\"\nmsgstr \"\"\n\nmsgid \"Ислочь\"\nmsgstr \"Іслач\"\n\nmsgid \"Свіслач\"\nmsgid \"Bug / Західний Буг\"\n")
	writeFile(t, filepath.Join(dir, belarusWaters[1]), "msgid \"оз. Нарочь\"\nmsgid \"\"Солдатское озеро\"\"\nmsgid \"оз. Большое Островито\"\n")
	out := t.TempDir()
	if err := writeBelarus(dir, out); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(gunzip(t, filepath.Join(out, "belarus.txt.gz")), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	want := []string{"Барановичи\tb", "Гожа\tb", "Ислочь\tbw", "Мотыкалы\tb", "Нарочь\tw", "Ошмяны\tb", "Поречье\tb", "Ружаны\tb"}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("belarus.txt.gz:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestWriteBelarusErrors: a folder without the census is refused with a
// hint saying where to get it.
func TestWriteBelarusErrors(t *testing.T) {
	err := writeBelarus(t.TempDir(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "hint: git clone https://github.com/OsmBelarus/Databases") {
		t.Errorf("writeBelarus(empty folder) = %v, want an error with a hint", err)
	}
}

func writeCensus(t *testing.T, path string, strs []string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range strs {
		if s == "<r>" { // a cell of runs: "д " and "Ошмяны" joined
			io.WriteString(w, `<si><r><t xml:space="preserve">д </t></r><r><t>Ошмяны</t></r></si>`)
			continue
		}
		io.WriteString(w, "<si><t>"+s+"</t></si>")
	}
	io.WriteString(w, "</sst>")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gunzip(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
