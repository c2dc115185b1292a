package clause

import (
	"slices"
	"strings"
	"testing"
)

func TestColumnCurrency(t *testing.T) {
	for _, c := range []struct{ name, cur, label string }{
		{"Tarif (en euros)", "€", "Tarif"},
		{"Montant (€)", "€", "Montant"},
		{"Métropole (€)", "€", "Métropole"},
		{"Prix (EUR)", "€", "Prix"},
		{"Tarif en euros", "€", "Tarif"},
		{"Tarif (F)", "F", "Tarif"},
		{"Valeur en francs", "F", "Valeur"},
		{"Tarif", "", "Tarif"},
		{"Libellé", "", "Libellé"},
		{"Fréquence", "", "Fréquence"},
		{"Europe", "", "Europe"},
	} {
		if got := columnCurrency(c.name); got != c.cur {
			t.Errorf("columnCurrency(%q) = %q, want %q", c.name, got, c.cur)
		}
		if got := ColumnLabel(c.name); got != c.label {
			t.Errorf("columnLabel(%q) = %q, want %q", c.name, got, c.label)
		}
	}
}

func TestBareNumber(t *testing.T) {
	for cell, want := range map[string]bool{
		"26,50": true, "55": true, "1 200,00": true, "7,5": true, "1.234,56": true, "1.234": true, "26.50": true, "1 234 567": true,
		"26,50 €": false, "": false, ",5": false, "26,": false, "12 bis": false, "K 10": false, "1,2,3": false, "1.2.3": false, "1 23": false,
	} {
		if got := bareNumber(cell); got != want {
			t.Errorf("bareNumber(%q) = %v, want %v", cell, got, want)
		}
	}
}

// A bare number in a column whose header gives the currency is a price:
// changed, it is a fact; its row added or removed, so is its amount.
func TestHeaderCurrencyFacts(t *testing.T) {
	old := Parse("## Annexe 1\n\n| Code | Libellé | Tarif (en euros) |\n|---|---|---|\n| G | Consultation | 26,50 |\n| VG | Visite | 36,50 |\n")
	new := Parse("## Annexe 1\n\n| Code | Libellé | Tarif (en euros) |\n|---|---|---|\n| G | Consultation | 30 |\n")
	d := Compare(old, new, CompareOptions{})
	var got []string
	for _, c := range d.Changes {
		for _, f := range c.Facts {
			got = append(got, string(f.Kind)+" "+f.Subject+": "+f.Old+" → "+f.New)
		}
	}
	want := []string{"amount G: 26,50 € → 30 €", "code : VG → ", "amount VG: 36,50 € → "}
	if len(got) != len(want) {
		t.Fatalf("facts %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("fact %d = %q, want %q", i, got[i], want[i])
		}
	}
	if p := new.Prices(len(new.Clauses) - 1); len(p) != 1 || p[0].New != "30 €" {
		t.Errorf("Prices of row G = %+v, want 30 €", p)
	}
}

// A note above the table gives its currency to the columns that price
// and to numbers written as prices; a coefficient stays a number.
func TestCurrencyNoteFacts(t *testing.T) {
	const table = "## Annexe 1\n\n(En euros)\n\n| Code | Libellé | Coefficient | Tarif |\n|---|---|---|---|\n| G | Consultation | 1 | 26,50 |\n"
	old, new := Parse(table), Parse(strings.NewReplacer("| 1 |", "| 2 |", "26,50", "30").Replace(table))
	var got []string
	for _, c := range Compare(old, new, CompareOptions{}).Changes {
		for _, f := range c.Facts {
			got = append(got, string(f.Kind)+" "+f.Subject+": "+f.Old+" → "+f.New)
		}
	}
	if strings.Join(got, "; ") != "amount G: 26,50 € → 30 €" {
		t.Errorf("facts %q, want the tariff alone, in euros", got)
	}
	for note, want := range map[string]string{"(En euros)": "€", "Montants en euros": "€", "(en francs)": "F",
		"Les tarifs sont fixés en euros par la présente annexe, hors majorations.": "", "Tarifs": "",
		"Les tarifs des consultations sont fixés comme suit (en euros) :": "€", "Les tarifs sont fixés en euros :": "€"} {
		if got := currencyNote("Texte.\n\n" + note + "\n"); got != want {
			t.Errorf("currencyNote(%q) = %q, want %q", note, got, want)
		}
	}
}

