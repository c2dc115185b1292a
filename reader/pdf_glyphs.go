package reader

import (
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// affine is a PDF transformation matrix [a b c d e f], standing for
// [[a b 0] [c d 0] [e f 1]], applied to row vectors as the specification
// writes them.
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// then is m followed by n: the product m × n.
func (m affine) then(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// textState is the part of the graphics state that places glyphs, saved
// and restored by q and Q.
type textState struct {
	ctm                    affine
	font                   *pdf.Font
	size                   float64
	charSpace, wordSpace   float64
	scale, leading, rising float64
}

// pageGlyphs interprets the text operators of a page and returns its
// glyphs where they are set, as the library's Content().Text does, with
// two differences that matter on files from office software: no glyph
// after each TJ array (the library shows a newline there through the
// font, which a subset font maps to a letter: "maladiel"), and word
// spacing (Tw) applied to spaces.
func pageGlyphs(p pdf.Page) []pdf.Text {
	r := &glyphReader{page: p, g: textState{ctm: identity, scale: 1}, tm: identity, tlm: identity, fonts: map[string]*pdf.Font{}}
	pdf.Interpret(p.V.Key("Contents"), r.operator)
	return r.out
}

// glyphReader is the state of pageGlyphs while it interprets a page.
type glyphReader struct {
	page    pdf.Page
	g       textState
	tm, tlm affine
	saved   []textState
	fonts   map[string]*pdf.Font
	out     []pdf.Text
}

// show sets the glyphs of a string at the text position, moving it.
func (r *glyphReader) show(raw string) {
	g := &r.g
	if g.font == nil {
		return
	}
	enc := g.font.Encoder()
	if enc == nil {
		return
	}
	base := g.font.BaseFont()
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	n := 0
	for _, ch := range enc.Decode(raw) {
		var w0 float64
		if n < len(raw) {
			w0 = g.font.Width(int(raw[n]))
		}
		n++
		trm := affine{g.size * g.scale, 0, 0, g.size, 0, g.rising}.then(r.tm).then(g.ctm)
		r.out = append(r.out, pdf.Text{Font: base, FontSize: trm[0], X: trm[4], Y: trm[5], W: w0 / 1000 * trm[0], S: string(ch)})
		tx := w0/1000*g.size + g.charSpace
		if ch == ' ' {
			tx += g.wordSpace
		}
		r.tm = affine{1, 0, 0, 1, tx * g.scale, 0}.then(r.tm)
	}
}

func (r *glyphReader) nextLine(tx, ty float64) {
	r.tlm = affine{1, 0, 0, 1, tx, ty}.then(r.tlm)
	r.tm = r.tlm
}

// operator interprets one operator; one with the wrong operands is left
// out, as a viewer would.
func (r *glyphReader) operator(stk *pdf.Stack, op string) {
	args := make([]pdf.Value, stk.Len())
	for i := len(args) - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	num := func(i int) float64 { return args[i].Float64() }
	matrix := func() affine {
		var m affine
		for i := range m {
			m[i] = num(i)
		}
		return m
	}
	g := &r.g
	switch {
	case op == "q":
		r.saved = append(r.saved, *g)
	case op == "Q" && len(r.saved) > 0:
		*g, r.saved = r.saved[len(r.saved)-1], r.saved[:len(r.saved)-1]
	case op == "cm" && len(args) == 6:
		g.ctm = matrix().then(g.ctm)
	case op == "BT":
		r.tm, r.tlm = identity, identity
	case op == "Tm" && len(args) == 6:
		r.tm = matrix()
		r.tlm = r.tm
	case op == "Tc" && len(args) == 1:
		g.charSpace = num(0)
	case op == "Tw" && len(args) == 1:
		g.wordSpace = num(0)
	case op == "Tz" && len(args) == 1:
		g.scale = num(0) / 100
	case op == "TL" && len(args) == 1:
		g.leading = num(0)
	case op == "Ts" && len(args) == 1:
		g.rising = num(0)
	case op == "Tf" && len(args) == 2:
		name := args[0].Name()
		if r.fonts[name] == nil {
			f := r.page.Font(name)
			r.fonts[name] = &f
		}
		g.font, g.size = r.fonts[name], num(1)
	case op == "Td" && len(args) == 2:
		r.nextLine(num(0), num(1))
	case op == "TD" && len(args) == 2:
		g.leading = -num(1)
		r.nextLine(num(0), num(1))
	case op == "T*":
		r.nextLine(0, -g.leading)
	case op == "Tj" && len(args) == 1:
		r.show(args[0].RawString())
	case op == "'" && len(args) == 1:
		r.nextLine(0, -g.leading)
		r.show(args[0].RawString())
	case op == "\"" && len(args) == 3:
		g.wordSpace, g.charSpace = num(0), num(1)
		r.nextLine(0, -g.leading)
		r.show(args[2].RawString())
	case op == "TJ" && len(args) == 1:
		for i := 0; i < args[0].Len(); i++ {
			x := args[0].Index(i)
			if x.Kind() == pdf.String {
				r.show(x.RawString())
			} else {
				r.tm = affine{1, 0, 0, 1, -x.Float64() / 1000 * g.size * g.scale, 0}.then(r.tm)
			}
		}
	}
}

// glyphLines groups glyphs into the lines that pdftotext's boxes give:
// glyphs on one baseline (within half their size), words apart where a
// glyph is a space or the gap is a tenth of the size, and a new line
// where the gap is twice the size (the next cell of a table). A line's box
// reaches from ascender to descender, as poppler's do, so that layoutBands
// reads both readers' pages alike.
func glyphLines(glyphs []pdf.Text) []boxLine {
	type baseline struct {
		y, size float64
		glyphs  []pdf.Text
	}
	var rows []*baseline
	for _, g := range glyphs {
		if strings.TrimSpace(g.S) == "" && g.S != " " {
			continue
		}
		size := math.Abs(g.FontSize)
		if size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
			size = 10
		}
		var found *baseline
		for _, r := range rows {
			if math.Abs(r.y-g.Y) <= max(r.size, size)/2 {
				found = r
				break
			}
		}
		if found == nil {
			found = &baseline{y: g.Y, size: size}
			rows = append(rows, found)
		}
		found.size = max(found.size, size)
		found.glyphs = append(found.glyphs, g)
	}
	var lines []boxLine
	for _, r := range rows {
		sort.SliceStable(r.glyphs, func(i, j int) bool { return r.glyphs[i].X < r.glyphs[j].X })
		top, bottom := -r.y-0.95*r.size, -r.y+0.35*r.size
		var line boxLine
		var word strings.Builder
		var wx0, wx1 float64
		flushWord := func() {
			if word.Len() > 0 {
				line.add(boxWord{box: pdfBox{wx0, top, wx1, bottom}, text: word.String()})
				word.Reset()
			}
		}
		flushLine := func() {
			flushWord()
			if len(line.words) > 0 {
				lines = append(lines, line)
			}
			line = boxLine{}
		}
		for _, g := range r.glyphs {
			if g.S == " " {
				flushWord()
				continue
			}
			gap := g.X - wx1
			switch {
			case len(line.words) == 0 && word.Len() == 0:
			case gap > 2*r.size:
				flushLine()
			case gap > r.size/10:
				flushWord()
			}
			if word.Len() == 0 {
				wx0 = g.X
			}
			word.WriteString(g.S)
			wx1 = g.X + g.W
		}
		flushLine()
	}
	return lines
}
