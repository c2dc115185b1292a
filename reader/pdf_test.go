package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// body builds n distinct lines of prose that end sentences, so that they
// are neither joined nor mistaken for headers, to push the lines under test
// out of or into a page's header and footer zones.
func body(tag string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Phrase %s numéro %d du corps de page.\n", tag, i+1)
	}
	return b.String()
}

func TestCleanPDFText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// End-of-line hyphenation.
		{"hyphenation undone", "la négocia-\ntion est ouverte", "la négociation est ouverte\n"},
		{"hyphen before capital kept", "signé par Jean-\nPierre Martin.", "signé par Jean-Pierre Martin.\n"},
		{"compound with hyphen in head", "c'est-à-\ndire les caisses", "c'est-à-dire les caisses\n"},
		{"compound with hyphen in tail", "c'est-\nà-dire les caisses", "c'est-à-dire les caisses\n"},
		{"known compound tail", "celui-\nci et lui-\nmême", "celui-ci et lui-même\n"},
		{"sous-section", "la sous-\nsection 2", "la sous-section 2\n"},
		{"soft hyphen", "négocia\u00AD\ntion", "négociation\n"},
		{"code reference", "article L. 162-\n5 du code", "article L. 162-5 du code\n"},
		{"dash after a space is no hyphen", "les médecins -\nsauf exception", "les médecins - sauf exception\n"},
		{"hyphen before a point is kept", "la liste-\n1° suit", "la liste-\n1° suit\n"},
		// A number cut at its hyphen is whole again, though its end
		// looks like a point's number; a year is no point.
		{"number cut at its hyphen", "mentionnées à l'article L. 262-\n10.\n", "mentionnées à l'article L. 262-10.\n"},
		{"year at the start of a line", "relève du décret n° 84-131 du 24 février\n1984.\n", "relève du décret n° 84-131 du 24 février 1984.\n"},
		// The text's own words decide, then whether it hyphenates at all.
		{"word written whole elsewhere", "la télétransmission est due,\nla télé-\ntransmission suit",
			"la télétransmission est due, la télétransmission suit\n"},
		{"compound written elsewhere", "la télé-expertise est due,\nla télé-\nexpertise suit",
			"la télé-expertise est due, la télé-expertise suit\n"},
		{"two words of the text", "le praticien voit le conseil,\nle praticien-\nconseil suit",
			"le praticien voit le conseil, le praticien-conseil suit\n"},
		{"compound in a text that does not hyphenate", strings.Repeat("une ligne pleine de texte courant\n", 60) +
			"avec un praticien-\nconseil.", strings.TrimSuffix(strings.Repeat("une ligne pleine de texte courant ", 60), " ") +
			" avec un praticien-conseil.\n"},
		// A page whose wrapped lines were set as one (layoutBands) has
		// few lines, and its one compound at a line's end is still rare.
		{"compound in a text set in paragraphs", strings.Repeat("une ligne pleine de texte courant ", 100) + "les noms des nus-\npropriétaires.",
			strings.Repeat("une ligne pleine de texte courant ", 100) + "les noms des nus-propriétaires.\n"},

		// Re-wrapping.
		{"lower-case continuation", "Les caisses\nprocèdent à\nl'information.", "Les caisses procèdent à l'information.\n"},
		{"digit continuation", "le montant est de\n26,50 €.", "le montant est de 26,50 €.\n"},
		{"bracket continuation", "les médecins\n(secteur 1)", "les médecins (secteur 1)\n"},
		// A line broken before a closing mark goes on with it, even
		// after the end of the sentence the quotation holds.
		{"closing guillemet continuation", "les mots : « lettre avec accusé\n» sont remplacés", "les mots : « lettre avec accusé » sont remplacés\n"},
		{"closing guillemet after a full stop", "« Le Parlement vote la loi.\n»\n\nArticle 2", "« Le Parlement vote la loi. »\n\nArticle 2\n"},
		{"closing bracket continuation", "les médecins (secteur 1 ou\nsecteur 2\n) sont concernés.", "les médecins (secteur 1 ou secteur 2 ) sont concernés.\n"},
		{"capital after open word", "transmet aux\nCaisses primaires.", "transmet aux Caisses primaires.\n"},
		// A quotation opening on a capital or a point opens a quoted
		// alinéa, which no space above may show.
		{"quoted alinéa on a capital", "« Art. 5. – Dispositions générales\n« Les caisses versent le forfait.",
			"« Art. 5. – Dispositions générales\n« Les caisses versent le forfait.\n"},
		{"quoted point", "« II. – Les forfaits sont ainsi rédigés\n« 1° la consultation ;", "« II. – Les forfaits sont ainsi rédigés\n« 1° la consultation ;\n"},
		{"quotation in lower case goes on", "conformément à la\n« convention nationale » signée", "conformément à la « convention nationale » signée\n"},
		{"quotation on a capital after an open word", "conformément à la\n« Convention nationale » signée", "conformément à la « Convention nationale » signée\n"},
		{"a number after a word that cannot end a sentence", "en application des articles 170 à\n175 A du code général des impôts", "en application des articles 170 à 175 A du code général des impôts\n"},
		{"numéro is no point", "les articles 3 et 10 de la loi\nn° 2013-906 du 11 octobre 2013", "les articles 3 et 10 de la loi n° 2013-906 du 11 octobre 2013\n"},
		{"a point after a colon", "les actes suivants :\n1 Revaloriser la consultation", "les actes suivants :\n1 Revaloriser la consultation\n"},
		// Paragraphs set apart: a page break is one too, unless the
		// sentence goes on.
		{"page break between paragraphs set apart", "Premier alinéa.\n\nSecond alinéa.\n\nTroisième alinéa ;\fQuatrième alinéa.\n\nLe médecin\fperçoit le forfait.\n",
			"Premier alinéa.\n\nSecond alinéa.\n\nTroisième alinéa ;\n\nQuatrième alinéa.\n\nLe médecin perçoit le forfait.\n"},
		{"page break between paragraphs not set apart", "Premier alinéa.\nSecond alinéa.\nTroisième alinéa ;\fQuatrième alinéa.\n",
			"Premier alinéa.\nSecond alinéa.\nTroisième alinéa ;\nQuatrième alinéa.\n"},
		{"capital after comma", "les caisses,\nLa CNAM et l'État", "les caisses, La CNAM et l'État\n"},
		{"apostrophe joins without space", "le directeur de l'\nAssurance maladie", "le directeur de l'Assurance maladie\n"},
		{"capital after a title is not joined", "Objet de la convention\nLes parties signataires", "Objet de la convention\nLes parties signataires\n"},
		{"sentence end not joined", "fin de phrase.\nsuite", "fin de phrase.\nsuite\n"},
		{"colon not joined", "ainsi rédigé :\n« Les médecins", "ainsi rédigé :\n« Les médecins\n"},
		{"closing quote after full stop", "« fin. »\nsuite", "« fin. »\nsuite\n"},
		{"ellipsis", "et cætera…\nsuite", "et cætera…\nsuite\n"},
		{"blank line separates paragraphs", "Premier paragraphe.\n\nsecond paragraphe", "Premier paragraphe.\n\nsecond paragraphe\n"},
		{"blank line after a title", "Communiqué de presse\n\nLes caisses", "Communiqué de presse\n\nLes caisses\n"},
		{"blank line inside a sentence", "plus de 70% des\n\nvotants). Elle", "plus de 70% des votants). Elle\n"},
		{"blank lines inside sentences", "l'ensemble des\n\nlibéraux de santé\n\nélus.\n\nSuite.", "l'ensemble des libéraux de santé élus.\n\nSuite.\n"},
		{"blank runs collapse", "a.\n\n\n\nb.\n\n", "a.\n\nb.\n"},
		{"layout indentation removed", "   Les caisses\n      procèdent", "Les caisses procèdent\n"},
		{"CRLF", "Les caisses\r\nprocèdent\r\n", "Les caisses procèdent\n"},
		{"page break is a line break", "Texte de la\f\nsuite du texte", "Texte de la suite du texte\n"},

		// Headings and points are never joined.
		{"article heading", "Article 12\nla suite", "Article 12\nla suite\n"},
		{"article heading not appended", "vu le code\nArticle 12", "vu le code\nArticle 12\n"},
		{"titre", "TITRE II\ndispositions", "TITRE II\ndispositions\n"},
		{"title in capitals after an open word", "CONVENTION NATIONALE DES MÉDECINS ET\nL'ASSURANCE MALADIE\n\nPréambule",
			"CONVENTION NATIONALE DES MÉDECINS ET L'ASSURANCE MALADIE\n\nPréambule\n"},
		{"capitals after an open word opening a division", "DISPOSITIONS RELATIVES AUX\nTITRE II", "DISPOSITIONS RELATIVES AUX\nTITRE II\n"},
		{"capitals after a whole title", "TITRE II\nDISPOSITIONS GÉNÉRALES", "TITRE II\nDISPOSITIONS GÉNÉRALES\n"},
		{"chapitre", "Chapitre Ier\ndes médecins", "Chapitre Ier\ndes médecins\n"},
		{"section", "Section 2 : tarifs\nles actes", "Section 2 : tarifs\nles actes\n"},
		{"annexe", "Annexe IV\nforfaits", "Annexe IV\nforfaits\n"},
		{"markdown", "# Titre\nsuite", "# Titre\nsuite\n"},
		{"capitals", "DISPOSITIONS GÉNÉRALES\nles parties", "DISPOSITIONS GÉNÉRALES\nles parties\n"},
		{"degree points", "les médecins suivants\n1° les généralistes\n2° les spécialistes", "les médecins suivants\n1° les généralistes\n2° les spécialistes\n"},
		{"point continuation joins", "I. - Le présent\nrèglement s'applique", "I. - Le présent règlement s'applique\n"},
		{"letter points", "les cas\na) le premier\nb) le second", "les cas\na) le premier\nb) le second\n"},
		{"bullets", "les cas\n- le premier\n- le second", "les cas\n- le premier\n- le second\n"},
		{"decimal point", "ainsi\n28.1 La consultation", "ainsi\n28.1 La consultation\n"},
		{"number and capital", "les axes\n1 Revaloriser les actes", "les axes\n1 Revaloriser les actes\n"},
		{"pipe table", "G | 26,50\nsuite", "G | 26,50\nsuite\n"},
		{"tab table", "tarifs\nG\t26,50\nsuite", "tarifs\nG\t26,50\nsuite\n"},
		{"layout table keeps spacing", "tarifs\n  G     consultation     26,50\n  APC   avis             56,50", "tarifs\n  G     consultation     26,50\n  APC   avis             56,50\n"},

		// Page numbers.
		{"bare page numbers", "Texte un.\n\n12\n\fTexte deux.\n\n13\n\fTexte trois.\n\n14\n\f", "Texte un.\nTexte deux.\nTexte trois.\n"},
		{"dashed page numbers", "Texte un.\n- 1 -\n\fTexte deux.\n– 2 –\n\f", "Texte un.\nTexte deux.\n"},
		{"page n/m", "Texte un.\nPage 1/2\n\fTexte deux.\nPage 2/2\n\f", "Texte un.\nTexte deux.\n"},
		{"n / m and sur", "Texte un.\n1 / 40\n\fpage 2 sur 40\nTexte deux.\n\f", "Texte un.\nTexte deux.\n"},
		{"single page", "Texte seul.\n\n1\n", "Texte seul.\n"},
		{"year is no page number", "Fait à Paris.\n2024\n\fTexte.\n2025\n\f", "Fait à Paris.\n2024\nTexte.\n2025\n"},
		{"number out of sequence kept", "A.\n1\n\fB.\n2\n\f25\nC.\n3\n\fD.\n4\n\f", "A.\nB.\n25\nC.\nD.\n"},
		{"number mid-page kept", body("a", 3) + "Le tarif :\n25\n" + body("b", 3) + "\f", body("a", 3) + "Le tarif :\n25\n" + body("b", 3)},

		// Running headers and footers.
		{"running header",
			"Convention médicale\nA.\n\fConvention médicale\nB.\n\fConvention médicale\nC.\n\f",
			"A.\nB.\nC.\n"},
		{"running footer with page number",
			"A.\nConvention – page 1\n\fB.\nConvention – page 2\n\fC.\nConvention – page 3\n\f",
			"A.\nB.\nC.\n"},
		{"header and page number",
			"Règlement arbitral\n\n1\nA.\n\fRèglement arbitral\n\n2\nB.\n\fRèglement arbitral\n\n3\nC.\n\f",
			"A.\nB.\nC.\n"},
		{"header on both of two pages", "En-tête commun\nA.\n\fEn-tête commun\nB.\n\f", "A.\nB.\n"},
		{"line on two of five pages kept",
			"Ligne répétée\nA.\n\fLigne répétée\nB.\n\fC.\n\fD.\n\fE.\n\f",
			"Ligne répétée\nA.\nLigne répétée\nB.\nC.\nD.\nE.\n"},
		{"repeated line outside zones kept",
			body("a", 4) + "Ligne répétée\n" + body("b", 4) + "\f" + body("c", 4) + "Ligne répétée\n" + body("d", 4) + "\f" +
				body("e", 4) + "Ligne répétée\n" + body("f", 4) + "\f",
			body("a", 4) + "Ligne répétée\n" + body("b", 4) + body("c", 4) + "Ligne répétée\n" + body("d", 4) +
				body("e", 4) + "Ligne répétée\n" + body("f", 4)},
		{"different articles at page tops kept",
			"Article 3\nA.\n\fArticle 7\nB.\n\fArticle 9\nC.\n\f",
			"Article 3\nA.\nArticle 7\nB.\nArticle 9\nC.\n"},
		{"heading repeated as running header keeps the real one",
			"Intro.\n\fTITRE II\nA.\n\fTITRE II\nB.\n\fTITRE II\nC.\n\f",
			"Intro.\nTITRE II\nA.\nB.\nC.\n"},
		{"running heading after the real one in a page body",
			body("a", 4) + "TITRE II\n" + body("b", 4) + "\fTITRE II\nB.\n\fTITRE II\nC.\n\fTITRE II\nD.\n\f",
			body("a", 4) + "TITRE II\n" + body("b", 4) + "B.\nC.\nD.\n"},
		// A line that recurs at the foot of pages but goes on with the
		// sentence above it is text; a footer repeats itself under any text.
		{"sentence end at the foot of three pages kept",
			"Article 1\nLes tarifs sont fixés par\nla présente convention.\n\f" +
				"Article 2\nLes délais sont fixés par\nla présente convention.\n\f" +
				"Article 3\nLes forfaits sont fixés par\nla présente convention.\n\f",
			"Article 1\nLes tarifs sont fixés par la présente convention.\nArticle 2\nLes délais sont fixés par la présente convention.\n" +
				"Article 3\nLes forfaits sont fixés par la présente convention.\n"},
		{"two recurring lines ending a sentence, numbered with the page",
			"Article 1\nLes tarifs fixés\npar l'article 11 sont applicables dès l'entrée en vigueur\nde la présente convention.\n\n1\n\f" +
				"Article 2\nLes délais fixés\npar l'article 12 sont applicables dès l'entrée en vigueur\nde la présente convention.\n\n2\n\f" +
				"Article 3\nLes forfaits fixés\npar l'article 13 sont applicables dès l'entrée en vigueur\nde la présente convention.\n\n3\n\f",
			"Article 1\nLes tarifs fixés par l'article 11 sont applicables dès l'entrée en vigueur de la présente convention.\n" +
				"Article 2\nLes délais fixés par l'article 12 sont applicables dès l'entrée en vigueur de la présente convention.\n" +
				"Article 3\nLes forfaits fixés par l'article 13 sont applicables dès l'entrée en vigueur de la présente convention.\n"},
		{"sentence end on half the pages kept",
			"A.\n\fLes tarifs sont fixés par\nla présente convention.\n\fB.\n\fLes délais sont fixés par\nla présente convention.\n\f",
			"A.\nLes tarifs sont fixés par la présente convention.\nB.\nLes délais sont fixés par la présente convention.\n"},
		{"sentence going on at the top of pages kept",
			"Convention médicale\nLes tarifs sont fixés par\n\fConvention médicale\nla présente convention. Les délais sont fixés par\n\f" +
				"Convention médicale\nla présente convention. Les forfaits sont fixés par\n\fConvention médicale\nla présente convention. Fin.\n\f",
			"Les tarifs sont fixés par la présente convention. Les délais sont fixés par la présente convention. " +
				"Les forfaits sont fixés par la présente convention. Fin.\n"},
		{"lower-case footer under a sentence that goes on dropped",
			"Les tarifs sont fixés par\n\nwww.ameli.fr\n\fla convention. Les délais sont fixés par\n\nwww.ameli.fr\n\f" +
				"la convention. Fin.\n\nwww.ameli.fr\n\f",
			"Les tarifs sont fixés par la convention. Les délais sont fixés par la convention. Fin.\n"},
		{"two-line footer under a sentence that goes on dropped",
			"Les tarifs sont fixés par\nAssurance Maladie\nwww.ameli.fr\n\fla convention. Les délais sont fixés par\nAssurance Maladie\nwww.ameli.fr\n\f" +
				"la convention. Les forfaits sont fixés par\nAssurance Maladie\nwww.ameli.fr\n\f",
			"Les tarifs sont fixés par la convention. Les délais sont fixés par la convention. Les forfaits sont fixés par\n"},
		{"page footer under a sentence that goes on dropped",
			"Les tarifs sont fixés par\nConvention médicale – page 1/3\n\fla convention. Les délais sont fixés par\nConvention médicale – page 2/3\n\f" +
				"la convention. Les forfaits sont fixés par\nConvention médicale – page 3/3\n\f",
			"Les tarifs sont fixés par la convention. Les délais sont fixés par la convention. Les forfaits sont fixés par\n"},
		{"number-only lines are never headers",
			"25\n" + body("a", 4) + "1\n\f25\n" + body("b", 4) + "2\n\f25\n" + body("c", 4) + "3\n\f",
			"25\n" + body("a", 4) + "25\n" + body("b", 4) + "25\n" + body("c", 4)},

		{"empty", "", ""},
		{"only page numbers", "1\f2\f3\f", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanPDFText(tt.in); got != tt.want {
				t.Errorf("CleanPDFText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPageNumberRE(t *testing.T) {
	for _, s := range []string{"12", "1", "- 12 -", "– 3 –", "—7—", "Page 3", "page 3/40", "PAGE 3 / 40", "3 / 40", "3/40", "page 2 sur 9", "p. 4", "Page 5 of 9"} {
		if !pageNumberRE.MatchString(s) {
			t.Errorf("%q is not taken for a page number", s)
		}
	}
	for _, s := range []string{"2024", "12.", "26,50", "Article 12", "1°", "a)", "page", "12 €", "1 2 3", "Page 3 du règlement"} {
		if pageNumberRE.MatchString(s) {
			t.Errorf("%q is taken for a page number", s)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want lineKind
	}{
		{"Article 12", kindHeading},
		{"ARTICLE PREMIER", kindHeading},
		{"Art. 3. - Les", kindHeading},
		{"TITRE II", kindHeading},
		{"Chapitre Ier : Information", kindHeading},
		{"Section 2", kindHeading},
		{"Sous-section 1", kindHeading},
		{"Annexe IV", kindHeading},
		{"Préambule", kindHeading},
		{"## Chapitre II", kindHeading},
		{"DISPOSITIONS GÉNÉRALES", kindHeading},
		{"I. - Le présent", kindPoint},
		{"II) les", kindPoint},
		{"IV – Dispositions", kindPoint},
		{"1° Les médecins", kindPoint},
		{"2 ° les", kindPoint},
		{"a) le premier", kindPoint},
		{"(b) le second", kindPoint},
		{"1. Les", kindPoint},
		{"2.3. Les", kindPoint},
		{"28.1 La consultation", kindPoint},
		{"1 Revaloriser", kindPoint},
		{"(1) Note", kindPoint},
		{"- le premier", kindPoint},
		{"• le second", kindPoint},
		{"G | 26,50", kindTable},
		{"G\t26,50", kindTable},
		{"G     consultation     26,50", kindTable},
		{"les médecins", kindProse},
		{"article 12 du code", kindProse},
		{"L. 162-5 du code", kindProse},
		{"R. 162-54-1", kindProse},
		{"26,50 € pour", kindProse},
		{"2 500 euros", kindProse},
		{"Il est créé", kindProse},
		{"Les  deux   espaces", kindProse},
		{"CNAM.", kindProse},
		// The plural heading of a bill ("Articles 3 et 4 (Supprimés)") is
		// one, as the parser reads it; a word that goes on is none.
		{"Articles 3 et 4", kindHeading},
		{"Articulation des soins", kindProse},
		{"Titres restaurant", kindProse},
		{"Art. 5", kindHeading},
		{"Article", kindHeading},
		{"Sous-titre II", kindHeading},
	}
	for _, tt := range tests {
		if got := classify(tt.line); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// syntheticPDF lays the headings and paragraphs of a corpus file out as
// pdftotext would: paragraphs wrapped at 70 columns with some long words
// hyphenated, pages of 45 lines between a running header and a page
// number. It returns the text and the words the clean-up must give back.
func syntheticPDF(t testing.TB, path string, footer func(page, pages int) string) (string, []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	var source strings.Builder
	for _, block := range strings.Split(string(data), "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		if strings.HasPrefix(block, "#") {
			block = strings.TrimSpace(strings.TrimLeft(block, "#"))
		}
		source.WriteString(block + "\n")
		lines = append(lines, wrap(block, 70)...)
		lines = append(lines, "")
	}
	const perPage = 45
	pages := (len(lines) + perPage - 1) / perPage
	var b strings.Builder
	for p := range pages {
		b.WriteString("   Règlement conventionnel minimal applicable aux médecins\n\n")
		for _, l := range lines[p*perPage : min((p+1)*perPage, len(lines))] {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n" + footer(p+1, pages) + "\n\f")
	}
	return b.String(), words(source.String())
}

// wrap breaks text into lines of at most width runes at spaces, and
// hyphenates a long lower-case word that would leave a wide gap, the way a
// word processor does.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line == "" {
			line = w
			continue
		}
		room := width - utf8.RuneCountInString(line) - 2 // space and hyphen
		if room+1 >= utf8.RuneCountInString(w) {
			line += " " + w
			continue
		}
		r := []rune(w)
		if cut := min(room, len(r)-4); cut >= 4 && isLowerWord(w) && !isCompoundTail(string(r[cut:])) {
			lines = append(lines, line+" "+string(r[:cut])+"-")
			line = string(r[cut:])
			continue
		}
		lines = append(lines, line)
		line = w
	}
	return append(lines, line)
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func TestCleanPDFTextKeepsCorpusWords(t *testing.T) {
	files := corpus.Files(t, "raw/*/*.md")
	footers := map[string]func(page, pages int) string{
		"dashed":   func(p, _ int) string { return fmt.Sprintf("- %d -", p) },
		"page n/m": func(p, n int) string { return fmt.Sprintf("Page %d/%d", p, n) },
		"bare":     func(p, _ int) string { return fmt.Sprintf("%40d", p) },
	}
	for _, path := range files {
		for name, footer := range footers {
			t.Run(filepath.Base(path)+"/"+name, func(t *testing.T) {
				text, want := syntheticPDF(t, path, footer)
				if !strings.Contains(text, "-\n") || strings.Count(text, "\f") < 3 {
					t.Fatal("synthetic text has no hyphenation or too few pages: the test proves nothing")
				}
				got := cleanPDFText(text)
				if have := words(got); !slices.Equal(have, want) {
					i := 0
					for i < len(have) && i < len(want) && have[i] == want[i] {
						i++
					}
					t.Fatalf("word sequence differs at word %d of %d: got %q, want %q",
						i, len(want), have[i:min(i+6, len(have))], want[i:min(i+6, len(want))])
				}
				// Through Decode too, since the form feeds trigger it.
				dec, err := Decode([]byte(text))
				if err != nil || !slices.Equal(words(dec), want) {
					t.Fatalf("Decode of the paginated text loses words (err %v)", err)
				}
			})
		}
	}
}

// alnum is the sequence of letters and digits of s: what no clean-up may
// invent, and what it may drop only in header and footer zones.
func alnum(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return out
}

func isSubsequence(sub, seq []rune) bool {
	i := 0
	for _, r := range seq {
		if i < len(sub) && sub[i] == r {
			i++
		}
	}
	return i == len(sub)
}

// bodyAlnum is the letters and digits of the lines of s that lie outside
// every page's header and footer zones, computed independently of the
// code under test.
func bodyAlnum(s string) []rune {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []rune
	for _, page := range strings.Split(s, "\f") {
		lines := strings.Split(page, "\n")
		var nonBlank []int
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				nonBlank = append(nonBlank, i)
			}
		}
		for k := headerZone; k < len(nonBlank)-headerZone; k++ {
			out = append(out, alnum(lines[nonBlank[k]])...)
			out = append(out, '\n') // never a letter: keeps lines apart
		}
	}
	return slices.DeleteFunc(out, func(r rune) bool { return r == '\n' })
}

// mayBePageNumber is a deliberately loose test for a line that the
// clean-up could take for a page number.
func mayBePageNumber(line string) bool {
	t := strings.TrimSpace(line)
	return strings.ContainsFunc(t, unicode.IsDigit) && !strings.ContainsFunc(t, func(r rune) bool {
		return !unicode.IsDigit(r) && !unicode.IsSpace(r) && !strings.ContainsRune("-–—/.pagesurofdPAGESUROFD", r)
	})
}

func FuzzCleanPDFText(f *testing.F) {
	f.Add("Convention\nla négocia-\ntion\n\n- 1 -\n\fConvention\nsuite.\n2\n\fConvention\nfin\n3\f")
	f.Add("Article 1\nLes caisses\r\nprocèdent à l'\nAssurance\u00AD\nmaladie\n1° les\n\ta\tb")
	f.Add("c'est-à-\ndire\nJean-\nPierre\nL. 162-\n5\f\f\f")
	f.Add("Page 1/3\nTITRE II\n\fPage 2/3\nTITRE II\n\fPage 3/3\nTITRE II\n")
	f.Fuzz(func(t *testing.T, in string) {
		out := cleanPDFText(in)
		if strings.ContainsAny(out, "\f\r") {
			t.Fatalf("form feed or carriage return left: %q", out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid input gave invalid output: %q", out)
		}
		src := alnum(in)
		got := alnum(out)
		// Nothing is invented, nothing reordered.
		if !isSubsequence(got, src) {
			t.Fatalf("output letters are not a subsequence of the input's:\n in %q\nout %q", in, out)
		}
		// Nothing outside the header and footer zones is lost.
		if !isSubsequence(bodyAlnum(in), got) {
			t.Fatalf("a line outside the header and footer zones lost letters:\n in %q\nout %q", in, out)
		}
		// With a single page and no line that could pass for a page
		// number, every letter and digit survives.
		if !strings.Contains(in, "\f") && !slices.ContainsFunc(strings.FieldsFunc(in, func(r rune) bool { return r == '\n' || r == '\r' }), mayBePageNumber) {
			if !slices.Equal(got, src) {
				t.Fatalf("single page lost letters:\n in %q\nout %q", in, out)
			}
		}
	})
}

func BenchmarkCleanPDFText(b *testing.B) {
	files := corpus.Files(b, "raw/*/*.md")
	var text strings.Builder
	for _, path := range files {
		t, _ := syntheticPDF(b, path, func(p, _ int) string { return fmt.Sprintf("- %d -", p) })
		text.WriteString(t)
	}
	in := text.String()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		cleanPDFText(in)
	}
}

// TestPDFToolStderrBounded: what pdftotext writes to stderr is kept up to
// a few kilobytes, however much it writes (a PDF of stray tokens made it
// write 300 MB, all held in memory), and every write succeeds so that
// the tool never blocks.
func TestPDFToolStderrBounded(t *testing.T) {
	var w headWriter
	line := []byte("Syntax Error (123): Too many args to operator\n")
	for range 100000 {
		if n, err := w.Write(line); n != len(line) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if got := w.String(); len(got) != stderrKept || firstLine(got) != strings.TrimSpace(string(line)) {
		t.Errorf("kept %d bytes, first line %q", len(got), firstLine(got))
	}
}

// TestRepeatedSentenceIsNoFooter: parallel articles repeat a sentence,
// which may land at the same place near the foot of consecutive pages; the
// paragraphs under it differ, so it is text, not a running footer, and is
// kept on every page. The footer at the edge of each page still goes.
func TestRepeatedSentenceIsNoFooter(t *testing.T) {
	var in strings.Builder
	for p, place := range []string{"en Nouvelle-Calédonie", "en Polynésie française", "à Wallis-et-Futuna", "à Mayotte"} {
		fmt.Fprintf(&in, "Article %d\n\nLe début de l'article.\n\n4° L'enfant des personnes mentionnées au 3°.\n\nLa fin propre à l'application %s.\n\nConvention médicale\n\f", p+1, place)
	}
	got := cleanPDFText(in.String())
	if n := strings.Count(got, "4° L'enfant"); n != 4 {
		t.Errorf("the repeated sentence is kept %d times of 4:\n%s", n, got)
	}
	if strings.Contains(got, "Convention médicale") {
		t.Errorf("the running footer is kept:\n%s", got)
	}
}
