package reader

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// refuseWithin reads data as a file named name and wants a prompt ErrTooLarge
// on one line naming the file, allocating no more than maxAlloc bytes on
// the way: the amplification never happens.
func refuseWithin(t *testing.T, name string, data []byte, opts Options, want string, maxAlloc uint64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := ReadFile(path, opts)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("%s (%d bytes): got %v, want ErrTooLarge", name, len(data), err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": "+want) || strings.Contains(msg, "\n") {
		t.Errorf("want one line naming the file, then %q; got %q", want, msg)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
		t.Errorf("%s: allocated %d MiB before refusing, want at most %d MiB", name, alloc>>20, maxAlloc>>20)
	}
}

// TestDocxFootnoteAmplification: one 100 KB footnote called 20,000 times
// would render to 2 GB; the file weighs a few kilobytes.
func TestDocxFootnoteAmplification(t *testing.T) {
	note := strings.Repeat("note de bas de page ", 5000)
	calls := strings.Repeat(`<w:r><w:footnoteReference w:id="1"/></w:r>`, 20000)
	data := docxBody(t, `<w:p><w:r><w:t>Article 1</w:t></w:r>`+calls+`</w:p>`, map[string]string{
		"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>` + note + `</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	})
	if len(data) > 16<<10 {
		t.Fatalf("the test file should be small: %d bytes", len(data))
	}
	refuseWithin(t, "notes.docx", data, Options{}, "renders to more than 16 MiB of text", 256<<20)
}

// TestDocxNumberingAmplification: a numbering level whose text is "%1"
// 100,000 times, over 10,000 numbered paragraphs, would render to
// gigabytes of labels.
func TestDocxNumberingAmplification(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
		`<w:numFmt w:val="decimal"/><w:lvlText w:val="` + strings.Repeat("%1", 100000) + `"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	para := `<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`
	data := docxBody(t, strings.Repeat(para, 10000), map[string]string{"word/numbering.xml": numbering})
	if len(data) > 16<<10 {
		t.Fatalf("the test file should be small: %d bytes", len(data))
	}
	refuseWithin(t, "numbering.docx", data, Options{}, "renders to more than 16 MiB of text", 256<<20)
}

// TestTextBudgetFollowsMaxSize: the limit on text is 4 × an explicit size
// limit, 16 MiB without one.
func TestTextBudgetFollowsMaxSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.txt")
	text := strings.Repeat("Le médecin doit respecter les tarifs.  \n\n\n", 1000)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := (Options{}).textLimit(); got != defaultMaxText {
		t.Errorf("default text limit %d, want %d", got, defaultMaxText)
	}
	if _, err := ReadFile(path, Options{MaxSize: int64(len(text))}); err != nil {
		t.Errorf("a text file at the size limit: %v", err)
	}
	docx := filepath.Join(t.TempDir(), "notes.docx")
	note := strings.Repeat("note ", 2000)
	calls := strings.Repeat(`<w:r><w:footnoteReference w:id="1"/></w:r>`, 100)
	data := docxBody(t, `<w:p><w:r><w:t>Article 1</w:t></w:r>`+calls+`</w:p>`, map[string]string{
		"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>` + note + `</w:t></w:r></w:p></w:footnote></w:footnotes>`,
	})
	if err := os.WriteFile(docx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// 100 calls of a 10 KB note: 1 MB of text from a file of a few KB.
	if _, err := ReadFile(docx, Options{MaxSize: 64 << 10}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "renders to more than 256 KiB of text") {
		t.Errorf("64 KiB size limit: got %v, want the 256 KiB text limit", err)
	}
	if _, err := ReadFile(docx, Options{MaxSize: 1 << 20}); err != nil {
		t.Errorf("1 MiB size limit, 4 MiB of text: %v", err)
	}
}

// flatePDF is a PDF of pages that all show the one content stream,
// compressed, whose bytes are content.
func flatePDF(t testing.TB, content []byte, pages int) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := &pdfWriter{}
	font := p.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	c := p.add(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	pagesID := 3 + pages
	var kids []string
	for range pages {
		pg := p.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesID, font, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	p.add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	return p.file(p.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID)), "")
}

// TestPDFTextOperatorsAmplification: a PDF of some 20 KB whose one page
// shows 20 MiB of text (the file had 140 MiB) is refused by the
// built-in reader before the library renders the page.
func TestPDFTextOperatorsAmplification(t *testing.T) {
	saved := pdftotextName
	pdftotextName = ""
	defer func() { pdftotextName = saved }()
	content := []byte("BT /F1 9 Tf 56 800 Td (" + strings.Repeat("A", 20<<20) + ") Tj ET")
	data := flatePDF(t, content, 1)
	if len(data) > 64<<10 {
		t.Fatalf("the test file should be small: %d bytes", len(data))
	}
	refuseWithin(t, "operators.pdf", data, Options{}, "PDF page 1: its content inflates to more than 8 MiB", 256<<20)
}

// TestPDFSharedContentBounded: pages that all draw one 4 MiB content
// stream (lines, no text) add up past the built-in reader's total, which
// refuses them before interpreting any.
func TestPDFSharedContentBounded(t *testing.T) {
	saved := pdftotextName
	pdftotextName = ""
	defer func() { pdftotextName = saved }()
	data := flatePDF(t, []byte(strings.Repeat("0 0 m 9 9 l S\n", 4<<20/14)), 40)
	refuseWithin(t, "drawing.pdf", data, Options{}, "PDF pages whose content inflates to more than 64 MiB in all", 64<<20)
}

