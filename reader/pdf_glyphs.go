package reader

import (
	"math"
	"slices"
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
	cid                    *cidWidths // the font's, when it is composite
}

// pageGlyphs interprets the text operators of a page and returns its
// glyphs where they are set, as the library's Content().Text does, with
// two differences that matter on files from office software: no glyph
// after each TJ array (the library shows a newline there through the
// font, which a subset font maps to a letter: "maladiel"), and word
// spacing (Tw) applied to spaces.
func pageGlyphs(p pdf.Page) []pdf.Text {
	r := &glyphReader{page: p, g: textState{ctm: identity, scale: 1}, tm: identity, tlm: identity, fonts: map[string]*pdf.Font{}, cids: map[string]*cidWidths{}}
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
	cids    map[string]*cidWidths
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
	if g.cid != nil {
		// A composite font's codes are two bytes each (Identity-H, as
		// browsers and most office software write them): each is decoded
		// and advanced by its own width. Read byte by byte, every glyph
		// stood at its run's start, and the runs that a kerning pair
		// starts split numbers ("1 15,55 €" for "115,55 €").
		for i := 0; i+1 < len(raw); i += 2 {
			r.place(enc.Decode(raw[i:i+2]), g.cid.width(int(raw[i])<<8|int(raw[i+1])), base, false)
		}
		return
	}
	n := 0
	for _, ch := range enc.Decode(raw) {
		var w0 float64
		if n < len(raw) {
			w0 = g.font.Width(int(raw[n]))
		}
		n++
		r.place(string(ch), w0, base, ch == ' ')
	}
}

// place sets glyph s, w0 thousandths of the size wide, at the text
// position and moves it; space applies the word spacing (Tw), which a
// one-byte space takes.
func (r *glyphReader) place(s string, w0 float64, base string, space bool) {
	g := &r.g
	trm := affine{g.size * g.scale, 0, 0, g.size, 0, g.rising}.then(r.tm).then(g.ctm)
	if s != "" {
		r.out = append(r.out, pdf.Text{Font: base, FontSize: trm[0], X: trm[4], Y: trm[5], W: w0 / 1000 * trm[0], S: s})
	}
	tx := w0/1000*g.size + g.charSpace
	if space {
		tx += g.wordSpace
	}
	r.tm = affine{1, 0, 0, 1, tx * g.scale, 0}.then(r.tm)
}

// cidWidths are the glyph widths of a composite (Type0) font, from its
// descendant font: the W array, by code or by range of codes, and DW for
// the codes it leaves out.
type cidWidths struct {
	byCode       map[int]float64
	ranges       [][3]float64 // first, last, width
	defaultWidth float64
}

// maxCIDWidths bounds the entries read from a W array: a font names a few
// thousand glyphs, a hostile file any number.
const maxCIDWidths = 1 << 16

// cidWidthsOf reads the widths of f when it is a composite font, nil when
// it is a simple one.
func cidWidthsOf(f *pdf.Font) *cidWidths {
	if f.V.Key("Subtype").Name() != "Type0" {
		return nil
	}
	d := f.V.Key("DescendantFonts").Index(0)
	c := &cidWidths{byCode: map[int]float64{}, defaultWidth: 1000}
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		c.defaultWidth = dw.Float64()
	}
	w := d.Key("W")
	for i, n := 0, 0; i+1 < w.Len() && n < maxCIDWidths; {
		first, next := w.Index(i), w.Index(i+1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && n < maxCIDWidths; k, n = k+1, n+1 {
				c.byCode[int(first.Int64())+k] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		c.ranges = append(c.ranges, [3]float64{first.Float64(), next.Float64(), w.Index(i + 2).Float64()})
		i, n = i+3, n+1
	}
	return c
}

func (c *cidWidths) width(code int) float64 {
	if w, ok := c.byCode[code]; ok {
		return w
	}
	for _, r := range c.ranges {
		if float64(code) >= r[0] && float64(code) <= r[1] {
			return r[2]
		}
	}
	return c.defaultWidth
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
			r.cids[name] = cidWidthsOf(&f)
		}
		g.font, g.size, g.cid = r.fonts[name], num(1), r.cids[name]
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
// at the gap between two cells of a table (cellBreaks). A line's box
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
	lines := make([]boxLine, 0, len(rows))
	for _, r := range rows {
		sort.SliceStable(r.glyphs, func(i, j int) bool { return r.glyphs[i].X < r.glyphs[j].X })
		var line boxLine
		for _, w := range baselineWords(r.glyphs, r.size, -r.y-glyphAscent*r.size, -r.y+glyphDescent*r.size) {
			line.add(w)
		}
		if len(line.words) > 0 {
			lines = append(lines, line)
		}
	}
	return cellLines(lines, glyphAscent+glyphDescent)
}

