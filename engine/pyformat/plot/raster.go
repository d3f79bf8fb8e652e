package plot

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// MaxPixels bounds a raster's size (a 12 × 6 inch figure at 600 dpi is
// 25.9 million pixels).
const MaxPixels = 40_000_000

// PixelSize returns the raster size of the figure at dpi dots per inch.
func (f *Figure) PixelSize(dpi int) (w, h int) {
	return int(math.Round(f.W * float64(dpi) / 72)), int(math.Round(f.H * float64(dpi) / 72))
}

// PNG returns the figure rasterised at dpi dots per inch, as a PNG file.
func (f *Figure) PNG(dpi int) ([]byte, error) {
	img, err := f.Raster(dpi)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Raster draws the figure at dpi dots per inch: every shape is filled
// with anti-aliased coverage (golang.org/x/image/vector) and composited
// over the ones before it.
func (f *Figure) Raster(dpi int) (*image.RGBA, error) {
	return f.raster(dpi, 0)
}

func (f *Figure) raster(dpi, tile int) (*image.RGBA, error) {
	w, h := f.PixelSize(dpi)
	if dpi <= 0 || w < 1 || h < 1 || w*h > MaxPixels {
		return nil, fmt.Errorf("plot: %d dpi makes %d × %d pixels; at most %d", dpi, w, h, MaxPixels)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{255, 255, 255, 255}), image.Point{}, draw.Src)
	r := &rasterizer{img: img, k: float64(dpi) / 72, tile: tile}
	for _, it := range f.items {
		switch it := it.(type) {
		case rectItem:
			x0, y0, x1, y1 := it.x, it.y, it.x+it.w, it.y+it.h
			r.fill([][]Point{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}, it.fill)
			if it.stroke != nil {
				r.fill(strokePolygons([]Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, it.stroke), it.stroke.Color)
			}
		case lineItem:
			r.fill(strokePolygons(it.pts, &it.stroke), it.stroke.Color)
		case textItem:
			r.text(&it)
		}
	}
	return img, nil
}

type rasterizer struct {
	img  *image.RGBA
	k    float64 // pixels per point
	tile int     // tileSize when 0
	z    vector.Rasterizer
	buf  sfnt.Buffer
}

// pathOp is one segment of a path in figure coordinates: a move, a
// line, a quadratic or a cubic Bézier (its n points in p).
type pathOp struct {
	op sfnt.SegmentOp
	p  [3]Point
}

// fill fills the union of polygons (in figure coordinates) with c.
// Polygons of one call must wind the same way for their overlaps to count
// once (strokePolygons makes them counter-clockwise).
func (r *rasterizer) fill(polys [][]Point, c Color) {
	var ops []pathOp
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		ops = append(ops, pathOp{op: sfnt.SegmentOpMoveTo, p: [3]Point{p[0]}})
		for _, q := range p[1:] {
			ops = append(ops, pathOp{op: sfnt.SegmentOpLineTo, p: [3]Point{q}})
		}
	}
	r.draw(ops, c)
}

// nPoints is the number of points of each kind of segment.
var nPoints = [...]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}

// tileSize is the side in pixels of the squares a path is rasterised in:
// each pixel belongs to one square, which rasterises every subpath that
// reaches it, so overlaps are still painted once while the work follows
// the path (a long thin line) rather than its whole bounding box.
const tileSize = 256

// draw rasterises the path (the coverage of its closed subpaths, summed
// and clamped to 1) and composites c through it.
func (r *rasterizer) draw(ops []pathOp, c Color) {
	if c.A == 0 || len(ops) == 0 {
		return
	}
	type subpath struct {
		ops []pathOp
		box image.Rectangle
	}
	var subs []subpath
	var all image.Rectangle
	for i := 0; i < len(ops); {
		j := i + 1
		for j < len(ops) && ops[j].op != sfnt.SegmentOpMoveTo {
			j++
		}
		box := r.pixelBox(ops[i:j]).Intersect(r.img.Bounds())
		if !box.Empty() {
			subs = append(subs, subpath{ops[i:j], box})
			all = all.Union(box)
		}
		i = j
	}
	src := image.NewUniform(color.NRGBA{c.R, c.G, c.B, c.A})
	tile := r.tile
	if tile == 0 {
		tile = tileSize
	}
	for ty := all.Min.Y; ty < all.Max.Y; ty += tile {
		for tx := all.Min.X; tx < all.Max.X; tx += tile {
			t := image.Rect(tx, ty, tx+tile, ty+tile).Intersect(all)
			r.z.Reset(t.Dx(), t.Dy())
			n := 0
			for _, s := range subs {
				if s.box.Overlaps(t) {
					r.emit(s.ops, t.Min)
					n++
				}
			}
			if n > 0 {
				r.z.Draw(r.img, t, src, image.Point{})
			}
		}
	}
}

// pixelBox returns the pixels a subpath's control points span.
func (r *rasterizer) pixelBox(ops []pathOp) image.Rectangle {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, o := range ops {
		for _, p := range o.p[:nPoints[o.op]] {
			minX, minY = math.Min(minX, p.X), math.Min(minY, p.Y)
			maxX, maxY = math.Max(maxX, p.X), math.Max(maxY, p.Y)
		}
	}
	return image.Rect(int(math.Floor(minX*r.k)), int(math.Floor(minY*r.k)), int(math.Ceil(maxX*r.k))+1, int(math.Ceil(maxY*r.k))+1)
}

// emit adds a closed subpath to the rasteriser, in pixels from origin o.
func (r *rasterizer) emit(ops []pathOp, o image.Point) {
	ox, oy := float64(o.X), float64(o.Y)
	tr := func(p Point) (float32, float32) { return float32(p.X*r.k - ox), float32(p.Y*r.k - oy) }
	for _, op := range ops {
		switch op.op {
		case sfnt.SegmentOpMoveTo:
			r.z.MoveTo(tr(op.p[0]))
		case sfnt.SegmentOpLineTo:
			r.z.LineTo(tr(op.p[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := tr(op.p[0])
			cx, cy := tr(op.p[1])
			r.z.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
			bx, by := tr(op.p[0])
			cx, cy := tr(op.p[1])
			dx, dy := tr(op.p[2])
			r.z.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	r.z.ClosePath()
}

// text fills the glyph outlines of t.
func (r *rasterizer) text(t *textItem) {
	fc := faceOf(t.font.Bold)
	glyphs, w := fc.layout(&r.buf, t.s)
	size := t.font.Size
	dx, dy := t.origin(w * size)
	scale := size / emUnits
	var ops []pathOp
	for _, g := range glyphs {
		segs, err := fc.f.LoadGlyph(&r.buf, g.idx, fixed.I(emUnits), nil)
		if err != nil {
			continue
		}
		for _, s := range segs {
			o := pathOp{op: s.Op}
			for i, a := range s.Args[:nPoints[s.Op]] {
				u := dx + g.x*size + float64(a.X)/64*scale
				v := dy + float64(a.Y)/64*scale
				o.p[i] = rotate(t.x, t.y, u, v, t.font.Angle)
			}
			ops = append(ops, o)
		}
	}
	r.draw(ops, t.font.Color)
}
