package clause

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// update rewrites every golden file of the package: outlines, alignments,
// diff and fact and word-diff txtar cases.

func TestParseHeadingForms(t *testing.T) {
	tests := []struct {
		line               string
		kind               Kind
		number, key, id    string
		heading            string // "" means the line itself
		markdownOnlyReason string
	}{
		{line: "Article 1er", kind: KindArticle, number: "1er", key: "article:1", id: "art-1"},
		{line: "Article premier", kind: KindArticle, number: "premier", key: "article:1", id: "art-1"},
		{line: "Art. 12", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "ARTICLE 3", kind: KindArticle, number: "3", key: "article:3", id: "art-3"},
		{line: "Article 28.1", kind: KindArticle, number: "28.1", key: "article:28.1", id: "art-28-1"},
		{line: "Article 28-1", kind: KindArticle, number: "28-1", key: "article:28.1", id: "art-28-1"},
		// A word processor turns the hyphen of "28-1" into a dash: the
		// heading was "Article 28" titled "–1 – Suite", which no title is,
		// and the article vanished into the one before.
		{line: "Article 28–1", kind: KindArticle, number: "28–1", key: "article:28.1", id: "art-28-1"},
		{line: "Article 28–1 – Suite", kind: KindArticle, number: "28–1", key: "article:28.1", id: "art-28-1"},
		{line: "Article L. 162‑5", kind: KindArticle, number: "L. 162‑5", key: "article:l.162.5", id: "art-l-162-5"},
		{line: "Article 2 bis AA", kind: KindArticle, number: "2 bis AA", key: "article:2.bis.aa", id: "art-2-bis-aa"},
		{line: "Article 2-bis – Autre", kind: KindArticle, number: "2-bis", key: "article:2.bis", id: "art-2-bis"},
		{line: "Article 2 ter", kind: KindArticle, number: "2 ter", key: "article:2.ter", id: "art-2-ter"},
		{line: "Article L. 162-5", kind: KindArticle, number: "L. 162-5", key: "article:l.162.5", id: "art-l-162-5"},
		{line: "Article L262-35", kind: KindArticle, number: "L262-35", key: "article:l.262.35", id: "art-l-262-35"},
		{line: "Article R. 4127-1", kind: KindArticle, number: "R. 4127-1", key: "article:r.4127.1", id: "art-r-4127-1"},
		{line: "Article R*423-1", kind: KindArticle, number: "R*423-1", key: "article:r.423.1", id: "art-r-423-1"},
		// Named, not numbered: finance bills open on an "Article liminaire",
		// a bill of one article has an "Article unique" (article 1er once a
		// second is added), codes have preliminary and single divisions.
		{line: "Article liminaire", kind: KindArticle, number: "liminaire", key: "article:0", id: "art-0"},
		{line: "Article unique", kind: KindArticle, number: "unique", key: "article:1", id: "art-1"},
		{line: "TITRE PRÉLIMINAIRE", kind: KindTitle, number: "PRÉLIMINAIRE", key: "title:0", id: "titre-0"},
		{line: "Chapitre unique : Dispositions générales", kind: KindChapter, number: "unique", key: "chapter:1", id: "chap-1"},
		{line: "Article R.* 423-1", kind: KindArticle, number: "R.* 423-1", key: "article:r.423.1", id: "art-r-423-1"},
		{line: "Article 12 : Consultation", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "Article 12 – Consultation", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "Article 12 — Consultation", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "Article 12 - Consultation", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "Article 12. Consultation", kind: KindArticle, number: "12", key: "article:12", id: "art-12"},
		{line: "Art. 20.", kind: KindArticle, number: "20", key: "article:20", id: "art-20"},
		{line: "Article 3 Dispositions finales", kind: KindArticle, number: "3", key: "article:3", id: "art-3"},
		{line: "Article 28.1 - Consultation longue", kind: KindArticle, number: "28.1", key: "article:28.1", id: "art-28-1"},
		{line: "Annexe IV", kind: KindAnnex, number: "IV", key: "annex:4", id: "annexe-4"},
		{line: "Annexe 12", kind: KindAnnex, number: "12", key: "annex:12", id: "annexe-12"},
		{line: "ANNEXE I", kind: KindAnnex, number: "I", key: "annex:1", id: "annexe-1"},
		{line: "Annexe B : Formulaires", kind: KindAnnex, number: "B", key: "annex:b", id: "annexe-b"},
		{line: "Article Annexe IV", kind: KindAnnex, number: "IV", key: "annex:4", id: "annexe-4"},
		{line: "TITRE II", kind: KindTitle, number: "II", key: "title:2", id: "titre-2"},
		{line: "Titre 1er", kind: KindTitle, number: "1er", key: "title:1", id: "titre-1"},
		{line: "Titre II bis : Dispositions", kind: KindTitle, number: "II bis", key: "title:2.bis", id: "titre-2-bis"},
		{line: "Sous-titre 2", kind: KindTitle, number: "2", key: "subtitle:2", id: "sous-titre-2"},
		{line: "CHAPITRE III", kind: KindChapter, number: "III", key: "chapter:3", id: "chap-3"},
		{line: "Chapitre Ier", kind: KindChapter, number: "Ier", key: "chapter:1", id: "chap-1"},
		{line: "CHAPITRE IER A", kind: KindChapter, number: "IER A", key: "chapter:1.a", id: "chap-1-a"},
		{line: "Titre II A : Santé", kind: KindTitle, number: "II A", key: "title:2.a", id: "titre-2-a"},
		{line: "Chapitre Ier : Information des médecins.", kind: KindChapter, number: "Ier", key: "chapter:1", id: "chap-1"},
		{line: "Section 1", kind: KindSection, number: "1", key: "section:1", id: "sect-1"},
		{line: "SOUS-SECTION 2", kind: KindSection, number: "2", key: "subsection:2", id: "sous-sect-2"},
		{line: "Sous-section 2 : Droits", kind: KindSection, number: "2", key: "subsection:2", id: "sous-sect-2"},
		{line: "Préambule", kind: KindPreamble, key: "preamble", id: "preambule"},
		{line: "PRÉAMBULE", kind: KindPreamble, key: "preamble", id: "preambule"},
		{line: "Préambule : objet de la convention", kind: KindPreamble, key: "preamble", id: "preambule"},
	}
	for _, tt := range tests {
		for _, form := range []struct{ name, prefix string }{{"plain", ""}, {"markdown", "## "}} {
			t.Run(form.name+"/"+tt.line, func(t *testing.T) {
				in := form.prefix + tt.line + "\n\nLe corps du texte.\n"
				d := Parse(in)
				checkDocument(t, in, d)
				if len(d.Clauses) != 1 {
					t.Fatalf("got %d clauses, want 1:\n%s", len(d.Clauses), outline(d))
				}
				c := d.Clauses[0]
				if c.Kind != tt.kind || c.Number != tt.number || c.Key != tt.key || c.ID != tt.id {
					t.Errorf("got kind %q number %q key %q id %q, want %q %q %q %q",
						c.Kind, c.Number, c.Key, c.ID, tt.kind, tt.number, tt.key, tt.id)
				}
				if c.Heading != tt.line {
					t.Errorf("heading %q, want %q", c.Heading, tt.line)
				}
				if c.Text != "Le corps du texte." {
					t.Errorf("text %q", c.Text)
				}
				if len(c.Path) != 1 || c.Path[0] != tt.line || c.Parent != -1 || c.Depth != 0 {
					t.Errorf("path %q parent %d depth %d", c.Path, c.Parent, c.Depth)
				}
			})
		}
	}
}

