package reader

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// readHTML extracts the visible text of an HTML page (a Légifrance article
// page, a union's web page saved to disk) as markdown-like text that
// clause.Parse understands, then normalises it like Decode.
//
// The encoding comes from the byte-order mark or the <meta> charset; bytes
// that are valid UTF-8 are read as UTF-8 whatever the page claims, and a
// page that is not valid UTF-8 and declares nothing else is read as
// Windows-1252 (see the package documentation for why never ISO-8859-1).
//
// Every block (p, div, li, h1–h6, table rows, blockquote…) becomes a
// paragraph, with spaces collapsed inside it as a browser does; br breaks a
// line. h1–h6 become "#" headings, table rows "| a | b |" rows, list items
// "- " or "1. " points. Scripts, styles, noscript, template, the head,
// navigation menus, forms' controls and hidden elements are left out.
// Errors are *Error wrapping errEmpty or errBinary.
func readHTML(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", &Error{Err: ErrCorrupt, Detail: fmt.Sprintf("cannot read HTML page: %v", r)}
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return "", &Error{Err: errEmpty}
	}
	src, err := decodeHTML(data)
	if err != nil {
		return "", err
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// html.Parse recovers from any markup; only I/O fails, and a
		// strings.Reader does not.
		return "", &Error{Err: ErrCorrupt, Detail: "cannot parse HTML: " + err.Error()}
	}
	h := htmlWriter{nav: buildNavIndex(root)}
	h.node(root)
	h.endBlock()
	s := strings.ReplaceAll(h.out.String(), "\f", "\n")
	if strings.TrimSpace(s) == "" {
		return "", &Error{Err: errEmpty, Detail: "HTML page without visible text"}
	}
	return Decode([]byte(s))
}

// decodeHTML turns the page into UTF-8.
func decodeHTML(data []byte) (string, error) {
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
		return "", &Error{Err: errBinary, Detail: "binary file (NUL bytes), not an HTML page"}
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	switch {
	case certain: // a byte-order mark
	case utf8.Valid(data):
		// Pages saved from a browser keep the meta of the original
		// while the bytes are UTF-8; valid UTF-8 with accents is
		// practically never meant as Windows-1252.
		return strings.TrimPrefix(string(data), "\uFEFF"), nil
	case name == "utf-8":
		// Declared UTF-8 but is not: a Windows editor's work.
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", &Error{Err: ErrCorrupt, Detail: "cannot decode HTML page as " + name + ": " + err.Error()}
	}
	return strings.TrimPrefix(string(out), "\uFEFF"), nil
}

// skipped elements hold no visible text of the document. (Switches, not
// maps: a map literal is built when the program starts, for every command.)
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Head, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Nav, atom.Button, atom.Select,
		atom.Textarea, atom.Svg, atom.Iframe,
		atom.Object, atom.Canvas, atom.Audio, atom.Video,
		atom.Map, atom.Title:
		return true
	}
	return false
}

// blocks start and end a paragraph.
func blocks(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol,
		atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Main, atom.Aside, atom.Address, atom.Figure,
		atom.Figcaption, atom.Form, atom.Fieldset, atom.Legend,
		atom.Hr, atom.Center, atom.Details, atom.Summary,
		atom.Caption, atom.Table, atom.Body, atom.Html:
		return true
	}
	return false
}

type htmlWriter struct {
	out   strings.Builder
	line  strings.Builder // the block being built, spaces collapsed
	space bool            // a space is owed before the next word
	pre   int             // depth inside <pre>
	lists []int           // next number of each enclosing list, -1 for <ul>
	cells []spanCell      // the table row being built
	ths   int             // header cells in the row
	rows  [][]spanCell    // rows of the current table (see tables.go)
	heads []int           // per row: 1 when some of its cells are header cells, 2 when all are
	inRow int             // depth of table rows (nested tables flatten)
	cell  *strings.Builder
	nav   navIndex // what is the site's navigation (see htmlnav.go)
	// open is the last line of the paragraph written last when it leaves
	// its sentence open, "" otherwise (see endBlock).
	open string
	// noLinks counts the enclosing headings whose links are the site's
	// notes on them (see headingNotes).
	noLinks int
}

