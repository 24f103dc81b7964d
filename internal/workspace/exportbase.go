package workspace

import (
	"errors"
	"io/fs"
	"os"

	"github.com/mosty-dev/mosty/internal/catalog"
)

// exportBasePath is where an export's record is kept: .mosty/exports/.
// Deleting .mosty loses the records; merge then falls back to the
// fingerprints the files carry.
func (w *Workspace) exportBasePath(id string) string {
	return w.Path(".mosty", "exports", id+".json")
}

// SaveExportBase stores what an export wrote, for merging its file back.
func (w *Workspace) SaveExportBase(b *catalog.ExportBase) error {
	if b == nil {
		return nil
	}
	data, err := b.Encode()
	if err != nil {
		return err
	}
	return writeFile(w.exportBasePath(b.ID), data)
}

// exportBase reads an export's record; nil when the file names none or
// mosty has none (an export id that could not be a file name included).
func (w *Workspace) exportBase(id string) (*catalog.ExportBase, error) {
	if !validExportID(id) {
		return nil, nil
	}
	data, err := os.ReadFile(w.exportBasePath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return catalog.DecodeExportBase(data)
}

// validExportID reports whether id is one mosty makes: digits, capitals,
// lower-case hex and "-", nothing that could leave .mosty/exports/.
func validExportID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'f' || r == '-') {
			return false
		}
	}
	return true
}
