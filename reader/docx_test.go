package reader

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// Authors of the tracked changes the test writer records.
const (
	insAuthor = "Syndicat MG France"
	delAuthor = "Jeanne Dupont"
)

// docxWriter is a tiny Word writer for tests. It renders fixture markdown
// with annotations: "{+text+}" is a tracked insertion, "{-text-}" a tracked
// deletion (a whole line of either also marks its paragraph mark), a
// "{+}" or "{-}" before a table row marks the row, "{^text^}" a footnote.
// Headings use the French styles Titre1…6 (named "heading N" in
// styles.xml); "Article N - …" headings get their number from
// numbering.xml ("Article %1"), restarting through a startOverride where
// the fixture skips numbers. Text is cut into runs of a few characters so
// that the reader must join them.
type docxWriter struct {
	body   strings.Builder
	starts []int // startOverride of each w:num, 0 for none; numId = index+1
	next   int   // the number the current w:num gives next
	notes  []string
	rev    int
	table  [][]string // rows of the open table, as XML
}

var autoArticle = regexp.MustCompile(`^Article (\d+) (- .*)$`)

func writeDocx(t testing.TB, md string) []byte {
	t.Helper()
	w := &docxWriter{}
	for _, l := range mdLines(md) {
		if !l.row {
			w.flushTable()
		}
		switch {
		case l.row:
			w.row(l)
		case l.level > 0:
			w.heading(l.level, l.text)
		default:
			w.para("", l.text)
		}
	}
	w.flushTable()
	return w.zip(t)
}

func (w *docxWriter) heading(level int, text string) {
	style := fmt.Sprintf("Titre%d", level)
	m := autoArticle.FindStringSubmatch(text)
	if m == nil {
		w.para(style, text)
		return
	}
	n, _ := strconv.Atoi(m[1])
	if len(w.starts) == 0 || n != w.next {
		w.starts = append(w.starts, n)
	}
	w.next = n + 1
	numPr := fmt.Sprintf(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, len(w.starts))
	w.paraXML(style, numPr, m[2])
}

func (w *docxWriter) para(style, text string) {
	w.paraXML(style, "", text)
}

func (w *docxWriter) paraXML(style, numPr, text string) {
	var pPr strings.Builder
	if style != "" {
		pPr.WriteString(`<w:pStyle w:val="` + style + `"/>`)
	}
	pPr.WriteString(numPr)
	// A line that is one insertion or deletion is a whole paragraph added
	// or removed: its mark is tracked too.
	if whole(text, "{+", "+}") {
		pPr.WriteString(`<w:rPr>` + w.mark("ins", "") + `</w:rPr>`)
	} else if whole(text, "{-", "-}") {
		pPr.WriteString(`<w:rPr>` + w.mark("del", "") + `</w:rPr>`)
	}
	fmt.Fprintf(&w.body, `<w:p><w:pPr>%s</w:pPr>%s</w:p>`, pPr.String(), w.runs(text))
}

func whole(text, open, close string) bool {
	return strings.HasPrefix(text, open) && strings.HasSuffix(text, close) &&
		strings.Count(text, open) == 1 && !strings.ContainsAny(text[2:len(text)-2], "{}")
}

// mark writes an empty w:ins or w:del, or one around content.
func (w *docxWriter) mark(kind, content string) string {
	w.rev++
	author := insAuthor
	if kind == "del" {
		author = delAuthor
	}
	attrs := fmt.Sprintf(`w:id="%d" w:author="%s" w:date="2024-03-12T10:00:00Z"`, w.rev, author)
	if content == "" {
		return "<w:" + kind + " " + attrs + "/>"
	}
	return "<w:" + kind + " " + attrs + ">" + content + "</w:" + kind + ">"
}

var markers = regexp.MustCompile(`\{\+(.*?)\+\}|\{-(.*?)-\}|\{\^(.*?)\^\}`)

// runs renders annotated text as runs.
func (w *docxWriter) runs(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range markers.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(plainRuns(text[last:m[0]], "t"))
		switch {
		case m[2] >= 0:
			b.WriteString(w.mark("ins", plainRuns(text[m[2]:m[3]], "t")))
		case m[4] >= 0:
			b.WriteString(w.mark("del", plainRuns(text[m[4]:m[5]], "delText")))
		default:
			w.notes = append(w.notes, text[m[6]:m[7]])
			fmt.Fprintf(&b, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, len(w.notes))
		}
		last = m[1]
	}
	b.WriteString(plainRuns(text[last:], "t"))
	return b.String()
}