// Lines that start like headings but are running text stay in the body.
func TestParseNotHeadings(t *testing.T) {
	long := "Article 5 – les médecins" + strings.Repeat(" conventionnés", 9)
	tests := []string{
		"Article 5 du code de la sécurité sociale est modifié",
		"Article 5, alinéa 2",
		"Articles 1 à 5 du code civil",
		"Titre de séjour",
		"Section 3 du code",
		"Préambule de la Constitution de 1946",
		"Sous réserve de la constitution du délit",
		"annexe",
		"Annexe au présent arrêté, la liste des actes",
		"Annexe : la liste des actes est fixée ci-dessous.",
		"Art. 12 bis, premier alinéa",
		"Article 3 - les médecins qui exercent dans les zones sous-denses,",
		long,
		"#Article 3",
		"####### Article 3",
	}
	for _, line := range tests {
		t.Run(line, func(t *testing.T) {
			in := "Titre 1er\n\nIntroduction.\n\n" + line + "\n\nSuite.\n"
			d := Parse(in)
			checkDocument(t, in, d)
			if len(d.Clauses) != 1 {
				t.Fatalf("line became a heading:\n%s", outline(d))
			}
			want := "Introduction.\n\n" + line + "\n\nSuite."
			if d.Clauses[0].Text != want {
				t.Errorf("text %q, want %q", d.Clauses[0].Text, want)
			}
		})
	}
}

func TestParseWrappedSentence(t *testing.T) {
	// The plain line after a long line ending mid-sentence continues it.
	// A heading followed by a line in lower case is still one: its first
	// sentence wraps ("Article 6 - Les médecins" over "adhèrent…", whatever
	// its verb), or the line opens a point.
	in := "Article 1\n" +
		"Les caisses appliquent les dispositions prévues au présent règlement et à l'\n" +
		"Article 5 - Objet du contrat conclu avec le médecin\n" +
		"\n" +
		"Article 6 - Les médecins\n" +
		"adhèrent au règlement.\n" +
		"\n" +
		"Article 7\n" +
		"Texte.\n" +
		"Article 8\n" +
		"a) Actes réalisés dans un établissement de santé.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	got := numbers(d, KindArticle)
	if want := []string{"1", "6", "7", "8"}; !equalStrings(got, want) {
		t.Errorf("articles %q, want %q:\n%s", got, want, outline(d))
	}
}

