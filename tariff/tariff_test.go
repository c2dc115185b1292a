package tariff

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

const contradicting = `# Convention

## Article 3 - Consultation

La consultation de référence, cotée G, est fixée à 26,50 €.

## Article 4 - Majorations

La majoration MPC est fixée à 2 €. La visite VL est fixée à 60 € à compter du 1er janvier 2026.

## Annexe 1 - Tarifs

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation de référence | 30 € |
| MPC | Majoration provisoire clinicien | 2 € |
| VL | Visite longue | 70 € |
`

// TestInconsistencies: an article that prices a code differently from the
// tariff table of the same version is reported, naming both places; an
// article that agrees, or that announces a price from a date, is not.
func TestInconsistencies(t *testing.T) {
	got := Inconsistencies(Prices(clause.Parse(contradicting)))
	if len(got) != 1 {
		t.Fatalf("%d inconsistencies, want 1: %+v", len(got), got)
	}
	if msg := got[0].Message(); msg != "Article 3 prices G at 26,50 €, Annexe 1/G at 30 €" {
		t.Errorf("message = %q", msg)
	}
	agreeing := strings.Replace(contradicting, "26,50 €", "30 €", 1)
	if got := Inconsistencies(Prices(clause.Parse(agreeing))); len(got) != 0 {
		t.Errorf("agreeing version: %+v", got)
	}
}

// TestBuild: one row per code, newest order first; a version without a
// price has no cell; a code priced differently in two places of one
// version keeps both; a changed cell is told from an unchanged one.
func TestBuild(t *testing.T) {
	older := clause.Parse("# C\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 25 € |\n| MPC | Majoration | 2 € |\n")
	g := Build([]Version{{Label: "v1", Doc: older}, {Label: "v2", Doc: clause.Parse(contradicting)}})
	var codes []string
	for _, r := range g.Rows {
		codes = append(codes, r.Code)
	}
	if strings.Join(codes, " ") != "G MPC VL" {
		t.Fatalf("rows = %v", codes)
	}
	gr, mpc, vl := &g.Rows[0], &g.Rows[1], &g.Rows[2]
	if gr.Label != "Consultation de référence" {
		t.Errorf("G label = %q", gr.Label)
	}
	if c := gr.Cells[1]; c == nil || c.Text != "30 €" || c.Clause != "Annexe 1/G" || len(c.Also) != 1 || c.Also[0].Text != "26,50 €" || c.Also[0].Clause != "Article 3" {
		t.Errorf("G in v2 = %+v", c)
	}
	if c := vl.Cells[1]; c == nil || c.Text != "70 €" || len(c.Also) != 1 || c.Also[0].Effective != "2026-01-01" {
		t.Errorf("VL in v2 = %+v", c)
	}
	if vl.Cells[0] != nil || !vl.Changed(1) {
		t.Errorf("VL: v1 %+v, changed %v", vl.Cells[0], vl.Changed(1))
	}
	if mpc.Changed(1) {
		t.Errorf("MPC at 2 € in both versions reported changed")
	}
	if !gr.Changed(1) || gr.Changed(0) {
		t.Errorf("G changed = %v, %v", gr.Changed(0), gr.Changed(1))
	}
}

// TestChangedZone: a row priced per zone is changed when any zone's price
// is, and unchanged when none is.
func TestChangedZone(t *testing.T) {
	table := func(apc string) *clause.Document {
		return clause.Parse("# C\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Métropole | Antilles | Réunion |\n|---|---|---|---|---|\n" +
			"| G | Consultation | 26,50 € | 27,50 € | 29 € |\n| APC | Avis ponctuel | " + apc + " |\n")
	}
	g := Build([]Version{{Label: "v1", Doc: table("55 € | 57,20 € | 59 €")}, {Label: "v2", Doc: table("55 € | 57,20 € | 61 €")}, {Label: "v3", Doc: table("55 € | 57,20 € | 61 €")}})
	if len(g.Rows) != 2 || g.Rows[1].Code != "APC" {
		t.Fatalf("rows = %+v", g.Rows)
	}
	apc := &g.Rows[1]
	if !apc.Changed(1) {
		t.Errorf("APC: Réunion 59 € → 61 € not reported changed")
	}
	if apc.Changed(2) || g.Rows[0].Changed(1) || g.Rows[0].Changed(2) {
		t.Errorf("unchanged rows reported changed: APC v3 %v, G %v %v", apc.Changed(2), g.Rows[0].Changed(1), g.Rows[0].Changed(2))
	}
}

