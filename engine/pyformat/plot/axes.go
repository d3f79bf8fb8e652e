package plot

import (
	"math"
	"strconv"
	"strings"
)

// Sizes and colours of the axes, in points, as matplotlib's defaults
// draw them.
const (
	TickSize   = 10.0 // tick labels
	LabelSize  = 11.0 // axis labels
	TitleSize  = 13.0 // bold
	LegendSize = 9.0
	NoteSize   = 10.0
	tickLen    = 3.5
	lineWidth  = 0.8 // frame and ticks
	pad        = 3.5 // between a tick and its label
)

// Grid is the colour of grid lines (light grey, alpha 0.3).
var Grid = Hex("#b0b0b0").Alpha(0.3)

// Range is an interval of data values.
type Range struct{ Min, Max float64 }

// Pad widens r by a share of its span on each side (matplotlib's 5 %
// margins); an empty span becomes ±1 about its value, ±0.5 % for large
// values.
func (r Range) Pad(share float64) Range {
	d := r.Max - r.Min
	if d <= 0 {
		d = math.Max(1, math.Abs(r.Min)*0.01)
		return Range{r.Min - d, r.Max + d}
	}
	return Range{r.Min - d*share, r.Max + d*share}
}

// Include widens r to hold x.
func (r Range) Include(x float64) Range {
	return Range{math.Min(r.Min, x), math.Max(r.Max, x)}
}