func TestParseShortTitleBlock(t *testing.T) {
	// A heading block of pdftotext output: no blank lines, title on its own
	// line, article right after.
	in := "TITRE I\nDISPOSITIONS GÉNÉRALES\nArticle 1er\nLe présent texte.\nArticle 2\nObjet.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if got := kindsAndNumbers(d); got != "title:I article:1er article:2" {
		t.Errorf("got %s\n%s", got, outline(d))
	}
	// The line under the bare "TITRE I" is its name, as on one line.
	if c := d.Clauses[0]; c.Heading != "TITRE I – DISPOSITIONS GÉNÉRALES" || c.Text != "" {
		t.Errorf("title heading %q, text %q", c.Heading, c.Text)
	}
}

func TestParseNesting(t *testing.T) {
	in := `PRÉAMBULE

Les parties conviennent.

TITRE I – Dispositions générales

Texte du titre.

Sous-titre 1 – Champ

Chapitre 1er – Objet

Section 1 – Principes

Sous-section 1 – Règles

Article 1er – Objet

Texte 1.

Article 2

Texte 2.

Section 2 – Suite

Article 3

Texte 3.

TITRE II

Article 4

Texte 4.

ANNEXE I

Titre 1 – Dispositions de l'annexe

Article 1er

Texte de l'annexe.

ANNEXE II

Fin.
`
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 preamble - preambule | PRÉAMBULE | Les parties conviennent.
0 title I titre-1 | TITRE I – Dispositions générales | Texte du titre.
1 title 1 sous-titre-1 | Sous-titre 1 – Champ | 
2 chapter 1er chap-1 | Chapitre 1er – Objet | 
3 section 1 sect-1 | Section 1 – Principes | 
4 section 1 sous-sect-1 | Sous-section 1 – Règles | 
5 article 1er art-1 | Article 1er – Objet | Texte 1.
5 article 2 art-2 | Article 2 | Texte 2.
3 section 2 sect-2 | Section 2 – Suite | 
4 article 3 art-3 | Article 3 | Texte 3.
0 title II titre-2 | TITRE II | 
1 article 4 art-4 | Article 4 | Texte 4.
0 annex I annexe-1 | ANNEXE I | 
1 title 1 titre-1-2 | Titre 1 – Dispositions de l'annexe | 
2 article 1er art-1-2 | Article 1er | Texte de l'annexe.
0 annex II annexe-2 | ANNEXE II | Fin.
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	art3 := d.Clauses[9]
	wantPath := []string{"TITRE I – Dispositions générales", "Sous-titre 1 – Champ", "Chapitre 1er – Objet", "Section 2 – Suite", "Article 3"}
	if !equalStrings(art3.Path, wantPath) {
		t.Errorf("path %q, want %q", art3.Path, wantPath)
	}
}

// A code's divisions around titles and sections, as Légifrance prints them:
// books above titles, paragraphs below subsections. Before, "Livre II" was
// no heading (the second book's titles fell under the first) and a
// paragraph heading was text of the subsection before it.
func TestParseCodeDivisions(t *testing.T) {
	in := `Livre Ier : Dispositions générales

Titre Ier : Principes

Chapitre Ier : Droits

Section 1 : Objet

Sous-section 1 : Champ

Paragraphe 1 : Définitions

Article L111-1

Texte 1.

Paragraphe 2 : Conditions

Sous-paragraphe 1 : Exceptions

Article L111-3

Texte 3, conformément au livre II du présent code.

Livre II : Formes d'aide

Titre Ier : Famille

Article R*211-1

Texte 4.
`
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 title Ier livre-1 | Livre Ier : Dispositions générales | 
1 title Ier titre-1 | Titre Ier : Principes | 
2 chapter Ier chap-1 | Chapitre Ier : Droits | 
3 section 1 sect-1 | Section 1 : Objet | 
4 section 1 sous-sect-1 | Sous-section 1 : Champ | 
5 section 1 paragraphe-1 | Paragraphe 1 : Définitions | 
6 article L111-1 art-l-111-1 | Article L111-1 | Texte 1.
5 section 2 paragraphe-2 | Paragraphe 2 : Conditions | 
6 section 1 sous-paragraphe-1 | Sous-paragraphe 1 : Exceptions | 
7 article L111-3 art-l-111-3 | Article L111-3 | Texte 3, conformément au livre II du pré
0 title II livre-2 | Livre II : Formes d'aide | 
1 title Ier titre-1-2 | Titre Ier : Famille | 
2 article R*211-1 art-r-211-1 | Article R*211-1 | Texte 4.
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	named := make([]Named, len(d.Clauses))
	for i, c := range d.Clauses {
		named[i] = Named{Kind: c.Kind, Key: c.Key, Number: c.Number, Heading: c.Heading, Parent: c.Parent}
	}
	for name, want := range map[string]string{"Livre II": "livre-2", "livre 2/titre 1": "titre-1-2",
		"paragraphe 2": "paragraphe-2", "Sous-paragraphe 1": "sous-paragraphe-1"} {
		hits := ResolveName(named, name)
		if len(hits) != 1 || d.Clauses[hits[0]].ID != want {
			t.Errorf("ResolveName(%q) = %v, want %s", name, hits, want)
		}
	}
}

