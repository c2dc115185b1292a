package reader

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// ChangeMode selects which side of a Word document's tracked changes
// ReadDocx returns.
type ChangeMode int

const (
	// Accept reads the document as if every tracked change were accepted:
	// insertions kept, deletions dropped. It is what Word shows with
	// "No markup", and what ReadFile reads by default.
	Accept ChangeMode = iota
	// Reject reads the document as it was before the tracked changes:
	// insertions dropped, deleted text kept.
	Reject
)

// String names the mode as the CLI spells it.
func (m ChangeMode) String() string {
	if m == Reject {
		return "reject"
	}
	return "accept"
}

// Limits on what a Word document may expand to. A .docx is a zip archive:
// a few kilobytes can declare, or actually inflate to, gigabytes (a zip
// bomb). Real conventions have a document.xml of a few megabytes that
// compresses 5 to 20 times; 200:1 is only reached by padding.
const (
	// MaxDocxPart is the largest uncompressed size of one part
	// (document.xml, footnotes.xml…) that ReadDocx inflates.
	MaxDocxPart = 128 << 20
	// MaxDocxRatio is the largest compression ratio accepted for a part
	// over docxRatioFloor bytes.
	MaxDocxRatio = 200
	// docxRatioFloor exempts small parts, which compress well when mostly
	// boilerplate, from the ratio check.
	docxRatioFloor = 1 << 20
)

// oleMagic starts an OLE compound file: what Word writes for a
// password-protected .docx (and for old .doc files).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// TrackedChanges sums up the revisions recorded in a Word document.
type TrackedChanges struct {
	// Insertions and Deletions count the w:ins and w:del marks (runs,
	// paragraph marks and table rows), moves included.
	Insertions, Deletions int
	// Authors are the w:author of those marks, in order of first
	// appearance, each once.
	Authors []string
}

// Any reports whether the document holds a tracked change at all.
func (c TrackedChanges) Any() bool { return c.Insertions+c.Deletions > 0 }

// Tracked is a document read both ways, for importing the state before and
// after its tracked changes as two versions.
type Tracked struct {
	// Rejected is the text with every change rejected; Accepted with every
	// change accepted. Both are equal for files without tracked changes
	// and for every format but Word.
	Rejected, Accepted string
	// Changes describes the revisions; zero for other formats.
	Changes TrackedChanges
}

// ReadFileTracked reads path like ReadFile, but returns both sides of a Word
// document's tracked changes and their authors. `avenant import --changes
// split` imports Rejected then Accepted, the latter authored by
// Changes.Authors when there is exactly one. Every error is an *Error.
func ReadFileTracked(path string, opts Options) (*Tracked, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".docx" && ext != ".docm" {
		text, err := ReadFile(path, opts)
		if err != nil {
			return nil, err
		}
		return &Tracked{Rejected: text, Accepted: text}, nil
	}
	data, err := readBounded(path, opts)
	if err != nil {
		return nil, err
	}
	var t Tracked
	if t.Rejected, err = readDocx(data, Reject, newBudget(opts)); err != nil {
		return nil, withPath(path, err)
	}
	if t.Accepted, err = readDocx(data, Accept, newBudget(opts)); err != nil {
		return nil, withPath(path, err)
	}
	if t.Changes, err = DocxChanges(data); err != nil {
		return nil, withPath(path, err)
	}
	return &t, nil
}

// ReadDocx extracts the text of a Word (.docx) document as markdown-like
// text that clause.Parse understands, then normalises it like Decode.
//
// Paragraphs are joined across runs (w:tab gives a tab, w:br a line break)
// and separated by blank lines. Paragraphs whose style is a heading
// (Heading 1–9, Titre 1–9, Title, or an outline level, through basedOn)
// become "#" headings. Automatic numbering from numbering.xml is rendered
// ("Article %1" gives "Article 3"), since it is not in the text and carries
// the clause numbers. Tables become "| a | b |" rows. Footnotes are put, as
// "[n] text", after the paragraph (or table) that calls them, so that they
// stay in the clause they annotate; the call itself reads "[n]". Tables of
// contents, field codes and hidden text are skipped.
//
// mode picks the side of the tracked changes. Errors are *Error wrapping
// ErrEncrypted, ErrCorrupt, ErrTooLarge (zip bomb, or text past the budget
// of the default size limit) or ErrEmpty.
func ReadDocx(data []byte, mode ChangeMode) (string, error) {
	return readDocx(data, mode, newBudget(Options{}))
}

