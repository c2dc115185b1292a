package amend

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
)

// sameClauses compares what a reader sees of two documents: kinds,
// numbers, headings, texts and nesting.
func sameClauses(t *testing.T, name string, want, got *clause.Document) {
	t.Helper()
	type view struct {
		Kind                          clause.Kind
		Number, Heading, Text, Status string
		Depth                         int
	}
	views := func(d *clause.Document) []view {
		out := make([]view, len(d.Clauses))
		for i, c := range d.Clauses {
			out[i] = view{c.Kind, c.Number, c.Heading, c.Text, c.Status, c.Depth}
		}
		return out
	}
	w, g := views(want), views(got)
	if reflect.DeepEqual(w, g) {
		return
	}
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			t.Fatalf("%s: clause %d differs:\nwant %+v\ngot  %+v", name, i, w[i], g[i])
		}
	}
	t.Fatalf("%s: %d clauses, want %d", name, len(g), len(w))
}

func TestWriteReadsBack(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/*.md")
	writeReadsBack(t, files)
}

func TestWriteReadsBackCorpus(t *testing.T) {
	writeReadsBack(t, corpus.Files(t, "raw/rcm_1998/*.md", "raw/legi_casf_rsa/*.md"))
}

// writeReadsBack checks that every file, written back, parses into the
// clauses it was read as: in Markdown from the file itself, in plain text
// from its plain rendering.
func writeReadsBack(t *testing.T, files []string) {
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := decodeDoc(t, b)
		sameClauses(t, f+" (markdown)", doc, clause.Parse(write(doc, Markdown)))
		plain := clause.Parse(write(doc, Plain))
		sameClauses(t, f+" (plain)", plain, clause.Parse(write(plain, Plain)))
	}
}

// TestWriteKeepsTableShape: a plain text may hold a Markdown table, and a
// Markdown text a table in columns; written back, the header takes the
// shape of its rows, so the table reads back as the same rows.
func TestWriteKeepsTableShape(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		f          Format
	}{
		{"pipe rows in plain text", "Article 1\n\nTexte.\n\nANNEXE 1 - TARIFS\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n| VG | Visite | 26,50 € |\n", Plain},
		{"columns in Markdown", "# Article 1\n\nTexte.\n\n# ANNEXE 1 - TARIFS\n\nCode    Libellé    Tarif\nG    Consultation    26,50 €\nVG    Visite    26,50 €\n", Markdown},
	} {
		doc := clause.Parse(tc.text)
		sameClauses(t, tc.name, doc, clause.Parse(write(doc, tc.f)))
	}
}

// A header in columns is written at the columns of the rows under it, as
// the text had it: a consolidation leaves a table it does not amend as it
// stood. Before, its cells were set four spaces apart, above rows aligned
// otherwise. Where the rows do not tell (a tab, another number of cells),
// four spaces still.
func TestWriteHeaderInColumns(t *testing.T) {
	for _, tc := range []struct{ name, table, want string }{
		{"aligned", "Code    Libellé                          Tarif\nG       Consultation                     26,50 €\nVG      Visite                           35,00 €\n",
			"Code    Libellé                          Tarif\n"},
		{"a tab in the row", "Code    Libellé    Tarif\nG\tConsultation\t26,50 €\nVG\tVisite\t35,00 €\n",
			"Code    Libellé    Tarif\n"},
	} {
		text := "ANNEXE 1 - TARIFS\n\n" + tc.table
		got := write(clause.Parse(text), Plain)
		if !strings.Contains(got, "\n\n"+tc.want) {
			t.Errorf("%s: written\n%s\nwant the header %q", tc.name, got, tc.want)
		}
	}
}

// A row quoted in the other shape than its table's is written as the
// table's rows are: a pipe row put in a table in columns is set in its
// columns, and a row in columns put in a pipe table gets its pipes.
// Before, "« | GS | … | »" put first in a table in columns turned the
// header into a pipe one above rows in columns, and put after another
// row it stood as a pipe row among rows in columns.
func TestRowsInTheTablesShape(t *testing.T) {
	const columns = "Convention\n\nAnnexe 1 - Tarifs\n\nCode    Libellé                      Tarif\nG       Consultation                 30 €\nVG      Visite longue à domicile     60 €\n"
	const pipes = "# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| VG | Visite | 60 € |\n"
	for _, tc := range []struct {
		name, base, amend, want string
		f                       Format
	}{
		{"first, in columns", columns, "Au début du tableau de l'annexe 1, il est inséré une ligne ainsi rédigée : « | GS | Consultation du spécialiste | 30 € | »",
			"Code    Libellé                      Tarif\nGS      Consultation du spécialiste  30 €\nG       Consultation                 30 €\n", Plain},
		{"after a row, in columns", columns, "À l'annexe 1, après la ligne G, il est inséré une ligne ainsi rédigée : « | GS | Consultation du spécialiste | 30 € | »",
			"G       Consultation                 30 €\nGS      Consultation du spécialiste  30 €\nVG", Plain},
		{"in a pipe table", pipes, "À l'annexe 1, après la ligne G, il est inséré une ligne ainsi rédigée : « GS    Consultation du spécialiste    30 € »",
			"| G | Consultation | 30 € |\n| GS | Consultation du spécialiste | 30 € |\n| VG |", Markdown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := decodeDoc(t, []byte(tc.base))
			c, err := Consolidate(base, "# Avenant\n\n## Article 1\n\n"+tc.amend+"\n", tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(c.Text, tc.want) {
				t.Errorf("%q is not in\n%s", tc.want, c.Text)
			}
		})
	}
}
