package plot

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
)

// A figure W × H inches is W·dpi × H·dpi pixels, and its PNG decodes to
// that size.
func TestPNGSizeIsInchesTimesDPI(t *testing.T) {
	fig := New(10, 6, "t")
	fig.Text(360, 216, "Hello", Font{Size: 12, Color: Black, Align: Center, VAlign: Middle})
	for _, dpi := range []int{72, 150} {
		b, err := fig.PNG(dpi)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := img.Bounds().Size(), (image.Point{10 * dpi, 6 * dpi}); got != want {
			t.Errorf("%d dpi: %v, want %v", dpi, got, want)
		}
	}
	if _, err := New(12, 6, "t").PNG(100000); err == nil {
		t.Error("a raster of billions of pixels was not refused")
	}
}

// pixel returns the colour at (x, y) as 8-bit RGB.
func pixel(img *image.RGBA, x, y int) [3]uint8 {
	i := img.PixOffset(x, y)
	return [3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}
}

// A rectangle on whole pixels fills exactly its pixels (at 72 dpi a point
// is a pixel; at 144 dpi two).
func TestRectFillsItsPixels(t *testing.T) {
	fig := New(1, 1, "t")
	red := Hex("#ff0000")
	fig.Rect(10, 20, 30, 15, red, nil, "")
	for _, k := range []int{1, 2} {
		img, err := fig.Raster(72 * k)
		if err != nil {
			t.Fatal(err)
		}
		for y := range 72 * k {
			for x := range 72 * k {
				in := x >= 10*k && x < 40*k && y >= 20*k && y < 35*k
				want := [3]uint8{255, 255, 255}
				if in {
					want = [3]uint8{255, 0, 0}
				}
				if got := pixel(img, x, y); got != want {
					t.Fatalf("%d dpi: pixel (%d, %d) = %v, want %v", 72*k, x, y, got, want)
				}
			}
		}
	}
}

// A translucent line that runs back over itself, and one that crosses
// itself, are painted once where they overlap: the segments wind the same
// way, so their coverage does not cancel or add up.
func TestStrokeOverlapPaintedOnce(t *testing.T) {
	fig := New(1, 1, "t")
	half := Black.Alpha(0.5)
	fig.Line([]Point{{10, 20}, {60, 20}, {10, 20}}, Stroke{Color: half, Width: 4}, "")
	fig.Line([]Point{{10, 40}, {60, 60}, {60, 40}, {10, 60}}, Stroke{Color: half, Width: 4}, "")
	img, err := fig.Raster(72)
	if err != nil {
		t.Fatal(err)
	}
	// 255 × (1 − 128/255) = 127.
	for _, p := range []image.Point{{35, 19}, {35, 20}, {35, 50}} {
		if got := pixel(img, p.X, p.Y); got[0] < 126 || got[0] > 128 || got[0] != got[1] {
			t.Errorf("pixel %v = %v, want grey 127 (painted once)", p, got)
		}
	}
}

// Dashes follow the path's length, across its corners.
func TestDashes(t *testing.T) {
	got := dashes([]Point{{0, 0}, {100, 0}}, []float64{10, 5})
	if len(got) != 7 {
		t.Fatalf("%d dashes, want 7 (every 15 points of 100)", len(got))
	}
	for i, d := range got {
		if lo, hi := d[0].X, d[len(d)-1].X; math.Abs(lo-float64(15*i)) > 1e-9 || math.Abs(hi-float64(15*i+10)) > 1e-9 {
			t.Errorf("dash %d: %v to %v", i, lo, hi)
		}
	}
	got = dashes([]Point{{0, 0}, {6, 0}, {6, 6}}, []float64{4, 4})
	want := [][]Point{{{0, 0}, {4, 0}}, {{6, 2}, {6, 6}}}
	if len(got) != 2 || !slices.Equal(got[0], want[0]) || !slices.Equal(got[1], want[1]) {
		t.Errorf("dashes round a corner: %v, want %v", got, want)
	}
}

