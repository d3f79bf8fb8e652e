package plot

import "math"

// strokePolygons returns the outline of a stroked path as polygons, all
// counter-clockwise on the page (so their union is filled once): a
// rectangle per segment, and a round join at every inner vertex (and a
// round cap at the ends of a solid line). A dashed line is cut into its
// dashes first.
func strokePolygons(pts []Point, s *Stroke) [][]Point {
	hw := s.Width / 2
	if hw <= 0 {
		return nil
	}
	pieces := [][]Point{pts}
	if len(s.Dash) > 0 {
		pieces = dashes(pts, s.Dash)
	}
	var out [][]Point
	for _, piece := range pieces {
		for i := 1; i < len(piece); i++ {
			a, b := piece[i-1], piece[i]
			dx, dy := b.X-a.X, b.Y-a.Y
			l := math.Hypot(dx, dy)
			if l == 0 {
				continue
			}
			nx, ny := -dy/l*hw, dx/l*hw
			out = append(out, ccw([]Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}))
		}
		lo, hi := 1, len(piece)-1
		if len(s.Dash) == 0 {
			lo, hi = 0, len(piece)
		}
		for i := lo; i < hi; i++ {
			out = append(out, disc(piece[i], hw))
		}
	}
	return out
}

// disc is a 12-sided polygon of radius r about c, counter-clockwise.
func disc(c Point, r float64) []Point {
	p := make([]Point, 12)
	for i := range p {
		s, co := math.Sincos(float64(i) * math.Pi / 6)
		p[i] = Point{c.X + r*co, c.Y + r*s}
	}
	return ccw(p)
}

// ccw returns p wound counter-clockwise on the page (y downwards: a
// negative shoelace sum).
func ccw(p []Point) []Point {
	var a float64
	for i := range p {
		q, r := p[i], p[(i+1)%len(p)]
		a += q.X*r.Y - r.X*q.Y
	}
	if a > 0 {
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
	}
	return p
}

// dashes cuts a path into the pieces a dash pattern draws (on, off, on,
// ... lengths along the path, repeated).
func dashes(pts []Point, pattern []float64) [][]Point {
	var total float64
	for _, x := range pattern {
		total += x
	}
	if total <= 0 {
		return [][]Point{pts}
	}
	var out [][]Point
	var cur []Point
	k, left, on := 0, pattern[0], true
	if on {
		cur = []Point{pts[0]}
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		t := 0.0 // distance along this segment done
		for l-t > left {
			t += left
			p := Point{a.X + (b.X-a.X)*t/l, a.Y + (b.Y-a.Y)*t/l}
			if on {
				out = append(out, append(cur, p))
				cur = nil
			} else {
				cur = []Point{p}
			}
			on = !on
			k = (k + 1) % len(pattern)
			left = pattern[k]
		}
		left -= l - t
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) >= 2 {
		out = append(out, cur)
	}
	return out
}