func TestParseMarkdownNesting(t *testing.T) {
	in := `# Arrêté du 13 novembre 1998

## Préambule

Vu le code.

## Chapitre Ier : Information

### Article 1

Texte 1.

### Article 20

Art. 20.

Le directeur est chargé de l'exécution.

## Annexes

### Article Annexe IV

I. - Objectifs

a) L'objectif

### Tarifs

#### Article Annexe IV

(tableau non reproduit).
`
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 title - arrete-du-13-novembre-1998 | Arrêté du 13 novembre 1998 | 
1 preamble - preambule | Préambule | Vu le code.
1 chapter Ier chap-1 | Chapitre Ier : Information | 
2 article 1 art-1 | Article 1 | Texte 1.
2 article 20 art-20 | Article 20 | Art. 20.⏎⏎Le directeur est chargé de l'e
1 section - annexes | Annexes | 
1 annex IV annexe-4 | Article Annexe IV | I. - Objectifs⏎⏎a) L'objectif
1 section - tarifs | Tarifs | 
1 annex IV annexe-4-2 | Article Annexe IV | (tableau non reproduit).
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseRepeatedArticleLine(t *testing.T) {
	// Plain-line articles: a line repeating the number of the article just
	// opened is body text; the next number is a new article.
	in := "Article 20\nArt. 20.\nLe directeur.\nArticle 21\nFin.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if got := kindsAndNumbers(d); got != "article:20 article:21" {
		t.Fatalf("got %s", got)
	}
	if d.Clauses[0].Text != "Art. 20.\nLe directeur." {
		t.Errorf("text %q", d.Clauses[0].Text)
	}
}

func TestParseMarkdownArticlesMakePlainArticlesBody(t *testing.T) {
	in := "### Article 1\n\nVoir ci-dessous.\n\nArticle 2 - Objet\n\nSuite.\n\n### Article 3\n\nFin.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if got := kindsAndNumbers(d); got != "article:1 article:3" {
		t.Fatalf("got %s", got)
	}
	if want := "Voir ci-dessous.\n\nArticle 2 - Objet\n\nSuite."; d.Clauses[0].Text != want {
		t.Errorf("text %q, want %q", d.Clauses[0].Text, want)
	}
}

func TestParsePointsStayInArticles(t *testing.T) {
	in := "Article 4\n\nI. - Les médecins :\n\n1° Informent ;\n2° Prescrivent ;\n\na) dans le cas A ;\n\n- soit ceci ;\n- soit cela.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if len(d.Clauses) != 1 {
		t.Fatalf("points became clauses:\n%s", outline(d))
	}
	want := "I. - Les médecins :\n\n1° Informent ;\n2° Prescrivent ;\n\na) dans le cas A ;\n\n- soit ceci ;\n- soit cela."
	if d.Clauses[0].Text != want {
		t.Errorf("text %q", d.Clauses[0].Text)
	}
}

func TestParseFreeDocument(t *testing.T) {
	in := `**Logo**

# CONVENTION MÉDICALE

**15 NOVEMBRE 2023**

## ATTRACTIVITÉ

Introduction du thème.

- 1 Revaloriser la **consultation clinique**
suite de la ligne
- 2 Investir sur les consultations
- Sans numéro

Conclusion du thème.

## MÉTHODE

1. Premier point
2) Deuxième point
3° Troisième point
a) Quatrième point
IV. Cinquième point
• Puce
7 Septième point
M. Dupont a déclaré.
`
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 paragraph - logo |  | Logo
0 title - convention-medicale | CONVENTION MÉDICALE | 15 NOVEMBRE 2023
1 section - attractivite | ATTRACTIVITÉ | Introduction du thème.
2 item 1 attractivite-1 |  | - 1 Revaloriser la consultation clinique
2 item 2 attractivite-2 |  | - 2 Investir sur les consultations
2 item - sans-numero |  | - Sans numéro
2 paragraph - conclusion-du-theme |  | Conclusion du thème.
1 section - methode | MÉTHODE | 
2 item 1 methode-1 |  | 1. Premier point
2 item 2 methode-2 |  | 2) Deuxième point
2 item 3° methode-3 |  | 3° Troisième point
2 item a methode-a |  | a) Quatrième point
2 item IV methode-4 |  | IV. Cinquième point
2 item - puce |  | • Puce
2 item 7 methode-7 |  | 7 Septième point⏎M. Dupont a déclaré.
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	item := d.Clauses[3]
	if item.Text != "- 1 Revaloriser la consultation clinique\nsuite de la ligne" || item.Key != "item:1" {
		t.Errorf("item text %q key %q", item.Text, item.Key)
	}
	if !equalStrings(item.Path, []string{"CONVENTION MÉDICALE", "ATTRACTIVITÉ"}) {
		t.Errorf("item path %q", item.Path)
	}
}

