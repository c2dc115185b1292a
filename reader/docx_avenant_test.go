package reader

import (
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// avenantDocx is an avenant as a union's office sends it back with its
// changes tracked: a title by style, a heading by style, article headings
// set by hand in bold and large type (no style), points numbered by Word
// ("%1°" over "%2)"), a tariff table whose code spans two rows (vMerge)
// and whose price spans two zone columns (gridSpan), insertions and
// deletions tracked in text, of a whole numbered point and of a table row,
// and a footnote.
func avenantDocx(t *testing.T) []byte {
	t.Helper()
	r := func(text string) string { return `<w:r><w:t xml:space="preserve">` + xmlEscape(text) + `</w:t></w:r>` }
	ins := func(id, text string) string {
		return `<w:ins w:id="` + id + `" w:author="` + insAuthor + `" w:date="2024-02-08T10:00:00Z">` + r(text) + `</w:ins>`
	}
	del := func(id, text string) string {
		return `<w:del w:id="` + id + `" w:author="` + delAuthor + `" w:date="2024-02-08T10:00:00Z"><w:r><w:delText xml:space="preserve">` +
			xmlEscape(text) + `</w:delText></w:r></w:del>`
	}
	para := func(pPr, runs string) string { return `<w:p><w:pPr>` + pPr + `</w:pPr>` + runs + `</w:p>` }
	bold := `<w:rPr><w:b/><w:sz w:val="28"/></w:rPr>`
	handHeading := func(text string) string {
		return `<w:p><w:pPr><w:spacing w:before="240"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:pPr><w:r>` + bold +
			`<w:t xml:space="preserve">` + xmlEscape(text) + `</w:t></w:r></w:p>`
	}
	point := func(lvl, extra, runs string) string {
		return para(`<w:pStyle w:val="Paragraphedeliste"/><w:numPr><w:ilvl w:val="`+lvl+`"/><w:numId w:val="2"/></w:numPr>`+extra, runs)
	}
	cell := func(props, text string) string {
		return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>` + props + `</w:tcPr><w:p>` + r(text) + `</w:p></w:tc>`
	}
	body := para(`<w:pStyle w:val="Titre"/>`, r("Avenant n° 2 à la convention nationale des médecins libéraux")) +
		para("", r("Vu le code de la sécurité sociale, et notamment son article L. 162-5")+
			`<w:r><w:rPr><w:rStyle w:val="Appelnotedebasdep"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`+r(" ;")) +
		para(`<w:pStyle w:val="Titre1"/>`, r("Titre I - Dispositions tarifaires")) +
		handHeading("Article 1 - Revalorisation de la consultation") +
		para("", r("La consultation de référence G est valorisée à ")+del("1", "26,50 €")+ins("2", "30 €")+r(" à compter du 1er décembre 2024.")) +
		para("", r("Les majorations suivantes s'appliquent :")) +
		point("0", "", r("la majoration pour personne âgée, de 5 € ;")) +
		point("0", "", r("la majoration de coordination :")) +
		point("1", "", r("de 5 € pour le généraliste ;")) +
		point("1", `<w:rPr><w:del w:id="3" w:author="`+delAuthor+`" w:date="2024-02-08T10:00:00Z"/></w:rPr>`, del("4", "de 3 € pour le spécialiste ;")) +
		point("1", "", r("de 2 € pour le ")+del("5", "pédiatre")+ins("6", "psychiatre")+r(".")) +
		point("0", `<w:rPr><w:ins w:id="7" w:author="`+insAuthor+`" w:date="2024-02-08T10:00:00Z"/></w:rPr>`, ins("8", "la majoration de nuit, de 35 €.")) +
		handHeading("Article 2 - Tarifs des visites") +
		para("", r("Les tarifs des visites sont fixés comme suit :")) +
		`<w:tbl><w:tblPr><w:tblStyle w:val="Grilledutableau"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>` +
		`<w:tblGrid><w:gridCol w:w="1200"/><w:gridCol w:w="3600"/><w:gridCol w:w="1600"/><w:gridCol w:w="1600"/></w:tblGrid>` +
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>` + cell("", "Code") + cell("", "Libellé") + cell("", "Métropole") + cell("", "DOM") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge w:val="restart"/>`, "VG") + cell("", "Visite de jour") + cell(`<w:gridSpan w:val="2"/>`, "35,00 €") + `</w:tr>` +
		`<w:tr>` + cell(`<w:vMerge/>`, "") + cell("", "Visite de nuit") + cell("", "45,00 €") + cell("", "49,00 €") + `</w:tr>` +
		`<w:tr><w:trPr><w:del w:id="9" w:author="` + delAuthor + `" w:date="2024-02-08T10:00:00Z"/></w:trPr>` +
		cell("", "VU") + cell("", "Visite urgente") + cell("", "40,00 €") + cell("", "44,00 €") + `</w:tr>` +
		`</w:tbl>` +
		para("", r("Fait à Paris, le 8 février 2024."))
	numbering := `<w:numbering ` + wNS + `><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1°"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>` +
		`</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
	styles := `<w:styles ` + wNS + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Titre"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Paragraphedeliste"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>` +
		`</w:styles>`
	notes := `<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + r(" Dans sa rédaction issue de la loi n° 2023-1250 du 26 décembre 2023.") + `</w:p></w:footnote></w:footnotes>`
	return docxBody(t, body, map[string]string{"word/numbering.xml": numbering, "word/styles.xml": styles, "word/footnotes.xml": notes})
}

// TestDocxAvenant reads the avenant with its changes accepted, then
// rejected: deleted text and a deleted point or row are not read, the
// points after a deleted one are numbered as Word shows them, and the
// clauses are the articles with their points and their table.
func TestDocxAvenant(t *testing.T) {
	data := avenantDocx(t)
	texts := map[ChangeMode]string{}
	// Both sides differ only where the changes are tracked: the price, the
	// points from b) on, the table's last row.
	side := func(price, points, row string) string {
		return `# Avenant n° 2 à la convention nationale des médecins libéraux

Vu le code de la sécurité sociale, et notamment son article L. 162-5[1] ;

[1] Dans sa rédaction issue de la loi n° 2023-1250 du 26 décembre 2023.

# Titre I - Dispositions tarifaires

Article 1 - Revalorisation de la consultation

La consultation de référence G est valorisée à ` + price + ` à compter du 1er décembre 2024.

Les majorations suivantes s'appliquent :

1° la majoration pour personne âgée, de 5 € ;

2° la majoration de coordination :

a) de 5 € pour le généraliste ;

` + points + `

Article 2 - Tarifs des visites

Les tarifs des visites sont fixés comme suit :

| Code | Libellé | Métropole | DOM |
|---|---|---|---|
| VG | Visite de jour | 35,00 € | 35,00 € |
| VG | Visite de nuit | 45,00 € | 49,00 € |
` + row + `
Fait à Paris, le 8 février 2024.
`
	}
	for _, tt := range []struct {
		mode ChangeMode
		want string
	}{
		{Accept, side("30 €", "b) de 2 € pour le psychiatre.\n\n3° la majoration de nuit, de 35 €.", "")},
		{Reject, side("26,50 €", "b) de 3 € pour le spécialiste ;\n\nc) de 2 € pour le pédiatre.", "| VU | Visite urgente | 40,00 € | 44,00 € |\n")},
	} {
		got, err := docxText(data, tt.mode)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("mode %v: got\n%s\nwant\n%s", tt.mode, got, tt.want)
		}
		texts[tt.mode] = got
	}
	// The articles set by hand in bold are articles, whose text holds
	// its points as Word numbers them, and the changes between both
	// sides are the ones tracked.
	var articles []string
	for _, c := range clause.Parse(texts[Accept]).Clauses {
		if c.Kind == clause.KindArticle {
			articles = append(articles, c.Heading)
			if c.Number == "1" && !strings.Contains(c.Text, "\n\nb) de 2 € pour le psychiatre.\n\n3° la majoration de nuit") {
				t.Errorf("article 1 lacks its points as numbered:\n%s", c.Text)
			}
		}
	}
	if got, want := strings.Join(articles, "\n"), "Article 1 - Revalorisation de la consultation\nArticle 2 - Tarifs des visites"; got != want {
		t.Errorf("articles:\n%s\nwant:\n%s", got, want)
	}
	accepted := clause.Parse(texts[Accept])
	var facts []string
	for _, c := range clause.Compare(clause.Parse(texts[Reject]), accepted, clause.CompareOptions{}).Changes {
		for _, f := range c.Facts {
			facts = append(facts, string(f.Kind)+" "+f.Old+" → "+f.New)
		}
	}
	for _, want := range []string{"amount 26,50 € → 30 €", "amount 44,00 € → "} {
		if !slices.Contains(facts, want) {
			t.Errorf("facts %q lack %q", facts, want)
		}
	}
}
