package reader

import "testing"

// chromiumTableCases are tariff annexes as a browser prints them, each with
// the Markdown it was written from: both PDF readers must read the same
// rows, cell for cell.
var chromiumTableCases = []struct {
	name, style, html, md string
}{{
	// Top-aligned cells, the label first: a label that wraps goes on
	// under itself, below the line of the row's code and price.
	name:  "label first, wrapped",
	style: "table{width:100%}td{vertical-align:top}td:last-child{white-space:nowrap}",
	html: `<h2>Annexe 1 - Tarifs des actes</h2><table><tr><th>Libellé</th><th>Code</th><th>Tarif</th></tr>` +
		`<tr><td>Consultation de référence du médecin généraliste, y compris la consultation réalisée au cabinet par le médecin traitant</td><td>G</td><td>30,00 €</td></tr>` +
		`<tr><td>Visite</td><td>VG</td><td>35,00 €</td></tr>` +
		`<tr><td>Avis ponctuel de consultant réalisé par un médecin spécialiste à la demande du médecin traitant</td><td>APC</td><td>60,00 €</td></tr>` +
		`<tr><td>Majoration de nuit</td><td>MN</td><td>35,00 €</td></tr></table>`,
	md: "## Annexe 1 - Tarifs des actes\n\n| Libellé | Code | Tarif |\n|---|---|---|\n" +
		"| Consultation de référence du médecin généraliste, y compris la consultation réalisée au cabinet par le médecin traitant | G | 30,00 € |\n" +
		"| Visite | VG | 35,00 € |\n" +
		"| Avis ponctuel de consultant réalisé par un médecin spécialiste à la demande du médecin traitant | APC | 60,00 € |\n" +
		"| Majoration de nuit | MN | 35,00 € |\n",
}, {
	// A header of two rows: "Tarif" over the zones, "Code" and
	// "Libellé" spanning both rows, set level with their middle.
	name: "zones under one name",
	html: `<h2>Annexe 1 - Tarifs des actes</h2><table><tr><th rowspan="2">Code</th><th rowspan="2">Libellé</th><th colspan="2">Tarif</th></tr>` +
		`<tr><th>Métropole</th><th>DROM</th></tr>` +
		`<tr><td>G</td><td>Consultation de référence du médecin généraliste</td><td>30,00 €</td><td>32,00 €</td></tr>` +
		`<tr><td>VG</td><td>Visite</td><td>35,00 €</td><td>39,00 €</td></tr>` +
		`<tr><td>APC</td><td>Avis ponctuel de consultant</td><td>60,00 €</td><td>63,00 €</td></tr></table>`,
	md: "## Annexe 1 - Tarifs des actes\n\n| Code | Libellé | Tarif Métropole | Tarif DROM |\n|---|---|---|---|\n" +
		"| G | Consultation de référence du médecin généraliste | 30,00 € | 32,00 € |\n" +
		"| VG | Visite | 35,00 € | 39,00 € |\n| APC | Avis ponctuel de consultant | 60,00 € | 63,00 € |\n",
}, {
	// Two rows, the columns as wide as their longest cell: the longest
	// label stands as close to its price as the cells' padding, closer
	// than cells usually are; the other row shows where prices start.
	name: "two rows, a price close to its label",
	html: `<h2>Article 1</h2><p>Les tarifs figurent en annexe.</p><h2>Annexe 1 - Tarifs</h2><h3>Consultations</h3><table><tr><th>Code</th><th>Libellé</th><th>Tarif</th></tr>` +
		`<tr><td>G</td><td>Consultation de référence</td><td>30,00 €</td></tr>` +
		`<tr><td>GS</td><td>Consultation du spécialiste en médecine générale</td><td>30,00 €</td></tr></table>`,
	md: "## Article 1\n\nLes tarifs figurent en annexe.\n\n## Annexe 1 - Tarifs\n\n### Consultations\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation de référence | 30,00 € |\n| GS | Consultation du spécialiste en médecine générale | 30,00 € |\n",
}, {
	// Cells padded by 2 px: the longest label stands a word's space from
	// its price, which opens where the other rows' prices open.
	name:  "cells padded less than a word's space",
	style: "td,th{padding:2px}",
	html: `<h2>Article 1</h2><p>Les tarifs figurent en annexe.</p><h2>Annexe 1 - Tarifs</h2><table><tr><th>Code</th><th>Libellé</th><th>Tarif</th></tr>` +
		`<tr><td>G</td><td>Consultation de référence</td><td>30,00 €</td></tr>` +
		`<tr><td>GS</td><td>Consultation du spécialiste en médecine générale</td><td>30,00 €</td></tr>` +
		`<tr><td>VG</td><td>Visite à domicile justifiée</td><td>35,00 €</td></tr>` +
		`<tr><td>APC</td><td>Avis ponctuel de consultant</td><td>60,00 €</td></tr></table>`,
	md: "## Article 1\n\nLes tarifs figurent en annexe.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation de référence | 30,00 € |\n| GS | Consultation du spécialiste en médecine générale | 30,00 € |\n" +
		"| VG | Visite à domicile justifiée | 35,00 € |\n| APC | Avis ponctuel de consultant | 60,00 € |\n",
}, {
	// Cells without any padding, the labels set right: each label
	// touches its price, which the PDF gives glued to it
	// ("générale30,00"), and so do the header's names ("LibelléTarif").
	name:  "cells without padding",
	style: "td,th{padding:0;border:0}td:nth-child(2),th:nth-child(2){text-align:right}th:first-child{width:2cm;text-align:left}",
	html: `<h2>Annexe 1 - Tarifs</h2><table><tr><th>Code</th><th>Libellé</th><th>Tarif</th></tr>` +
		`<tr><td>G</td><td>Consultation générale</td><td>30,00 €</td></tr>` +
		`<tr><td>GS</td><td>Consultation du spécialiste en médecine générale</td><td>30,00 €</td></tr>` +
		`<tr><td>APC</td><td>Avis ponctuel de consultant</td><td>60,00 €</td></tr>` +
		`<tr><td>VG</td><td>Visite à domicile</td><td>1 235,00 €</td></tr></table>`,
	md: "## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
		"| G | Consultation générale | 30,00 € |\n| GS | Consultation du spécialiste en médecine générale | 30,00 € |\n" +
		"| APC | Avis ponctuel de consultant | 60,00 € |\n| VG | Visite à domicile | 1 235,00 € |\n",
}, {
	// Names wrapped in narrow columns.
	name:  "header wrapped",
	style: "th{width:8em}",
	html: `<h2>Annexe 1 - Tarifs des actes</h2><table><tr><th>Code</th><th>Libellé</th><th>Tarif au 1er décembre 2024</th><th>Tarif au 1er juillet 2025</th></tr>` +
		`<tr><td>G</td><td>Consultation de référence</td><td>30,00 €</td><td>30,00 €</td></tr>` +
		`<tr><td>APC</td><td>Avis ponctuel de consultant</td><td>60,00 €</td><td>62,00 €</td></tr>` +
		`<tr><td>CCP</td><td>Consultation de contraception</td><td>46,00 €</td><td>48,00 €</td></tr></table>`,
	md: "## Annexe 1 - Tarifs des actes\n\n| Code | Libellé | Tarif au 1er décembre 2024 | Tarif au 1er juillet 2025 |\n|---|---|---|---|\n" +
		"| G | Consultation de référence | 30,00 € | 30,00 € |\n| APC | Avis ponctuel de consultant | 60,00 € | 62,00 € |\n" +
		"| CCP | Consultation de contraception | 46,00 € | 48,00 € |\n",
}, {
	// Narrow columns, cells padded by a pixel: the extractor takes
	// CNPSY's whole row for one line ("CNPSY 55,70 €"), under a header
	// whose names are centred ("Code   Tarif"), and APC's label and
	// price, set closer than words are.
	name:  "narrow columns",
	style: "td,th{padding:1px}",
	html: `<h2>Annexe 1 - Tarifs</h2><table><tr><th>Code</th><th>Tarif</th></tr><tr><td>CNPSY</td><td>55,70 €</td></tr>` +
		`<tr><td>G</td><td>30,00 €</td></tr><tr><td>APC</td><td>60,00 €</td></tr></table>` +
		`<h2>Annexe 2 - Actes</h2><table><tr><th>Code</th><th>Libellé</th><th>Tarif</th></tr><tr><td>G</td><td>Consultation</td><td>30,00 €</td></tr>` +
		`<tr><td>VG</td><td>Visite</td><td>35,00 €</td></tr><tr><td>APC</td><td>Avis ponctuel</td><td>60,00 €</td></tr></table>`,
	md: "## Annexe 1 - Tarifs\n\n| Code | Tarif |\n|---|---|\n| CNPSY | 55,70 € |\n| G | 30,00 € |\n| APC | 60,00 € |\n\n" +
		"## Annexe 2 - Actes\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30,00 € |\n| VG | Visite | 35,00 € |\n| APC | Avis ponctuel | 60,00 € |\n",
}}

func TestChromiumTables(t *testing.T) {
	for _, tc := range chromiumTableCases {
		t.Run(tc.name, func(t *testing.T) {
			printsAsSource(t, chromiumPDF(t, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:sans-serif;font-size:11pt}`+
				`table{border-collapse:collapse}td,th{border:1px solid #000;padding:4px}`+tc.style+`</style></head><body>`+tc.html+`</body></html>`), tc.md)
		})
	}
}