func TestParseNoHeadings(t *testing.T) {
	in := "  Communiqué de presse  \n\n \n\nPremier paragraphe\nsur deux lignes.   \n\n\n\nSecond paragraphe.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	var texts []string
	for _, c := range d.Clauses {
		if c.Kind != KindParagraph || c.Parent != -1 || c.Heading != "" {
			t.Errorf("unexpected clause %+v", c)
		}
		texts = append(texts, c.Text)
	}
	want := []string{"Communiqué de presse", "Premier paragraphe\nsur deux lignes.", "Second paragraphe."}
	if !equalStrings(texts, want) {
		t.Errorf("texts %q, want %q", texts, want)
	}
}

func TestParseTextNormalisation(t *testing.T) {
	in := "Article 1\n\n\n  Première ligne  \nseconde ligne\t\n \n\t\n\nDernier paragraphe.  \n\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if want := "Première ligne\nseconde ligne\n\nDernier paragraphe."; d.Clauses[0].Text != want {
		t.Errorf("text %q, want %q", d.Clauses[0].Text, want)
	}
}

func TestParseTariffTables(t *testing.T) {
	in := `Annexe 1 - Tarifs

Les tarifs sont les suivants :

| Code | Libellé | Tarif |
|------|---------|------:|
| G | Consultation | 30 € |
| **APC** | Avis ponctuel | 60 € |
| V | Visite | 35 € |

Note : hors majorations.

Annexe 2

CS	Consultation spécialiste	30,00 €
C	Consultation	115,00 F
Total	12
V   Visite   110,00 F
G  Consultation  26,50
National	23 384	17,31%
Texte libre.
`
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 annex 1 annexe-1 | Annexe 1 - Tarifs | Les tarifs sont les suivants :
1 section - code-libelle-tarif | Code | Libellé | Tarif | 
2 item G annexe-1-g |  | | G | Consultation | 30 € |
2 item APC annexe-1-apc |  | | **APC** | Avis ponctuel | 60 € |
2 item V annexe-1-v |  | | V | Visite | 35 € |
1 paragraph - note-hors-majorations |  | Note : hors majorations.
0 annex 2 annexe-2 | Annexe 2 | 
1 item CS annexe-2-cs |  | CS	Consultation spécialiste	30,00 €
1 item C annexe-2-c |  | C	Consultation	115,00 F
1 paragraph - total-12 |  | Total	12
1 item V annexe-2-v |  | V   Visite   110,00 F
1 item G annexe-2-g |  | G  Consultation  26,50
1 paragraph - national-23-384-17-31-texte-libre |  | National	23 384	17,31%⏎Texte libre.
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
	keys := map[string]string{}
	for i, c := range d.Clauses {
		if c.Kind == KindItem {
			keys[c.ID] = c.Key
			if c.Heading != "" || c.Parent < 0 || d.Holder(i) < 0 || d.Clauses[d.Holder(i)].Kind != KindAnnex {
				t.Errorf("row %s: heading %q parent %d", c.ID, c.Heading, c.Parent)
			}
		}
	}
	wantKeys := map[string]string{
		"annexe-1-g": "tariff:G", "annexe-1-apc": "tariff:APC", "annexe-1-v": "tariff:V",
		"annexe-2-cs": "tariff:CS", "annexe-2-c": "tariff:C", "annexe-2-v": "tariff:V#2", "annexe-2-g": "tariff:G#2",
	}
	for id, k := range wantKeys {
		if keys[id] != k {
			t.Errorf("%s: key %q, want %q", id, keys[id], k)
		}
	}
	if h := d.Clauses[1]; !IsTableHeader(&h) || h.Heading != "Code | Libellé | Tarif" || d.Clauses[2].Parent != 1 {
		t.Errorf("header row read as %+v, want the container of the rows", h)
	}
}