// plainRuns cuts s into runs of at most 7 bytes, at character boundaries.
func plainRuns(s, elem string) string {
	var b strings.Builder
	for s != "" {
		n := min(7, len(s))
		for n < len(s) && !utf8RuneStart(s[n]) {
			n++
		}
		fmt.Fprintf(&b, `<w:r><w:rPr><w:lang w:val="fr-FR"/></w:rPr><w:%s xml:space="preserve">%s</w:%s></w:r>`, elem, xmlEscape(s[:n]), elem)
		s = s[n:]
	}
	return b.String()
}

func utf8RuneStart(c byte) bool { return c&0xC0 != 0x80 }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

func (w *docxWriter) row(l mdLine) {
	var b strings.Builder
	b.WriteString("<w:tr><w:trPr>")
	if len(w.table) == 0 {
		b.WriteString(`<w:tblHeader/>`)
	}
	switch l.text {
	case "{+}":
		b.WriteString(w.mark("ins", ""))
	case "{-}":
		b.WriteString(w.mark("del", ""))
	}
	b.WriteString("</w:trPr>")
	for _, c := range l.cells {
		content := w.runs(c)
		if l.text == "{+}" {
			content = w.mark("ins", plainRuns(c, "t"))
		} else if l.text == "{-}" {
			content = w.mark("del", plainRuns(c, "delText"))
		}
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>`, content)
	}
	b.WriteString("</w:tr>")
	w.table = append(w.table, []string{b.String()})
}

func (w *docxWriter) flushTable() {
	if len(w.table) == 0 {
		return
	}
	w.body.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="Grille"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>`)
	for _, r := range w.table {
		w.body.WriteString(r[0])
	}
	w.body.WriteString(`</w:tbl>`)
	w.table = nil
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func (w *docxWriter) zip(t testing.TB) []byte {
	var styles strings.Builder
	styles.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wNS + `>`)
	styles.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:style>`)
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&styles, `<w:style w:type="paragraph" w:styleId="Titre%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`, i, i, i-1)
	}
	styles.WriteString(`</w:styles>`)

	var num strings.Builder
	num.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wNS + `>`)
	num.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0"/></w:pPr></w:lvl></w:abstractNum>`)
	for i, s := range w.starts {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, i+1, s)
	}
	num.WriteString(`</w:numbering>`)

	var notes strings.Builder
	notes.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ` + wNS + `>`)
	notes.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, n := range w.notes {
		fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="Notedebasdepage"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>`, i+1, xmlEscape(n))
	}
	notes.WriteString(`</w:footnotes>`)

	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + w.body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	return zipFiles(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   doc,
		"word/styles.xml":     styles.String(),
		"word/numbering.xml":  num.String(),
		"word/footnotes.xml":  notes.String(),
	})
}

// zipFiles writes an archive with the entries in a fixed order.
func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// resolve gives the markdown a reader should return for annotated
// markdown, on one side of the tracked changes, with footnotes numbered
// and placed after their paragraph.
func resolve(md string, mode ChangeMode) string {
	var out []string
	n := 0
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "{+}"):
			if mode == Reject {
				continue
			}
			l = l[3:]
		case strings.HasPrefix(l, "{-}"):
			if mode == Accept {
				continue
			}
			l = l[3:]
		}
		var notes []string
		l = markers.ReplaceAllStringFunc(l, func(m string) string {
			body := m[2 : len(m)-2]
			switch {
			case strings.HasPrefix(m, "{+"):
				if mode == Accept {
					return body
				}
			case strings.HasPrefix(m, "{-"):
				if mode == Reject {
					return body
				}
			default:
				n++
				notes = append(notes, fmt.Sprintf("[%d] %s", n, body))
				return fmt.Sprintf("[%d]", n)
			}
			return ""
		})
		out = append(out, l)
		for _, note := range notes {
			out = append(out, "", note)
		}
	}
	return strings.Join(out, "\n")
}

func TestDocxFixtures(t *testing.T) {
	for _, name := range fixtureNames {
		t.Run(name, func(t *testing.T) {
			md := fixture(t, name)
			// A footnote in the preamble, to check that it stays there.
			md = strings.Replace(md, "## Préambule\n\n", "## Préambule\n\nPréambule annoté{^Texte de la note de bas de page.^}.\n\n", 1)
			data := writeDocx(t, md)
			got, err := docxText(data, Accept)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Decode([]byte(resolve(md, Accept)))
			if err != nil {
				t.Fatal(err)
			}
			sameOutline(t, clause.Parse(want), clause.Parse(got), false)
			if !strings.Contains(got, "Préambule annoté[1].\n\n[1] Texte de la note de bas de page.\n") {
				t.Errorf("footnote not after its paragraph:\n%.400s", got)
			}
		})
	}
}

