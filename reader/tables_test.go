package reader

import (
	"fmt"
	"strings"
	"testing"
)

func TestLayOut(t *testing.T) {
	c := func(text string, cols, rows int) spanCell { return spanCell{text: text, cols: cols, rows: rows} }
	cont := spanCell{cont: true}
	tests := []struct {
		name string
		rows [][]spanCell
		want string // rows joined by "\n", cells by "|"
	}{
		{"rowspan carried down",
			[][]spanCell{{c("Consultations", 1, 2), c("G", 1, 1), c("30 €", 1, 1)}, {c("GS", 1, 1), c("30 €", 1, 1)}, {c("Visites", 1, 1), c("VG", 1, 1), c("40 €", 1, 1)}},
			"Consultations|G|30 €\nConsultations|GS|30 €\nVisites|VG|40 €"},
		{"rowspan in the middle column",
			[][]spanCell{{c("G", 1, 1), c("30 €", 1, 2), c("a", 1, 1)}, {c("GS", 1, 1), c("b", 1, 1)}},
			"G|30 €|a\nGS|30 €|b"},
		{"colspan repeated",
			[][]spanCell{{c("Code", 1, 1), c("Tarif", 2, 1)}, {c("G", 1, 1), c("30 €", 2, 1)}, {c("VG", 1, 1), c("40 €", 1, 1), c("42 €", 1, 1)}},
			"Code|Tarif|Tarif\nG|30 €|30 €\nVG|40 €|42 €"},
		{"a cell across the whole width stays one",
			[][]spanCell{{c("Code", 1, 1), c("Tarif", 1, 1)}, {c("Consultations", 2, 1)}, {c("G", 1, 1), c("30 €", 1, 1)}},
			"Code|Tarif\nConsultations\nG|30 €"},
		{"Word's vertical merge",
			[][]spanCell{{c("Consultations", 1, 1), c("G", 1, 1)}, {cont, c("GS", 1, 1)}, {c("Visites", 1, 1), c("VG", 1, 1)}},
			"Consultations|G\nConsultations|GS\nVisites|VG"},
		{"spans bounded",
			[][]spanCell{{c("a", 1, 1), c("x", 1<<30, 1<<30)}, {c("y", 1, 1)}},
			"a|" + strings.Repeat("x|", maxColSpan-1) + "x\ny|" + strings.Repeat("x|", maxColSpan-1) + "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range layOut(tt.rows, func(int) bool { return true }) {
				got = append(got, strings.Join(r, "|"))
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got\n%s\nwant\n%s", g, tt.want)
			}
		})
	}
	// What the budget refuses is left empty, the grid kept.
	refused := layOut([][]spanCell{{c("Consultations", 1, 2), c("G", 1, 1)}, {c("GS", 1, 1)}}, func(int) bool { return false })
	if got := fmt.Sprint(refused); got != "[[Consultations G] [ GS]]" {
		t.Errorf("refused copies: %s", got)
	}
}

// The same table with spanned cells, as a web page and as a Word file,
// reads as one text: every row on the table's grid, the two header rows
// one.
func TestSpannedTables(t *testing.T) {
	want := "| Catégorie | Code | Tarif Métropole | Tarif DOM |\n|---|---|---|---|\n" +
		"| Consultations | G | 26,50 € | 28,50 € |\n| Consultations | GS | 26,50 € | 28,50 € |\n" +
		"| Visites | VG | 36,50 € | 36,50 € |"
	page := `<table>
<tr><th rowspan="2">Catégorie</th><th rowspan="2">Code</th><th colspan="2">Tarif</th></tr>
<tr><th>Métropole</th><th>DOM</th></tr>
<tr><td rowspan="2">Consultations</td><td>G</td><td>26,50 €</td><td>28,50 €</td></tr>
<tr><td>GS</td><td>26,50 €</td><td>28,50 €</td></tr>
<tr><td>Visites</td><td>VG</td><td colspan="2">36,50 €</td></tr>
</table>`
	got, err := readHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(got) != want {
		t.Errorf("HTML:\n%s\nwant\n%s", got, want)
	}

	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	const restart, cont, two = `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`, `<w:gridSpan w:val="2"/>`
	for _, marked := range []bool{true, false} {
		header := ""
		if marked {
			header = `<w:trPr><w:tblHeader/></w:trPr>`
		}
		body := `<w:tbl>` +
			`<w:tr>` + header + tc(restart, "Catégorie") + tc(restart, "Code") + tc(two, "Tarif") + `</w:tr>` +
			`<w:tr>` + header + tc(cont, "") + tc(cont, "") + tc("", "Métropole") + tc("", "DOM") + `</w:tr>` +
			`<w:tr>` + tc(restart, "Consultations") + tc("", "G") + tc("", "26,50 €") + tc("", "28,50 €") + `</w:tr>` +
			`<w:tr>` + tc(cont, "") + tc("", "GS") + tc("", "26,50 €") + tc("", "28,50 €") + `</w:tr>` +
			`<w:tr>` + tc("", "Visites") + tc("", "VG") + tc(two, "36,50 €") + `</w:tr>` +
			`</w:tbl>`
		got, err := docxText(docxBody(t, body, nil), Accept)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(got) != want {
			t.Errorf("Word, header rows marked %v:\n%s\nwant\n%s", marked, got, want)
		}
	}
}