// readDocx is ReadDocx within a text budget: footnotes and numbering
// labels, which a small file can repeat at will, are counted as they are
// rendered.
func readDocx(data []byte, mode ChangeMode, b *budget) (text string, err error) {
	defer func() {
		// encoding/xml and archive/zip do not panic on bad input, but a
		// bug of ours must not take the whole command down with a trace.
		if r := recover(); r != nil {
			text, err = "", &Error{Err: ErrCorrupt, Detail: fmt.Sprintf("cannot read Word document: %v", r)}
		}
	}()
	pkg, err := openDocx(data)
	if err != nil {
		return "", err
	}
	w := &docxWalker{mode: mode, styles: map[string]*docxStyle{}, notes: map[string]string{}, budget: b}
	if b, err := pkg.part("styles.xml", false); err != nil {
		return "", err
	} else if b != nil {
		if w.styles, err = parseStyles(b); err != nil {
			return "", corruptPart("styles.xml", err)
		}
	}
	if b, err := pkg.part("numbering.xml", false); err != nil {
		return "", err
	} else if b != nil {
		if w.num, err = parseNumbering(b); err != nil {
			return "", corruptPart("numbering.xml", err)
		}
	}
	if b, err := pkg.part("footnotes.xml", false); err != nil {
		return "", err
	} else if b != nil {
		if err := w.readNotes(b); err != nil {
			return "", w.partError("footnotes.xml", err)
		}
	}
	doc, err := pkg.part("document.xml", true)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	if err := w.walk(doc, &out); err != nil {
		return "", w.partError("document.xml", err)
	}
	// A form feed would make Decode take the text for pdftotext output.
	s := strings.ReplaceAll(out.String(), "\f", "\n")
	if strings.TrimSpace(s) == "" {
		return "", &Error{Err: ErrEmpty, Detail: "Word document without text"}
	}
	return Decode([]byte(s))
}

// DocxChanges counts the tracked changes of a Word document and lists
// their authors, in the body and in the footnotes.
func DocxChanges(data []byte) (TrackedChanges, error) {
	var c TrackedChanges
	pkg, err := openDocx(data)
	if err != nil {
		return c, err
	}
	seen := map[string]bool{}
	for _, name := range []string{"document.xml", "footnotes.xml"} {
		b, err := pkg.part(name, name == "document.xml")
		if err != nil {
			return c, err
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return c, corruptPart(name, err)
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			switch se.Name.Local {
			case "ins", "moveTo":
				c.Insertions++
			case "del", "moveFrom":
				c.Deletions++
			default:
				continue
			}
			if a := attr(se, "author"); a != "" && !seen[a] {
				seen[a] = true
				c.Authors = append(c.Authors, a)
			}
		}
	}
	return c, nil
}

// docxPackage is an opened .docx archive.
type docxPackage struct {
	files map[string]*zip.File
	dir   string // folder of the main document part, "word" as a rule
}

func openDocx(data []byte) (*docxPackage, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, &Error{Err: ErrEncrypted, Detail: "encrypted or password-protected Word document " +
			"(or a Word 97-2003 file renamed .docx): save it without a password as .docx"}
	}
	if len(data) == 0 {
		return nil, &Error{Err: ErrEmpty}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Err: ErrCorrupt, Detail: "not a Word document, or a truncated one: " + err.Error()}
	}
	p := &docxPackage{files: map[string]*zip.File{}, dir: "word"}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if _, ok := p.files["word/document.xml"]; !ok {
		// The main part is named by the package relationships; look there
		// before giving up.
		if rels, err := p.read("_rels/.rels"); err == nil && rels != nil {
			if t := mainTarget(rels); t != "" {
				p.dir = path.Dir(strings.TrimPrefix(t, "/"))
				p.files[p.dir+"/document.xml"] = p.files[strings.TrimPrefix(t, "/")]
			}
		}
	}
	return p, nil
}