// NGAP rows are keyed by a key letter and its coefficient: "AMI 3" is an
// act of its own, not "AMI". Before, its price was AMI's, and a removed
// row took the code AMI away while "AMI 1" stayed.
func TestKeyLetterRows(t *testing.T) {
	const table = "## Annexe 3\n\n| Acte | Libellé | Tarif |\n|---|---|---|\n| AMI 1 | Injection | 3,15 € |\n| AMI 3 | Pansement | 9,45 € |\n"
	facts := func(a, b string) string {
		var got []string
		for _, c := range Compare(Parse(a), Parse(b), CompareOptions{}).Changes {
			for _, f := range c.Facts {
				got = append(got, string(f.Kind)+" "+f.Subject+": "+f.Old+" → "+f.New)
			}
		}
		return strings.Join(got, "; ")
	}
	if got, want := facts(table, strings.Replace(table, "9,45 €", "9,90 €", 1)), "amount AMI 3: 9,45 € → 9,90 €"; got != want {
		t.Errorf("price changed: %s, want %s", got, want)
	}
	if got, want := facts(table, strings.Replace(table, "| AMI 3 | Pansement | 9,45 € |\n", "", 1)), "code : AMI 3 → ; amount AMI 3: 9,45 € → "; got != want {
		t.Errorf("row removed: %s, want %s", got, want)
	}
}

// A key letter and its coefficient in two columns make the act's code
// when the row gives no price: the coefficient changed, the act's code
// changed, in pipes and in columns.
func TestCoefficientColumn(t *testing.T) {
	for name, tc := range map[string]struct{ old, new string }{
		"pipes":   {"Annexe 1\n\n| Code | Libellé | Lettre clé | Coefficient |\n|---|---|---|---|\n| PAN | Pansement complexe | AMI | 3 |\n| ECG | Électrocardiogramme | K | 10 |\n", ""},
		"columns": {"Annexe 1\n\nCode    Libellé               Lettre clé    Coefficient\nPAN     Pansement complexe    AMI           3\nECG     Électrocardiogramme   K             10\n", ""},
	} {
		tc.new = strings.NewReplacer("AMI           3\n", "AMI           4\n", "| AMI | 3 |", "| AMI | 4 |").Replace(tc.old)
		if got, want := factChanges(Parse(tc.old), Parse(tc.new)), []string{"code AMI 3 → AMI 4"}; !slices.Equal(got, want) {
			t.Errorf("%s: facts %q, want %q", name, got, want)
		}
	}
}

// A column that gives its rates in per cent in the header ("Taux (%)")
// reads its bare numbers as rates: 70 → 60 is a percent fact.
func TestHeaderPercentFacts(t *testing.T) {
	for _, name := range []string{"Taux (%)", "Taux de remboursement (en %)", "Pourcentage"} {
		table := "## Annexe 3\n\n| Catégorie | " + name + " |\n|---|---|\n| Consultations | 70 |\n| Actes techniques | 80 |\n"
		got := factChanges(Parse(table), Parse(strings.Replace(table, "| 70 |", "| 60 |", 1)))
		if want := []string{"percent 70 % → 60 %"}; !slices.Equal(got, want) {
			t.Errorf("%s: facts %q, want %q", name, got, want)
		}
	}
	if percentColumn("Tarif (€)") || percentColumn("Coefficient") {
		t.Error("a column of prices or coefficients read as rates")
	}
}

// A tariff table that states no currency prices its bare numbers in the
// text's own: under a column that prices, or written as prices are in a
// row without header; in francs where the text speaks only francs.
func TestBarePricesWithoutCurrency(t *testing.T) {
	for name, tc := range map[string]struct{ table, from, to, want string }{
		"Tarif column": {"## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 |\n", "26,50", "30", "amount 26,50 € → 30 €"},
		"no header":    {"## Annexe 1\n\nPAN     Pansement    3     9,45     9,90\nINJ     Injection    1     3,15     3,30\n", "9,90", "9,95", "amount 9,90 € → 9,95 €"},
		"francs":       {"## Annexe 1 - Tarifs en francs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| C | Consultation | 115 |\n", "115", "120", "amount 115 F → 120 F"},
	} {
		got := factChanges(Parse(tc.table), Parse(strings.Replace(tc.table, tc.from, tc.to, 1)))
		if want := []string{tc.want}; !slices.Equal(got, want) {
			t.Errorf("%s: facts %q, want %q", name, got, want)
		}
	}
}
