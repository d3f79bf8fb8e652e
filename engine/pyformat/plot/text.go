package plot

import (
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontFamily is the SVG's font list: the Go font the layout was measured
// with first.
const fontFamily = "Go, 'DejaVu Sans', Arial, Helvetica, sans-serif"

// emUnits is the ppem glyphs are loaded at; outlines and advances are then
// scaled by size/emUnits, so text of any size is set without hinting.
const emUnits = 1024

type face struct {
	f *sfnt.Font
	// ascent, descent and cap height per point of size
	ascent, descent, capHeight float64
}

var faces = sync.OnceValue(func() [2]*face {
	var out [2]*face
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic(err)
		}
		var b sfnt.Buffer
		m, err := f.Metrics(&b, fixed.I(emUnits), font.HintingNone)
		if err != nil {
			panic(err)
		}
		u := func(x fixed.Int26_6) float64 { return float64(x) / 64 / emUnits }
		out[i] = &face{f: f, ascent: u(m.Ascent), descent: u(m.Descent), capHeight: u(m.CapHeight)}
	}
	return out
})

func faceOf(bold bool) *face {
	if bold {
		return faces()[1]
	}
	return faces()[0]
}

// glyph is one laid-out glyph: its index and its pen position along the
// baseline in units of the size (x/size em).
type glyph struct {
	idx sfnt.GlyphIndex
	x   float64
}

// layout returns the glyphs of s and its advance width, per point of size.
// Characters the font lacks are set as its missing-glyph box.
func (fc *face) layout(b *sfnt.Buffer, s string) ([]glyph, float64) {
	var out []glyph
	x := 0.0
	prev := sfnt.GlyphIndex(0)
	for i, r := range []rune(s) {
		idx, err := fc.f.GlyphIndex(b, r)
		if err != nil {
			idx = 0
		}
		if i > 0 {
			if k, err := fc.f.Kern(b, prev, idx, fixed.I(emUnits), font.HintingNone); err == nil {
				x += float64(k) / 64 / emUnits
			}
		}
		out = append(out, glyph{idx, x})
		adv, err := fc.f.GlyphAdvance(b, idx, fixed.I(emUnits), font.HintingNone)
		if err == nil {
			x += float64(adv) / 64 / emUnits
		}
		prev = idx
	}
	return out, x
}

// TextWidth returns the advance width of s in points.
func TextWidth(s string, size float64, bold bool) float64 {
	var b sfnt.Buffer
	_, w := faceOf(bold).layout(&b, s)
	return w * size
}

// CapHeight returns the height of capitals of a font size in points.
func CapHeight(size float64) float64 { return faceOf(false).capHeight * size }

// origin returns where the start of the baseline of text t goes: the
// offset along the text direction (dx) and across it (dy, downwards)
// from its position, for its alignment. w is its width.
func (t *textItem) origin(w float64) (dx, dy float64) {
	fc := faceOf(t.font.Bold)
	switch t.font.Align {
	case Center:
		dx = -w / 2
	case Right:
		dx = -w
	}
	switch t.font.VAlign {
	case Top:
		dy = fc.capHeight * t.font.Size
	case Middle:
		dy = fc.capHeight * t.font.Size / 2
	case Bottom:
		dy = -fc.descent * t.font.Size
	}
	return dx, dy
}

// rotate maps a point (u along the text, v across it, downwards) relative
// to (x, y) into the figure for a text angle in degrees counter-clockwise.
func rotate(x, y, u, v, angle float64) Point {
	if angle == 0 {
		return Point{x + u, y + v}
	}
	s, c := math.Sincos(angle * math.Pi / 180)
	return Point{x + u*c + v*s, y - u*s + v*c}
}