// mainTarget finds the officeDocument relationship's target.
func mainTarget(rels []byte) string {
	d := xml.NewDecoder(bytes.NewReader(rels))
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" &&
			strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			return attr(se, "Target")
		}
	}
}

// part reads a part of the main document's folder; nil when absent and
// not required.
func (p *docxPackage) part(name string, required bool) ([]byte, error) {
	b, err := p.read(p.dir + "/" + name)
	if err == nil && b == nil && required {
		return nil, &Error{Err: ErrCorrupt, Detail: "not a Word document: no " + p.dir + "/" + name + " in the archive"}
	}
	return b, err
}

// read inflates one entry within the limits, trusting neither the sizes the
// archive declares nor the data to stop where they say.
func (p *docxPackage) read(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	bomb := func(what string) error {
		return &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("%s %s (a zip bomb?): refused", name, what)}
	}
	if f.UncompressedSize64 > MaxDocxPart {
		return nil, bomb(fmt.Sprintf("declares %s uncompressed, over the %s limit", humanSize(int64(min(f.UncompressedSize64, 1<<62))), humanLimit(MaxDocxPart)))
	}
	limit := uint64(MaxDocxPart)
	if r := f.CompressedSize64 * MaxDocxRatio; f.CompressedSize64 < MaxDocxPart && r < limit {
		limit = max(r, docxRatioFloor)
	}
	if f.UncompressedSize64 > limit {
		return nil, bomb(fmt.Sprintf("declares a compression ratio over %d:1", MaxDocxRatio))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Err: ErrCorrupt, Detail: "damaged Word document: " + name + ": " + err.Error()}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if uint64(len(b)) > limit {
		return nil, bomb("inflates past its declared size and the limits")
	}
	if err != nil {
		what := err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			what = "truncated"
		}
		return nil, &Error{Err: ErrCorrupt, Detail: "damaged Word document: " + name + ": " + what}
	}
	return b, nil
}

func corruptPart(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Err: ErrCorrupt, Detail: "damaged Word document: " + name + ": " + err.Error()}
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reads an OOXML boolean property: present without w:val, or with a
// true value.
func on(se xml.StartElement) bool {
	switch attr(se, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// ---- styles ----

type docxStyle struct {
	basedOn string
	name    string
	heading int // 1–9 from the name or id, 0 when none
	outline int // w:outlineLvl + 1, 0 when none
	toc     bool
	numID   string
	ilvl    int
}

func parseStyles(b []byte) (map[string]*docxStyle, error) {
	styles := map[string]*docxStyle{}
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur *docxStyle
	var id string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id = attr(t, "styleId")
				cur = &docxStyle{}
				styles[id] = cur
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numId":
				if cur != nil {
					cur.numID = attr(t, "val")
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
				}
			case "rPr", "tblPr", "tcPr", "trPr", "tblStylePr":
				if err := d.Skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && cur != nil {
				cur.heading, cur.toc = styleLevel(id, cur.name)
				cur = nil
			}
		}
	}
	return styles, nil
}

// styleLevel recognises heading and table-of-contents styles by id or name,
// in English and French Word: "Heading1" / "heading 1", "Titre1" /
// "titre 1", "Title" / "Titre"; "TOC1" / "toc 1", "TM1" / "TM 1".
func styleLevel(id, name string) (heading int, toc bool) {
	for _, s := range []string{id, name} {
		k := strings.ToLower(strings.ReplaceAll(s, " ", ""))
		switch k {
		case "title", "titre":
			return 1, false
		}
		for _, p := range []string{"heading", "titre", "toc", "tm"} {
			if rest, ok := strings.CutPrefix(k, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
				if p == "toc" || p == "tm" {
					return 0, true
				}
				return int(rest[0] - '0'), false
			}
		}
	}
	return 0, false
}

// resolve follows basedOn to find a style's heading level, outline level
// and numbering, the nearest definition winning.
func (w *docxWalker) resolve(id string) (heading int, toc bool, numID string, ilvl int) {
	outline := 0
	haveNum := false
	for depth := 0; id != "" && depth < 16; depth++ {
		s := w.styles[id]
		if s == nil {
			if depth == 0 {
				heading, toc = styleLevel(id, "")
			}
			break
		}
		if heading == 0 && !toc {
			heading, toc = s.heading, s.toc
		}
		if outline == 0 {
			outline = s.outline
		}
		if !haveNum && s.numID != "" {
			numID, ilvl, haveNum = s.numID, s.ilvl, true
		}
		id = s.basedOn
	}
	if heading == 0 {
		heading = outline
	}
	return heading, toc, numID, ilvl
}