// TestTableDateIsEffective: a price of the table that an article gives
// from a date carries that date.
func TestTableDateIsEffective(t *testing.T) {
	doc := strings.Replace(contradicting, "est fixée à 26,50 €.", "est portée à 30 € à compter du 1er octobre 2024.", 1)
	g := Build([]Version{{Label: "v", Doc: clause.Parse(doc)}})
	if c := g.Rows[0].Cells[0]; c.Code != "G" || c.Effective != "2024-10-01" || len(c.Also) != 0 {
		t.Errorf("G = %+v", c)
	}
}

// TestRowLabel: the label is the cell that names the act, a number in it
// or not; the cells that give a value are passed over.
func TestRowLabel(t *testing.T) {
	tests := []struct{ row, code, want string }{
		{"| G | Consultation | 30 € |", "G", "Consultation"},
		{"| BSI 3 | Bilan de soins infirmiers 3 | 31,32 € |", "BSI 3", "Bilan de soins infirmiers 3"},
		{"| VG2 | Visite2 | 30 € |", "VG2", "Visite2"},
		{"| MN | 1er décembre 2024 | + 35 € | Majoration de nuit |", "MN", "Majoration de nuit"},
		{"| G | EUR 30 | Consultation |", "G", "Consultation"},
		{"| G | 30 EUR | 70 % |", "G", ""},
		{"| CS | - Consultation spécialiste | 30 € |", "CS", "- Consultation spécialiste"},
		{"| MN | – 5 € | Majoration de nuit |", "MN", "Majoration de nuit"},
		{"| MN | −€5 | Majoration de nuit |", "MN", "Majoration de nuit"},
	}
	for _, tt := range tests {
		if got := RowLabel(tt.row, tt.code); got != tt.want {
			t.Errorf("RowLabel(%q) = %q, want %q", tt.row, got, tt.want)
		}
	}
}

// TestPricesInTime: a row that gives an act's current price beside its new
// one dates the new one only; a column that names its own date dates its
// prices; zones side by side share the row's date.
func TestPricesInTime(t *testing.T) {
	for _, tc := range []struct{ name, table, want string }{
		{"current and new", "| Code | Libellé | Tarif actuel | Nouveau tarif | Date d'effet |\n|---|---|---|---|---|\n" +
			"| G | Consultation | 26,50 € | 30,00 € | 1er décembre 2024 |\n", "26,50 € ; 30,00 € 2024-12-01"},
		{"former, bare numbers", "| Code | Libellé | Ancien tarif (€) | Tarif revalorisé (€) | Date d'effet |\n|---|---|---|---|---|\n" +
			"| G | Consultation | 26,50 | 30,00 | 01/12/2024 |\n", "26,50 € ; 30,00 € 2024-12-01"},
		{"dated columns", "| Code | Libellé | Tarif au 1er novembre 2023 | Tarif au 1er décembre 2024 |\n|---|---|---|---|\n" +
			"| G | Consultation | 26,50 € | 30,00 € |\n", "26,50 € 2023-11-01 ; 30,00 € 2024-12-01"},
		{"zones", "| Code | Libellé | Métropole | DOM | Date d'effet |\n|---|---|---|---|---|\n" +
			"| G | Consultation | 30,00 € | 32,00 € | 1er décembre 2024 |\n", "30,00 € 2024-12-01 ; 32,00 € 2024-12-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range Prices(clause.Parse("## Annexe 1 - Tarifs\n\n" + tc.table)) {
				got = append(got, strings.TrimSpace(p.Text+" "+p.Effective))
			}
			if s := strings.Join(got, " ; "); s != tc.want {
				t.Errorf("prices %q, want %q", s, tc.want)
			}
		})
	}
}

