// Command genimage draws the demo article's picture,
// internal/demo/sample/bialorus-spotkanie.jpg: the cluster's office by a
// river with its bridge and a group of guests in front. The first user's
// page links a photo mosty cannot ship; this drawing is mosty's own (same
// licence as the code), made again with
//
//	go generate ./internal/demo
package main

import (
	"image"
	"image/color"
	"image/jpeg"
	"log"
	"math"
	"os"
)

const w, h = 600, 400

func main() {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sky(img)
	river(img)
	bridge(img)
	office(img)
	guests(img)
	f, err := os.Create("sample/bialorus-spotkanie.jpg")
	if err != nil {
		log.Fatal(err)
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 80}); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// fill paints the pixels of img where in(x, y) holds.
func fill(img *image.RGBA, c color.RGBA, in func(x, y float64) bool) {
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if in(float64(x), float64(y)) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func rect(x0, y0, x1, y1 float64) func(x, y float64) bool {
	return func(x, y float64) bool { return x >= x0 && x < x1 && y >= y0 && y < y1 }
}

func disc(cx, cy, r float64) func(x, y float64) bool {
	return func(x, y float64) bool { return math.Hypot(x-cx, y-cy) <= r }
}

func lerp(a, b uint8, t float64) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t) }

func sky(img *image.RGBA) {
	for y := 0; y < h; y++ {
		t := float64(y) / 260
		c := color.RGBA{lerp(120, 225, t), lerp(170, 235, t), lerp(220, 245, t), 255}
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, c)
		}
	}
	fill(img, color.RGBA{255, 236, 170, 255}, disc(510, 70, 34))
}

func river(img *image.RGBA) {
	for y := 250; y < h; y++ {
		t := float64(y-250) / 150
		c := color.RGBA{lerp(70, 30, t), lerp(130, 90, t), lerp(170, 130, t), 255}
		for x := 0; x < w; x++ {
			if (x/37+y/5)%9 == 0 {
				c2 := c
				c2.R, c2.G, c2.B = c.R+25, c.G+25, c.B+25
				img.SetRGBA(x, y, c2)
				continue
			}
			img.SetRGBA(x, y, c)
		}
	}
	fill(img, color.RGBA{96, 140, 70, 255}, rect(0, 236, w, 252)) // the far bank
}

// bridge is three stone arches across the river: mosty, "bridges".
func bridge(img *image.RGBA) {
	stone := color.RGBA{176, 160, 140, 255}
	fill(img, stone, rect(0, 205, w, 222))
	for _, cx := range []float64{100, 300, 500} {
		fill(img, stone, func(x, y float64) bool {
			return y >= 222 && y < 300 && math.Abs(x-cx) < 100 && math.Hypot(x-cx, (y-300)*1.4) > 80
		})
	}
	fill(img, color.RGBA{120, 105, 90, 255}, rect(0, 200, w, 206)) // the parapet
}

func office(img *image.RGBA) {
	fill(img, color.RGBA{236, 230, 220, 255}, rect(330, 110, 560, 250))
	fill(img, color.RGBA{170, 60, 50, 255}, func(x, y float64) bool { // the roof
		return y >= 80 && y < 110 && x >= 320+(110-y) && x < 570-(110-y)
	})
	for row := 0; row < 3; row++ {
		for col := 0; col < 5; col++ {
			x, y := 345+float64(col)*43, 122+float64(row)*38
			fill(img, color.RGBA{90, 130, 170, 255}, rect(x, y, x+26, y+24))
		}
	}
	fill(img, color.RGBA{110, 80, 60, 255}, rect(430, 212, 458, 250)) // the door
}

// guests stand on the bank in front of the office.
func guests(img *image.RGBA) {
	coats := []color.RGBA{{40, 60, 110, 255}, {150, 40, 40, 255}, {60, 60, 60, 255}, {30, 100, 80, 255}, {120, 90, 40, 255}}
	for i, c := range coats {
		cx := 350 + float64(i)*42
		fill(img, c, func(x, y float64) bool { // body
			return y >= 300 && y < 372 && math.Abs(x-cx) < 14+(y-300)*0.12
		})
		fill(img, color.RGBA{232, 196, 170, 255}, disc(cx, 288, 12))
	}
	fill(img, color.RGBA{110, 150, 80, 255}, rect(300, 372, w, h)) // the near bank
}
