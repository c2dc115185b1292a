package reader

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// paraProps are the properties of a paragraph that shape its text.
type paraProps struct {
	style     string
	numID     string
	ilvl      int
	hasIlvl   bool
	outline   int
	markIns   bool // the paragraph mark is a tracked insertion
	markDel   bool // … a tracked deletion
	old       *paraProps
	hasOutlin bool
}

// para is a paragraph being read; text boxes nest them.
type para struct {
	props paraProps
	text  strings.Builder
	notes []string // footnote ids called, in order
}

type docxWalker struct {
	mode   ChangeMode
	styles map[string]*docxStyle
	num    *numbering
	notes  map[string]string // footnote id → text
	noteN  int
	budget *budget

	out        *strings.Builder
	paras      []*para
	carry      string // text of a paragraph whose mark a change removed
	carryNotes []string
	pending    []string // rendered footnotes waiting for the end of a table

	tableDepth int
	row        []spanCell
	rowHeader  bool
	rowDropped bool
	cell       *strings.Builder
	span       spanCell // the cell's spans, from its w:tcPr
	rows       [][]spanCell
	headerRow  []bool
}

// readNotes renders every footnote once, for the body to place them.
func (w *docxWalker) readNotes(b []byte) error {
	return walkPart(b, func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local != "footnote" {
			return nil
		}
		if t := attr(se, "type"); t != "" && t != "normal" {
			return d.Skip()
		}
		var sb strings.Builder
		sub := &docxWalker{mode: w.mode, styles: w.styles, notes: map[string]string{}, budget: w.budget}
		if err := sub.elements(d, &sb, "footnote"); err != nil {
			return err
		}
		w.notes[attr(se, "id")] = strings.Join(strings.Fields(sb.String()), " ")
		return nil
	}, nil)
}

// walk renders document.xml into out.
func (w *docxWalker) walk(r io.Reader, out *strings.Builder) error {
	d := xml.NewDecoder(r)
	return w.elements(d, out, "")
}

// elements reads tokens until the end element named until ("" for the end
// of input), rendering blocks into out.
func (w *docxWalker) elements(d *xml.Decoder, out *strings.Builder, until string) error {
	w.out = out
	for {
		if w.budget.over() {
			return errOverBudget
		}
		tok, err := d.Token()
		if err == io.EOF {
			if until != "" {
				return io.ErrUnexpectedEOF
			}
			w.flushCarry()
			w.flushPending()
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := w.start(d, t); err != nil {
				return err
			}
		case xml.EndElement:
			if t.Name.Local == until {
				w.flushCarry()
				w.flushPending()
				return nil
			}
			w.end(t)
		case xml.CharData:
			// Text counts only inside w:t (and w:delText when rejecting),
			// which start reads itself.
		}
	}
}

func (w *docxWalker) cur() *para {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *docxWalker) write(s string) {
	if p := w.cur(); p != nil {
		w.budget.spend(len(s))
		p.text.WriteString(s)
	}
}

// partError names the part a walk failed in, unless it stopped on the
// text budget: then the file is not corrupt but too large once rendered.
func (w *docxWalker) partError(part string, err error) error {
	if w.budget.over() {
		return w.budget.err("footnotes and numbering included")
	}
	return corruptPart(part, err)
}

func (w *docxWalker) start(d *xml.Decoder, t xml.StartElement) error {
	switch t.Name.Local {
	case "ins", "moveTo":
		if w.mode == Reject {
			return d.Skip()
		}
	case "del", "moveFrom":
		if w.mode == Accept {
			return d.Skip()
		}
	case "instrText", "sdtPr", "Fallback", "footnoteRef", "endnoteRef", "annotationRef", "commentReference":
		// Field codes, content-control settings, the VML duplicate of a
		// drawing, and the marks that footnotes repeat.
		return d.Skip()
	case "p":
		w.paras = append(w.paras, &para{})
	case "pPr":
		if p := w.cur(); p != nil {
			return readPPr(d, &p.props)
		}
		return d.Skip()
	case "rPr":
		hidden, err := readRPr(d)
		if err != nil || !hidden {
			return err
		}
		// Hidden text: skip the rest of the run.
		return d.Skip()
	case "t":
		return w.text(d)
	case "delText":
		if w.mode == Reject {
			return w.text(d)
		}
		return d.Skip()
	case "tab", "ptab":
		w.write("\t")
	case "br", "cr":
		w.write("\n")
	case "noBreakHyphen":
		w.write("-")
	case "footnoteReference":
		if p := w.cur(); p != nil {
			id := attr(t, "id")
			if _, ok := w.notes[id]; ok {
				w.noteN++
				n := strconv.Itoa(w.noteN)
				w.budget.spend(len(n) + 2)
				p.text.WriteString("[" + n + "]")
				p.notes = append(p.notes, n+"\x00"+id)
			}
		}
	case "tbl":
		if w.tableDepth == 0 {
			w.flushCarry()
			w.rows, w.headerRow = nil, nil
		}
		w.tableDepth++
	case "tr":
		if w.tableDepth == 1 {
			w.row, w.rowHeader, w.rowDropped = nil, false, false
		}
	case "trPr":
		if w.tableDepth != 1 {
			return d.Skip()
		}
		if err := w.readTrPr(d); err != nil || !w.rowDropped {
			return err
		}
		// A row the chosen side removes: skip its cells, so that their
		// numbered paragraphs do not advance the counters either.
		return d.Skip()
	case "tc":
		if w.tableDepth == 1 {
			w.cell = &strings.Builder{}
			w.span = spanCell{}
		}
	case "gridSpan":
		if w.tableDepth == 1 && w.cell != nil {
			w.span.cols, _ = strconv.Atoi(attr(t, "val"))
		}
	case "vMerge":
		// "restart" opens a merged cell; "continue", or no value, goes
		// on with the one above.
		if v := attr(t, "val"); w.tableDepth == 1 && w.cell != nil {
			w.span.cont = v == "" || v == "continue"
		}
	}
	return nil
}