// TestPDFTextBudget: pages that repeat one compressed page of text render
// to far more text than the file weighs; both readers stop at the budget.
func TestPDFTextBudget(t *testing.T) {
	var content strings.Builder
	content.WriteString("BT /F1 9 Tf 56 800 Td 11 TL ")
	for range 60 {
		content.WriteString("(La consultation du medecin est fixee a trente euros par la convention.) Tj T* ")
	}
	content.WriteString("ET")
	data := flatePDF(t, []byte(content.String()), 100)
	withPDFTools(t, func(t *testing.T) {
		// 100 pages of 4 KB of text from a file of some 20 KB.
		refuseWithin(t, "pages.pdf", data, Options{MaxSize: int64(len(data))}, "renders to more than", 64<<20)
	})
}

// TestPDFGlyphsBounded: under the content limit, a page showing more
// characters than any page of text is refused by the built-in reader
// without rendering them.
func TestPDFGlyphsBounded(t *testing.T) {
	saved := pdftotextName
	pdftotextName = ""
	defer func() { pdftotextName = saved }()
	var content strings.Builder
	content.WriteString("BT /F1 9 Tf 56 800 Td ")
	for range 1 << 12 {
		content.WriteString("(" + strings.Repeat("B", 512) + ") Tj ")
	}
	content.WriteString("ET")
	_, err := pdfText(flatePDF(t, []byte(content.String()), 1))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "page 1 shows more than") {
		t.Errorf("got %v, want the glyph limit of page 1", err)
	}
}

// TestPDFCyclicPageTree: a page tree whose node lists itself among its
// kids is refused at once by the built-in reader, not after its timeout.
func TestPDFCyclicPageTree(t *testing.T) {
	saved := pdftotextName
	pdftotextName = ""
	defer func() { pdftotextName = saved }()
	p := &pdfWriter{}
	font := p.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	content := "BT /F1 9 Tf 56 800 Td (Article 1) Tj ET"
	c := p.add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	p.add(fmt.Sprintf("<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, c))
	p.add("<< /Type /Pages /Kids [4 0 R 3 0 R] /Count 2 >>")
	data := p.file(p.add("<< /Type /Catalog /Pages 4 0 R >>"), "")
	start := time.Now()
	_, err := pdfText(data)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "page tree") {
		t.Errorf("got %v, want a refused page tree", err)
	}
	if d := time.Since(start); d > pdfFallbackTimeout/2 {
		t.Errorf("took %v: the loop was not detected", d)
	}
}

// FuzzPDFBuiltin feeds the built-in PDF reader (the one used without
// pdftotext) damaged and hostile files: every outcome is text or one
// *Error, never a panic, a hang or memory past the bounds.
func FuzzPDFBuiltin(f *testing.F) {
	f.Add(writePDF(f, "# Titre\n\n### Article 1 - Objet\n\nLa consultation G est fixée à 30 €.\n"))
	f.Add(flatePDF(f, []byte("BT /F1 9 Tf 56 800 Td (Article 1) Tj T* [(Te) 50 (xte)] TJ ET"), 2))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	saved, savedTimeout := pdftotextName, pdfFallbackTimeout
	// A hang then costs a worker seconds, not a minute.
	pdftotextName, pdfFallbackTimeout = "", 5*time.Second
	defer func() { pdftotextName, pdfFallbackTimeout = saved, savedTimeout }()
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := readPDF(data, &budget{limit: 1 << 20})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %T %q is not a one-line *Error", err, err)
			}
			return
		}
		if text == "" || !strings.HasSuffix(text, "\n") {
			t.Fatalf("text %q", text)
		}
	})
}

// TestPDFOperatorsBounded: a page of three million operators that draw
// nothing is refused before the library renders it.
func TestPDFOperatorsBounded(t *testing.T) {
	saved := pdftotextName
	pdftotextName = ""
	defer func() { pdftotextName = saved }()
	_, err := pdfText(flatePDF(t, []byte(strings.Repeat("n\n", 3<<20)), 1))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "page 1 holds more than") {
		t.Errorf("got %v, want the operator limit of page 1", err)
	}
}

// TestDocxBodyReadWithinBudget: a Word body far larger than the text
// budget is read only as far as the budget: it is decoded as it is
// inflated, never inflated whole first (a body of 106 MB cost 545 MB to
// be refused).
func TestDocxBodyReadWithinBudget(t *testing.T) {
	// Words that do not repeat, so that the archive's compression ratio
	// stays that of a real text, far under the zip-bomb limit.
	var body strings.Builder
	for i := 0; body.Len() < 24<<20; i++ {
		fmt.Fprintf(&body, "<w:p><w:r><w:t>Paragraphe %d : le médecin %x s'engage envers la caisse %x.</w:t></w:r></w:p>", i, i*7919, i*104729)
	}
	data := docxBody(t, body.String(), nil)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readDocx(data, Accept, &budget{limit: 1 << 20})
	runtime.ReadMemStats(&after)
	checkError(t, err, ErrTooLarge, "renders to more than 1 MiB of text")
	// The decoder's garbage for the 2 MB read is some 17 MiB; the body
	// inflated whole first, about 70.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(body.Len()) {
		t.Errorf("refusing a body of %d MiB against 1 MiB of text allocated %d MiB; want it read no further than the budget", body.Len()>>20, alloc>>20)
	}
}
