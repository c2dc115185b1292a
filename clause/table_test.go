package clause

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// tableRenderings are one tariff table as each reader hands it to Parse:
// Markdown with and without a header separator (HTML without <th>), Word
// and HTML cells in pipes, pdftotext -layout columns with a wrapped label,
// tab-separated cells.
var tableRenderings = []struct{ name, text string }{
	{"markdown", `Annexe 1 - Tarifs

| Code | Libellé | Tarif |
|---|:--|--:|
| G | Consultation de référence du médecin généraliste | 30,00 € |
| **APC** | Avis ponctuel de consultant | 56,50 € |

Hors majorations.
`},
	{"pipes without separator", `Annexe 1 - Tarifs

| Code | Libellé | Tarif |
| G | Consultation de référence du médecin généraliste | 30,00 € |
| APC | Avis ponctuel de consultant | 56,50 € |

Hors majorations.
`},
	{"pdftotext -layout, label wrapped", `Annexe 1 - Tarifs

   Code    Libellé                                 Tarif
   G       Consultation de référence du            30,00 €
           médecin généraliste
   APC     Avis ponctuel de consultant             56,50 €

Hors majorations.
`},
	{"pdftotext -layout, label around its code", `Annexe 1 - Tarifs

Code  Libellé                                            Tarif
G     Consultation de référence du médecin généraliste   30,00 €
      Avis ponctuel
APC                                                      56,50 €
      de consultant

Hors majorations.
`},
	{"pdftotext -layout, a code one space before its label", `Annexe 1 - Tarifs

Code  Libellé                                            Tarif
G     Consultation de référence du médecin généraliste   30,00 €
APC Avis ponctuel de consultant                          56,50 €

Hors majorations.
`},
	{"pdftotext -layout of a browser's print, every label centred", `Annexe 1 - Tarifs

        Code                Libellé                         Tarif
              Consultation de référence
   G          du médecin                                    30,00 €
              généraliste
              Avis ponctuel
   APC                                                      56,50 €
              de consultant

Hors majorations.
`},
	{"tabs", "Annexe 1 - Tarifs\n\nCode\tLibellé\tTarif\nG\tConsultation de référence du médecin généraliste\t30,00 €\nAPC\tAvis ponctuel de consultant\t56,50 €\n\nHors majorations.\n"},
}

