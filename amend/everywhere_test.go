package amend

import (
	"strings"
	"testing"
	"time"

	"github.com/avenant-dev/avenant/clause"
)

// TestReplaceThroughoutBounded: words replaced, taken out or put in
// throughout the text are edited in one pass (one by one, 40,000 of them in one clause took
// minutes), and a replacement that would multiply the text past what a
// store holds is refused before the text is made.
func TestReplaceThroughoutBounded(t *testing.T) {
	base := clause.Parse("## Article 1 - Objet\n\n" + strings.Repeat("Le médecin soigne le patient. ", 40000) + "\n\n## Article 2 - Fin\n\nFin du patient.\n")
	c, err := Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, les mots « le patient » sont remplacés par les mots « la personne soignée ».\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(c.Text, "la personne soignée"); got != 40000 || strings.Contains(c.Text, "le patient") {
		t.Errorf("%d replacements, want 40000 and no le patient left", got)
	}
	// Words taken out, or put before others, at each place: in one pass
	// too (one by one, 32 s here).
	start := time.Now()
	c, err = Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, les mots « le patient » sont supprimés.\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Doc.Clauses[0].Text, "Le médecin soigne. Le médecin soigne.") || strings.Contains(c.Text, "le patient") {
		t.Errorf("the words taken out throughout: %.80q", c.Doc.Clauses[0].Text)
	}
	c, err = Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, avant les mots « Le médecin », sont insérés les mots « En principe, ».\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(c.Text, "En principe, le médecin soigne"); got != 40000 {
		t.Errorf("%d insertions, want 40000", got)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("40,000 words taken out and put in took %v", d)
	}
	long := strings.Repeat("X", 2000)
	_, err = Consolidate(base, "## Article 1\n\nDans l'ensemble de la convention, les mots « le patient » sont remplacés par les mots « "+long+" ».\n", Markdown)
	if err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("80 MB of replacements: %v, want a refusal", err)
	}
}

