// Package bindec reads binary records a field at a time, as
// encoding/binary's Append functions wrote them: uvarints, little-endian
// uint32s and strings prefixed by their length. A field that is not
// there, or is out of its range, sets Bad and reads as zero; it never
// panics, whatever the bytes. It only reads: writing is
// encoding/binary's.
package bindec

import "encoding/binary"

// A Decoder reads fields off the front of B.
type Decoder struct {
	B   []byte
	Bad bool // a field was short or out of range
}

// Uint reads a uvarint.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.B)
	if n <= 0 {
		d.Bad = true
		return 0
	}
	d.B = d.B[n:]
	return v
}

// Int reads a uvarint of at most 1<<40.
func (d *Decoder) Int() int {
	v := d.Uint()
	if v > 1<<40 {
		d.Bad = true
		return 0
	}
	return int(v)
}

// Uint32 reads four bytes, little-endian.
func (d *Decoder) Uint32() uint32 {
	if len(d.B) < 4 {
		d.Bad = true
		return 0
	}
	v := binary.LittleEndian.Uint32(d.B)
	d.B = d.B[4:]
	return v
}

// String reads a uvarint length and that many bytes.
func (d *Decoder) String() string {
	n := d.Uint()
	if d.Bad || n > uint64(len(d.B)) {
		d.Bad = true
		return ""
	}
	s := string(d.B[:n])
	d.B = d.B[n:]
	return s
}
