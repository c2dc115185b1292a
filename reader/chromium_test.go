package reader

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avenant-dev/avenant/clause"
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
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
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
	data := chromiumPDF(t, html.String())
	want := clause.Parse(md.String())
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