// trackedFixture is fixture 02 with the tracked changes a union would make:
// words replaced, a paragraph added, one deleted, and in the tariff table a
// price changed, a row added and one removed.
func trackedFixture(t testing.TB) string {
	md := fixture(t, "02-cnam-proposition-2024-02.md")
	edits := []struct{ old, new string }{
		{"pour une durée de cinq ans", "pour une durée de {-cinq-}{+quatre+} ans"},
		{"Le médecin peut à tout moment renoncer à exercer dans le cadre des présentes dispositions. Sa décision prend effet un mois après la réception de sa lettre par la caisse.",
			"{-Le médecin peut à tout moment renoncer à exercer dans le cadre des présentes dispositions. Sa décision prend effet un mois après la réception de sa lettre par la caisse.-}"},
		{"### Article 6 - Engagements des caisses\n\n", "### Article 6 - Engagements des caisses\n\n{+Les caisses publient chaque année un bilan des délais de paiement.+}\n\n"},
		{"| CS | Consultation du médecin spécialiste | 30 € |", "| CS | Consultation du médecin spécialiste | {-30 €-}{+31,50 €+} |"},
		{"| MPC | Majoration provisoire clinicien | 2 € |\n", "{-}| MPC | Majoration provisoire clinicien | 2 € |\n{+}| TCS | Téléconsultation du médecin spécialiste | 25 € |\n"},
	}
	for _, e := range edits {
		if !strings.Contains(md, e.old) {
			t.Fatalf("fixture 02 no longer holds %q", e.old)
		}
		md = strings.Replace(md, e.old, e.new, 1)
	}
	return md
}

func TestDocxTrackedChanges(t *testing.T) {
	md := trackedFixture(t)
	data := writeDocx(t, md)
	texts := map[ChangeMode]string{}
	for _, mode := range []ChangeMode{Reject, Accept} {
		got, err := docxText(data, mode)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Decode([]byte(resolve(md, mode)))
		if err != nil {
			t.Fatal(err)
		}
		t.Run(mode.String(), func(t *testing.T) {
			sameOutline(t, clause.Parse(want), clause.Parse(got), false)
		})
		texts[mode] = got
	}
	// Rejecting every change gives back the fixture itself.
	orig, _ := Decode([]byte(fixture(t, "02-cnam-proposition-2024-02.md")))
	sameOutline(t, clause.Parse(orig), clause.Parse(texts[Reject]), false)

	// The diff of the two sides is exactly the tracked changes.
	d := clause.Compare(clause.Parse(texts[Reject]), clause.Parse(texts[Accept]), clause.CompareOptions{})
	var got []string
	for _, c := range d.Changes {
		if c.Kind == clause.Unchanged {
			continue
		}
		key := ""
		if len(c.New) > 0 {
			key = d.New.Clauses[c.New[0]].Key
		} else {
			key = d.Old.Clauses[c.Old[0]].Key
		}
		got = append(got, string(c.Kind)+" "+key)
	}
	slices.Sort(got)
	want := []string{"added tariff:TCS", "modified article:3", "modified article:4", "modified article:6", "modified tariff:CS", "removed tariff:MPC"}
	if !slices.Equal(got, want) {
		t.Errorf("changes between the two sides:\n got %q\nwant %q", got, want)
	}

	changes, err := docxChanges(data)
	if err != nil {
		t.Fatal(err)
	}
	if wantAuthors := []string{delAuthor, insAuthor}; !slices.Equal(changes.Authors, wantAuthors) {
		t.Errorf("authors %q, want %q", changes.Authors, wantAuthors)
	}
	if changes.Insertions == 0 || changes.Deletions == 0 || !changes.Any() {
		t.Errorf("changes %+v: want insertions and deletions", changes)
	}
}

