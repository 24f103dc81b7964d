package main

import (
	"encoding/json"
	"io"
)

// jsonArray writes a JSON array an element at a time, byte for byte as
// printJSON writes the whole value it stands in, so that a long list is
// never held: indent is the indentation of the line the array starts on.
type jsonArray struct {
	w      io.Writer
	indent string
	n      int
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	data, err := json.MarshalIndent(v, a.indent+"  ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n"
	if a.n == 0 {
		sep = "[\n"
	}
	a.n++
	if _, err := io.WriteString(a.w, sep+a.indent+"  "); err != nil {
		return err
	}
	_, err = a.w.Write(data)
	return err
}

// close ends the array (not the line).
func (a *jsonArray) close() error {
	end := "\n" + a.indent + "]"
	if a.n == 0 {
		end = "[]"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