// Ticks returns nice tick values (1, 2, 2.5 or 5 × 10^k apart) within r,
// at most n+1 of them.
func Ticks(r Range, n int) []float64 {
	span := r.Max - r.Min
	if span <= 0 || n < 1 {
		return []float64{r.Min}
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * p
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	var out []float64
	for i := math.Ceil(r.Min/step - 1e-9); i*step <= r.Max+step*1e-9; i++ {
		v := i * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// TickLabel spells a tick value with the fewest decimals its step needs
// and a true minus sign, as matplotlib's ScalarFormatter does.
func TickLabel(v, step float64) string {
	dec := 0
	for dec < 6 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-6 {
		dec++
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.HasPrefix(s, "-") {
		s = "−" + s[1:]
	}
	if s == "−0" {
		s = "0"
	}
	return s
}

// Axes maps data values onto a plot area of a figure.
type Axes struct {
	Fig                      *Figure
	Left, Top, Width, Height float64
	X, Y                     Range
}

// PX and PY return the figure coordinates of data values.
func (a *Axes) PX(x float64) float64 { return a.Left + (x-a.X.Min)/(a.X.Max-a.X.Min)*a.Width }

// PY returns the figure's y of data value y (upwards on the page).
func (a *Axes) PY(y float64) float64 {
	return a.Top + a.Height - (y-a.Y.Min)/(a.Y.Max-a.Y.Min)*a.Height
}

// Right and Bottom are the plot area's far edges.
func (a *Axes) Right() float64 { return a.Left + a.Width }

// Bottom is the plot area's lower edge.
func (a *Axes) Bottom() float64 { return a.Top + a.Height }

// Tick is a labelled position on an axis (in data values).
type Tick struct {
	At    float64
	Label string
}

// NumberTicks labels Ticks(r, n).
func NumberTicks(r Range, n int) []Tick {
	vs := Ticks(r, n)
	step := 1.0
	if len(vs) > 1 {
		step = vs[1] - vs[0]
	}
	out := make([]Tick, len(vs))
	for i, v := range vs {
		out[i] = Tick{v, TickLabel(v, step)}
	}
	return out
}

// Layout is what goes around the plot area: it sets the area's margins
// so that the labels fit (matplotlib's tight_layout).
type Layout struct {
	Title          string
	XLabel, YLabel string
	XTicks, YTicks []Tick
	XTickAngle     float64 // degrees counter-clockwise; labels end at their tick when rotated
}

// slack widens the boxes around text, for SVG viewers that set it in a
// wider font than the Go font it was measured in.
const slack = 1.08

// margin around the figure's content, points.
const margin = 8.0

// NewAxes places an axes filling fig but for the room its layout needs.
func NewAxes(fig *Figure, l *Layout, x, y Range) *Axes {
	yTickW := 0.0
	for _, t := range l.YTicks {
		yTickW = math.Max(yTickW, TextWidth(t.Label, TickSize, false))
	}
	xTickH := CapHeight(TickSize) + faceOf(false).descent*TickSize
	lastHalf := 0.0
	if l.XTickAngle != 0 {
		s, c := math.Sincos(math.Abs(l.XTickAngle) * math.Pi / 180)
		for _, t := range l.XTicks {
			w := TextWidth(t.Label, TickSize, false)
			xTickH = math.Max(xTickH, w*s+CapHeight(TickSize)*c)
		}
	} else if n := len(l.XTicks); n > 0 {
		lastHalf = TextWidth(l.XTicks[n-1].Label, TickSize, false) / 2
	}
	left := margin + yTickW + tickLen + pad
	if l.YLabel != "" {
		left += LabelSize*1.2 + pad
	}
	top := margin
	if l.Title != "" {
		top += TitleSize*1.4 + 6
	}
	bottom := margin + tickLen + pad + xTickH
	if l.XLabel != "" {
		bottom += LabelSize*1.2 + pad
	}
	right := margin + math.Max(lastHalf, 4)
	return &Axes{Fig: fig, Left: left, Top: top, Width: fig.W - left - right, Height: fig.H - top - bottom, X: x, Y: y}
}

// GridLines draws light lines across the plot area at the ticks: vertical
// lines at xs, horizontal at ys (either may be nil). Draw them before the
// data.
func (a *Axes) GridLines(xs, ys []Tick) {
	s := Stroke{Color: Grid, Width: lineWidth}
	for _, t := range xs {
		a.Fig.Line([]Point{{a.PX(t.At), a.Top}, {a.PX(t.At), a.Bottom()}}, s, "")
	}
	for _, t := range ys {
		a.Fig.Line([]Point{{a.Left, a.PY(t.At)}, {a.Right(), a.PY(t.At)}}, s, "")
	}
}

// Frame draws the frame, the ticks and their labels, the axis labels and
// the title over the data.
func (a *Axes) Frame(l *Layout) {
	f := a.Fig
	ink := Stroke{Color: Black, Width: lineWidth}
	x0, y0, x1, y1 := a.Left, a.Top, a.Right(), a.Bottom()
	f.Line([]Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, Stroke{Color: Black, Width: lineWidth}, "")
	for _, t := range l.XTicks {
		x := a.PX(t.At)
		f.Line([]Point{{x, y1}, {x, y1 + tickLen}}, ink, "")
		if l.XTickAngle != 0 {
			f.Text(x, y1+tickLen+pad, t.Label, Font{Size: TickSize, Color: Black, Align: Right, VAlign: Top, Angle: l.XTickAngle})
		} else {
			f.Text(x, y1+tickLen+pad, t.Label, Font{Size: TickSize, Color: Black, Align: Center, VAlign: Top})
		}
	}
	yTickW := 0.0
	for _, t := range l.YTicks {
		y := a.PY(t.At)
		f.Line([]Point{{x0 - tickLen, y}, {x0, y}}, ink, "")
		f.Text(x0-tickLen-pad, y, t.Label, Font{Size: TickSize, Color: Black, Align: Right, VAlign: Middle})
		yTickW = math.Max(yTickW, TextWidth(t.Label, TickSize, false))
	}
	if l.YLabel != "" {
		x := x0 - tickLen - pad - yTickW - pad
		f.Text(x, a.Top+a.Height/2, l.YLabel, Font{Size: LabelSize, Color: Black, Align: Center, VAlign: Bottom, Angle: 90})
	}
	if l.XLabel != "" {
		f.Text(a.Left+a.Width/2, f.H-margin, l.XLabel, Font{Size: LabelSize, Color: Black, Align: Center, VAlign: Bottom})
	}
	if l.Title != "" {
		f.Text(a.Left+a.Width/2, a.Top-6, l.Title, Font{Size: TitleSize, Bold: true, Color: Black, Align: Center, VAlign: Bottom})
	}
}

// LegendEntry is one line of a legend: a line sample (Stroke) or, when
// Patch is set, a filled square of its colour.
type LegendEntry struct {
	Label  string
	Stroke Stroke
	Patch  *Color
}

// Legend draws entries in a box at the plot area's upper left (right:
// upper right).
func (a *Axes) Legend(entries []LegendEntry, right bool) {
	if len(entries) == 0 {
		return
	}
	const sample, gap, inset = 20.0, 6.0, 6.0
	lineH := LegendSize * 1.5
	w := 0.0
	for _, e := range entries {
		w = math.Max(w, TextWidth(e.Label, LegendSize, false))
	}
	boxW := 2*gap + sample + gap + w*slack
	boxH := float64(len(entries))*lineH + gap
	x := a.Left + inset
	if right {
		x = a.Right() - inset - boxW
	}
	y := a.Top + inset
	a.Fig.Rect(x, y, boxW, boxH, White.Alpha(0.8), &Stroke{Color: Hex("#cccccc"), Width: lineWidth}, "")
	for i, e := range entries {
		cy := y + gap/2 + lineH*(float64(i)+0.5)
		if e.Patch != nil {
			a.Fig.Rect(x+gap+sample/2-LegendSize*0.6, cy-LegendSize*0.35, LegendSize*1.2, LegendSize*0.7, *e.Patch, nil, "")
		} else {
			a.Fig.Line([]Point{{x + gap, cy}, {x + gap + sample, cy}}, e.Stroke, "")
		}
		a.Fig.Text(x+gap+sample+gap, cy, e.Label, Font{Size: LegendSize, Color: Black, VAlign: Middle})
	}
}

// Note draws lines of text in a box at the plot area's upper right (an
// annotation with a white, translucent box).
func (a *Axes) Note(lines []string) {
	const gap, inset = 5.0, 6.0
	lineH := NoteSize * 1.25
	w := 0.0
	for _, s := range lines {
		w = math.Max(w, TextWidth(s, NoteSize, false))
	}
	boxW, boxH := w*slack+2*gap, float64(len(lines))*lineH+2*gap-(lineH-CapHeight(NoteSize))
	x, y := a.Right()-inset-boxW, a.Top+inset
	a.Fig.Rect(x, y, boxW, boxH, White.Alpha(0.8), &Stroke{Color: Black, Width: lineWidth}, "")
	for i, s := range lines {
		a.Fig.Text(x+boxW-gap, y+gap+float64(i)*lineH, s, Font{Size: NoteSize, Color: Black, Align: Right, VAlign: Top})
	}
}
