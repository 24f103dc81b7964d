package bindec

import (
	"encoding/binary"
	"testing"
)

func TestDecoder(t *testing.T) {
	b := binary.AppendUvarint(nil, 300)
	b = binary.AppendUvarint(b, 5)
	b = append(b, "hello"...)
	b = binary.LittleEndian.AppendUint32(b, 7)
	d := Decoder{B: b}
	if n, s, u := d.Int(), d.String(), d.Uint32(); n != 300 || s != "hello" || u != 7 || d.Bad || len(d.B) != 0 {
		t.Errorf("read %d %q %d (bad %v, %d left)", n, s, u, d.Bad, len(d.B))
	}
	for name, c := range map[string]struct {
		b    []byte
		read func(d *Decoder)
	}{
		"empty uvarint":    {nil, func(d *Decoder) { d.Uint() }},
		"int out of range": {binary.AppendUvarint(nil, 1<<41), func(d *Decoder) { d.Int() }},
		"short uint32":     {[]byte{1, 2, 3}, func(d *Decoder) { d.Uint32() }},
		"short string":     {append(binary.AppendUvarint(nil, 9), "abc"...), func(d *Decoder) { _ = d.String() }},
		"bad length":       {[]byte{0xff}, func(d *Decoder) { _ = d.String() }},
	} {
		d := Decoder{B: c.b}
		c.read(&d)
		if !d.Bad {
			t.Errorf("%s: not bad", name)
		}
	}
}
