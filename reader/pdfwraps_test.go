package reader

import (
	"html"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestJoinWraps: a wrapped line goes on after a space, but where a line
// may break with none and the text writes the two characters glued.
func TestJoinWraps(t *testing.T) {
	const w = string(wrapMark)
	for _, tt := range []struct{ name, in, want string }{
		{"words", "les médecins" + w + "libéraux", "les médecins libéraux"},
		{"quoted table glued as elsewhere", "\"<table><tbody><tr><td>Président</td></tr>" + w + "</tbody></table>\".",
			"\"<table><tbody><tr><td>Président</td></tr></tbody></table>\"."},
		{"brackets spaced as elsewhere", "l'article 5 (1°) (nouveau) et l'article 6 (1°)" + w + "(nouveau)",
			"l'article 5 (1°) (nouveau) et l'article 6 (1°) (nouveau)"},
		{"no evidence: a space", "le 1°)" + w + "(a)", "le 1°) (a)"},
		{"after a letter always a space", "les médecin(s) et les infirmier" + w + "(s)", "les médecin(s) et les infirmier (s)"},
		{"after a comma always a space", "soit 26,50 €, 30,50 € et 31,50 €, 30," + w + "50", "soit 26,50 €, 30,50 € et 31,50 €, 30, 50"},
		{"dash glued to its word", "la convention—" + w + "sauf avis", "la convention—sauf avis"},
		{"dash spaced", "la convention —" + w + "sauf avis", "la convention — sauf avis"},
		{"slash as the text writes it", "et/ou les caisses et/" + w + "ou", "et/ou les caisses et/ou"},
		{"mark alone", w + "x" + w, " x "},
	} {
		if got := joinWraps(tt.in); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestChromiumWrapsReadAsHTML prints, at several widths, a bill's
// articles that quote an HTML table and name "nus-propriétaires", as a
// browser's "Save as PDF" does (no hyphenation: every hyphen at a line's
// end is the text's), and reads them as the page itself reads: no line's
// wrap changes a word.
func TestChromiumWrapsReadAsHTML(t *testing.T) {
	paras := []string{
		"Article 4",
		"Le tableau annexé à la loi organique n° 2010-837 relative à l'application de l'article 13 de la Constitution est complété comme suit :",
		"\"<table><tbody><tr><td>Haute autorité de la transparence de la vie publique</td><td>Président</td></tr></tbody></table>\".",
		"Article 5",
		"La déclaration mentionne les biens détenus en indivision ou en usufruit ; pour les biens en usufruit, les noms des nus-propriétaires et, pour les biens en indivision, les noms des autres indivisaires, ainsi que la part de chacun d'eux.",
		"Les mots : \"articles 3 et 10 de la loi\" sont remplacés par les mots : \"articles 3, 10 et 11 de la loi organique\" et le taux de 1,5 % est porté à 2,5 %.",
	}
	var page strings.Builder
	for _, p := range paras {
		page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	for _, width := range []string{"7cm", "9cm", "12cm"} {
		doc := `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:serif;font-size:11pt;width:` +
			width + `}</style></head><body>` + page.String() + `</body></html>`
		want, err := readHTML([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		data := chromiumPDF(t, doc)
		t.Run(width, func(t *testing.T) {
			withPDFTools(t, func(t *testing.T) {
				got, err := pdfText(data)
				if err != nil {
					t.Fatal(err)
				}
				if s := substantive(clause.Compare(clause.Parse(want), clause.Parse(got), clause.CompareOptions{})); len(s) > 0 {
					t.Errorf("the print reads otherwise than its page: %s\n%s", strings.Join(s, "\n"), got)
				}
			})
		})
	}
}
