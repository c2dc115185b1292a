package reader

import (
	"regexp"
	"strings"
	"testing"
)

// set places words on a line of a page, each word 6 points per character
// wide and one space (3 points) apart, from x; the line's box is 15.6
// points tall from y, the body size of a 12-point text.
func set(x, y float64, text string) boxLine {
	return setSized(x, y, 15.6, text)
}

func setSized(x, y, h float64, text string) boxLine {
	var l boxLine
	for _, w := range strings.Fields(text) {
		width := 6 * float64(len([]rune(w)))
		l.add(boxWord{box: pdfBox{x, y, x + width, y + h}, text: w})
		x += width + 3
	}
	return l
}

// runTogether puts two lines' words on one line, as the extractor does with a
// code set close to its label.
func runTogether(a, b boxLine) boxLine {
	for _, w := range b.words {
		a.add(w)
	}
	return a
}

// columnsShown makes the layout's columns visible and its spacing
// irrelevant: "→" for an indented line, " | " for a column gap of three
// spaces or more.
func columnsShown(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t != l {
			t = "→" + t
		}
		lines[i] = columnGapRE.ReplaceAllString(t, " | ")
	}
	return strings.Join(lines, "\n")
}

var columnGapRE = regexp.MustCompile(` {3,}`)

// TestLayoutBands sets pages of word boxes as text: rows of tables as
// office software sets them, and paragraphs apart.
func TestLayoutBands(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []boxLine
		want  string
	}{
		{
			// The label of GS is centred: its two lines stand above and
			// below the line of the code and the price.
			name: "centred cell",
			lines: []boxLine{
				set(60, 74, "G"), set(100, 74, "Consultation de référence"), set(400, 74, "30 €"),
				set(100, 90.5, "Consultation du spécialiste en"),
				set(60, 97.4, "GS"), set(400, 97.4, "30 €"),
				set(100, 104.3, "médecine générale"),
				set(60, 121, "VL"), set(100, 121, "Visite longue"), set(400, 121, "70 €"),
			},
			want: "G | Consultation de référence | 30 €\n" +
				"GS | Consultation du spécialiste en médecine générale | 30 €\n" +
				"VL | Visite longue | 70 €\n",
		},
		{
			// A label of three lines centred beside its code: only the
			// middle one is level with the code and the price. The first
			// is set at the leading above it, a cell's padding below the
			// row above: it opens the label, as in Chromium's print of an
			// HTML table.
			name: "centred cell over three lines",
			lines: []boxLine{
				set(60, 74, "G"), set(100, 74, "Consultation de référence"), set(400, 74, "30 €"),
				set(100, 93, "Consultation du psychiatre,"),
				set(60, 106.8, "CNPSY"), set(100, 106.8, "du neuropsychiatre ou"), set(400, 106.8, "55,70 €"),
				set(100, 120.6, "du neurologue"),
				set(60, 139.4, "VL"), set(100, 139.4, "Visite longue"), set(400, 139.4, "70 €"),
			},
			want: "G | Consultation de référence | 30 €\n" +
				"CNPSY | Consultation du psychiatre, du neuropsychiatre ou | 55,70 €\n" +
				"→du neurologue\n" +
				"VL | Visite longue | 70 €\n",
		},
		{
			// Top-aligned rows a padding apart: the line under a row's
			// line is its label's end, not the start of the next.
			name: "top-aligned cells, padded",
			lines: []boxLine{
				set(60, 74, "GS"), set(100, 74, "Consultation du spécialiste en"), set(400, 74, "30 €"),
				set(100, 87.8, "médecine générale"),
				set(60, 106.6, "VL"), set(100, 106.6, "Visite longue"), set(400, 106.6, "70 €"),
			},
			want: "GS | Consultation du spécialiste en | 30 €\n" +
				"→médecine générale\n" +
				"VL | Visite longue | 70 €\n",
		},
		{
			// A label-first table under a sentence set at its left: the
			// sentence is a paragraph's space above, not a line of the
			// first row's cell; the row's own first line is.
			name: "label first, under a sentence",
			lines: []boxLine{
				set(60, 40, "Les tarifs sont fixés comme suit :"),
				set(60, 66, "Consultation du psychiatre,"),
				set(60, 79.8, "du neuropsychiatre ou"), set(300, 79.8, "CNPSY"), set(400, 79.8, "55,70 €"),
				set(60, 93.6, "du neurologue"),
				set(60, 112.4, "Visite longue"), set(300, 112.4, "VL"), set(400, 112.4, "70 €"),
			},
			want: "Les tarifs sont fixés comme suit :\n\n" +
				"Consultation du psychiatre, du neuropsychiatre ou | CNPSY | 55,70 €\n" +
				"du neurologue\n\n" +
				"Visite longue | VL | 70 €\n",
		},
		{
			// A top-aligned label wraps under its column: its second line
			// is a line of its own, indented to the column.
			name: "top-aligned cell",
			lines: []boxLine{
				set(60, 74, "GS"), set(100, 74, "Consultation du spécialiste en"), set(400, 74, "30 €"),
				set(100, 90.5, "médecine générale"),
				set(60, 107, "VL"), set(100, 107, "Visite longue"), set(400, 107, "70 €"),
			},
			want: "GS | Consultation du spécialiste en | 30 €\n" +
				"→médecine générale\n" +
				"VL | Visite longue | 70 €\n",
		},
		{
			// CNPSY reaches so close to its label that both came as one
			// line; the label column of the other rows cuts it. A word of
			// a label that happens to start at a header's edge is not cut.
			name: "code run into its label",
			lines: []boxLine{
				set(70, 57, "Code"), set(220, 57, "Libellé"), set(400, 57, "Tarif"),
				set(60, 74, "CS"), set(100, 74, "Consultation du spécialiste"), set(400, 74, "31,50 €"),
				runTogether(set(60, 90.5, "CNPSY"), set(100, 90.5, "Consultation du psychiatre")), set(400, 90.5, "41,70 €"),
				set(60, 107, "MEG"), set(100, 107, "Majoration pour le suivi de l'enfant"), set(400, 107, "5 €"),
			},
			want: "→Code | Libellé | Tarif\n" +
				"CS | Consultation du spécialiste | 31,50 €\n" +
				"CNPSY | Consultation du psychiatre | 41,70 €\n" +
				"MEG | Majoration pour le suivi de l'enfant | 5 €\n",
		},
		{
			// Narrow columns: the extractor took CNPSY's whole row for
			// one line, and APC's label and price, a padding apart, closer
			// than words are: each is cut where the other rows open
			// their cells, once G's price, further from its label, shows
			// where the price column opens. The sentence under the table,
			// a margin below it, is not cut, a figure of it starting at
			// the price column.
			name: "rows run together whole",
			lines: []boxLine{
				set(60, 57, "Code"), set(110, 57, "Libellé"), set(190, 57, "Tarif"),
				runTogether(set(60, 74, "CNPSY"), runTogether(set(100, 74, "Consultation"), set(178, 74, "55,70 €"))),
				set(60, 90.5, "G"), runTogether(set(100, 90.5, "Consultation"), set(178, 90.5, "30,00 €")),
				set(60, 107, "VG"), set(100, 107, "Visite"), set(178, 107, "35,00 €"),
				set(60, 123.5, "APC"), runTogether(set(100, 123.5, "Avis ponctuel"), set(178, 123.5, "60,00 €")),
				set(58, 160, "Ces tarifs valent dès 2025 pour tous."),
			},
			want: "Code | Libellé | Tarif\n" +
				"CNPSY | Consultation | 55,70 €\n" +
				"G | Consultation | 30,00 €\n" +
				"VG | Visite | 35,00 €\n" +
				"APC | Avis ponctuel | 60,00 €\n\n" +
				"Ces tarifs valent dès 2025 pour tous.\n",
		},
		{
			// A title in large type over two lines (one line of text), a
			// heading, then two paragraphs a few points apart: blank lines
			// between them, none inside a paragraph. A line wrapped because
			// its next word did not fit goes on (whatever the word), a short
			// one does not.
			name: "paragraphs",
			lines: []boxLine{
				setSized(60, 40, 31.2, "Convention nationale"), setSized(60, 67.6, 31.2, "des médecins"),
				setSized(60, 110, 23.4, "Préambule"),
				set(60, 137, "Les négociations conventionnelles ont repris"), set(60, 152.8, "Le 15 novembre 2023."),
				set(60, 175.6, "Les partenaires se fixent"), set(60, 191.4, "Quatre objectifs."),
			},
			want: "Convention nationale des médecins\n\nPréambule\n\n" +
				"Les négociations conventionnelles ont repris Le 15 novembre 2023.\n\n" +
				"Les partenaires se fixent\nQuatre objectifs.\n",
		},
		{
			// A title in capitals wrapped in the body's type, because its
			// next word did not fit: one line, as the same title typed on
			// one line. A short line in capitals over the title's name
			// ("TITRE 1" / "DISPOSITIONS GÉNÉRALES") is not wrapped, and a
			// division opens its own line whatever the line before.
			name: "title in capitals",
			lines: []boxLine{
				set(60, 40, "CONVENTION NATIONALE ORGANISANT LES RAPPORTS ENTRE LES MÉDECINS ET"),
				set(60, 55.8, "L'ASSURANCE MALADIE"),
				set(60, 90, "TITRE 1"), set(60, 105.8, "DISPOSITIONS GÉNÉRALES ENTRE LES PARTIES SIGNATAIRES DE LA PRÉSENTE"),
				set(60, 121.6, "ARTICLE 1ER"),
			},
			want: "CONVENTION NATIONALE ORGANISANT LES RAPPORTS ENTRE LES MÉDECINS ET L'ASSURANCE MALADIE\n\n" +
				"TITRE 1\nDISPOSITIONS GÉNÉRALES ENTRE LES PARTIES SIGNATAIRES DE LA PRÉSENTE\nARTICLE 1ER\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := columnsShown(joinWraps(layoutBands(tc.lines))); got != tc.want {
				t.Errorf("layoutBands:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// FuzzReadBBoxLayout feeds the reader of pdftotext's boxes with any markup:
// it never panics, and its text stays within the budget.
func FuzzReadBBoxLayout(f *testing.F) {
	f.Add(`<doc><page><flow><block><line><word xMin="60" yMin="74" xMax="66" yMax="89.6">G</word></line>` +
		`<line><word xMin="100" yMin="74" xMax="160" yMax="89.6">Consultation</word></line></block></flow></page></doc>`)
	f.Add(`<page><line><word xMin="NaN" yMin="-1e308" xMax="1e308" yMax="0">&amp;x</word></line></page><page>`)
	f.Fuzz(func(t *testing.T, markup string) {
		b := &budget{limit: 1 << 16}
		text, err := readBBoxLayout(strings.NewReader(markup), b)
		if err == nil && int64(len(text)) > 64*b.limit+1<<16 {
			t.Fatalf("%d bytes of text from %d of markup", len(text), len(markup))
		}
	})
}

// TestCellLines: pdftotext gives a price and the date in the next cell of
// a narrow table as one line, the cells a padding apart (four word spaces,
// most of an em): they are cut into cells, as the built-in reader cuts
// them; the words of a line of prose are not.
func TestCellLines(t *testing.T) {
	line := func(y float64, words ...string) boxLine {
		var l boxLine
		x := 36.0
		for _, w := range words {
			gap := 2.75 // a word space of an 11-point type
			if strings.HasPrefix(w, "|") {
				w, gap = w[1:], 10.5
			}
			if len(l.words) > 0 {
				x += gap
			}
			width := 5.5 * float64(len([]rune(w)))
			l.add(boxWord{box: pdfBox{x, y, x + width, y + 12.2}, text: w})
			x += width
		}
		return l
	}
	lines := []boxLine{
		line(100, "Les", "tarifs", "des", "actes", "sont", "fixés", "comme", "suit", "en", "métropole", "et", "outre-mer", ":"),
		line(120, "30,00", "€", "|32,50", "€", "|1er", "décembre", "2024"),
	}
	var got []string
	for _, l := range cellLines(lines, popplerEms) {
		got = append(got, l.text())
	}
	want := []string{"Les tarifs des actes sont fixés comme suit en métropole et outre-mer :", "30,00 €", "32,50 €", "1er décembre 2024"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestWrappedAtHyphen: a reference cut at its hyphen at the end of a full
// line ("L. 162-" over "31-1") is one again, as the text writes it, not
// "L. 162- 31-1", which names no article; a word cut so loses its hyphen.
func TestWrappedAtHyphen(t *testing.T) {
	lines := []boxLine{
		set(60, 40, "Le malade règle au médecin les honoraires dus, sous réserve de l'article L. 162-"),
		set(60, 55.8, "31-1 du code. Le médecin informe le malade de la procédure de rembourse-"),
		set(60, 71.6, "ment des actes."),
		set(60, 87.4, "Le remboursement des actes inscrits à la nomenclature est de droit."),
	}
	got := cleanPDFText(joinWraps(layoutBands(lines)))
	want := "Le malade règle au médecin les honoraires dus, sous réserve de l'article L. 162-31-1 du code. " +
		"Le médecin informe le malade de la procédure de remboursement des actes.\n" +
		"Le remboursement des actes inscrits à la nomenclature est de droit.\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestSentenceWrappedInParagraph: on a page whose paragraphs stand a
// space apart, a line that filled its width goes on on the next though it
// ends with a full stop; where no space parts paragraphs, the full stop
// may end one, and the lines stay apart for the cleaning to judge.
func TestSentenceWrappedInParagraph(t *testing.T) {
	page := func(leading float64) []boxLine {
		y := 40.0
		var lines []boxLine
		add := func(gap float64, text string) {
			lines = append(lines, set(60, y, text))
			y += 15.8 + gap
		}
		add(leading, "Le premier alinéa est court.")
		add(leading, "Le deuxième alinéa est court aussi.")
		add(0, "Le montant est porté à 45 000 euros et la peine à trois ans d'emprisonnement ferme.")
		add(leading, "Le juge peut prononcer une amende complémentaire.")
		add(leading, "Le dernier alinéa est court.")
		return lines
	}
	apart := cleanPDFText(joinWraps(layoutBands(page(8))))
	if want := "Le montant est porté à 45 000 euros et la peine à trois ans d'emprisonnement ferme. Le juge peut prononcer une amende complémentaire.\n"; !strings.Contains(apart, want) {
		t.Errorf("paragraphs apart:\n%s\nwant the line going on:\n%s", apart, want)
	}
	tight := cleanPDFText(joinWraps(layoutBands(page(0))))
	if want := "ferme.\nLe juge peut"; !strings.Contains(tight, want) {
		t.Errorf("paragraphs not apart:\n%s\nwant the lines apart (%q)", tight, want)
	}
}