// glyphAscent and glyphDescent are how far a line's box reaches above and
// below its baseline, in ems, as poppler's boxes do.
const glyphAscent, glyphDescent = 0.95, 0.35

// popplerEms is the height of a box of pdftotext's, in ems of its type.
const popplerEms = 1.1

// cellLines cuts each line at the gaps between the cells of a table
// (cellBreaks): a line's words close to a cell beside them, as poppler
// joins a price and the date next to it in a narrow table, are apart.
// ems is the height of a line's box in ems of its type.
func cellLines(lines []boxLine, ems float64) []boxLine {
	var spaces []float64 // the gaps between words on the page, in ems
	for _, l := range lines {
		size := l.box.height() / ems
		for i := 1; i < len(l.words); i++ {
			spaces = append(spaces, (l.words[i].box.x0-l.words[i-1].box.x1)/size)
		}
	}
	pageSpace := 1.0
	if len(spaces) > 0 {
		slices.Sort(spaces)
		pageSpace = spaces[len(spaces)/4]
	}
	out := make([]boxLine, 0, len(lines))
	for _, l := range lines {
		size := l.box.height() / ems
		breaks := cellBreaks(l.words, size, pageSpace*size)
		var line boxLine
		for k, w := range l.words {
			if k > 0 && breaks[k] {
				out = append(out, line)
				line = boxLine{}
			}
			line.add(w)
		}
		out = append(out, line)
	}
	return out
}

// baselineWords cuts the glyphs of one baseline, in reading order, into
// words: apart at a space glyph or a gap of a tenth of the size.
func baselineWords(glyphs []pdf.Text, size, top, bottom float64) []boxWord {
	var out []boxWord
	var word strings.Builder
	var wx0, wx1 float64
	flush := func() {
		if word.Len() > 0 {
			out = append(out, boxWord{box: pdfBox{wx0, top, wx1, bottom}, text: word.String()})
			word.Reset()
		}
	}
	for _, g := range glyphs {
		if g.S == " " {
			flush()
			continue
		}
		if word.Len() > 0 && g.X-wx1 > size/10 {
			flush()
		}
		if word.Len() == 0 {
			wx0 = g.X
		}
		word.WriteString(ligatures.Replace(g.S))
		wx1 = g.X + g.W
	}
	flush()
	return out
}

// ligatures are the letters a font draws as one glyph ("ﬁ" in
// "modiﬁcation"), which a ToUnicode map may give as one character: the
// text has its letters, as pdftotext and every other format give them,
// so that the word is the same word.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

// cellBreaks marks the words of a baseline that open a new cell: after a
// gap of twice the size, or after one of most of an em that is three times
// the line's ordinary word space (its lower quartile). A table sets its
// cells a padding apart, an em or two, while the words of a cell, and of
// a justified line of prose, stand at the line's own spacing; poppler
// tells the cells apart by the gutters its columns leave. A line whose
// words all stand half an em apart or more has no word space of its own:
// the page's (pageSpace, its lower quartile) is the measure.
func cellBreaks(words []boxWord, size, pageSpace float64) []bool {
	breaks := make([]bool, len(words))
	gaps := make([]float64, 0, len(words))
	for k := 1; k < len(words); k++ {
		gaps = append(gaps, words[k].box.x0-words[k-1].box.x1)
	}
	ordinary := size
	if len(gaps) > 0 {
		sorted := slices.Clone(gaps)
		slices.Sort(sorted)
		ordinary = sorted[len(sorted)/4]
	}
	if ordinary > size/2 {
		// No word space on the line, half an em or more between all its
		// words: a row of one-word cells ("Code  Libellé  Métropole
		// DOM"), spaced as the page's words are.
		ordinary = min(ordinary, pageSpace)
	}
	for k, gap := range gaps {
		breaks[k+1] = gap > 2*size || gap > 0.8*size && gap > 3*ordinary
	}
	return breaks
}
