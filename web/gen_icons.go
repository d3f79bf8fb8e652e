//go:build ignore

// gen_icons draws icon-192.png and icon-512.png, the raster twins of
// icon.svg (three betting circles, the third one riding). Run with
// `go generate ./web` or `go run gen_icons.go` in this directory.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
)

func main() {
	for _, size := range []int{192, 512} {
		if err := write(size); err != nil {
			log.Fatal(err)
		}
	}
}

func write(size int) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float64(size) / 512
	green := color.RGBA{0x0b, 0x6e, 0x4f, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	gold := color.RGBA{0xf2, 0xc1, 0x4e, 0xff}
	bar := color.RGBA{0xda, 0xea, 0xe5, 0xff}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			fx, fy := (float64(x)+.5)/s, (float64(y)+.5)/s
			c := color.RGBA{}
			if inRoundRect(fx, fy, 0, 0, 512, 512, 96) {
				c = green
			}
			if inRoundRect(fx, fy, 96, 120, 320, 36, 18) {
				c = bar
			}
			for i, cx := range []float64{140, 256, 372} {
				if (fx-cx)*(fx-cx)+(fy-300)*(fy-300) <= 62*62 {
					c = white
					if i == 2 {
						c = gold
					}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	f, err := os.Create(map[int]string{192: "icon-192.png", 512: "icon-512.png"}[size])
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		return err
	}
	return f.Close()
}

func inRoundRect(x, y, rx, ry, w, h, r float64) bool {
	if x < rx || y < ry || x > rx+w || y > ry+h {
		return false
	}
	cx := min(max(x, rx+r), rx+w-r)
	cy := min(max(y, ry+r), ry+h-r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}
