package reader

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/avenant-dev/avenant/clause"
	"github.com/ledongthuc/pdf"
)

// chromiumPDF prints an HTML page to PDF as a browser's "Save as PDF"
// does, skipping the test where Chromium is not installed.
func chromiumPDF(t *testing.T, html string) []byte {
	t.Helper()
	tool := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			tool = p
			break
		}
	}
	if tool == "" {
		t.Skip("Chromium not on PATH (apt-get install chromium)")
	}
	dir := t.TempDir()
	src, out := filepath.Join(dir, "annexe.html"), filepath.Join(dir, "annexe.pdf")
	if err := os.WriteFile(src, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	// Chromium itself crashes now and then on a loaded machine (a
	// segmentation fault with two other browsers printing): it is given
	// three tries before the test fails.
	for try := 1; ; try++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, tool, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
			"--user-data-dir="+filepath.Join(dir, "profile"+strconv.Itoa(try)), "--print-to-pdf="+out, "file://"+src)
		b, err := cmd.CombinedOutput()
		cancel()
		if err == nil {
			break
		}
		if try == 3 {
			t.Fatalf("chromium, three times: %v\n%s", err, b)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestChromiumTable reads a tariff table printed by Chromium, whose cells
// are centred vertically: a label over three or four lines has its first
// line above the line of its code and price. Both readers must give each
// row its whole label, as the Markdown source has it.
func TestChromiumTable(t *testing.T) {
	rows := [][3]string{
		{"G", "Consultation de référence du médecin généraliste", "30,00 €"},
		{"APC", "Avis ponctuel de consultant réalisé par un médecin spécialiste à la demande du médecin traitant, dans les conditions de l'article 18 de la convention nationale", "60,00 €"},
		{"MPC", "Majoration provisoire clinicien", "2,00 €"},
		{"CNPSY", "Consultation du psychiatre, du neuropsychiatre ou du neurologue en cabinet, comprenant le bilan initial et la prescription", "55,70 €"},
		{"TCG", "Téléconsultation", "25,00 €"},
	}
	var html, md strings.Builder
	html.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:sans-serif;font-size:11pt}` +
		`table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px}td.l{width:45%}</style></head><body>` +
		"<h2>Annexe 1 - Tarifs des actes</h2><table><tr><th>Code</th><th>Libellé</th><th>Tarif</th></tr>")
	md.WriteString("## Annexe 1 - Tarifs des actes\n\n| Code | Libellé | Tarif |\n|---|---|---|\n")
	for _, r := range rows {
		html.WriteString("<tr><td>" + r[0] + `</td><td class="l">` + strings.ReplaceAll(r[1], "'", "&#39;") + "</td><td>" + r[2] + "</td></tr>")
		md.WriteString("| " + strings.Join(r[:], " | ") + " |\n")
	}
	html.WriteString("</table></body></html>")
	printsAsSource(t, chromiumPDF(t, html.String()), md.String())
}

// printsAsSource checks that both PDF readers read data as the clauses of
// the Markdown it was printed from, cell for cell.
func printsAsSource(t *testing.T, data []byte, md string) {
	t.Helper()
	want := clause.Parse(md)
	withPDFTools(t, func(t *testing.T) {
		got, err := pdfText(data)
		if err != nil {
			t.Fatal(err)
		}
		if d := clause.Compare(want, clause.Parse(got), clause.CompareOptions{}); d.Differs() {
			for _, c := range d.Changes {
				if c.Kind != clause.Unchanged {
					t.Errorf("%s: %v", c.Kind, c.Hunks)
				}
			}
			t.Errorf("the printed table differs from its source:\n%s", got)
		}
	})
}

// TestGlyphLinesOneWordCells: a header of one-word cells, set a padding
// of most of an em apart, has no word space of its own to
// measure its gaps by; the page's prose gives it, and each cell is a line
// of its own, as poppler reads it.
func TestGlyphLinesOneWordCells(t *testing.T) {
	const size = 10.0
	var glyphs []pdf.Text
	set := func(y, gap float64, words ...string) {
		x := 50.0
		for _, w := range words {
			for _, r := range w {
				glyphs = append(glyphs, pdf.Text{S: string(r), X: x, Y: y, W: size / 2, FontSize: size})
				x += size / 2
			}
			x += gap * size
		}
	}
	set(700, 0.25, "Les", "tarifs", "sont", "fixés", "comme", "suit")
	set(680, 0.9, "Code", "Libellé", "Métropole", "DOM")
	var got []string
	for _, l := range glyphLines(glyphs) {
		got = append(got, l.text())
	}
	if want := []string{"Les tarifs sont fixés comme suit", "Code", "Libellé", "Métropole", "DOM"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestChromiumZoneSpans: one price across the zone columns (colspan),
// printed by Chromium, reads as the table that repeats it in each zone,
// as Word and HTML are read: no row differs.
func TestChromiumZoneSpans(t *testing.T) {
	data := chromiumPDF(t, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:sans-serif;font-size:11pt}`+
		`table{border-collapse:collapse}td,th{border:1px solid #000;padding:4px}</style></head><body>`+
		`<h2>Annexe 1 - Tarifs</h2><table><tr><th>Code</th><th>Libellé</th><th>Métropole</th><th>DOM</th></tr>`+
		`<tr><td>G</td><td>Consultation de référence</td><td colspan="2">30,00 €</td></tr>`+
		`<tr><td>VG</td><td>Visite</td><td>35,00 €</td><td>39,00 €</td></tr>`+
		`<tr><td>MD</td><td>Majoration de déplacement</td><td colspan="2" style="text-align:center">10,00 €</td></tr></table></body></html>`)
	want := clause.Parse("## Annexe 1 - Tarifs\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n" +
		"| G | Consultation de référence | 30,00 € | 30,00 € |\n| VG | Visite | 35,00 € | 39,00 € |\n" +
		"| MD | Majoration de déplacement | 10,00 € | 10,00 € |\n")
	withPDFTools(t, func(t *testing.T) {
		got, err := pdfText(data)
		if err != nil {
			t.Fatal(err)
		}
		if d := clause.Compare(want, clause.Parse(got), clause.CompareOptions{}); d.Differs() {
			t.Errorf("the printed table differs from its source:\n%s", got)
		}
	})
}

// TestGlyphLigatures: a ligature glyph that the font's ToUnicode map gives
// as one character ("ﬁ") is its letters, as pdftotext reads it.
func TestGlyphLigatures(t *testing.T) {
	var glyphs []pdf.Text
	x := 50.0
	for _, s := range []string{"m", "o", "d", "i", "ﬁ", "c", "a", "t", "i", "o", "n"} {
		glyphs = append(glyphs, pdf.Text{S: s, X: x, Y: 700, W: 5, FontSize: 10})
		x += 5
	}
	if lines := glyphLines(glyphs); len(lines) != 1 || lines[0].text() != "modification" {
		t.Errorf("lines %+v, want modification", lines)
	}
}