func TestParseIDs(t *testing.T) {
	in := "## Œuvres & Société : l’été à Noël — ﬁn\n\nA.\n\n## Œuvres & Société : l’été à Noël — ﬁn\n\nB.\n\n" +
		"## " + strings.Repeat("Très longue rubrique ", 5) + "\n\n## ***\n\n## ***\n"
	d := Parse(in)
	checkDocument(t, in, d)
	var ids []string
	for _, c := range d.Clauses {
		ids = append(ids, c.ID)
	}
	want := []string{"oeuvres-societe-l-ete-a-noel-fin", "oeuvres-societe-l-ete-a-noel-fin-2",
		"tres-longue-rubrique-tres-longue", "sect", "sect-2"}
	if !equalStrings(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	for _, id := range ids {
		if len(id) > maxSlug+2 {
			t.Errorf("id %q longer than %d", id, maxSlug)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "\n", "   \n\n\t\n"} {
		d := Parse(in)
		if d == nil || d.Clauses == nil || len(d.Clauses) != 0 {
			t.Errorf("Parse(%q) = %+v, want no clauses", in, d)
		}
	}
}

// ---- helpers shared by the tests of this file, the corpus and fuzz tests ----

var idPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// checkDocument asserts the invariants every parse must hold: no word lost
// or reordered, unique well-formed IDs, parents before children, coherent
// depth, path, kind-specific fields.
func checkDocument(t testing.TB, in string, d *Document) {
	t.Helper()
	if d == nil {
		t.Fatal("nil document")
	}
	seen := make(map[string]int, len(d.Clauses))
	for i, c := range d.Clauses {
		if !idPattern.MatchString(c.ID) {
			t.Errorf("clause %d: id %q does not match %s", i, c.ID, idPattern)
		}
		if j, dup := seen[c.ID]; dup {
			t.Errorf("clause %d: id %q already used by clause %d", i, c.ID, j)
		}
		seen[c.ID] = i
		wantDepth, wantPath := 0, []string{}
		if c.Parent >= 0 {
			if c.Parent >= i {
				t.Errorf("clause %d: parent %d does not precede it", i, c.Parent)
				continue
			}
			p := d.Clauses[c.Parent]
			wantDepth, wantPath = p.Depth+1, p.Path
			if p.Kind == KindItem || p.Kind == KindParagraph {
				t.Errorf("clause %d: parent %d is a %s", i, c.Parent, p.Kind)
			}
		} else if c.Parent != -1 {
			t.Errorf("clause %d: parent %d", i, c.Parent)
		}
		if c.Heading != "" {
			wantPath = append(wantPath[:len(wantPath):len(wantPath)], c.Heading)
		}
		if c.Depth != wantDepth {
			t.Errorf("clause %d: depth %d, want %d", i, c.Depth, wantDepth)
		}
		if !equalStrings(c.Path, wantPath) || c.Path == nil {
			t.Errorf("clause %d: path %q, want %q", i, c.Path, wantPath)
		}
		if (c.Number == "") != (c.Key == "") && c.Kind != KindPreamble {
			t.Errorf("clause %d: number %q but key %q", i, c.Number, c.Key)
		}
		if c.Text != strings.TrimSpace(c.Text) || strings.Contains(c.Text, "\n\n\n") {
			t.Errorf("clause %d: text not normalised: %q", i, c.Text)
		}
		switch c.Kind {
		case KindItem, KindParagraph:
			if c.Heading != "" || c.Text == "" {
				t.Errorf("clause %d: %s with heading %q text %q", i, c.Kind, c.Heading, c.Text)
			}
		case KindArticle:
			// The further articles of a range heading ("Articles 3 et 4")
			// have a number and neither heading nor text of their own.
			if c.Heading == "" && (c.Number == "" || c.Text != "") {
				t.Errorf("clause %d: %s without heading", i, c.Kind)
			}
		default:
			if c.Heading == "" {
				t.Errorf("clause %d: %s without heading", i, c.Kind)
			}
		}
	}
	got := make([]string, 0, 64)
	for _, c := range d.Clauses {
		got = appendWords(got, c.Heading)
		got = appendWords(got, c.Text)
	}
	want := appendWords(nil, in)
	got, want = withoutStackedHeaders(d, got, want)
	if !equalStrings(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("words differ at word %d: got %q…, want %q… (%d vs %d words)",
			i, window(got, i), window(want, i), len(got), len(want))
	}
}

// withoutStackedHeaders leaves out of both word lists the words of the
// headers read over several lines (headerLines): each column is named by
// the names over it, top down, so their words come in another order than
// the lines', and a name over several columns names each. Those words
// must be words of the input.
func withoutStackedHeaders(d *Document, got, want []string) ([]string, []string) {
	inInput := map[string]bool{}
	for _, w := range want {
		inInput[w] = true
	}
	drop := map[string]bool{}
	for i := range d.Clauses {
		c := &d.Clauses[i]
		if !IsTableHeader(c) {
			continue
		}
		words := appendWords(nil, c.Heading)
		if isRun(words, want) {
			continue
		}
		for _, w := range words {
			if !inInput[w] {
				return got, append(want, "(header word "+w+" not in the input)")
			}
			drop[w] = true
		}
	}
	if len(drop) == 0 {
		return got, want
	}
	keep := func(ws []string) []string {
		return slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return drop[w] })
	}
	return keep(got), keep(want)
}

// isRun reports whether words stand one after the other in all.
func isRun(words, all []string) bool {
	for i := 0; i+len(words) <= len(all); i++ {
		if slices.Equal(words, all[i:i+len(words)]) {
			return true
		}
	}
	return false
}

func window(w []string, i int) []string {
	if i > len(w) {
		i = len(w)
	}
	return w[i:min(len(w), i+6)]
}

