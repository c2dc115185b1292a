package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// "Le tableau de l'annexe 1" names the table, not the annex: replaced,
// deleted or amended, the table changes and the annex's text around it
// stays. Before, "Le tableau de l'annexe 1 est remplacé par le tableau
// suivant" and "Le tableau de l'annexe 1 est supprimé" replaced or
// repealed the whole annex, its text with it, without a word. A row whose
// words are all taken out ("la ligne « | G | … | » est supprimée") is
// gone, not left as a blank line that cut the table in two.
func TestApplyTable(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 12 - Consultation

La consultation est valorisée à 26,50 €.

## Annexe 1 - Tarifs

Les tarifs ci-dessous s'appliquent en métropole.

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 26,50 € |
| TCG | Téléconsultation | 25 € |

Ces tarifs s'entendent hors majorations.

## Annexe 2 - Forfaits

| Code | Libellé | Tarif |
|---|---|---|
| FPMT | Forfait patientèle | 5 € |

| Code | Libellé | Tarif |
|---|---|---|
| FMT | Forfait médecin traitant | 6 € |
`)
	const prose = "Les tarifs ci-dessous s'appliquent en métropole."
	runApplyCases(t, base, []applyCase{
		{name: "the table replaced, the annex's text kept", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est remplacé par le tableau suivant :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| VG | Visite | 35 € | »",
			clause: "annex 1", want: prose},
		{name: "the table replaced, its rows", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est remplacé par le tableau suivant :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| VG | Visite | 35 € | »",
			clause: "row VG", want: "| VG | Visite | 35 € |"},
		{name: "the table replaced, the old rows gone", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est remplacé par le tableau suivant :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € | »",
			clause: "row TCG", gone: true},
		{name: "the table deleted, the annex's text kept", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est supprimé.",
			clause: "annex 1", want: prose + "\n\nCes tarifs s'entendent hors majorations."},
		{name: "the table deleted, its rows gone", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est supprimé.",
			clause: "row G", gone: true},
		{name: "words in the table", amend: "### Article 1er\n\nDans le tableau de l'annexe 1, le tarif « 25 € » est remplacé par le tarif « 26 € ».",
			clause: "row TCG", want: "| TCG | Téléconsultation | 26 € |"},
		{name: "under a lead-in naming the table", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est ainsi modifié :\n\n1° Le tarif « 25 € » est remplacé par le tarif « 26 € » ;\n\n2° La ligne G est supprimée.",
			clause: "row TCG", want: "| TCG | Téléconsultation | 26 € |"},
		{name: "a row named by its text, deleted", amend: "### Article 1er\n\nDans le tableau de l'annexe 1, la ligne « | G | Consultation | 26,50 € | » est supprimée.",
			clause: "row G", gone: true},
		{name: "a row named by its text, deleted, the table whole", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne « | G | Consultation | 26,50 € | » est supprimée.",
			clause: "row TCG", want: "| TCG | Téléconsultation | 25 € |"},
		{name: "words completing an annex of no text", amend: "### Article 1er\n\nL'annexe 2 est complétée par les mots « hors majorations ».",
			err: "Article 1er: annexe 2 has no text of its own to complete with words: name what they complete"},
		{name: "a quotation that is no table", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est remplacé par le texte suivant : « Les tarifs sont fixés par arrêté. »",
			err: "Article 1er: the text quoted for the table of annexe 1 is not a table alone"},
		{name: "a clause without a table", amend: "### Article 1er\n\nLe tableau de l'article 12 est supprimé.",
			err: "Article 1er: article 12 holds no table"},
		{name: "an annex of two tables", amend: "### Article 1er\n\nLe tableau de l'annexe 2 est supprimé.",
			err: "Article 1er: annexe 2 holds 2 tables: name the row, or the clause that holds the table meant"},
	})
	set, err := parse(amendDoc("### Article 1er\n\nÀ l'annexe 1, la ligne « | G | Consultation | 26,50 € | » est supprimée."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(base, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "|---|---|---|\n| TCG |") {
		t.Errorf("the table is not whole once its row G is taken out:\n%s", res.Text)
	}
}

// A table is named by the heading over it in its annex, and so is a row
// that stands in several tables of one annex. Before, "Au tableau
// « Métropole » de l'annexe 1, …" was refused (the quotation « Métropole »
// read as words of no instruction), and a row of both tables could not be
// named at all: "row VG is in 2 tables: name the annex", naming it already.
func TestTableNamedByHeading(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 1 - Tarifs\n\nLes tarifs sont fixés à l'annexe 1.\n\n## Annexe 1 - Tarifs\n\n### Métropole\n\n" +
		"| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| VG | Visite | 35 € |\n\n### DROM\n\n" +
		"| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 32 € |\n| VG | Visite | 37 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "a row of one table", amend: "### Article 1er\n\nÀ la ligne VG du tableau « Métropole » de l'annexe 1, le tarif « 35 € » est remplacé par le tarif « 36 € ».",
			clause: "row VG", want: "| VG | Visite | 36 € |"},
		{name: "a row of the other", amend: "### Article 1er\n\nÀ la ligne VG du tableau « DROM » de l'annexe 1, le tarif « 35 € » est remplacé par le tarif « 36 € ».",
			err: "Article 1er: the words « 35 € » are not in row VG of the table « DROM » of annexe 1"},
		{name: "the table's words", amend: "### Article 1er\n\nAu tableau « Métropole » de l'annexe 1, le tarif « 30 € » est remplacé par le tarif « 31 € ».",
			clause: "row G", want: "| G | Consultation | 31 € |"},
		{name: "a row put in", amend: "### Article 1er\n\nDans le tableau « DROM », après la ligne G, il est inséré une ligne ainsi rédigée : « | GS | Spécialiste | 32 € | »",
			clause: "row GS", want: "| GS | Spécialiste | 32 € |"},
		{name: "no such table", amend: "### Article 1er\n\nAu tableau « Guyane » de l'annexe 1, le tarif « 30 € » est remplacé par le tarif « 31 € ».",
			err: "Article 1er: no table is headed « Guyane » in annexe 1"},
		{name: "the row unnamed", amend: "### Article 1er\n\nÀ la ligne VG, le tarif « 35 € » est remplacé par le tarif « 36 € ».",
			err: "Article 1er: row VG is in 2 tables: name the annex, or the table by its heading (« à la ligne VG du tableau « … » »)"},
	})
}

// "Le tarif de la ligne G est remplacé par « … »" replaces the one price
// the row holds. Before, it was not understood; a row of several prices,
// or of none written in euros, is refused: no price is named.
func TestPriceOfRow(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n### Métropole\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n\n" +
		"### DROM\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 32 € |\n\n## Annexe 2 - Zones\n\n| Code | Libellé | Métropole | DROM |\n|---|---|---|---|\n| VG | Visite | 35 € | 37 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "the row's price", amend: "### Article 1er\n\nLe tarif de la ligne G du tableau « Métropole » est remplacé par « 31,50 € ».",
			clause: "row G", want: "| G | Consultation | 31,50 € |"},
		{name: "a row of two prices", amend: "### Article 1er\n\nÀ l'annexe 2, le tarif de la ligne VG est remplacé par le tarif « 36 € ».",
			err: "Article 1er: row VG of annexe 2 holds 2 prices in euros: quote the one replaced (« le tarif « 30 € » est remplacé par… »)"},
	})
}

// A table that gives its unit once, in a note over it ("(en euros)") or in
// its header ("Tarif (en euros)"), and bare numbers in its rows, prices
// its rows all the same, and so does a table in columns (a .txt export):
// 'Le tarif de la ligne G est remplacé par « 30 € »' was refused there
// ("holds 0 prices in euros"). The new price is written as the table
// writes its own, bare and with as many decimals: a bare "30" in a table
// in columns is read back as no row.
func TestPriceOfBareRow(t *testing.T) {
	note := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\nTarifs des consultations (en euros)\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 |\n| GS | Spécialiste | 26,50 |\n")
	header := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Coefficient | Tarif (en euros) |\n|---|---|---|---|\n| AMI | Acte infirmier | 1 | 3,15 |\n| G | Consultation | 1 | 26,50 |\n")
	columns := clause.Parse("CONVENTION\n\nANNEXE 1 - TARIFS\n\nTarifs (en euros)\n\nCode    Libellé         Tarif     Date\nG       Consultation    26,50     1er janvier 2024\nGS      Spécialiste     26,50     1er janvier 2024\n")
	price := func(code, by string) string {
		return "### Article 1er\n\nLe tarif de la ligne " + code + " est remplacé par « " + by + " »."
	}
	runApplyCases(t, note, []applyCase{
		{name: "under a note", amend: price("G", "30 €"), clause: "row G", want: "| G | Consultation | 30,00 |"},
		{name: "one decimal", amend: price("G", "31,5"), clause: "row G", want: "| G | Consultation | 31,50 |"},
		{name: "not an amount", amend: price("G", "trente"),
			err: "Article 1er: « trente » would not read as the price in euros of row G: write it as an amount in euros (« 30 € »)"},
	})
	runApplyCases(t, header, []applyCase{
		{name: "in the header", amend: price("AMI", "3,30 €"), clause: "row AMI", want: "| AMI | Acte infirmier | 1 | 3,30 |"},
	})
	runApplyCases(t, columns, []applyCase{
		{name: "in columns", amend: price("G", "100 €"), clause: "row G", want: "G       Consultation    100,00    1er janvier 2024"},
		{name: "in columns, shorter", amend: price("GS", "9 €"), clause: "row GS", want: "GS      Spécialiste     9,00      1er janvier 2024"},
	})
}

// A row named in a table named by its heading is the one row of that code
// there: a code priced twice in one table was the first row, without a
// word, and the other kept its price (the same, here: which was meant is
// not said).
func TestRowTwiceInNamedTable(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n### DROM\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation (Antilles) | 30 € |\n| G | Consultation (Réunion) | 30 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "two rows G", amend: "### Article 1er\n\nÀ la ligne G du tableau « DROM », le tarif « 30 € » est remplacé par le tarif « 32 € ».",
			err: "Article 1er: row G stands 2 times in the table « DROM »: name the table alone, with words of the row meant"},
	})
}

// A row's price set without quotation marks ("Le tarif de la ligne G est
// porté à 32 €"), as avenants write a new tariff, is its one price, written
// as the table writes its prices. Before, it was not understood; a date
// after the value ("à compter du…") is still refused, as no part of a
// row's price, and so is a row of several prices.
func TestPriceSetUnquoted(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| CS | Spécialiste | 31,50 € |\n| VL | Visite longue | 70 € (1) |\n\n## Annexe 2 - Zones\n\n| Code | Libellé | Métropole | DROM |\n|---|---|---|---|\n| VG | Visite | 35 € | 37 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "porté à", amend: "### Article 1er\n\nLe tarif de la ligne G de l'annexe 1 est porté à 32 €.", clause: "row G", want: "| G | Consultation | 32 € |"},
		{name: "in euros, as the table writes", amend: "### Article 1er\n\nÀ l'annexe 1, le tarif de la ligne CS est fixé à 32 euros.", clause: "row CS", want: "| CS | Spécialiste | 32,00 € |"},
		{name: "under a lead-in", amend: "### Article 1er\n\nL'annexe 1 est ainsi modifiée :\n\n1° Le tarif de la ligne G est porté à 32 € ;\n\n2° La ligne CS est supprimée.", clause: "row G", want: "| G | Consultation | 32 € |"},
		{name: "a footnote's call kept", amend: "### Article 1er\n\nLe tarif de la ligne VL est porté à 72 €.", clause: "row VL", want: "| VL | Visite longue | 72 € (1) |"},
		{name: "from a date", amend: "### Article 1er\n\nLe tarif de la ligne G est porté à 32 € à compter du 1er janvier 2025.",
			err: "Article 1er: instruction not understood: Le tarif de la ligne G est porté à 32 € à compter du 1er janvier 2025."},
		{name: "a row of two prices", amend: "### Article 1er\n\nLe tarif de la ligne VG est porté à 36 €.",
			err: "Article 1er: row VG holds 2 prices in euros: quote the one replaced (« le tarif « 30 € » est remplacé par… »)"},
	})
}

// A row named by its label ("la ligne « Consultation de référence (G) »")
// is the one row one of whose cells reads so: replaced, deleted, repriced,
// amended or followed by a row, as a row named by its code is. A label no
// row holds, or two rows hold, is refused, saying so; two rows named apart
// in one sentence too. Before, every such instruction was refused ("names
// a row by its words: name it by its act code").
func TestRowByLabel(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation de référence (G) | 30 € |\n| VL | Visite longue et complexe | 70 € |\n| VLD | Visite longue et complexe | 70 € |\n| TCG | Téléconsultation | 25 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "replaced", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne « Consultation de référence (G) » est remplacée par la ligne suivante :\n\n« | G | Consultation de référence | 31 € | ».",
			clause: "row G", want: "| G | Consultation de référence | 31 € |"},
		{name: "deleted, its annex named after it", amend: "### Article 1er\n\nLa ligne « Téléconsultation » de l'annexe 1 est supprimée.",
			clause: "row TCG", gone: true},
		{name: "repriced", amend: "### Article 1er\n\nÀ l'annexe 1, le tarif de la ligne « Téléconsultation » est porté à 26 euros.",
			clause: "row TCG", want: "| TCG | Téléconsultation | 26 € |"},
		{name: "under a lead-in, a row put after it", amend: "### Article 1er\n\nL'annexe 1 est ainsi modifiée :\n\n1° Après la ligne « Consultation de référence (G) », il est inséré une ligne ainsi rédigée :\n\n« | GL | Consultation longue | 60 € | » ;\n\n2° À la ligne « Téléconsultation », le montant « 25 € » est remplacé par le montant « 26 € ».",
			clause: "row GL", want: "| GL | Consultation longue | 60 € |"},
		{name: "a list", amend: "### Article 1er\n\nÀ l'annexe 1, les lignes « Téléconsultation » et « Consultation de référence (G) » sont supprimées.",
			clause: "row G", gone: true},
		{name: "no such label", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne « Visite longue » est supprimée.",
			err: "Article 1er: row « Visite longue » is not in annexe 1"},
		{name: "a label two rows hold", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne « Visite longue et complexe » est supprimée.",
			err: "Article 1er: 2 rows are labelled « Visite longue et complexe »: name the one meant by its act code, or its table by its heading"},
		{name: "two rows apart", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne « Téléconsultation » et la ligne « Consultation de référence (G) » sont supprimées.",
			err: "Article 1er: names a row named by its label, a row named by its label apart in one sentence: write one instruction for each, or name them in one list (« aux articles 12 et 13 », « aux lignes G et VG »)"},
	})
}
