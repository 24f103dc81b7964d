// Package demo holds the material of `mosty demo`, built into the binary:
// the first user's article, a Polish business cluster's news about talks
// with Belarusian partners, as a full page of their CMS, reference
// Russian and English translations of its segments, and a picture for the
// article drawn by mosty (genimage).
package demo

import "embed"

//go:embed sample
var files embed.FS

//go:generate go run ./genimage

// ImagePath is where the sample article's page links its picture, from
// the site's root; the demo puts Image there, in the workspace's static/.
const ImagePath = "uploads/2017/12/bialorus-spotkanie.jpg"

// Image returns the sample article's picture: a drawing of mosty's own
// (made by genimage), standing in for the first user's photo, which
// mosty does not ship.
func Image() []byte {
	b, err := files.ReadFile("sample/bialorus-spotkanie.jpg")
	if err != nil {
		panic("demo: picture missing from the binary: " + err.Error())
	}
	return b
}

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
