package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/reader"
)

// fixture reads a file of the demo negotiation as avenant does.
func fixture(t *testing.T, name string) *clause.Document {
	t.Helper()
	b, err := fixtures.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return decodeDoc(t, b)
}

// decodeDoc reads a document's bytes as avenant reads a file.
func decodeDoc(t testing.TB, b []byte) *clause.Document {
	t.Helper()
	text, err := reader.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return clause.Parse(text)
}

// The demo's avenant, written as amendments and applied to the
// convention, is the consolidated avenant.
func TestDemoAvenant(t *testing.T) {
	set, err := parse(fixture(t, "06-avenant-1-2025-amendements.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Own) != 1 || set.Own[0] != "Article 5" {
		t.Errorf("own provisions: %q, want [Article 5]", set.Own)
	}
	res, err := apply(fixture(t, "05-convention-2024-06.md"), set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got, err := reader.Decode([]byte(res.Text))
	if err != nil {
		t.Fatal(err)
	}
	sameClauses(t, "apply(05, amendements)", fixture(t, "06-avenant-1-2025.md"), clause.Parse(got))
}

// Amends tells the demo's avenant written as amendments from the
// consolidated texts: the first amends the convention, the others do not.
func TestAmendsDemo(t *testing.T) {
	conv := fixture(t, "05-convention-2024-06.md")
	if !Amends(fixture(t, "06-avenant-1-2025-amendements.md"), conv) {
		t.Error("the avenant written as amendments does not read as amending the convention")
	}
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if Amends(fixture(t, v.File), conv) {
			t.Errorf("%s reads as amending the convention", v.File)
		}
	}
}

// An avenant that mostly creates (an annex, an article placed by its
// number) amends the text too, though its instructions name nothing there
// yet; before, with one of its three articles naming an article of the
// base, it read as a text of its own.
func TestAmendsCreating(t *testing.T) {
	conv := fixture(t, "05-convention-2024-06.md")
	avenant := clause.Parse(`# Avenant n° 3

## Article 1er

Il est créé une annexe 2 ainsi rédigée : « Annexe 2 - Forfaits

« Le forfait est versé chaque année. »

## Article 2

Il est inséré un article 41 ter ainsi rédigé : « Article 41 ter - Bilan

« Les parties font un bilan. »

## Article 3

Le présent avenant entre en vigueur le lendemain de sa publication.
`)
	if !Amends(avenant, conv) {
		t.Error("an avenant creating an annex and an article does not read as amending the convention")
	}
}

// Consolidate is parse, apply and Attribute in one: the demo's avenant
// applied to the convention is the consolidated avenant, its own
// provision listed apart, each changed clause traced to its instruction;
// a text without instructions is refused.
func TestConsolidateDemo(t *testing.T) {
	b, err := fixtures.FS.ReadFile("06-avenant-1-2025-amendements.md")
	if err != nil {
		t.Fatal(err)
	}
	amending, err := reader.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	conv := fixture(t, "05-convention-2024-06.md")
	c, err := Consolidate(conv, amending, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	sameClauses(t, "Consolidate(05, amendements)", fixture(t, "06-avenant-1-2025.md"), c.Doc)
	if len(c.Own) != 1 || c.Own[0] != "Article 5" {
		t.Errorf("own provisions: %q, want [Article 5]", c.Own)
	}
	traced := false
	for i, steps := range c.ByNew {
		if c.Doc.Clauses[i].Number == "19.4" && JoinBy(steps) != "" {
			traced = true
		}
	}
	if !traced {
		t.Errorf("article 19.4 not traced to an instruction: %v", c.ByNew)
	}
	if _, err := Consolidate(conv, "## Article 1 - Objet\n\nLe présent avenant entre en vigueur le 1er avril 2025.\n", Markdown); err == nil {
		t.Error("a text without instructions was consolidated")
	}
}

// A redraft of an avenant written as amendments, one article changed, is
// a version of it, not an amendment aimed at it: its articles that the
// first draft has word for word are the draft's own text. Before, every
// article named an article the draft has ("l'article 2"), and diff
// refused the two drafts.
func TestAmendsRedraft(t *testing.T) {
	first := firstDraft
	second := strings.Replace(first, "« 30 € ».\n\n## Article 2", "« 31,50 € ».\n\n## Article 2", 1)
	if second == first {
		t.Fatal("the redraft changes nothing")
	}
	if Amends(clause.Parse(second), clause.Parse(first)) {
		t.Error("a redraft of an avenant with one article changed reads as amending the first draft")
	}
	if !Amends(clause.Parse(first), clause.Parse("# Convention\n\n## Article 1\n\nUn.\n\n## Article 2\n\nDeux.\n\n## Article 3\n\nTrois.\n")) {
		t.Error("the avenant does not read as amending the text whose articles it names")
	}
}

// A redraft that rewrites every instruction of the first draft is a
// version of it too: the first draft is itself amending instructions, and
// the redraft's instructions, naming the convention's articles 1 to 3,
// cannot be carried out on the draft's own articles 1 to 3. A text whose
// instructions the draft can take (a union's amendments to it) amends it,
// unless each of its articles amends what the draft's article of its
// number amends: a redraft whose articles 1 and 2 name the convention's
// articles 1 and 2, as the draft's do, finds the words it quotes in the
// draft's articles 1 and 2, which quote them too; before, such a redraft
// was refused as amending the draft.
func TestAmendsRewrittenDraft(t *testing.T) {
	draft := firstDraft
	redraft := strings.NewReplacer("« 30 € ».\n\n## Article 2", "« 31,50 € ».\n\n## Article 2",
		"« 30 € ».\n\n## Article 3", "« 32 € ».\n\n## Article 3",
		"L'article 1 est abrogé.", "L'article 1 est ainsi modifié : les mots « trois ans » sont remplacés par les mots « cinq ans ».").Replace(draft)
	amendments := `# Amendements au projet d'avenant n° 2

## Article 1

À l'article 1, les mots « 30 € » sont remplacés par les mots « 32 € ».

## Article 2

À l'article 2, les mots « 30 € » sont remplacés par les mots « 33 € ».
`
	convention := "# Convention\n\n## Article 1\n\nPour trois ans.\n\n## Article 2\n\nLa consultation est à 26,50 €.\n\n## Article 3\n\nLa visite est à 25 €.\n"
	for _, tc := range []struct {
		name      string
		doc, base string
		want      bool
	}{
		{"every instruction rewritten", redraft, draft, false},
		{"the other way round", draft, redraft, false},
		{"the redraft against the convention", redraft, convention, true},
		{"amendments the draft can take", amendments, draft, true},
		{"a redraft the draft can take", mirrorRedraft, mirrorDraft, false},
		{"amendments to a draft that mirrors the convention", mirrorAmendments, mirrorDraft, true},
	} {
		if got := Amends(clause.Parse(tc.doc), clause.Parse(tc.base)); got != tc.want {
			t.Errorf("%s: Amends = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// mirrorDraft is an avenant whose articles 1 and 2 amend the convention's
// articles 1 and 2; mirrorRedraft, its redraft, changes the new amounts;
// mirrorAmendments, a union's amendments to it, change them too, in the
// draft's articles 1 and 2.
const (
	mirrorDraft = `# Avenant n° 2

## Article 1 - Consultation

À l'article 1, les mots « 26,50 € » sont remplacés par les mots « 30 € ».

## Article 2 - Visite

À l'article 2, les mots « 35 € » sont remplacés par les mots « 38 € ».

## Article 3 - Entrée en vigueur

Le présent avenant entre en vigueur le 1er juillet 2025.
`
	mirrorAmendments = `# Amendements au projet d'avenant n° 2

## Article 1

À l'article 1, les mots « 30 € » sont remplacés par les mots « 32 € ».

## Article 2

À l'article 2, les mots « 38 € » sont remplacés par les mots « 40 € ».
`
	mirrorRedraft = `# Avenant n° 2

## Article 1 - Consultation

À l'article 1, les mots « 26,50 € » sont remplacés par les mots « 31,50 € ».

## Article 2 - Visite

À l'article 2, les mots « 35 € » sont remplacés par les mots « 40 € ».

## Article 3 - Entrée en vigueur

Le présent avenant entre en vigueur le 1er juillet 2025.
`
)

// firstDraft is an avenant written as amendments: its articles 1 to 3
// name the convention's articles 1 to 3.
const firstDraft = `# Avenant n° 2

## Article 1

L'article 2 est ainsi modifié : les mots « 26,50 € » sont remplacés par les mots « 30 € ».

## Article 2

L'article 3 est ainsi modifié : les mots « 25 € » sont remplacés par les mots « 30 € ».

## Article 3

L'article 1 est abrogé.
`

// An avenant of two instructions and three provisions of its own (its
// follow-up, its term, its entry into force) amends the convention: its
// own provisions are neither instructions nor text of the convention.
// Before, two of five articles were no majority, and diff showed the whole
// convention removed.
func TestAmendsOwnProvisions(t *testing.T) {
	conv := fixture(t, "05-convention-2024-06.md")
	avenant := clause.Parse(`# Avenant n° 5

## Article 1er - Suivi

Au second alinéa de l'article 19.4, le mot : « peut » est remplacé par le mot : « doit ».

## Article 2 - Feuilles de soins

À la deuxième phrase du premier alinéa de l'article 34, les mots : « huit jours » sont remplacés par les mots : « cinq jours ».

## Article 3 - Évaluation

Les parties se réunissent dans un délai de six mois pour évaluer l'application du présent avenant.

## Article 4 - Durée

Le présent avenant est conclu pour la durée de la convention.

## Article 5 - Entrée en vigueur

Le présent avenant entre en vigueur le lendemain de la publication de son arrêté d'approbation.
`)
	if !Amends(avenant, conv) {
		t.Error("an avenant of two instructions and three provisions of its own does not read as amending the convention")
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Le présent avenant entre en vigueur le 1er avril 2025.", true},
		{"Les stipulations du PRÉSENT ACCORD s'appliquent.", true},
		{"La présente convention est conclue pour cinq ans.", false},
		{"La mise sous accord préalable est décidée par le directeur.", false},
		{"Un avenant peut la modifier.", false},
	} {
		if got := ownProvision(tc.text); got != tc.want {
			t.Errorf("ownProvision(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// A union's amendments, each naming its target in its heading and written
// in the imperative ("Amendement n° 2 à l'article 19.4 : Supprimer le
// second alinéa."), amend the convention; before, only articles were
// counted, so a text of amendments was none, and diff and compare showed
// the whole convention removed beside it.
func TestAmendsUnionAmendments(t *testing.T) {
	conv := fixture(t, "05-convention-2024-06.md")
	amendments := clause.Parse(`# Amendements de la CSMF

## Amendement n° 1 à l'article 34

Remplacer les mots : « huit jours » par les mots : « cinq jours ».

## Amendement n° 2 à l'article 19.4

Supprimer le second alinéa.
`)
	if !Amends(amendments, conv) {
		t.Error("a union's amendments do not read as amending the convention")
	}
}