// inkBox returns the bounding box of the pixels that are not white.
func inkBox(img *image.RGBA) image.Rectangle {
	box := image.Rectangle{Min: img.Bounds().Max, Max: img.Bounds().Min}
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if pixel(img, x, y) != [3]uint8{255, 255, 255} {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

// Text is drawn where its alignment puts it: its ink spans its measured
// width from its anchor and sits on its baseline; turned 90°, it reads
// upwards from its anchor.
func TestTextPlacement(t *testing.T) {
	const size = 20.0
	s := "Hello"
	w := TextWidth(s, size, false)
	if w < 40 || w > 60 {
		t.Fatalf("width of %q at %v pt: %v", s, size, w)
	}
	cases := []struct {
		font Font
		want image.Rectangle // where the ink must lie, ±2 pixels
	}{
		{Font{Size: size, Color: Black}, image.Rect(100, 100-int(CapHeight(size)), 100+int(w), 100)},
		{Font{Size: size, Color: Black, Align: Right}, image.Rect(100-int(w), 100-int(CapHeight(size)), 100, 100)},
		{Font{Size: size, Color: Black, Align: Center, VAlign: Top}, image.Rect(100-int(w/2), 100, 100+int(w/2), 100+int(CapHeight(size)))},
		{Font{Size: size, Color: Black, Angle: 90}, image.Rect(100-int(CapHeight(size)), 100-int(w), 100, 100)},
	}
	for i, c := range cases {
		fig := New(3, 3, "t")
		fig.Text(100, 100, s, c.font)
		img, err := fig.Raster(72)
		if err != nil {
			t.Fatal(err)
		}
		got := inkBox(img)
		for _, d := range []int{got.Min.X - c.want.Min.X, got.Min.Y - c.want.Min.Y, got.Max.X - c.want.Max.X, got.Max.Y - c.want.Max.Y} {
			if d < -2 || d > 2 {
				t.Errorf("case %d: ink %v, want %v", i, got, c.want)
				break
			}
		}
	}
}

// The SVG is well-formed XML, names its title and keeps text as text.
func TestSVGIsXML(t *testing.T) {
	fig := New(4, 3, `Profit & "loss" <by session>`)
	fig.Rect(10, 10, 50, 40, Hex("#2ecc71").Alpha(0.8), &Stroke{Color: White, Width: 0.5}, "bin: 3 < 4 sessions")
	fig.Line([]Point{{0, 0}, {50, 50}}, Stroke{Color: Black, Width: 2, Dash: []float64{7.4, 3.2}}, "")
	fig.Text(100, 100, "Mean: $-1.50", Font{Size: 10, Color: Black, Angle: 90})
	dec := xml.NewDecoder(bytes.NewReader(fig.SVG()))
	var title, texts []string
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[1] == "title" {
				title = append(title, string(tok))
			}
			if len(stack) > 0 && stack[len(stack)-1] == "text" {
				texts = append(texts, string(tok))
			}
		}
	}
	if strings.Join(title, "") != fig.Title || !slices.Equal(texts, []string{"Mean: $-1.50"}) {
		t.Errorf("title %q, texts %q", title, texts)
	}
	if !bytes.HasPrefix(fig.SVGElement(), []byte("<svg ")) {
		t.Error("the element does not start with <svg")
	}
}

// Ticks are round numbers within the range; labels have the decimals
// their step needs and a true minus.
func TestTicks(t *testing.T) {
	if got := Ticks(Range{0, 1000}, 5); !slices.Equal(got, []float64{0, 200, 400, 600, 800, 1000}) {
		t.Errorf("0–1000: %v", got)
	}
	if got := Ticks(Range{-437, 1234}, 8); !slices.Equal(got, []float64{-250, 0, 250, 500, 750, 1000}) {
		t.Errorf("−437–1234: %v", got)
	}
	for _, c := range []struct {
		v, step float64
		want    string
	}{{-250, 250, "−250"}, {0.5, 0.25, "0.50"}, {0, 0.1, "0.0"}, {12, 2, "12"}} {
		if got := TickLabel(c.v, c.step); got != c.want {
			t.Errorf("TickLabel(%v, %v) = %q, want %q", c.v, c.step, got, c.want)
		}
	}
}

// Drawing in squares gives the picture drawing each path whole does (to a
// unit of rounding): lines, rotated text and rectangles that cross the
// squares' edges. (At 120 dpi every path is under 512 pixels, so both
// use the rasteriser's fixed-point arithmetic.)
func TestTilesDrawTheWholePicture(t *testing.T) {
	fig := New(4, 3, "t")
	var pts []Point
	for i := range 200 {
		x := float64(i) * 1.4
		pts = append(pts, Point{10 + x, 100 + 60*math.Sin(x/9)})
	}
	fig.Line(pts, Stroke{Color: Hex("#e74c3c").Alpha(0.6), Width: 1.5}, "")
	fig.Line(pts, Stroke{Color: Hex("#3498db"), Width: 2, Dash: []float64{7.4, 3.2}}, "")
	fig.Rect(30, 30, 200, 120, Hex("#2ecc71").Alpha(0.8), &Stroke{Color: White, Width: 0.5}, "")
	fig.Text(150, 150, "Session Profit/Loss ($)", Font{Size: 14, Color: Black, Align: Center, VAlign: Middle, Angle: 90})
	whole, err := fig.raster(120, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	tiled, err := fig.raster(120, 37)
	if err != nil {
		t.Fatal(err)
	}
	for i := range whole.Pix {
		if d := int(whole.Pix[i]) - int(tiled.Pix[i]); d < -1 || d > 1 {
			x, y := (i/4)%whole.Bounds().Dx(), (i/4)/whole.Bounds().Dx()
			t.Fatalf("pixel (%d, %d): %v whole, %v in squares", x, y, pixel(whole, x, y), pixel(tiled, x, y))
		}
	}
}