func (w *docxWalker) end(t xml.EndElement) {
	switch t.Name.Local {
	case "p":
		w.endPara()
	case "tc":
		if w.tableDepth == 1 && w.cell != nil {
			w.span.text = strings.Join(strings.Fields(w.cell.String()), " ")
			w.row = append(w.row, w.span)
			w.cell = nil
		}
	case "tr":
		if w.tableDepth == 1 && !w.rowDropped && len(w.row) > 0 {
			w.rows = append(w.rows, w.row)
			w.headerRow = append(w.headerRow, w.rowHeader)
		}
	case "tbl":
		w.tableDepth--
		if w.tableDepth == 0 {
			w.emitTable()
		}
	}
}

// text reads the character data of a w:t or w:delText.
func (w *docxWalker) text(d *xml.Decoder) error {
	skip := func(xml.StartElement, int) (bool, error) { return true, d.Skip() }
	return walkContent(d, skip, nil, func(c xml.CharData) { w.write(string(c)) })
}

// readPPr reads the paragraph properties that matter: style, numbering,
// outline level, tracked changes of the paragraph mark, and the properties
// before a tracked formatting change.
func readPPr(d *xml.Decoder, pp *paraProps) error {
	inRPr := false
	start := func(t xml.StartElement, _ int) (bool, error) {
		switch t.Name.Local {
		case "pStyle":
			pp.style = attr(t, "val")
		case "numId":
			pp.numID = attr(t, "val")
		case "ilvl":
			pp.ilvl, _ = strconv.Atoi(attr(t, "val"))
			pp.hasIlvl = true
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(t, "val")); err == nil {
				pp.outline, pp.hasOutlin = n+1, true
			}
		case "rPr":
			inRPr = true
		case "ins":
			pp.markIns = pp.markIns || inRPr
			return true, d.Skip()
		case "del":
			pp.markDel = pp.markDel || inRPr
			return true, d.Skip()
		case "pPrChange":
			pp.old = &paraProps{}
			return true, readChange(d, pp.old)
		case "sectPr", "tabs", "rPrChange":
			return true, d.Skip()
		}
		return false, nil
	}
	end := func(t xml.EndElement) {
		if t.Name.Local == "rPr" {
			inRPr = false
		}
	}
	return walkContent(d, start, end, nil)
}

// readChange reads the w:pPr inside a w:pPrChange.
func readChange(d *xml.Decoder, old *paraProps) error {
	return walkContent(d, func(t xml.StartElement, _ int) (bool, error) {
		if t.Name.Local == "pPr" {
			return true, readPPr(d, old)
		}
		return true, d.Skip()
	}, nil, nil)
}

// readRPr reports hidden text (w:vanish).
func readRPr(d *xml.Decoder) (hidden bool, err error) {
	err = walkContent(d, func(t xml.StartElement, depth int) (bool, error) {
		if depth == 0 && t.Name.Local == "vanish" && on(t) {
			hidden = true
		}
		return false, nil
	}, nil, nil)
	if err != nil {
		return false, err
	}
	return hidden, nil
}

// readTrPr notes a header row and a row inserted or deleted as a tracked
// change.
func (w *docxWalker) readTrPr(d *xml.Decoder) error {
	return walkContent(d, func(t xml.StartElement, depth int) (bool, error) {
		if depth == 0 {
			switch t.Name.Local {
			case "tblHeader":
				w.rowHeader = on(t)
			case "ins":
				w.rowDropped = w.rowDropped || w.mode == Reject
			case "del":
				w.rowDropped = w.rowDropped || w.mode == Accept
			}
		}
		return false, nil
	}, nil, nil)
}

