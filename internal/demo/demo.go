// Package demo holds the material of `mosty demo`, built into the binary:
// the first user's article, a Polish business cluster's news about talks
// with Belarusian partners, as a full page of their CMS, and reference
// Russian and English translations of its segments.
package demo

import "embed"

//go:embed sample
var files embed.FS

// ArticleName is the file name the sample article is imported as.
const ArticleName = "klaster-bialorus-2017.html"

// Article returns the sample page's bytes.
func Article() []byte {
	b, err := files.ReadFile("sample/" + ArticleName)
	if err != nil {
		panic("demo: sample missing from the binary: " + err.Error())
	}
	return b
}