func (h *htmlWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		h.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		h.children(n)
		return
	default:
		return
	}
	if skipped(n.DataAtom) || hidden(n) || siteChrome(n) || sectioning(n.DataAtom) && h.navigation(n) {
		return
	}
	if n.DataAtom == atom.A && h.noLinks > 0 && getAttr(n, "href") != "" {
		return
	}
	if sectioning(n.DataAtom) && h.headingNotes(n) {
		h.noLinks++
		defer func() { h.noLinks-- }()
	}
	switch n.DataAtom {
	case atom.Br:
		h.breakLine()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.heading(n)
	case atom.Pre:
		h.endBlock()
		h.pre++
		h.children(n)
		h.pre--
		h.endBlock()
	case atom.Table:
		h.table(n)
	case atom.Tr:
		h.row(n)
	case atom.Td, atom.Th:
		h.cellNode(n)
	case atom.Ul, atom.Ol:
		h.list(n)
	case atom.Li:
		h.item(n)
	default:
		h.inlineOrBlock(n)
	}
}

// heading writes a "#" heading of the element's level; inside a table
// cell it is only text.
func (h *htmlWriter) heading(n *html.Node) {
	if h.cell != nil {
		h.children(n)
		return
	}
	h.endBlock()
	h.children(n)
	level := int(n.Data[1] - '0')
	t := strings.Join(strings.Fields(h.line.String()), " ")
	h.line.Reset()
	h.space = false
	if t != "" {
		h.block(strings.Repeat("#", level) + " " + t)
	}
}

func (h *htmlWriter) table(n *html.Node) {
	if h.cell != nil {
		h.children(n) // a nested table reads as text of its cell
		return
	}
	h.endBlock()
	rows, heads := h.rows, h.heads
	h.rows, h.heads = nil, nil
	h.children(n)
	h.writeTable()
	h.rows, h.heads = rows, heads
}

func (h *htmlWriter) row(n *html.Node) {
	if h.cell != nil || h.inRow > 0 {
		h.children(n)
		return
	}
	h.inRow++
	h.cells, h.ths = nil, 0
	h.children(n)
	h.inRow--
	h.endRow()
}

// cellNode collects a td or th of the current row as one cell, its
// spaces collapsed; outside a row it is an ordinary element.
func (h *htmlWriter) cellNode(n *html.Node) {
	if h.cell != nil || h.inRow == 0 {
		h.inlineOrBlock(n)
		return
	}
	if n.DataAtom == atom.Th {
		h.ths++
	}
	h.cell = &strings.Builder{}
	saved := h.line
	h.line = strings.Builder{}
	h.space = false
	h.children(n)
	c := strings.Join(strings.Fields(h.line.String()), " ")
	h.line = saved
	h.space = false
	h.cell = nil
	h.cells = append(h.cells, spanCell{text: strings.ReplaceAll(c, "|", "/"),
		cols: spanAttr(n, "colspan"), rows: spanAttr(n, "rowspan")})
}

// spanAttr reads a cell's colspan or rowspan; what is not a positive
// number is 1, and layOut bounds the rest.
func spanAttr(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 0 {
				return v
			}
		}
	}
	return 1
}

// list numbers the items of an ol from its start attribute; a ul's items
// get "-".
func (h *htmlWriter) list(n *html.Node) {
	next := -1
	if n.DataAtom == atom.Ol {
		next = 1
		if v, err := strconv.Atoi(getAttr(n, "start")); err == nil {
			next = v
		}
	}
	h.lists = append(h.lists, next)
	h.endBlock()
	h.children(n)
	h.endBlock()
	h.lists = h.lists[:len(h.lists)-1]
}

func (h *htmlWriter) item(n *html.Node) {
	if h.cell != nil {
		h.children(n)
		return
	}
	h.endBlock()
	marker := "-"
	if k := len(h.lists) - 1; k >= 0 && h.lists[k] >= 0 {
		if v, err := strconv.Atoi(getAttr(n, "value")); err == nil {
			h.lists[k] = v
		}
		marker = strconv.Itoa(h.lists[k]) + "."
		h.lists[k]++
	}
	h.line.WriteString(marker + " ")
	h.children(n)
	h.endBlock()
}

func (h *htmlWriter) inlineOrBlock(n *html.Node) {
	if blocks(n.DataAtom) && h.cell == nil {
		h.endBlock()
		h.children(n)
		h.endBlock()
		return
	}
	if blocks(n.DataAtom) {
		h.space = true // blocks inside a cell are words apart
	}
	h.children(n)
	if blocks(n.DataAtom) {
		h.space = true
	}
}

func (h *htmlWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.node(c)
	}
}

// hidden reports an element the author hid from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return n.DataAtom == atom.Input
}