// appendWords appends the maximal runs of letters and digits of s.
func appendWords(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if isWord && start < 0 {
			start = i
		} else if !isWord && start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// outline renders a document compactly, one clause a line:
// "depth kind number id | heading | first 40 characters of text".
func outline(d *Document) string {
	var b strings.Builder
	for _, c := range d.Clauses {
		num := c.Number
		if num == "" {
			num = "-"
		}
		text := []rune(c.Text)
		if len(text) > 40 {
			text = text[:40]
		}
		fmt.Fprintf(&b, "%d %s %s %s | %s | %s\n", c.Depth, c.Kind, num, c.ID, c.Heading,
			strings.ReplaceAll(string(text), "\n", "⏎"))
	}
	return b.String()
}

func numbers(d *Document, kind Kind) []string {
	var out []string
	for _, c := range d.Clauses {
		if c.Kind == kind {
			out = append(out, c.Number)
		}
	}
	return out
}

func kindsAndNumbers(d *Document) string {
	var out []string
	for _, c := range d.Clauses {
		out = append(out, string(c.Kind)+":"+c.Number)
	}
	return strings.Join(out, " ")
}

func TestItemStart(t *testing.T) {
	tests := []struct {
		line string
		num  string
		ok   bool
	}{
		{"- 1 Revaloriser la consultation", "1", true},
		{"- 5 **Valoriser les comportements**", "5", true},
		{"- 3 mois de délai", "", true},
		{"- 30 € la consultation", "", true},
		{"• Puce", "", true},
		{"– Tiret", "", true},
		{"* Étoile", "", true},
		{"1. Premier", "1", true},
		{"12) Douzième", "12", true},
		{"1° Informent", "1°", true},
		{"b) deuxième cas", "b", true},
		{"II. - Tarifs", "II", true},
		{"7 Septième", "7", true},
		{"2 débatteurs en ligne", "", false},
		{"5007. C'est le nombre", "", false},
		{"2023 Année", "", false},
		{"M. Dupont", "", false},
		{"**Gras**", "", false},
		{"-5 % de baisse", "", false},
		{"1.5 million", "", false},
		{"Texte", "", false},
	}
	for _, tt := range tests {
		num, ok := itemStart(tt.line)
		if num != tt.num || ok != tt.ok {
			t.Errorf("itemStart(%q) = %q, %v; want %q, %v", tt.line, num, ok, tt.num, tt.ok)
		}
	}
}

func TestIsAmount(t *testing.T) {
	yes := []string{"30 €", "26,50", "115,00 F", "1 000,00 €", "60 EUR", "4.40 FRF", "25 euros"}
	no := []string{"23 384", "17,31%", "12", "G", "2,5", "30 €uros", ""}
	for _, s := range yes {
		if !isAmount(s) {
			t.Errorf("isAmount(%q) = false", s)
		}
	}
	for _, s := range no {
		if isAmount(s) {
			t.Errorf("isAmount(%q) = true", s)
		}
	}
}

func TestParseMixedMarkdownAndPlain(t *testing.T) {
	// Plain headings nest under the markdown heading before them; a
	// markdown heading closes the plain ones.
	in := "# Convention\n\nTITRE I\n\nArticle 1\n\nTexte.\n\n## Annexes\n\nANNEXE 1\n\n| G | Consultation | 30 € |\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 title - convention | Convention | 
1 title I titre-1 | TITRE I | 
2 article 1 art-1 | Article 1 | Texte.
1 section - annexes | Annexes | 
1 annex 1 annexe-1 | ANNEXE 1 | 
2 item G annexe-1-g |  | | G | Consultation | 30 € |
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

// TestOneLineParagraphs: in a text that sets each paragraph on one line
// (a word processor's plain-text export), a heading right after a long
// line without final punctuation, or before a line in lower case, is a
// heading; in a hard-wrapped text the same line is the start of a wrapped
// sentence.
func TestOneLineParagraphs(t *testing.T) {
	long := strings.Repeat("Les caisses informent les assurés de la situation conventionnelle des médecins. ", 3)
	title := "Convention nationale organisant les rapports entre les médecins libéraux et l'assurance maladie"
	oneLine := title + "\nPréambule\n" + long + "\n" + long + "\nArticle 1er - Objet\n" + long + "\n" +
		"Article 2\nles médecins adhèrent au règlement.\n" +
		"MODALITES PARTICULIERES DE PAIEMENT.\nArticle 3\n" + long + "\n"
	doc := Parse(oneLine)
	for _, id := range []string{"preambule", "art-2", "modalites-particulieres-de-paiement", "art-3"} {
		if !hasID(doc, id) {
			t.Errorf("plain-text export: no %s in %v", id, outlineOf(doc))
		}
	}
	// Each line is a paragraph, as between blank lines in Markdown.
	md := strings.ReplaceAll(oneLine, "\n", "\n\n")
	if got, want := outlineOf(doc), outlineOf(Parse(md)); !equalStrings(got, want) {
		t.Errorf("plain-text export %v, as Markdown paragraphs %v", got, want)
	}
	wrapped := "Les caisses mettent à disposition des médecins, dans leur espace, le\nPréambule de la convention et ses annexes.\n\nArticle 1er - Objet\n\nTexte.\n"
	if doc := Parse(wrapped); hasID(doc, "preambule") || !hasID(doc, "art-1") {
		t.Errorf("hard-wrapped text: %v", outlineOf(doc))
	}
}

func hasID(d *Document, id string) bool {
	for _, c := range d.Clauses {
		if c.ID == id {
			return true
		}
	}
	return false
}

func outlineOf(d *Document) []string {
	var out []string
	for _, c := range d.Clauses {
		out = append(out, string(c.Kind)+" "+c.ID)
	}
	return out
}

// TestRuleLinesDrawOnly: a setext heading's underline, a thematic break, a
// text's separator line or a column header's underline holds no word: the
// text with them reads as the text without.
func TestRuleLinesDrawOnly(t *testing.T) {
	plain := "TITRE I - DISPOSITIONS\n\nArticle 1 - Objet\n\nLe texte.\n\nArticle 2\n\nAutre texte.\n\nANNEXE 1\n\nCode    Libellé    Tarif\nG       Consultation    30 €\n"
	drawn := "TITRE I - DISPOSITIONS\n======================\n\nArticle 1 - Objet\n-----------------\n\nLe texte.\n\n* * *\n\nArticle 2\n\nAutre texte.\n\n___\n\nANNEXE 1\n\nCode    Libellé    Tarif\n----    -------    -----\nG       Consultation    30 €\n"
	want, got := Parse(plain), Parse(drawn)
	checkDocument(t, drawn, got)
	if d := Compare(want, got, CompareOptions{}); d.Differs() {
		t.Errorf("the drawn text differs: %q", listed(d, false))
	}
	for _, s := range []string{"--", "-- fin --", "-=-", "***a", "| --- |"} {
		if ruleLine(s) {
			t.Errorf("ruleLine(%q) = true", s)
		}
	}
}

// TestParseWrappedDivisionName: a division's name wrapped onto a line in
// lower case, as a text hard-wrapped for e-mail sets it, is its name, as
// the same heading on one line (a PDF read from its word boxes) is; the
// division is not lost into the clause before it. A line in lower case
// that ends as a sentence does goes on with the article's first sentence
// whatever its verb ("adhèrent"), and the article is not lost either.
func TestParseWrappedDivisionName(t *testing.T) {
	in := "Article 1er\n\nTexte.\n\n" +
		"CHAPITRE 1 : Dispositions relatives aux conditions d'éligibilité et\naux inéligibilités\n\n" +
		"Article 2\n\nTexte 2.\n\n" +
		"Article 3 - Les médecins\nadhèrent au règlement.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 article 1er art-1 | Article 1er | Texte.
0 chapter 1 chap-1 | CHAPITRE 1 : Dispositions relatives aux conditions d'éligibilité et aux inéligibilités | 
1 article 2 art-2 | Article 2 | Texte 2.
1 article 3 art-3 | Article 3 | Les médecins⏎adhèrent au règlement.
`
	if got := outline(d); got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

// TestParseTableOfContents: the table of contents that word processors put
// before the text lists its divisions with their page numbers, after a
// leader, a tab or a wide gap. Its lines open no division: read as
// headings, every article was there twice, the real ones renumbered
// (art-1-2) and nested in the last division the table lists.
func TestParseTableOfContents(t *testing.T) {
	body := "Article 1 – Objet\n\nLa présente convention fixe les rapports.\n\nArticle 2 – Tarifs au 1er janvier 2025\n\nLa consultation est fixée à 30 €.\n\n" +
		"Annexe 1 – Tarifs des actes\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n"
	for name, toc := range map[string]string{
		"dot leaders": "Article 1 – Objet ..................... 2\nArticle 2 – Tarifs au 1er janvier 2025 .......... 3\nAnnexe 1 – Tarifs des actes ......... 4\n",
		"spaced dots": "Article 1 – Objet. . . . . 2\n\nArticle 2 – Tarifs au 1er janvier 2025. . . . . 3\n\nAnnexe 1 – Tarifs des actes. . . . 4\n",
		"tabs":        "Article 1 – Objet\t2\nArticle 2 – Tarifs au 1er janvier 2025\t3\nAnnexe 1 – Tarifs des actes\t4\n",
		"wide gap":    "Article 1 – Objet                         2\nArticle 2 – Tarifs au 1er janvier 2025    3\nAnnexe 1 – Tarifs des actes               4\n",
	} {
		t.Run(name, func(t *testing.T) {
			in := "Convention nationale\n\nSommaire\n\n" + toc + "\n" + body
			d := Parse(in)
			checkDocument(t, in, d)
			var got []string
			for _, c := range d.Clauses {
				if c.Kind == KindArticle || c.Kind == KindAnnex {
					got = append(got, c.ID+" "+c.Heading+" < "+strings.Join(c.Path, " / "))
				}
			}
			want := []string{
				"art-1 Article 1 – Objet < Sommaire / Article 1 – Objet",
				"art-2 Article 2 – Tarifs au 1er janvier 2025 < Sommaire / Article 2 – Tarifs au 1er janvier 2025",
				"annexe-1 Annexe 1 – Tarifs des actes < Sommaire / Annexe 1 – Tarifs des actes",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), outline(d))
			}
		})
	}
}