// ---- numbering ----

type numLevel struct {
	start   int
	format  string
	text    string
	restart int // w:lvlRestart: -1 when absent (restart after any higher level)
	legal   bool
}

type abstractNum struct {
	levels [9]numLevel
	count  [9]int
	set    [9]bool
}

type numInstance struct {
	abstract string
	starts   map[int]int
	used     bool
}

type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance
}

func parseNumbering(b []byte) (*numbering, error) {
	n := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*numInstance{}}
	d := xml.NewDecoder(bytes.NewReader(b))
	var abs *abstractNum
	var inst *numInstance
	var lvl *numLevel
	override := -1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = &abstractNum{}
				for i := range abs.levels {
					abs.levels[i] = numLevel{start: 1, format: "decimal", restart: -1}
				}
				n.abstracts[attr(t, "abstractNumId")] = abs
			case "num":
				inst = &numInstance{starts: map[int]int{}}
				n.nums[attr(t, "numId")] = inst
			case "abstractNumId":
				if inst != nil {
					inst.abstract = attr(t, "val")
				}
			case "lvlOverride":
				override, _ = strconv.Atoi(attr(t, "ilvl"))
			case "startOverride":
				if inst != nil && override >= 0 && override < 9 {
					if v, err := strconv.Atoi(attr(t, "val")); err == nil {
						inst.starts[override] = v
					}
				}
			case "lvl":
				i, err := strconv.Atoi(attr(t, "ilvl"))
				if abs == nil || inst != nil || err != nil || i < 0 || i >= 9 {
					// A full level redefinition inside a lvlOverride is
					// rare; its start value is what matters and
					// startOverride carries it.
					if err := d.Skip(); err != nil {
						return nil, err
					}
					continue
				}
				lvl = &abs.levels[i]
			case "start":
				if lvl != nil {
					lvl.start, _ = strconv.Atoi(attr(t, "val"))
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = attr(t, "val")
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = attr(t, "val")
				}
			case "lvlRestart":
				if lvl != nil {
					lvl.restart, _ = strconv.Atoi(attr(t, "val"))
				}
			case "isLgl":
				if lvl != nil {
					lvl.legal = on(t)
				}
			case "pPr", "rPr":
				if err := d.Skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = nil
			case "num":
				inst = nil
			case "lvl":
				lvl = nil
			case "lvlOverride":
				override = -1
			}
		}
	}
	return n, nil
}