// endPara renders the paragraph just closed into its cell, the enclosing
// paragraph (never: text boxes come out as blocks of their own) or the
// output.
func (w *docxWalker) endPara() {
	p := w.cur()
	if p == nil {
		return
	}
	w.paras = w.paras[:len(w.paras)-1]
	props := p.props
	if w.mode == Reject && props.old != nil {
		o := *props.old
		o.markIns, o.markDel = props.markIns, props.markDel
		props = o
	}
	text := p.text.String()
	notes := p.notes
	// A paragraph mark that the chosen side removes joins this paragraph
	// to the next one, as Word does when accepting such a change.
	if (w.mode == Accept && props.markDel) || (w.mode == Reject && props.markIns) {
		w.carry += text
		w.carryNotes = append(w.carryNotes, notes...)
		return
	}
	text = w.carry + text
	notes = append(w.carryNotes, notes...)
	w.carry, w.carryNotes = "", nil

	heading, toc, numID, ilvl := w.resolve(props.style)
	if toc {
		return
	}
	if props.hasOutlin && props.outline <= 9 {
		heading = props.outline
	}
	if props.numID != "" {
		numID = props.numID
	}
	if props.hasIlvl {
		ilvl = props.ilvl
	}
	label := ""
	if numID != "" {
		label = w.num.next(numID, ilvl)
		w.budget.spend(len(label))
	}
	text = strings.TrimSpace(text)
	if label != "" {
		text = strings.TrimSpace(label + " " + text)
	}
	if text == "" {
		return
	}
	if w.tableDepth > 0 && w.cell != nil {
		if w.cell.Len() > 0 {
			w.cell.WriteByte(' ')
		}
		w.cell.WriteString(text)
		w.pending = append(w.pending, w.renderNotes(notes)...)
		return
	}
	if heading > 0 {
		// A heading is one line: a line break inside it would leave the
		// rest as body text.
		text = strings.Repeat("#", min(heading, 6)) + " " + strings.Join(strings.Fields(text), " ")
	}
	w.block(text)
	for _, n := range w.renderNotes(notes) {
		w.block(n)
	}
}

func (w *docxWalker) renderNotes(refs []string) []string {
	var out []string
	for _, r := range refs {
		n, id, _ := strings.Cut(r, "\x00")
		if t := w.notes[id]; t != "" {
			// Each call renders the note again: the amplification a
			// small file can ask for.
			if !w.budget.spend(len(n) + 3 + len(t)) {
				break
			}
			out = append(out, "["+n+"] "+t)
		}
	}
	return out
}

func (w *docxWalker) block(s string) {
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(s)
}

func (w *docxWalker) flushCarry() {
	if strings.TrimSpace(w.carry) != "" {
		w.block(strings.TrimSpace(w.carry))
	}
	for _, n := range w.renderNotes(w.carryNotes) {
		w.block(n)
	}
	w.carry, w.carryNotes = "", nil
}

func (w *docxWalker) flushPending() {
	for _, n := range w.pending {
		w.block(n)
	}
	w.pending = nil
}

// emitTable writes the rows of the table just closed. A markdown separator
// follows the first row when it is a header: marked as one, or holding no
// digit while a later row does, so that clause.Parse does not take
// "Code | Libellé | Tarif" for a tariff.
func (w *docxWalker) emitTable() {
	if len(w.rows) == 0 {
		w.flushPending()
		return
	}
	grid := layOut(w.rows, w.budget.spend)
	w.block(pipeRows(grid, w.headRows(grid)))
	w.rows, w.headerRow = nil, nil
	w.flushPending()
}

// headRows counts the header rows of a table: the rows marked to repeat on
// each page, else a first row without digits over one with some
// ("Code | Libellé | Tarif" over "G | … | 30 €"), with the row under it
// when it spans columns ("Tarif" over "Métropole | DOM").
func (w *docxWalker) headRows(grid [][]string) int {
	if len(grid) < 2 {
		return 0
	}
	head := 0
	for head < len(w.headerRow) && w.headerRow[head] {
		head++
	}
	if head > 0 {
		return head
	}
	digits := func(i int) bool { return i < len(grid) && hasDigit(strings.Join(grid[i], " ")) }
	if digits(0) || !digits(1) && !(len(grid) > 2 && spans(w.rows[0]) && digits(2)) {
		return 0
	}
	if !digits(1) {
		return 2
	}
	return 1
}

func spans(row []spanCell) bool {
	for _, c := range row {
		if c.cols > 1 {
			return true
		}
	}
	return false
}
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