func TestReadFileTracked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "contre-proposition.docx")
	if err := os.WriteFile(path, writeDocx(t, trackedFixture(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := ReadFileTracked(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Rejected == tr.Accepted || !strings.Contains(tr.Rejected, "durée de cinq ans") || !strings.Contains(tr.Accepted, "durée de quatre ans") {
		t.Errorf("sides not told apart:\nrejected %.200q\naccepted %.200q", tr.Rejected, tr.Accepted)
	}
	if len(tr.Changes.Authors) != 2 {
		t.Errorf("authors %q", tr.Changes.Authors)
	}
	// ReadFile reads the accepted side unless told otherwise.
	if got, err := ReadFile(path, Options{}); err != nil || got != tr.Accepted {
		t.Errorf("ReadFile: %v, differs from the accepted side", err)
	}
	if got, err := ReadFile(path, Options{Changes: Reject}); err != nil || got != tr.Rejected {
		t.Errorf("ReadFile Reject: %v, differs from the rejected side", err)
	}
	// Other formats read the same on both sides.
	md := filepath.Join(dir, "x.md")
	if err := os.WriteFile(md, []byte("# Article 1\n\ntexte\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if tr, err := ReadFileTracked(md, Options{}); err != nil || tr.Rejected != tr.Accepted || tr.Changes.Any() {
		t.Errorf("plain file: %+v, %v", tr, err)
	}
	if _, err := ReadFileTracked(filepath.Join(dir, "missing.docx"), Options{}); !errors.Is(err, errNotFound) {
		t.Errorf("missing file: %v", err)
	}
}

// docxBody wraps body XML into a minimal archive with the given extra
// parts.
func docxBody(t testing.TB, body string, parts map[string]string) []byte {
	files := map[string]string{"word/document.xml": `<?xml version="1.0"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}
	for k, v := range parts {
		files[k] = v
	}
	return zipFiles(t, files)
}

func TestDocxElements(t *testing.T) {
	numbering := `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Titre %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1.%2"/><w:isLgl/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ordinal"/><w:lvlText w:val="Article %1"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
</w:numbering>`
	styles := `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="TitreArticle"><w:name w:val="Titre article"/><w:basedOn w:val="Heading2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Niveau3"><w:name w:val="Mon niveau"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TM1"><w:name w:val="toc 1"/></w:style>
</w:styles>`
	p := func(pPr, text string) string {
		return `<w:p><w:pPr>` + pPr + `</w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	num := func(id, lvl int) string {
		return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, id)
	}
	tests := []struct {
		name, body, want string
		mode             ChangeMode
	}{
		{"runs, tab and break", `<w:p><w:r><w:t>Tarif</w:t></w:r><w:r><w:tab/><w:t>G</w:t><w:br/><w:t>suite</w:t></w:r></w:p>`, "Tarif\tG\nsuite\n", Accept},
		{"heading by style id", p(`<w:pStyle w:val="Heading1"/>`, "Titre premier"), "# Titre premier\n", Accept},
		{"heading by outline level", p(`<w:pStyle w:val="Niveau3"/>`, "Section 1"), "### Section 1\n", Accept},
		{"heading without styles.xml entry", p(`<w:pStyle w:val="Titre4"/>`, "Chapitre 2"), "#### Chapitre 2\n", Accept},
		{"numbering levels restart",
			p(`<w:pStyle w:val="Heading1"/>`+num(3, 0), "- Général") + p(`<w:pStyle w:val="TitreArticle"/>`, "- Objet") +
				p(num(3, 2), "premier cas") + p(num(3, 2), "second cas") +
				p(`<w:pStyle w:val="TitreArticle"/>`, "- Durée") + p(num(3, 2), "seul cas") +
				p(`<w:pStyle w:val="Heading1"/>`+num(3, 0), "- Accès") + p(`<w:pStyle w:val="TitreArticle"/>`, "- Rôle"),
			"# Titre I - Général\n\n## Article 1.1 - Objet\n\na) premier cas\n\nb) second cas\n\n## Article 1.2 - Durée\n\na) seul cas\n\n# Titre II - Accès\n\n## Article 2.1 - Rôle\n", Accept},
		{"bullets and ordinals", p(num(4, 0), "point") + p(num(5, 0), "- Objet") + p(num(5, 0), "- Champ"), "- point\n\nArticle 1er - Objet\n\nArticle 2e - Champ\n", Accept},
		{"numId 0 removes numbering", p(`<w:pStyle w:val="TitreArticle"/>`+num(0, 0), "Sans numéro"), "## Sans numéro\n", Accept},
		{"table of contents skipped", p(`<w:pStyle w:val="TM1"/>`, "Article 1 - Objet\t3") + p("", "Texte."), "Texte.\n", Accept},
		{"field code skipped", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`, "7\n", Accept},
		{"hidden text skipped", `<w:p><w:r><w:t>vu</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t></w:r></w:p>`, "vu\n", Accept},
		{"delText skipped when accepting", `<w:p><w:r><w:t>un </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>deux </w:delText></w:r></w:del><w:ins w:id="2" w:author="B"><w:r><w:t>trois </w:t></w:r></w:ins><w:r><w:t>fin</w:t></w:r></w:p>`, "un trois fin\n", Accept},
		{"delText kept when rejecting", `<w:p><w:r><w:t>un </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>deux </w:delText></w:r></w:del><w:ins w:id="2" w:author="B"><w:r><w:t>trois </w:t></w:r></w:ins><w:r><w:t>fin</w:t></w:r></w:p>`, "un deux fin\n", Reject},
		{"deleted paragraph mark joins", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>début </w:t></w:r></w:p>` + p("", "et suite"), "début et suite\n", Accept},
		{"deleted paragraph mark kept when rejecting", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>début</w:t></w:r></w:p>` + p("", "et suite"), "début\n\net suite\n", Reject},
		{"style change rejected", `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="1" w:author="A"><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Objet</w:t></w:r></w:p>`, "Objet\n", Reject},
		{"text box", `<w:p><w:r><w:t>avant</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>encadré</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>encadré</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`, "encadré\n\navant\n", Accept},
		{"table with header guess and nested table", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Code</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tarif</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>G</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>26,50</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>au 1er mai</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`, "| Code | Tarif |\n|---|---|\n| G | 26,50 au 1er mai |\n", Accept},
		{"sdt content kept, properties skipped", `<w:sdt><w:sdtPr><w:alias w:val="Nom"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent><w:p><w:r><w:t>contenu</w:t></w:r></w:p></w:sdtContent></w:sdt>`, "contenu\n", Accept},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := docxBody(t, tt.body, map[string]string{"word/numbering.xml": numbering, "word/styles.xml": styles})
			got, err := docxText(data, tt.mode)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestDocxRefused(t *testing.T) {
	good := writeDocx(t, "# Titre\n\n### Article 1 - Objet\n\nTexte.\n")

	// A zip bomb: a small archive whose document inflates past the
	// ratio limit (and a declared size that lies is caught by the reader).
	bomb := docxBody(t, `<w:p><w:r><w:t>`+strings.Repeat(" ", 8<<20)+`</w:t></w:r></w:p>`, nil)
	// Declared huge: patch the central directory's uncompressed size.
	declared := bytes.Clone(good)
	if i := bytes.LastIndex(declared, []byte("word/document.xml")); i > 46 {
		cd := i - 46 // central directory header of the entry
		copy(declared[cd+24:cd+28], []byte{0xFF, 0xFF, 0xFF, 0x7F})
	}

	tests := []struct {
		name     string
		data     []byte
		target   error
		contains string
	}{
		{"zip bomb by ratio", bomb, ErrTooLarge, "zip bomb"},
		{"declared size over the cap", declared, ErrTooLarge, "zip bomb"},
		{"truncated zip", good[:len(good)/2], ErrCorrupt, "truncated"},
		{"encrypted (OLE)", append(bytes.Clone(oleMagic), make([]byte, 512)...), errEncrypted, "password"},
		{"not a zip", []byte("<html>this is no Word file</html>"), ErrCorrupt, "not a Word document"},
		{"zip without document.xml", zipFiles(t, map[string]string{"a.txt": "x"}), ErrCorrupt, "no word/document.xml"},
		{"broken XML", docxBody(t, `<w:p><w:r><w:t>texte</w:r></w:p>`, nil), ErrCorrupt, "document.xml"},
		{"no text", docxBody(t, `<w:p/>`, nil), errEmpty, "without text"},
		{"empty file", nil, errEmpty, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := docxText(tt.data, Accept)
			checkError(t, err, tt.target, tt.contains)
		})
	}

	// Through ReadFile, the message starts with the file's name.
	path := filepath.Join(t.TempDir(), "bombe.docx")
	if err := os.WriteFile(path, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, Options{})
	checkError(t, err, ErrTooLarge, path+": word/document.xml")
}

func FuzzDocx(f *testing.F) {
	f.Add(writeDocx(f, "# Titre\n\n### Article 1 - Objet\n\nTexte {+ajouté+}{-ôté-}{^note^}.\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n"))
	f.Add(docxBody(f, `<w:p><w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
		map[string]string{"word/numbering.xml": `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:lvlText w:val="%9%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, mode := range []ChangeMode{Accept, Reject} {
			text, err := docxText(data, mode)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("error %T %v is not an *Error", err, err)
				}
				continue
			}
			if text == "" || !strings.HasSuffix(text, "\n") {
				t.Fatalf("text %q", text)
			}
		}
		if _, err := docxChanges(data); err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("DocxChanges error %T %v is not an *Error", err, err)
			}
		}
	})
}

// docxText is readDocx within the budget of the default size limit.
func docxText(data []byte, mode ChangeMode) (string, error) {
	return readDocx(data, mode, newBudget(Options{}))
}