func TestTableRenderingsAreOneTable(t *testing.T) {
	want := Parse(tableRenderings[0].text)
	for _, r := range tableRenderings {
		t.Run(r.name, func(t *testing.T) {
			d := Parse(r.text)
			checkDocument(t, r.text, d)
			var got []string
			for i := range d.Clauses {
				c := &d.Clauses[i]
				switch {
				case IsTableHeader(c):
					got = append(got, "header "+c.Heading)
				case isTableRow(c):
					got = append(got, fmt.Sprintf("row %s in %d: %q", c.Key, d.Holder(i), RowCells(c.Text)))
				}
			}
			wantRows := []string{
				"header Code | Libellé | Tarif",
				`row tariff:G in 0: ["G" "Consultation de référence du médecin généraliste" "30,00 €"]`,
				`row tariff:APC in 0: ["APC" "Avis ponctuel de consultant" "56,50 €"]`,
			}
			if !slices.Equal(got, wantRows) {
				t.Errorf("table read as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantRows, "\n"))
			}
			diff := Compare(want, d, CompareOptions{})
			if diff.Differs() {
				t.Errorf("differs from the Markdown table: %q", listed(diff, false))
			}
		})
	}
}

func TestTableRowChangeComparesCells(t *testing.T) {
	old := Parse(tableRenderings[0].text)
	new := Parse(strings.Replace(tableRenderings[2].text, "30,00 €", "31,50 €", 1))
	d := Compare(old, new, CompareOptions{})
	got := listed(d, false)
	if want := []string{"modified G→G [amount 30,00 €→31,50 €]"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for _, c := range d.Changes {
		if c.Kind != Modified {
			continue
		}
		if c.Similarity < 0.8 {
			t.Errorf("similarity %.2f: separators compared", c.Similarity)
		}
		for _, h := range c.Hunks {
			if h.Op != OpEqual && strings.ContainsAny(h.Text, "|") {
				t.Errorf("hunk %q holds a separator", h.Text)
			}
		}
	}
}

func TestTableAmountColumns(t *testing.T) {
	old := Parse("Annexe 2\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | 32 € |\n| V | Visite | 35 € | 38 € |\n")
	new := Parse("Annexe 2\n\nCode   Libellé        Métropole   DOM\nG      Consultation   31,50 €     32 €\nV      Visite         35 €        40 €\n")
	d := Compare(old, new, CompareOptions{})
	var got []string
	for _, c := range d.Changes {
		for _, f := range c.Facts {
			got = append(got, fmt.Sprintf("%s %s: %s → %s", f.Kind, f.Subject, f.Old, f.New))
		}
	}
	want := []string{"amount G (Métropole): 30 € → 31,50 €", "amount V (DOM): 38 € → 40 €"}
	if !slices.Equal(got, want) {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// A row priced in several columns that appears or disappears names each of
// its amounts by column, as a changed row does; a row with one price keeps
// the act code alone.
func TestTableAmountColumnsPresence(t *testing.T) {
	with := Parse("Annexe 2\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | 32 € |\n| V | Visite | 35 € | 38 € |\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| MPC | Majoration | 2 € |\n")
	without := Parse("Annexe 2\n\n| Code | Libellé | Métropole | DOM |\n|---|---|---|---|\n| G | Consultation | 30 € | 32 € |\n\n| Code | Libellé | Tarif |\n|---|---|---|\n")
	facts := func(d *Diff) []string {
		var got []string
		for _, c := range d.Changes {
			for _, f := range c.Facts {
				got = append(got, fmt.Sprintf("%s %s: %s → %s", f.Kind, f.Subject, f.Old, f.New))
			}
		}
		return got
	}
	removed := []string{"code : V → ", "amount V (Métropole): 35 € → ", "amount V (DOM): 38 € → ", "code : MPC → ", "amount MPC: 2 € → "}
	if got := facts(Compare(with, without, CompareOptions{})); !slices.Equal(got, removed) {
		t.Errorf("removed rows: facts %q, want %q", got, removed)
	}
	added := []string{"code :  → V", "amount V (Métropole):  → 35 €", "amount V (DOM):  → 38 €", "code :  → MPC", "amount MPC:  → 2 €"}
	if got := facts(Compare(without, with, CompareOptions{})); !slices.Equal(got, added) {
		t.Errorf("added rows: facts %q, want %q", got, added)
	}
}

// A row is keyed by its first cell that reads as an act code, wherever the
// table puts it, so that a removed row takes its code away, not its name.
func TestPipeRowCode(t *testing.T) {
	tests := []struct{ row, want string }{
		{"| G | Consultation | 30 € |", "G"},
		{"| Consultation de référence | G | 26,50 € |", "G"},
		{"| Consultations | GS | 26,50 € | 28,50 € |", "GS"},
		{"| 1 | Visite | VG | 36,50 € |", "VG"},
		{"| **APC** | Avis ponctuel | 55 € |", "APC"},
		{"| C2,5 | Consultation | 55 € |", "C2,5"},
		{"| Consultation | 30 € |", "Consultation"},
	}
	for _, tt := range tests {
		if got := pipeRowCode(tt.row); got != tt.want {
			t.Errorf("pipeRowCode(%q) = %q, want %q", tt.row, got, tt.want)
		}
	}
	old := Parse("Annexe 1\n\n| Libellé | Code | Tarif |\n|---|---|---|\n| Consultation | G | 26,50 € |\n| Visite | VG | 36,50 € |\n")
	new := Parse("Annexe 1\n\n| Libellé | Code | Tarif |\n|---|---|---|\n| Consultation | G | 26,50 € |\n")
	got := factChanges(old, new)
	if want := []string{"code VG → ", "amount 36,50 € → "}; !slices.Equal(got, want) {
		t.Errorf("removed row: facts %q, want %q", got, want)
	}
}

// A table that names the act before its code reads the same in pipes and
// in columns (a PDF's layout): one row per code, cell by cell.
func TestLabelFirstColumns(t *testing.T) {
	pipes := "Annexe 1\n\n| Libellé | Code | Tarif |\n|---|---|---|\n| Consultation de référence | G | 26,50 € |\n| Visite | VG | 36,50 € |\n"
	columns := "Annexe 1\n\nLibellé                      Code    Tarif\nConsultation de référence    G       26,50 €\nVisite                       VG      36,50 €\n"
	rows := func(in string) []string {
		d := Parse(in)
		checkDocument(t, in, d)
		var out []string
		for _, c := range d.Clauses {
			switch {
			case IsTableHeader(&c):
				out = append(out, "header "+c.Heading)
			case c.Kind == KindItem:
				out = append(out, c.Key+" "+strings.Join(RowCells(c.Text), " | "))
			}
		}
		return out
	}
	// A label wrapped under itself, at the row's indentation, as a PDF
	// of top-aligned cells prints it; the text after the table, past
	// the label's column, is not the label's.
	wrapped := "Annexe 1\n\nLibellé                      Code    Tarif\nConsultation de               G       26,50 €\nréférence\nVisite                       VG      36,50 €\nTarifs applicables en métropole et dans les DROM.\n"
	// A sentence of the text after the table, short enough to stand
	// under the label alone, opens with a capital word: not the label's.
	noted := "Annexe 1\n\nLibellé                      Code    Tarif\nConsultation de               G       26,50 €\nréférence\nVisite                       VG      36,50 €\nLes tarifs sont nets.\n"
	want := []string{"header Libellé | Code | Tarif", "tariff:G Consultation de référence | G | 26,50 €", "tariff:VG Visite | VG | 36,50 €"}
	for name, in := range map[string]string{"pipes": pipes, "columns": columns, "wrapped": wrapped, "noted": noted} {
		if got := rows(in); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	for _, line := range []string{
		"Le tarif  G  est fixé par décret.",
		"Voir l'article 3    du code    30 €",
		"Consultation    G",
	} {
		if code, ok := labelFirstRow(line); ok {
			t.Errorf("labelFirstRow(%q) = %q, a row", line, code)
		}
	}
}

// A category row over the rows of its acts ("| Visites |") has no code:
// its removal reports none, while a row keyed by an unknown code does.
func TestCategoryRowHasNoCode(t *testing.T) {
	old := Parse("Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| Visites |\n| VG | Visite | 40 € |\n| XYZ | Acte | 5 € |\n")
	new := Parse("Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| VG | Visite | 40 € |\n")
	got := factChanges(old, new)
	if want := []string{"code XYZ → ", "amount 5 € → "}; !slices.Equal(got, want) {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// A row keyed by a key letter and its coefficient ("AMI 3", "K 10") is
// the row of that act in every rendering: in columns as in pipes, and
// never a paragraph whose prices go to "AMI" or "K", merging the acts.
func TestKeyCoefficientRows(t *testing.T) {
	want := []string{"tariff:AMI 1", "tariff:AMI 3", "tariff:K 10", "tariff:AMK 7,5"}
	for name, in := range map[string]string{
		"pipes":                                 "Annexe 2\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| AMI 1 | Acte infirmier | 3,15 € |\n| AMI 3 | Pansement complexe | 9,45 € |\n| K 10 | Acte technique | 19,20 € |\n| AMK 7,5 | Rééducation | 16,13 € |\n",
		"label first":                           "Annexe 2\n\n| Libellé | Code | Tarif |\n|---|---|---|\n| Acte infirmier | AMI 1 | 3,15 € |\n| Pansement complexe | AMI 3 | 9,45 € |\n| Acte technique | K 10 | 19,20 € |\n| Rééducation | AMK 7,5 | 16,13 € |\n",
		"columns":                               "Annexe 2\n\nCode      Libellé               Tarif\nAMI 1     Acte infirmier        3,15 €\nAMI 3     Pansement complexe    9,45 €\nK 10      Acte technique        19,20 €\nAMK 7,5   Rééducation           16,13 €\n",
		"columns, a code as long as its column": "Annexe 2\n\nCode      Libellé               Tarif\nAMI 1     Acte infirmier        3,15 €\nAMI 3 Pansement complexe    9,45 €\nK 10      Acte technique        19,20 €\nAMK 7,5 Rééducation         16,13 €\n",
		"tabs":                                  "Annexe 2\n\nCode\tLibellé\tTarif\nAMI 1\tActe infirmier\t3,15 €\nAMI 3\tPansement complexe\t9,45 €\nK 10\tActe technique\t19,20 €\nAMK 7,5\tRééducation\t16,13 €\n",
		"stacked":                               "Annexe 2\n\nCode\nLibellé\nTarif\nAMI 1\nActe infirmier\n3,15 €\nAMI 3\nPansement complexe\n9,45 €\nK 10\nActe technique\n19,20 €\nAMK 7,5\nRééducation\n16,13 €\n",
	} {
		d := Parse(in)
		checkDocument(t, in, d)
		var got []string
		for _, c := range d.Clauses {
			if c.Kind == KindItem {
				got = append(got, c.Key)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: rows %q, want %q", name, got, want)
		}
	}
	for _, s := range []string{"AMI 3", "K 10", "AMK 7,5", "G"} {
		if !isRowCode(s) {
			t.Errorf("isRowCode(%q) = false", s)
		}
	}
	for _, s := range []string{"TITRE 2", "AMI 3 €", "G 30,00 €", "Ami 3", "AMI 3 Pansement", "AMI ", "AMI 3,"} {
		if isRowCode(s) {
			t.Errorf("isRowCode(%q) = true", s)
		}
	}
}

// A price cell is one however the price is written: the currency first,
// the cents after it, a footnote called after it. In columns, such a line
// is a row; priced per zone, each column is a fact of its own.
func TestAmountCellsWrittenOtherwise(t *testing.T) {
	for _, c := range []string{"30 €(1)", "30 €¹", "30 €*", "30 €1", "€ 1 234,56", "EUR 1.234,56", "26 € 50", "26,50", "30 F"} {
		if !isAmount(c) {
			t.Errorf("isAmount(%q) = false", c)
		}
	}
	for _, c := range []string{"70 %", "12", "30 € par acte", "Consultation", "30 € 15 jours", "€", "2024"} {
		if isAmount(c) {
			t.Errorf("isAmount(%q) = true", c)
		}
	}
	old := "Annexe 1\n\nCode     Libellé          Métropole      DOM\nG        Consultation     30 €(1)        32 €(1)\nVG       Visite           € 1 234,56     € 1 300,00\nAMI 3    Pansement        9 € 45         9 € 80\n"
	new := strings.NewReplacer("32 €(1)", "33 €(1)", "1 300,00", "1 310,00", "9 € 80", "9 € 90").Replace(old)
	var got []string
	for _, c := range Compare(Parse(old), Parse(new), CompareOptions{}).Changes {
		for _, f := range c.Facts {
			got = append(got, fmt.Sprintf("%s %s: %s → %s", f.Kind, f.Subject, f.Old, f.New))
		}
	}
	want := []string{"amount G (DOM): 32 € → 33 €", "amount VG (DOM): € 1 300,00 → € 1 310,00", "amount AMI 3 (DOM): 9 € 80 → 9 € 90"}
	if !slices.Equal(got, want) {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// A row whose code changed prices another act: a code fact from the one to
// the other, known to the nomenclature or not.
func TestRowCodeChanged(t *testing.T) {
	old := Parse("Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| TLX | Télé-acte expérimental | 25 € |\n| CCP | Consultation de contraception | 46 € |\n| AMI 3 | Pansement | 9,45 € |\n")
	new := Parse("Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| TLY | Télé-acte expérimental | 25 € |\n| CCPE | Consultation de contraception | 46 € |\n| AMI 4 | Pansement | 9,45 € |\n")
	got := factChanges(old, new)
	if want := []string{"code TLX → TLY", "code CCP → CCPE", "code AMI 3 → AMI 4"}; !slices.Equal(got, want) {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// factChanges lists the facts of every change from old to new as "kind
// old → new".
func factChanges(old, new *Document) []string {
	var out []string
	for _, c := range Compare(old, new, CompareOptions{}).Changes {
		for _, f := range c.Facts {
			out = append(out, fmt.Sprintf("%s %s → %s", f.Kind, f.Old, f.New))
		}
	}
	return out
}

// A column named by an abbreviation ("Coef.", "Coeff.", "Réf.") is a
// column all the same: the header in columns names the zones, and a
// changed price is the price of its zone, not of "colonne 5".
func TestAbbreviatedColumnNames(t *testing.T) {
	for _, name := range []string{"Coef.", "Coeff.", "Coefficient", "Réf."} {
		t.Run(name, func(t *testing.T) {
			table := "Annexe 1 - Actes\n\nCode      Libellé                " + name + "    Métropole    DOM\n" +
				"AMI 3     Pansement lourd        3        9,45 €       9,93 €\n" +
				"AMI 4     Pansement d'ulcère     4        12,60 €      13,24 €\n"
			d := Compare(Parse(table), Parse(strings.Replace(table, "13,24", "13,50", 1)), CompareOptions{})
			var got []string
			for _, c := range d.Changes {
				for _, f := range c.Facts {
					got = append(got, fmt.Sprintf("%s %s: %s → %s", f.Kind, f.Subject, f.Old, f.New))
				}
			}
			if want := []string{"amount AMI 4 (DOM): 13,24 € → 13,50 €"}; !slices.Equal(got, want) {
				t.Errorf("facts %q, want %q", got, want)
			}
		})
	}
	for _, cell := range []string{"Voir le tableau ci-dessous.", "Néant, sauf dispositions contraires."} {
		if isColumnName(cell) {
			t.Errorf("%q read as a column's name", cell)
		}
	}
}

// TestGluedCells: pdftotext -layout sets narrow columns one space apart
// ("32,50 € 1er décembre 2024"): a price and the date or price beside it
// are two cells; a price that goes on in words is one.
func TestGluedCells(t *testing.T) {
	for in, want := range map[string][]string{
		"VG      Visite       30,00 €       32,50 € 1er décembre 2024": {"VG", "Visite", "30,00 €", "32,50 €", "1er décembre 2024"},
		"MN      Nuit         35,00 € 38,50 €":                         {"MN", "Nuit", "35,00 €", "38,50 €"},
		"K 10    Acte         19,20 € par acte":                        {"K 10", "Acte", "19,20 € par acte"},
		"G       Consultation 30 €":                                    {"G", "Consultation 30 €"},
	} {
		if got := RowCells(in); !slices.Equal(got, want) {
			t.Errorf("RowCells(%q) = %q, want %q", in, got, want)
		}
	}
}
