package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// bigFile is a translators' file of n segments.
func bigFile(n int) []byte {
	var b strings.Builder
	b.WriteString("[article]\nslug = \"big\"\nlang = \"ru\"\nsource_lang = \"pl\"\ntitle = \"Duży\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[segment]]\nid = \"%08x\"\nkind = \"paragraph\"\nsource = \"Zdanie numer %d o współpracy klastrów.\"\ntranslation = \"Предложение номер %d.\"\nstatus = \"translated\"\n", i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkParse reads files of 3,000 and 30,000 segments: the time per
// segment must stay the same (linear), issue 15's ninth case.
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{3000, 30000} {
		data := bigFile(n)
		b.Run(fmt.Sprintf("segments=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("big.toml", data, false); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/segment")
		})
	}
}

// BenchmarkAssignIDs gives ids to a first extraction of 2,000 and 20,000
// sentences, all the same sentence (each needs a numbered id) or all
// different (the baseline): linear in both.
func BenchmarkAssignIDs(b *testing.B) {
	for _, kind := range []string{"repeated", "distinct"} {
		for _, n := range []int{2000, 20000} {
			units := make([]SourceUnit, n)
			for i := range units {
				text := "Ta sama fraza w artykule."
				if kind == "distinct" {
					text = fmt.Sprintf("Fraza numer %d w artykule.", i)
				}
				units[i] = SourceUnit{Kind: "paragraph", Block: i, Text: text}
			}
			b.Run(fmt.Sprintf("%s=%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					AssignIDs(nil, units)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
			})
		}
	}
}

// BenchmarkWrite renders a file of 3,000 and 30,000 segments after every
// translation changed, so each segment is edited in place.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{3000, 30000} {
		data := bigFile(n)
		b.Run(fmt.Sprintf("segments=%d", n), func(b *testing.B) {
			f, err := Parse("big.toml", data, false)
			if err != nil {
				b.Fatal(err)
			}
			for i := range f.Units {
				f.Units[i].Status = Reviewed
			}
			for b.Loop() {
				f.Bytes()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/segment")
		})
	}
}

// BenchmarkReimport gives ids to a second extraction of 2,000 and 20,000
// sentences whose first and last changed, distinct or all the same
// sentence: the alignment must stay near linear (it was a full table,
// 20,000² cells).
func BenchmarkReimport(b *testing.B) {
	for _, kind := range []string{"repeated", "distinct"} {
		for _, n := range []int{2000, 20000} {
			text := func(i int) string {
				if kind == "repeated" {
					return "Ta sama fraza w artykule."
				}
				return fmt.Sprintf("Fraza numer %d w artykule.", i)
			}
			prevSrc := make([]SourceUnit, n)
			for i := range prevSrc {
				prevSrc[i] = SourceUnit{Kind: "paragraph", Block: i, Text: text(i)}
			}
			prev := AssignIDs(nil, prevSrc)
			next := append([]SourceUnit{}, prevSrc...)
			next[0].Text, next[n-1].Text = "Zupełnie nowy początek tekstu.", "Zupełnie nowe zakończenie tekstu."
			b.Run(fmt.Sprintf("%s=%d", kind, n), func(b *testing.B) {
				for b.Loop() {
					AssignIDs(prev, next)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
			})
		}
	}
}