// TestChangedZoneByName: a zone's price is compared with the price of the
// zone of the same name, as check and diff compare it: a zone's price
// changed to the value another zone has is a change (it was not, the
// cell's prices compared as a set of values), a table whose columns moved
// with their prices is none, and columns renamed in place are compared in
// place.
func TestChangedZoneByName(t *testing.T) {
	table := func(header, g string) *clause.Document {
		return clause.Parse("## Annexe 1 - Tarifs\n\n| Code | Libellé | " + header + " |\n|---|---|---|---|---|---|\n| G | Consultation | " + g + " |\n")
	}
	zones := "Métropole | Antilles | Réunion | Mayotte"
	dated := "Au 1er décembre 2024 Métropole | Au 1er décembre 2024 Antilles | Au 1er décembre 2024 Réunion | Au 1er décembre 2024 Mayotte"
	for _, tc := range []struct {
		name      string
		old, new  *clause.Document
		changed   bool
		newPrices string
	}{
		{"a zone takes another's price", table(zones, "30 € | 30 € | 32 € | 32 €"), table(zones, "30 € | 32 € | 32 € | 32 €"), true,
			"Métropole 30 €, Antilles 32 €, Réunion 32 €, Mayotte 32 €"},
		{"columns reordered with their prices", table(zones, "30 € | 30 € | 32 € | 32 €"),
			table("Mayotte | Réunion | Antilles | Métropole", "32 € | 32 € | 30 € | 30 €"), false, "Mayotte 32 €, Réunion 32 €, Antilles 30 €, Métropole 30 €"},
		{"names swapped over the same prices", table(zones, "30 € | 31 € | 32 € | 33 €"),
			table("Antilles | Métropole | Réunion | Mayotte", "30 € | 31 € | 32 € | 33 €"), true, "Antilles 30 €, Métropole 31 €, Réunion 32 €, Mayotte 33 €"},
		{"dated zones", table(dated, "30 € | 30 € | 32 € | 32 €"), table(dated, "30 € | 32 € | 32 € | 32 €"), true,
			"Métropole 30 €, Antilles 32 €, Réunion 32 €, Mayotte 32 €"},
		{"columns renamed in place", table(zones, "30 € | 31 € | 32 € | 33 €"),
			table("Métropole | Antilles-Guyane | Réunion | Mayotte", "30 € | 31 € | 32 € | 33 €"), false, "Métropole 30 €, Antilles-Guyane 31 €, Réunion 32 €, Mayotte 33 €"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantOneRow(t, tc.old, tc.new, tc.newPrices, tc.changed) })
	}
}

// TestTablesApart: in a text pricing the same codes in several tables, a
// row is a code in one table: a row taken from the Métropole table to the
// DROM table leaves the one and comes into the other (it read unchanged,
// one row per code whatever its table), the same code priced alike in both
// tables is unchanged, a table renamed (DROM → DOM) goes on, and a text of
// one table keeps one row per code.
func TestTablesApart(t *testing.T) {
	doc := func(drom string, metropole, dromRows string) *clause.Document {
		return clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n### Métropole\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" + metropole +
			"\n### " + drom + "\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" + dromRows)
	}
	const g, vg = "| G | Consultation | 30 € |\n", "| VG | Visite | 35 € |\n"
	const gDrom = "| G | Consultation | 32 € |\n"
	grid := Build([]Version{
		{Label: "v1", Doc: doc("DROM", g+vg, gDrom)},
		{Label: "v2", Doc: doc("DROM", g, gDrom+vg)},
		{Label: "v3", Doc: doc("DOM", g, gDrom+vg)},
	})
	if !grid.ByTable {
		t.Fatal("tables not told apart")
	}
	wantGrid(t, grid,
		"Annexe 1/Métropole G: 30 € 30 € 30 €",
		"Annexe 1/DOM G: 32 € 32 € 32 €",
		"Annexe 1/DOM VG: – 35 €* 35 €",
		"Annexe 1/Métropole VG: 35 € –* –",
	)
	one := Build([]Version{{Label: "v1", Doc: clause.Parse("## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" + g)},
		{Label: "v2", Doc: clause.Parse("## Annexe 1 - Tarifs des actes\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" + g)}})
	if one.ByTable || len(one.Rows) != 1 || one.Rows[0].Changed(1) {
		t.Errorf("one table renamed: by table %v, rows %+v", one.ByTable, one.Rows)
	}
}