// next advances the counter of list numID at level ilvl and renders the
// label Word would show: "Article 3", "II.", "a)", "-" for a bullet.
// Counters live on the abstract list, as in Word, so that two list
// instances of one definition continue each other unless one overrides its
// start.
func (n *numbering) next(numID string, ilvl int) string {
	if n == nil {
		return ""
	}
	inst := n.nums[numID]
	if inst == nil {
		return "" // numId 0 removes the numbering a style would give
	}
	abs := n.abstracts[inst.abstract]
	if abs == nil {
		return ""
	}
	ilvl = max(0, min(ilvl, 8))
	if !inst.used {
		inst.used = true
		for l, v := range inst.starts {
			abs.count[l], abs.set[l] = v-1, true
		}
	}
	lv := abs.levels[ilvl]
	if !abs.set[ilvl] {
		abs.count[ilvl] = lv.start - 1
	}
	abs.count[ilvl]++
	abs.set[ilvl] = true
	for l := ilvl + 1; l < 9; l++ {
		// lvlRestart 0 means never restart; n restarts after level n-1
		// (one-based) or any higher one; absent means after any.
		if r := abs.levels[l].restart; r < 0 || (r > 0 && ilvl < r) {
			abs.set[l] = false
		}
	}
	switch lv.format {
	case "bullet":
		return "-"
	case "none":
		return strings.TrimSpace(stripPlaceholders(lv.text))
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			l := int(t[i+1] - '1')
			v := abs.count[l]
			if !abs.set[l] {
				v = abs.levels[l].start
			}
			f := abs.levels[l].format
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

func stripPlaceholders(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// formatNumber renders a counter in a w:numFmt. French ordinals are
// "1er", "2e"; unknown formats fall back to decimal.
func formatNumber(v int, f string) string {
	switch f {
	case "upperRoman":
		return roman(v)
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperLetter":
		return letters(v)
	case "lowerLetter":
		return strings.ToLower(letters(v))
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "ordinal":
		if v == 1 {
			return "1er"
		}
		return strconv.Itoa(v) + "e"
	case "none":
		return ""
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			b.WriteString(p.s)
			v -= p.n
		}
	}
	return b.String()
}

// letters gives A…Z, then AA…ZZ, as Word does (the letter repeated).
func letters(v int) string {
	if v <= 0 || v > 780 {
		return strconv.Itoa(v)
	}
	return strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
}

// ---- body ----

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
	row        []string
	rowHeader  bool
	rowDropped bool
	cell       *strings.Builder
	rows       []string
	headerRow  []bool
}

// readNotes renders every footnote once, for the body to place them.
func (w *docxWalker) readNotes(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "footnote" {
			continue
		}
		if t := attr(se, "type"); t != "" && t != "normal" {
			if err := d.Skip(); err != nil {
				return err
			}
			continue
		}
		var sb strings.Builder
		sub := &docxWalker{mode: w.mode, styles: w.styles, notes: map[string]string{}, budget: w.budget}
		if err := sub.elements(d, &sb, "footnote"); err != nil {
			return err
		}
		w.notes[attr(se, "id")] = strings.Join(strings.Fields(sb.String()), " ")
	}
}

// walk renders document.xml into out.
func (w *docxWalker) walk(b []byte, out *strings.Builder) error {
	d := xml.NewDecoder(bytes.NewReader(b))
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
			c := strings.Join(strings.Fields(w.cell.String()), " ")
			w.row = append(w.row, c)
			w.cell = nil
		}
	case "tr":
		if w.tableDepth == 1 && !w.rowDropped && len(w.row) > 0 {
			w.rows = append(w.rows, "| "+strings.Join(w.row, " | ")+" |")
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
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			w.write(string(t))
		case xml.StartElement:
			if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// readPPr reads the paragraph properties that matter: style, numbering,
// outline level, tracked changes of the paragraph mark, and the properties
// before a tracked formatting change.
func readPPr(d *xml.Decoder, pp *paraProps) error {
	depth := 0
	inRPr := false
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
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
				if inRPr {
					pp.markIns = true
				}
				if err := d.Skip(); err != nil {
					return err
				}
				depth--
			case "del":
				if inRPr {
					pp.markDel = true
				}
				if err := d.Skip(); err != nil {
					return err
				}
				depth--
			case "pPrChange":
				old := &paraProps{}
				if err := readChange(d, old); err != nil {
					return err
				}
				pp.old = old
				depth--
			case "sectPr", "tabs", "rPrChange":
				if err := d.Skip(); err != nil {
					return err
				}
				depth--
			}
		case xml.EndElement:
			if t.Name.Local == "rPr" {
				inRPr = false
			}
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// readChange reads the w:pPr inside a w:pPrChange.
func readChange(d *xml.Decoder, old *paraProps) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "pPr" {
				if err := readPPr(d, old); err != nil {
					return err
				}
				continue
			}
			if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// readRPr reports hidden text (w:vanish).
func readRPr(d *xml.Decoder) (hidden bool, err error) {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && t.Name.Local == "vanish" && on(t) {
				hidden = true
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return hidden, nil
			}
			depth--
		}
	}
}

// readTrPr notes a header row and a row inserted or deleted as a tracked
// change.
func (w *docxWalker) readTrPr(d *xml.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
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
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
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
	var b strings.Builder
	for i, r := range w.rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r)
		if i == 0 && len(w.rows) > 1 && (w.headerRow[0] || !hasDigit(r) && hasDigit(w.rows[1])) {
			n := strings.Count(r, " | ") + 1
			b.WriteString("\n|" + strings.Repeat("---|", n))
		}
	}
	w.block(b.String())
	w.rows, w.headerRow = nil, nil
	w.flushPending()
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
