package plot

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
)

// SVG returns the figure as a standalone SVG file.
func (f *Figure) SVG() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	f.writeSVG(&b)
	return b.Bytes()
}

// SVGElement returns the figure's <svg> element alone, for inlining in
// HTML.
func (f *Figure) SVGElement() []byte {
	var b bytes.Buffer
	f.writeSVG(&b)
	return b.Bytes()
}

// num writes a coordinate to 0.01 point.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

func hexOf(c Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// paint writes an attribute's colour and, when not opaque, its opacity.
func paint(b *bytes.Buffer, attr string, c Color) {
	fmt.Fprintf(b, ` %s="%s"`, attr, hexOf(c))
	if c.A != 255 {
		fmt.Fprintf(b, ` %s-opacity="%s"`, attr, strconv.FormatFloat(float64(c.A)/255, 'f', 3, 64))
	}
}

func strokeAttrs(b *bytes.Buffer, s *Stroke) {
	paint(b, "stroke", s.Color)
	fmt.Fprintf(b, ` stroke-width="%s" stroke-linejoin="round"`, num(s.Width))
	if len(s.Dash) > 0 {
		d := make([]string, len(s.Dash))
		for i, x := range s.Dash {
			d[i] = num(x)
		}
		fmt.Fprintf(b, ` stroke-dasharray="%s"`, strings.Join(d, " "))
	} else {
		b.WriteString(` stroke-linecap="round"`)
	}
}

func tipClose(b *bytes.Buffer, elem, tip string) {
	if tip == "" {
		b.WriteString("/>\n")
		return
	}
	fmt.Fprintf(b, "><title>%s</title></%s>\n", html.EscapeString(tip), elem)
}

func (f *Figure) writeSVG(b *bytes.Buffer) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s" role="img" aria-labelledby="title">`+"\n",
		num(f.W), num(f.H), num(f.W), num(f.H))
	fmt.Fprintf(b, "<title id=\"title\">%s</title>\n", html.EscapeString(f.Title))
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(f.W), num(f.H))
	fmt.Fprintf(b, `<g font-family="%s">`+"\n", fontFamily)
	for _, it := range f.items {
		switch it := it.(type) {
		case rectItem:
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(it.x), num(it.y), num(it.w), num(it.h))
			paint(b, "fill", it.fill)
			if it.stroke != nil {
				strokeAttrs(b, it.stroke)
			}
			tipClose(b, "rect", it.tip)
		case lineItem:
			b.WriteString(`<polyline points="`)
			for i, p := range it.pts {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(num(p.X))
				b.WriteByte(',')
				b.WriteString(num(p.Y))
			}
			b.WriteString(`" fill="none"`)
			strokeAttrs(b, &it.stroke)
			tipClose(b, "polyline", it.tip)
		case textItem:
			_, dy := it.origin(0)
			p := rotate(it.x, it.y, 0, dy, it.font.Angle)
			fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"`, num(p.X), num(p.Y), num(it.font.Size))
			if it.font.Bold {
				b.WriteString(` font-weight="bold"`)
			}
			switch it.font.Align {
			case Center:
				b.WriteString(` text-anchor="middle"`)
			case Right:
				b.WriteString(` text-anchor="end"`)
			}
			paint(b, "fill", it.font.Color)
			if it.font.Angle != 0 {
				fmt.Fprintf(b, ` transform="rotate(%s %s %s)"`, num(-it.font.Angle), num(p.X), num(p.Y))
			}
			fmt.Fprintf(b, ">%s</text>\n", html.EscapeString(it.s))
		}
	}
	b.WriteString("</g>\n</svg>\n")
}