// wantGrid fails t unless each row of the grid reads as the line wanted:
// its table, its code and each version's cell, "*" after a changed one.
func wantGrid(t *testing.T, grid *Grid, want ...string) {
	t.Helper()
	var got []string
	for _, r := range grid.Rows {
		line := r.Table + " " + r.Code + ":"
		for v := range r.Cells {
			line += " " + cellText(r.Cells[v])
			if r.Changed(v) {
				line += "*"
			}
		}
		got = append(got, line)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func cellText(c *Cell) string {
	if c == nil {
		return "–"
	}
	return c.Text
}

// TestTableSplit: a table split in two goes on in the part that keeps its
// prices (Métropole), not in the one that holds most of its codes (DROM,
// which prices G and VG otherwise): G and VG unchanged in Métropole, APC
// taken into the DROM table leaves Métropole's.
func TestTableSplit(t *testing.T) {
	one := clause.Parse("## Article 1 - Objet\n\nLa convention fixe les tarifs.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation | 30 € |\n| VG | Visite | 35 € |\n| APC | Avis ponctuel | 60 € |\n")
	two := clause.Parse("## Article 1 - Objet\n\nLa convention fixe les tarifs.\n\n## Annexe 1 - Tarifs\n\n### Métropole\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation | 30 € |\n| VG | Visite | 35 € |\n\n### DROM\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation | 32 € |\n| VG | Visite | 37 € |\n| APC | Avis ponctuel | 60 € |\n")
	g := Build([]Version{{Label: "one", Doc: one}, {Label: "two", Doc: two}})
	var got []string
	for _, r := range g.Rows {
		line := r.Table + " " + r.Code + ": " + cellText(r.Cells[0]) + " " + cellText(r.Cells[1])
		if r.Changed(1) {
			line += "*"
		}
		got = append(got, line)
	}
	want := []string{
		"Annexe 1/Métropole G: 30 € 30 €",
		"Annexe 1/Métropole VG: 35 € 35 €",
		"Annexe 1/DROM G: – 32 €*",
		"Annexe 1/DROM VG: – 37 €*",
		"Annexe 1/DROM APC: – 60 €*",
		"Annexe 1/Métropole APC: 60 € –*",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grid:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFreeRow: a row that says its act is free is priced 0 € in the grid,
// as written; a price turned into "Gratuit" is a change (the act read as
// no longer priced, "–", and a free act was missing from the grid), and a
// row that says "NC" gives no price.
func TestFreeRow(t *testing.T) {
	table := func(ccp string) *clause.Document {
		return clause.Parse("## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| CCP | Consultation de prévention | " + ccp + " |\n")
	}
	g := Build([]Version{{Label: "v1", Doc: table("46 €")}, {Label: "v2", Doc: table("Gratuit")}, {Label: "v3", Doc: table("NC")}})
	if len(g.Rows) != 2 || g.Rows[1].Code != "CCP" {
		t.Fatalf("rows = %+v", g.Rows)
	}
	ccp := &g.Rows[1]
	if c := ccp.Cells[1]; c == nil || c.Text != "Gratuit" || c.Value != 0 || c.Unit != "EUR" || !ccp.Changed(1) {
		t.Errorf("CCP free: %+v, changed %v", c, ccp.Changed(1))
	}
	if ccp.Cells[2] != nil || !ccp.Changed(2) {
		t.Errorf("CCP NC: %+v", ccp.Cells[2])
	}
}

// TestTablesOneHeading: two tables under one heading, nothing else naming
// either, are two tables: the first by the heading, the second by its rank
// there. Prices swapped between them change both rows (they read as one
// row per code, each unchanged); a row taken out of the first leaves the
// first, not the second.
func TestTablesOneHeading(t *testing.T) {
	doc := func(first, second string) *clause.Document {
		const header = "| Code | Libellé | Tarif |\n|---|---|---|\n"
		return clause.Parse("## Annexe 1 - Tarifs\n\n" + header + first + "\n" + header + second)
	}
	grid := Build([]Version{
		{Label: "v1", Doc: doc("| G | Consultation | 30 € |\n| VG | Visite | 35 € |\n", "| G | Consultation | 32 € |\n| VG | Visite | 37 € |\n")},
		{Label: "v2", Doc: doc("| G | Consultation | 32 € |\n| VG | Visite | 35 € |\n", "| G | Consultation | 30 € |\n| VG | Visite | 37 € |\n")},
		{Label: "v3", Doc: doc("| G | Consultation | 32 € |\n", "| G | Consultation | 30 € |\n| VG | Visite | 37 € |\n")},
	})
	wantGrid(t, grid,
		"Annexe 1 G: 30 € 32 €* 32 €",
		"Annexe 1 (tableau 2) G: 32 € 30 €* 30 €",
		"Annexe 1 (tableau 2) VG: 37 € 37 € 37 €",
		"Annexe 1 VG: 35 € 35 € –*",
	)
}

// TestChangedSource: a cell holding the table's price and an article's
// changes when the two swap (30 € / 26,50 € (Article 3) → 26,50 € / 30 €
// (Article 3)): each price is compared with the one of its own kind, not
// with any of the cell's.
func TestChangedSource(t *testing.T) {
	doc := func(article, row string) *clause.Document {
		return clause.Parse("## Article 3 - Consultation\n\nLa consultation de référence G est fixée à " + article +
			".\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | " + row + " |\n")
	}
	grid := Build([]Version{{Label: "v1", Doc: doc("26,50 €", "30 €")}, {Label: "v2", Doc: doc("30 €", "26,50 €")}, {Label: "v3", Doc: doc("30 €", "26,50 €")}})
	if len(grid.Rows) != 1 || !grid.Rows[0].Changed(1) || grid.Rows[0].Changed(2) {
		t.Errorf("swapped prices: %+v", grid.Rows)
	}
}

// TestZoneMovedInColumns: in a table in columns, a row's one price set
// under the DROM column where it stood under Métropole's is a change of
// the row (the grid read both as the same 31,50 €, unchanged).
func TestZoneMovedInColumns(t *testing.T) {
	table := func(cs string) *clause.Document {
		return clause.Parse("Annexe 1 - Tarifs\n\nCode    Libellé                 Métropole    DROM\n" +
			"G       Consultation            30,00 €      32,00 €\nCS      Consultation spé        " + cs + "\n" +
			"APC     Avis ponctuel                        60,00 €\n")
	}
	g := Build([]Version{{Label: "v1", Doc: table("31,50 €")}, {Label: "v2", Doc: table("             31,50 €")}, {Label: "v3", Doc: table("             31,50 €")}})
	for _, r := range g.Rows {
		if changed := r.Changed(1); changed != (r.Code == "CS") {
			t.Errorf("%s changed in v2: %v", r.Code, changed)
		}
		if r.Changed(2) {
			t.Errorf("%s changed in v3", r.Code)
		}
	}
}

// TestZoneMovedInPipes: a row's one price set under DROM's cell where it
// stood under Métropole's, in a table that still names both, is changed
// (check reported it, the grid read the same 31 € unchanged); a column
// renamed under the same price is compared in place.
func TestZoneMovedInPipes(t *testing.T) {
	table := func(header, cs string) *clause.Document {
		return clause.Parse("## Annexe 1\n\n| Code | Libellé | " + header + " |\n|---|---|---|---|\n| G | Consultation | 30 € | 32 € |\n| CS | Spé | " + cs + " |\n")
	}
	for _, tc := range []struct {
		name     string
		old, new *clause.Document
		changed  bool
	}{
		{"moved to DROM", table("Métropole | DROM", "31 € | "), table("Métropole | DROM", " | 31 €"), true},
		{"column renamed", table("Métropole | DROM", " | 31 €"), table("Métropole | DOM", " | 31 €"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := Build([]Version{{Label: "v1", Doc: tc.old}, {Label: "v2", Doc: tc.new}})
			for _, r := range g.Rows {
				if r.Code == "CS" && r.Changed(1) != tc.changed {
					t.Errorf("CS changed %v, want %v", r.Changed(1), tc.changed)
				}
			}
		})
	}
}
