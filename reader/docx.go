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
	"strings"
)

// ChangeMode selects which side of a Word document's tracked changes
// readDocx returns.
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
	// maxDocxPart is the largest uncompressed size of one part
	// (document.xml, footnotes.xml…) that readDocx inflates.
	maxDocxPart = 128 << 20
	// maxDocxRatio is the largest compression ratio accepted for a part
	// over docxRatioFloor bytes.
	maxDocxRatio = 200
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
	// SHA256 is the digest of the file's bytes both texts were read from.
	SHA256 string
}

// ReadFileTracked reads path like ReadFile, but returns both sides of a Word
// document's tracked changes and their authors. `avenant import --changes
// split` imports Rejected then Accepted, the latter authored by
// Changes.Authors when there is exactly one. Every error is an *Error.
func ReadFileTracked(path string, opts Options) (*Tracked, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".docx" && ext != ".docm" {
		src, err := ReadSource(path, opts)
		if err != nil {
			return nil, err
		}
		return &Tracked{Rejected: src.Text, Accepted: src.Text, SHA256: src.SHA256}, nil
	}
	data, err := readBounded(path, opts)
	if err != nil {
		return nil, err
	}
	t := Tracked{SHA256: digest(data)}
	if t.Rejected, err = readDocx(data, Reject, newBudget(opts)); err != nil {
		return nil, withPath(path, err)
	}
	if t.Accepted, err = readDocx(data, Accept, newBudget(opts)); err != nil {
		return nil, withPath(path, err)
	}
	if t.Changes, err = docxChanges(data); err != nil {
		return nil, withPath(path, err)
	}
	return &t, nil
}

// readDocx extracts the text of a Word (.docx) document as markdown-like
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
// errEncrypted, ErrCorrupt, ErrTooLarge (zip bomb, or text past the budget
// b) or errEmpty. Footnotes and numbering labels, which a small file can
// repeat at will, are counted against b as they are rendered.
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
	// The body is decoded as it is inflated, so that the text budget
	// stops the read, not only what is made of it: a body of 106 MB, whole
	// in memory before its text was counted, cost 545 MB to refuse.
	doc, err := pkg.stream("document.xml")
	if err != nil {
		return "", err
	}
	defer doc.Close()
	var out strings.Builder
	if err := w.walk(doc, &out); err != nil {
		return "", w.partError("document.xml", err)
	}
	// A form feed would make Decode take the text for pdftotext output.
	s := strings.ReplaceAll(out.String(), "\f", "\n")
	if strings.TrimSpace(s) == "" {
		return "", &Error{Err: errEmpty, Detail: "Word document without text"}
	}
	return Decode([]byte(s))
}

// docxChanges counts the tracked changes of a Word document and lists
// their authors, in the body and in the footnotes.
func docxChanges(data []byte) (TrackedChanges, error) {
	var c TrackedChanges
	pkg, err := openDocx(data)
	if err != nil {
		return c, err
	}
	seen := map[string]bool{}
	for _, name := range []string{"document.xml", "footnotes.xml"} {
		r, err := pkg.stream(name)
		if errors.Is(err, errNoPart) && name != "document.xml" {
			continue
		}
		if err != nil {
			return c, err
		}
		err = walkPartFrom(r, func(_ *xml.Decoder, se xml.StartElement) error {
			switch se.Name.Local {
			case "ins", "moveTo":
				c.Insertions++
			case "del", "moveFrom":
				c.Deletions++
			default:
				return nil
			}
			if a := attr(se, "author"); a != "" && !seen[a] {
				seen[a] = true
				c.Authors = append(c.Authors, a)
			}
			return nil
		}, nil)
		r.Close()
		if err != nil {
			return c, corruptPart(name, err)
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
		return nil, &Error{Err: errEncrypted, Detail: "encrypted or password-protected Word document " +
			"(or a Word 97-2003 file renamed .docx): save it without a password as .docx"}
	}
	if len(data) == 0 {
		return nil, &Error{Err: errEmpty}
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

// mainTarget finds the officeDocument relationship's target: "" when the
// relationships name none before they end or stop making sense.
func mainTarget(rels []byte) string {
	target := ""
	_ = walkPart(rels, func(_ *xml.Decoder, se xml.StartElement) error {
		if target == "" && se.Name.Local == "Relationship" && strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			target = attr(se, "Target")
		}
		return nil
	}, nil)
	return target
}

// part reads a part of the main document's folder; nil when absent and
// not required.
func (p *docxPackage) part(name string, required bool) ([]byte, error) {
	b, err := p.read(p.dir + "/" + name)
	if err == nil && b == nil && required {
		return nil, p.missing(name)
	}
	return b, err
}

// errNoPart is stream's refusal of a part the archive lacks.
var errNoPart = errors.New("no such part")

// stream opens a part of the main document's folder to be read as it is
// inflated, within the limits (open); an error wrapping errNoPart when
// absent.
func (p *docxPackage) stream(name string) (io.ReadCloser, error) {
	rc, err := p.open(p.dir + "/" + name)
	if err == nil && rc == nil {
		return nil, fmt.Errorf("%w: %w", p.missing(name), errNoPart)
	}
	return rc, err
}

func (p *docxPackage) missing(name string) error {
	return &Error{Err: ErrCorrupt, Detail: "not a Word document: no " + p.dir + "/" + name + " in the archive"}
}

// read inflates one entry within the limits (open).
func (p *docxPackage) read(name string) ([]byte, error) {
	rc, err := p.open(name)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, corruptPart(name, err)
	}
	return b, nil
}

// open opens one entry for reading within the limits, trusting neither the
// sizes the archive declares nor the data to stop where they say: a part
// that declares too much is refused from the archive's directory, before
// anything is inflated, and the reader fails at the first byte past the
// limit. nil when the entry is absent.
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	bomb := func(what string) error {
		return &Error{Err: ErrTooLarge, Detail: fmt.Sprintf("%s %s (a zip bomb?): refused", name, what)}
	}
	if f.UncompressedSize64 > maxDocxPart {
		return nil, bomb(fmt.Sprintf("declares %s uncompressed, over the %s limit", humanSize(int64(min(f.UncompressedSize64, 1<<62))), humanLimit(maxDocxPart)))
	}
	limit := uint64(maxDocxPart)
	if r := f.CompressedSize64 * maxDocxRatio; f.CompressedSize64 < maxDocxPart && r < limit {
		limit = max(r, docxRatioFloor)
	}
	if f.UncompressedSize64 > limit {
		return nil, bomb(fmt.Sprintf("declares a compression ratio over %d:1", maxDocxRatio))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Err: ErrCorrupt, Detail: "damaged Word document: " + name + ": " + err.Error()}
	}
	return &boundedPart{rc: rc, left: int64(limit), bomb: bomb("inflates past its declared size and the limits")}, nil
}

// boundedPart reads an entry, failing with bomb once more than left bytes
// came out of it.
type boundedPart struct {
	rc   io.ReadCloser
	left int64
	bomb error
}

func (b *boundedPart) Read(p []byte) (int, error) {
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	if b.left -= int64(n); b.left < 0 {
		return 0, b.bomb
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = errors.New("truncated")
	}
	return n, err
}

func (b *boundedPart) Close() error { return b.rc.Close() }

func corruptPart(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Err: ErrCorrupt, Detail: "damaged Word document: " + name + ": " + err.Error()}
}