// A titre, chapitre, section or annex named for words holds them in its
// articles and rows: "dans l'ensemble du chapitre 2" changes every place
// in every article of the chapter, and marks each article changed; a
// chapter named for words that must stand once looks in all it holds.
// Words quoted in lower case stand at a sentence's start too, capital
// and all. Before, only the chapter's own text was searched: "the words
// « … » are not in chapitre 2".
func TestEditThroughoutContainer(t *testing.T) {
	base := clause.Parse(`# Convention

## Chapitre 1 - Champ

### Article 1 - Objet

Le médecin traitant assure le suivi de ses patients.

## Chapitre 2 - Tarifs

### Article 2 - Consultation

La consultation du médecin est fixée à 30 €. Le médecin en informe son patient.

### Article 3 - Visite

La visite du médecin est majorée de 10 %.

## Annexe 1 - Tarifs

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 30 € |
| VG | Visite | 35 € |
`)
	const art1 = "Le médecin traitant assure le suivi de ses patients."
	cases := []applyCase{
		{name: "dans l'ensemble du chapitre", amend: "### Article 1er\n\nDans l'ensemble du chapitre 2, le mot « médecin » est remplacé par le mot « praticien ».",
			clause: "article 3", want: "La visite du praticien est majorée de 10 %."},
		{name: "not past the chapter", amend: "### Article 1er\n\nDans l'ensemble du chapitre 2, le mot « médecin » est remplacé par le mot « praticien ».",
			clause: "article 1", want: art1},
		{name: "lower case quoted, a sentence's start", amend: "### Article 1er\n\nDans l'ensemble du chapitre 2, les mots « le médecin » sont remplacés par les mots « le praticien ».",
			clause: "article 2", want: "La consultation du médecin est fixée à 30 €. Le praticien en informe son patient."},
		{name: "a chapter's words standing once", amend: "### Article 1er\n\nAu chapitre 2, le mot « visite » est remplacé par le mot « venue ».",
			clause: "article 3", want: "La venue du médecin est majorée de 10 %."},
		{name: "a chapter's words standing more than once", amend: "### Article 1er\n\nAu chapitre 2, le mot « médecin » est remplacé par le mot « praticien ».",
			err: "Article 1er: the words « médecin » are in chapitre 2 3 times: name the article, or say « dans l'ensemble »"},
		{name: "a chapter's words nowhere", amend: "### Article 1er\n\nDans l'ensemble du chapitre 2, le mot « traitant » est supprimé.",
			err: "Article 1er: the words « traitant » are not in chapitre 2"},
		{name: "an annex's rows", amend: "### Article 1er\n\nÀ l'annexe 1, le tarif « 35 € » est remplacé par le tarif « 36 € ».",
			clause: "row VG", want: "| VG | Visite | 36 € |"},
		{name: "an occurrence in a chapter", amend: "### Article 1er\n\nDans le chapitre 2, la dernière occurrence du mot « médecin » est remplacée par le mot « praticien ».",
			clause: "article 3", want: "La visite du praticien est majorée de 10 %."},
	}
	runApplyCases(t, base, cases)
	set, err := parse(amendDoc(cases[0].amend))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(base, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, tr := range res.Traces {
		changed = append(changed, res.Doc.Clauses[tr.New].Label())
	}
	if got := strings.Join(changed, ", "); got != "Article 2 - Consultation, Article 3 - Visite" {
		t.Errorf("changed %s, want articles 2 and 3", got)
	}
}

// Words put at the start of an article that holds a table ("Au début de
// l'article 2, sont insérés les mots…") name no words to look for in
// what it holds: they open the article's own text, as in an article
// without one. They were refused since containers were searched whole
// ("only words can be replaced, deleted or inserted beside others
// throughout article 2").
func TestInsertAtStartOfHolder(t *testing.T) {
	base := clause.Parse(`## Article 1 - Objet

Les présentes dispositions fixent les tarifs.

## Article 2 - Tarifs

Les tarifs sont les suivants :

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 30 € |
| VG | Visite | 35 € |
`)
	runApplyCases(t, base, []applyCase{
		{name: "at the start of an article holding a table", amend: "### Article 1er\n\nAu début de l'article 2, sont insérés les mots « À compter du 1er janvier 2025, ».",
			clause: "article 2", want: "À compter du 1er janvier 2025, les tarifs sont les suivants :"},
		{name: "words in its rows", amend: "### Article 1er\n\nÀ l'article 2, les mots « 35 € » sont remplacés par les mots « 36 € ».",
			clause: "row VG", want: "| VG | Visite | 36 € |"},
	})
}

// An article that holds a table ends with it: an alinéa completing the
// article goes after the table, a sentence or words complete the
// paragraph after the table, and with none, nothing names what they
// complete. Before, all three went into the article's own text, before
// the table ("Les tarifs sont les suivants : Ils sont revalorisés…").
func TestCompleteArticleHoldingTable(t *testing.T) {
	const table = `## Article 2 - Tarifs

Les tarifs sont les suivants :

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 30 € |
`
	ending := clause.Parse(table)
	after := clause.Parse(table + "\nIls sont revalorisés chaque année.\n")
	runApplyCases(t, ending, []applyCase{
		{name: "an alinéa", amend: "### Article 1er\n\nL'article 2 est complété par un alinéa ainsi rédigé : « Ils sont revalorisés chaque année. »",
			clause: "article 2", want: "Les tarifs sont les suivants :"},
		{name: "a sentence", amend: "### Article 1er\n\nL'article 2 est complété par une phrase ainsi rédigée : « Ils sont revalorisés chaque année. »",
			err: "Article 1er: article 2 ends with a table: name the alinéa the words complete"},
		{name: "words", amend: "### Article 1er\n\nL'article 2 est complété par les mots « , hors dépassements ».",
			err: "Article 1er: article 2 ends with a table: name the alinéa the words complete"},
		{name: "words of its first alinéa", amend: "### Article 1er\n\nLe premier alinéa de l'article 2 est complété par les mots « , hors dépassements ».",
			clause: "article 2", want: "Les tarifs sont les suivants, hors dépassements :"},
	})
	c, err := Consolidate(ending, "## Article 1er\n\nL'article 2 est complété par un alinéa ainsi rédigé : « Ils sont revalorisés chaque année. »\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if want := "| G | Consultation | 30 € |\n\nIls sont revalorisés chaque année."; !strings.Contains(c.Text, want) {
		t.Errorf("consolidated:\n%s\nwant the alinéa after the table", c.Text)
	}
	c, err = Consolidate(after, "## Article 1er\n\nL'article 2 est complété par une phrase ainsi rédigée : « Ils le sont au 1er janvier. »\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Ils sont revalorisés chaque année. Ils le sont au 1er janvier."; !strings.Contains(c.Text, want) {
		t.Errorf("consolidated:\n%s\nwant the sentence ending the paragraph after the table", c.Text)
	}
}

// "Dans toute la convention" names the whole text, as "dans l'ensemble de
// la convention" does. Before, the instruction named no clause: "names no
// article, annex or row to amend".
func TestThroughoutInWholeText(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 1 - Objet\n\nLe tarif opposable s'applique.\n\n## Article 2 - Suite\n\nAu tarif opposable.\n")
	runApplyCases(t, base, []applyCase{
		{name: "toute la convention", amend: "### Article 1er\n\nDans toute la convention, les mots « tarif opposable » sont remplacés par les mots « tarif conventionnel ».",
			clause: "article 2", want: "Au tarif conventionnel."},
		{name: "tout le texte", amend: "### Article 1er\n\nDans tout le texte, les mots « tarif opposable » sont remplacés par les mots « tarif conventionnel ».",
			clause: "article 1", want: "Le tarif conventionnel s'applique."},
	})
}

// Words replaced throughout the text, or throughout a division, are
// replaced in the titles of its divisions and articles too, which are
// part of the text: before, "dans l'ensemble du texte, les mots « médecin
// traitant »…" left "Titre I - Dispositions relatives au médecin
// traitant" over articles that no longer spoke of him. A title's kind and
// number are not its words ("article 1" replaced leaves "Article 1 -
// …"), a title in capitals takes the words in capitals, and words that
// must stand once, or a number of times, are counted in the text alone.
func TestThroughoutTitles(t *testing.T) {
	base := clause.Parse(`# Convention

## Titre I - Dispositions relatives au médecin traitant

### Article 1 - Médecin traitant

Le médecin traitant assure le suivi du patient, selon l'article 1.

## TITRE II - SUIVI DU PATIENT

### Article 2 - Objet

Le suivi du patient est écrit.
`)
	headings := func(d *clause.Document) []string {
		var out []string
		for _, c := range d.Clauses {
			out = append(out, c.Heading)
		}
		return out
	}
	for _, tc := range []struct{ name, amend, want, err string }{
		{name: "dans l'ensemble du texte", amend: "Dans l'ensemble du texte, les mots « médecin traitant » sont remplacés par les mots « médecin référent ».",
			want: "Convention|Titre I - Dispositions relatives au médecin référent|Article 1 - Médecin référent|TITRE II - SUIVI DU PATIENT|Article 2 - Objet"},
		{name: "in capitals, with elision", amend: "Dans toute la convention, les mots « du patient » sont remplacés par les mots « de l'assuré ».",
			want: "Convention|Titre I - Dispositions relatives au médecin traitant|Article 1 - Médecin traitant|TITRE II - SUIVI DE L'ASSURÉ|Article 2 - Objet"},
		{name: "not the number", amend: "Dans l'ensemble du texte, les mots « article 1 » sont remplacés par les mots « article 3 ».",
			want: "Convention|Titre I - Dispositions relatives au médecin traitant|Article 1 - Médecin traitant|TITRE II - SUIVI DU PATIENT|Article 2 - Objet"},
		{name: "dans l'ensemble du titre", amend: "Dans l'ensemble du titre II, le mot « suivi » est remplacé par le mot « parcours ».",
			want: "Convention|Titre I - Dispositions relatives au médecin traitant|Article 1 - Médecin traitant|TITRE II - PARCOURS DU PATIENT|Article 2 - Objet"},
		{name: "once, in the text alone", amend: "Au titre I, les mots « médecin traitant » sont remplacés par les mots « médecin référent ».",
			want: "Convention|Titre I - Dispositions relatives au médecin traitant|Article 1 - Médecin traitant|TITRE II - SUIVI DU PATIENT|Article 2 - Objet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Consolidate(base, "### Article 1er\n\n"+tc.amend+"\n", Markdown)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(headings(c.Doc), "|"); got != tc.want {
				t.Errorf("headings:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
	// A column's name is the text's too; the note names the table's
	// header by where it stands, not by its cells.
	table := clause.Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n")
	c, err := Consolidate(table, "### Article 1er\n\nDans l'ensemble de la convention, le mot « Libellé » est remplacé par le mot « Acte ».\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Text, "| Code | Acte | Tarif |") || strings.Join(c.Notes, "\n") != "Article 1er: changed in the text: the table header of annexe 1" {
		t.Errorf("a column renamed throughout:\n%s\nnotes %q", c.Text, c.Notes)
	}
}
