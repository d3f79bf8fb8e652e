// Package plot draws static charts: a figure of rectangles, lines and
// text laid out in points (1/72 inch, y downwards), written as SVG or
// rasterised to PNG at a given resolution (a figure W × H points is
// round(W·dpi/72) × round(H·dpi/72) pixels). Text is set in the Go fonts:
// the PNG fills their glyph outlines, the SVG names the font and lays
// text out with its metrics.
package plot

import (
	"fmt"
	"math"
)

// Color is an sRGB colour with straight (not premultiplied) alpha.
type Color struct{ R, G, B, A uint8 }

// Hex returns the opaque colour of a "#rrggbb" string.
func Hex(s string) Color {
	var c Color
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		panic("plot: bad colour " + s)
	}
	c.A = 255
	return c
}

// Alpha returns c with opacity a (0 to 1).
func (c Color) Alpha(a float64) Color {
	c.A = uint8(math.Round(math.Max(0, math.Min(1, a)) * 255))
	return c
}

// Common colours.
var (
	White = Color{255, 255, 255, 255}
	Black = Color{0, 0, 0, 255}
)

// Point is a position in points.
type Point struct{ X, Y float64 }

// Stroke is how a line is drawn: Width in points, Dash the lengths of
// the dashes and gaps in points (none: solid). A solid line has round
// joins and caps; a dashed one round joins and butt caps.
type Stroke struct {
	Color Color
	Width float64
	Dash  []float64
}

// Align places text horizontally about its position.
type Align uint8

// Horizontal alignments.
const (
	Left Align = iota
	Center
	Right
)

// VAlign places text vertically about its position.
type VAlign uint8

// Vertical alignments: on the baseline, or the top of capitals, their
// middle, or the bottom of descenders at the position.
const (
	Baseline VAlign = iota
	Top
	Middle
	Bottom
)

// Font is how text is set: Size in points, Angle in degrees
// counter-clockwise about the text's position.
type Font struct {
	Size   float64
	Bold   bool
	Color  Color
	Align  Align
	VAlign VAlign
	Angle  float64
}

// Figure is a drawing W × H points on a white ground, in drawing order.
type Figure struct {
	W, H  float64
	Title string // the SVG's accessible name
	items []item
}

type item interface{ isItem() }

type rectItem struct {
	x, y, w, h float64
	fill       Color
	stroke     *Stroke
	tip        string
}

type lineItem struct {
	pts    []Point
	stroke Stroke
	tip    string
}

type textItem struct {
	x, y float64
	s    string
	font Font
}

func (rectItem) isItem() {}
func (lineItem) isItem() {}
func (textItem) isItem() {}

// New returns an empty figure w × h inches.
func New(wInches, hInches float64, title string) *Figure {
	return &Figure{W: wInches * 72, H: hInches * 72, Title: title}
}

// Rect fills the rectangle with top-left corner (x, y); stroke (may be
// nil) outlines it. tip is shown on hover in the SVG (may be empty).
func (f *Figure) Rect(x, y, w, h float64, fill Color, stroke *Stroke, tip string) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	f.items = append(f.items, rectItem{x, y, w, h, fill, stroke, tip})
}

// Line strokes the open path through pts.
func (f *Figure) Line(pts []Point, s Stroke, tip string) {
	if len(pts) >= 2 {
		f.items = append(f.items, lineItem{pts, s, tip})
	}
}

// Text sets s (one line) at (x, y).
func (f *Figure) Text(x, y float64, s string, font Font) {
	if s != "" {
		f.items = append(f.items, textItem{x, y, s, font})
	}
}