// siteChrome reports the parts of a saved web page that belong to the site,
// not to the text it shows: a header or footer of the page itself (one
// inside an <article>, <section>, <main> or <aside> belongs to that
// content: an article's heading, a convention's signatures), and the
// landmarks ARIA names so (banner, contentinfo, navigation, search). The
// same convention saved twice from Légifrance must not differ by the
// site's footer, nor gain it as text of its last article.
func siteChrome(n *html.Node) bool {
	switch getAttr(n, "role") {
	case "banner", "contentinfo", "navigation", "search":
		return true
	}
	if n.DataAtom != atom.Header && n.DataAtom != atom.Footer {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Section, atom.Main, atom.Aside:
			return false
		}
	}
	return true
}

func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text adds character data, collapsing HTML white space outside <pre>.
func (h *htmlWriter) text(s string) {
	if h.pre > 0 {
		h.line.WriteString(s)
		return
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		if j > i {
			if h.space && h.line.Len() > 0 && !strings.HasSuffix(h.line.String(), "\n") {
				h.line.WriteByte(' ')
			}
			h.space = false
			h.line.WriteString(s[i:j])
		}
		if j < len(s) {
			h.space = true
		}
		for j < len(s) && isHTMLSpace(s[j]) {
			j++
		}
		i = j
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (h *htmlWriter) breakLine() {
	if h.cell != nil {
		h.space = true
		return
	}
	h.line.WriteByte('\n')
	h.space = false
}

// endBlock writes the paragraph being built, if any. A sentence that a
// <br> or the end of a paragraph cuts ("<p>Le médecin peut</p><p>facturer
// …</p>", as pages made from a PDF or a word processor's lines set it) goes
// on: the part before does not end as a sentence does, the next opens in
// lower case, and neither is a heading, a point of a list or a row. The
// two make one line, so that the
// sentence, and what it states, is whole.
func (h *htmlWriter) endBlock() {
	s := h.line.String()
	h.line.Reset()
	h.space = false
	if h.pre == 0 {
		lines := strings.Split(s, "\n")
		var b strings.Builder
		prev := ""
		for _, l := range lines {
			l = strings.TrimSpace(l)
			switch {
			case l == "":
			case prev == "":
			case goesOn(prev, l):
				b.WriteByte(' ')
			default:
				b.WriteByte('\n')
			}
			b.WriteString(l)
			if l != "" {
				prev = l
			}
		}
		s = b.String()
	}
	s = strings.Trim(s, "\n")
	if strings.TrimSpace(s) == "" {
		return
	}
	if h.open != "" && h.pre == 0 && goesOn(h.open, s) {
		h.out.WriteByte(' ')
		h.out.WriteString(s)
	} else {
		h.block(s)
	}
	h.open = ""
	if last := s[strings.LastIndexByte(s, '\n')+1:]; h.pre == 0 && classify(s) == kindProse && !frtext.EndsSentence(last) {
		h.open = last
	}
}

// goesOn reports whether next continues the sentence that prev leaves
// open (see endBlock).
func goesOn(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && !frtext.EndsSentence(prev) && classify(prev) == kindProse && classify(next) == kindProse
}

func (h *htmlWriter) block(s string) {
	h.open = ""
	if h.out.Len() > 0 {
		h.out.WriteString("\n\n")
	}
	h.out.WriteString(s)
}

// endRow records a table row, and whether it is made of header cells.
func (h *htmlWriter) endRow() {
	if len(h.cells) == 0 {
		return
	}
	head := 0
	switch {
	case h.ths == len(h.cells):
		head = 2
	case h.ths > 0:
		head = 1
	}
	h.rows = append(h.rows, h.cells)
	h.heads = append(h.heads, head)
	h.cells = nil
}

// writeTable writes the rows of a table laid out on its grid (see
// tables.go). A first row with header cells is the header, so that
// clause.Parse does not read "Code | Libellé | Tarif" as a tariff, and so
// is each row of header cells only right under it ("Métropole | DOM" under
// "Tarif"). Repeated spans may add four times the table's own text.
func (h *htmlWriter) writeTable() {
	if len(h.rows) == 0 {
		return
	}
	room := 64 << 10
	for _, r := range h.rows {
		for _, c := range r {
			room += 4 * len(c.text)
		}
	}
	grid := layOut(h.rows, func(n int) bool { room -= n; return room >= 0 })
	head := 0
	if h.heads[0] > 0 {
		head = 1
		for head < len(h.heads) && h.heads[head] == 2 {
			head++
		}
	}
	h.block(pipeRows(grid, head))
}
