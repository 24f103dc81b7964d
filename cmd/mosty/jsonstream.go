package main

import (
	"encoding/json"
	"io"
)

// jsonArray writes a JSON array an element at a time, byte for byte as
// printJSON writes the whole slice, so that a long list is never held.
type jsonArray struct {
	w io.Writer
	n int
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	data, err := json.MarshalIndent(v, "  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if a.n == 0 {
		sep = "[\n  "
	}
	a.n++
	if _, err := io.WriteString(a.w, sep); err != nil {
		return err
	}
	_, err = a.w.Write(data)
	return err
}

// close ends the array.
func (a *jsonArray) close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
