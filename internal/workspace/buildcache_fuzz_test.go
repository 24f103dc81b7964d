package workspace

import (
	"bufio"
	"bytes"
	"testing"
)

// FuzzBuildCache reads .mosty/build as any file could hold it: reading
// never fails hard (a damaged cache is empty), and a cache that reads
// whole is written back as a build would and reads again to the same.
func FuzzBuildCache(f *testing.F) {
	f.Add([]byte(buildCacheHeader + "\nabc\nen:4096:1000000\nen/index.html\x1eru/index.html\n" +
		"a-slug\t10:1,20:2,-1:0\t2017-05-04\tGospodarka\tpl\x1f1\x1f100\x1f0\x1f0\x1fTytuł\x1een\x1f0\x1f50\x1f3\x1f1\x1fTitle\t1\x1f2\x1f3\x1f4\x1f5\x1f6\x1f7\x1f8\x1f9\x1f10\x1f11\t\n"))
	f.Add([]byte(buildCacheHeaderV1 + "\nabc\n\nb\t1:1\t\t\tpl\x1f1\x1f100\x1f0\x1f0\x1fT\\t\\i\t\t[{\"Lang\":\"ru\",\"ID\":\"1\",\"Source\":\"s\",\"PreviousSource\":\"p\",\"Translation\":\"t\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := readBuildCacheFrom(bytes.NewReader(data))
		if !c.parse(nil) {
			return
		}
		first := writeCache(c)
		again := readBuildCacheFrom(bytes.NewReader(first))
		if !again.parse(nil) {
			t.Fatalf("a cache mosty wrote does not read:\n%q", first)
		}
		if second := writeCache(again); !bytes.Equal(first, second) {
			t.Fatalf("written, read and written again it differs:\n%q\n%q", first, second)
		}
		if len(again.Articles) != len(c.Articles) {
			t.Fatalf("%d articles read back, %d written", len(again.Articles), len(c.Articles))
		}
	})
}

func writeCache(c *buildCache) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	c.write(w)
	w.Flush()
	return b.Bytes()
}
