package clause

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// TestResolveNameCases pins the rules on the avenant of 2025: names as the
// outline prints them, kinds never confused, ambiguous and unknown names.
func TestResolveNameCases(t *testing.T) {
	b, err := fixtures.FS.ReadFile("06-avenant-1-2025.md")
	if err != nil {
		t.Fatal(err)
	}
	named := NamedOf(Parse(string(b)))
	for _, c := range []struct {
		name string
		want string // the ids found, joined by " "; "" for none
	}{
		{"art-5", "art-5"},
		{"Préambule", "preambule"},
		{"PREAMBULE", "preambule"},
		{"préambule", "preambule"},
		{"preamble", "preambule"},
		{"Article 1er - Objet", "art-1"},
		{"article 1er – objet", "art-1"},
		{"Annexe 1", "annexe-1"},
		{"annex 1", "annexe-1"},
		{"Titre 2", "titre-2"},
		{"Titre II", "titre-2"},
		{"TITRE II", "titre-2"},
		{"titre ii", "titre-2"},
		{"Annexe 1/G", "annexe-1-g"},
		{"Titre 2/Chapitre 1", "chap-1"},
		{"Titre III / Chapitre 1", "chap-1-2"},
		{"titre 3/chapitre 3/article 26.1", "art-26-1"},
		{"titre 3/chapitre 3/article 27", ""},
		{"Titre 2/Titre 3", ""},
		{"tariff G", "annexe-1-g"},
		{"G", "annexe-1-g"},
		{"tcg", "annexe-1-tcg"},
		{"XYZ", ""},
		{"Chapitre 3", "chap-3 chap-3-2"},
		{"Chapitre III", "chap-3 chap-3-2"},
		{"Article 3", "art-3"},
		{"Art. 3", "art-3"},
		{"art 3", "art-3"},
		{"ART 2 bis", "art-2-bis"},
		{"3", "art-3"},
		{"Article premier", "art-1"},
		{"1", "art-1"},
		{"2 bis", "art-2-bis"},
		{"Article 2 bis", "art-2-bis"},
		{"19.1", "art-19-1"},
		{"19-1", "art-19-1"},
		{"3 bis", ""},
		// A title after the number is the clause's, or nothing: a heading
		// copied from a version where article 3 had another title, or a
		// number misread ("2 bis A A"), names no other clause. "2-bis" is
		// article 2 bis, as a heading so printed is (TestParseHeadingForms).
		{"Art. 3 : Durée", "art-3"},
		{"article 3 – durée", "art-3"},
		{"Article 3 - Objet", ""},
		{"Article 18 - Permanence des soins", ""},
		{"Article 2-bis", "art-2-bis"},
		{"Article 2 bis A A", ""},
		{"Article 19 .1", ""},
		{"Article 3 alinéa 2", ""},
		{"Article 3 (nouveau)", "art-3"},
		{"Titre II - Dispositions générales", ""},
		{"TITRE I - DISPOSITIONS GÉNÉRALES", "titre-1"},
		{"Annexe 3", ""},
		{"Titre 9", ""},
		{"", ""},
	} {
		var got []string
		for _, i := range ResolveName(named, c.name) {
			got = append(got, named[i].ID)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("ResolveName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	// A code's sections: "Section 2" reads as a heading with anything after
	// it, which must not hide the ancestor's name.
	code := NamedOf(Parse("# Chapitre II : RSA\n\n## Section 1 : Dispositions générales\n\n### Sous-section 1 : Objet\n\n#### Article L262-1\n\nTexte un.\n\n" +
		"## Section 2 : Prestation\n\n### Sous-section 1 : Conditions\n\n#### Article L262-2\n\nTexte deux.\n"))
	for name, want := range map[string]string{"Section 2/Sous-section 1": "Sous-section 1 : Conditions", "Section 1 / Sous-section 1": "Sous-section 1 : Objet", "Section 2/L262-2": "Article L262-2", "Section 1/L262-2": ""} {
		var got []string
		for _, i := range ResolveName(code, name) {
			got = append(got, code[i].Heading)
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("ResolveName(%q) = %q, want %q", name, got, want)
		}
	}
	if _, err := FindName(named, "Chapitre 3", "AV1"); !errors.Is(err, ErrAmbiguousClause) ||
		!strings.Contains(err.Error(), "[chap-3]") || !strings.Contains(err.Error(), "[chap-3-2]") {
		t.Errorf("FindName(Chapitre 3): %v, want both chapters listed with their ids", err)
	}
	_, err = FindName(named, "Annexe 9", "AV1")
	if !errors.Is(err, ErrUnknownClause) || !strings.Contains(err.Error(), "closest: Annexe 1") {
		t.Errorf("FindName(Annexe 9): %v, want the annex suggested", err)
	}
	if close := closestNames(named, "Article 99", 5); len(close) != 5 {
		t.Errorf("ClosestNames(Article 99) = %q, want five names", close)
	}
}

// TestResolveNameEveryClause resolves every clause of the fixtures and of
// the RCM and CASF corpus texts by each of its names: its heading as
// printed, its kind and number in French and with the kind's own name, and
// for an article its bare number. Each name gives that clause, or the set
// of clauses that answer to it alike, and never a clause of another kind.
func TestResolveNameEveryClause(t *testing.T) {
	docs := map[string]*Document{}
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		docs[v.File] = Parse(string(b))
	}
	for _, dir := range []string{"raw/rcm_1998/*.md", "raw/legi_casf_rsa/*.md"} {
		for _, path := range corpus.Files(t, dir) {
			docs[filepath.Base(path)] = Parse(readCorpus(t, path))
		}
	}
	for name, d := range docs {
		named := NamedOf(d)
		checked := 0
		for i, c := range named {
			forms := []string{}
			if c.Heading != "" {
				forms = append(forms, c.Heading)
			}
			if prefix, _, ok := strings.Cut(c.Key, ":"); ok && c.Number != "" {
				forms = append(forms, ShortName(named, i), prefix+" "+c.Number)
				if c.Kind == KindArticle {
					forms = append(forms, c.Number)
				}
			}
			for _, form := range forms {
				hits := ResolveName(named, form)
				if !slices.Contains(hits, i) {
					t.Errorf("%s: %q does not resolve to %s (got %v)", name, form, c.ID, ids(named, hits))
					continue
				}
				for _, h := range hits {
					// Clauses found alike share the name: the same heading,
					// or the same kind and number.
					if named[h].Kind != c.Kind || named[h].Key != c.Key && frtext.Fold(named[h].Heading) != frtext.Fold(c.Heading) {
						t.Errorf("%s: %q gives %s beside %s", name, form, named[h].ID, c.ID)
					}
				}
				checked++
			}
		}
		if checked < len(named)/2 {
			t.Errorf("%s: only %d names checked for %d clauses", name, checked, len(named))
		}
	}
}

func ids(named []Named, hits []int) []string {
	var out []string
	for _, h := range hits {
		out = append(out, named[h].ID)
	}
	return out
}

// TestDiffFindChange pins how a screen goes to the clause a reader names:
// the new side first, a removed clause on the old side, an annex never
// taken for the article of its number, unknown and ambiguous names refused.
func TestDiffFindChange(t *testing.T) {
	old := Parse(`## Article 1 - Objet

Objet de la convention.

## Article 2 - Durée

Cinq ans.

## Article 3 - Résiliation

Par lettre recommandée.

## Annexe 1 - Tarifs

Les tarifs figurent ci-après.
`)
	new := Parse(`## Article 1 - Objet

Objet de la présente convention.

## Article 2 - Durée

Cinq ans.

## Annexe 1 - Tarifs

Les tarifs figurent ci-après, révisés.

## Annexe 2 - Titre A

Un texte.

## Annexe 2 - Titre B

Un autre texte.
`)
	d := Compare(old, new, CompareOptions{})
	for _, c := range []struct {
		name string
		want string // the label of the change's first clause, new side first; "" for an error
		err  error
	}{
		{"1", "Article 1 - Objet", nil},
		{"Article 2", "Article 2 - Durée", nil},
		{"Annexe 1", "Annexe 1 - Tarifs", nil},
		{"annexe 1 - tarifs", "Annexe 1 - Tarifs", nil},
		{"Article 3", "Article 3 - Résiliation", nil}, // removed: the old side
		{"Résiliation", "", ErrUnknownClause},
		{"Article 4", "", ErrUnknownClause},
		{"Annexe 2", "", ErrAmbiguousClause},
		{"Annexe 3", "", ErrUnknownClause},
	} {
		k, err := d.FindChange(c.name, "v2")
		if c.err != nil {
			if !errors.Is(err, c.err) || k != -1 {
				t.Errorf("FindChange(%q) = %d, %v; want %v", c.name, k, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("FindChange(%q): %v", c.name, err)
			continue
		}
		ch := &d.Changes[k]
		got := ""
		if len(ch.New) > 0 {
			got = d.New.Clauses[ch.New[0]].Label()
		} else {
			got = d.Old.Clauses[ch.Old[0]].Label()
		}
		if got != c.want {
			t.Errorf("FindChange(%q) gives %q, want %q", c.name, got, c.want)
		}
	}
	// An id names its clause.
	id := new.Clauses[len(new.Clauses)-1].ID
	if k, err := d.FindChange(id, "v2"); err != nil || d.ChangeOfNew(len(new.Clauses)-1) != k {
		t.Errorf("FindChange(%q) = %d, %v; want the change of the last annex", id, k, err)
	}
}

// A kind and a number typed in lower case name the clause whose number
// carries a capital letter: "chapitre 1er a" is "CHAPITRE IER A", never
// "CHAPITRE IER".
func TestResolveNameLetterSuffix(t *testing.T) {
	named := NamedOf(Parse("CHAPITRE IER\n\nUn.\n\nCHAPITRE IER A\n\nUn A.\n\nArticle 12\n\nDouze.\n\nArticle 12 A\n\nDouze A.\n"))
	for name, want := range map[string]string{
		"chapitre 1er a": "chap-1-a", "Chapitre Ier A": "chap-1-a", "chapitre ier": "chap-1",
		"article 12 a": "art-12-a", "article 12": "art-12", "12 A": "art-12-a",
	} {
		var got []string
		for _, i := range ResolveName(named, name) {
			got = append(got, named[i].ID)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("ResolveName(%q) = %q, want %q", name, got, want)
		}
	}
}

// hostileText is an arrêté annexing a convention whose articles repeat the
// arrêté's numbers, with letter suffixes, a sub-number and points, then a
// tariff annex: names a reader types must find exactly the clause they
// name, or none.
const hostileText = `# Arrêté portant approbation de la convention

## Article 1er

Est approuvée la convention nationale annexée au présent arrêté.

## Article 2

Le présent arrêté sera publié au Journal officiel.

# ANNEXE

## Article 1er - Objet

La convention définit les rapports entre les médecins et l'assurance maladie.

## Article 2 - Champ

Elle s'applique aux médecins libéraux conventionnés.

## Article 2 bis - Médecin traitant

Le patient choisit un médecin traitant.

## Article 2 bis A - Déclaration

La déclaration est faite auprès de la caisse.

## Article 2 bis AA - Changement

Le patient peut changer de médecin traitant.

## Article 2 quater - Information

Le médecin informe le patient.

## Article 28 - Permanence des soins

I. - La permanence des soins est organisée par l'agence régionale de santé.

1° Pour les médecins généralistes ;

2° Pour les spécialistes.

## Article 28.1 - Régulation

La régulation est assurée par le centre 15.

## Article 28.2 - Effection

L'effection est rémunérée forfaitairement.

# Annexe 1 - Tarifs

| Code | Libellé | Tarif |
|---|---|---|
| G | Consultation | 30 € |
`

// TestResolveNameHostile: a name as printed, in any case, with or without
// accents, no-break spaces and dashes of any kind, finds exactly its
// clause; a point's number names no article ('1°' is not article 1, 'Article
// 28, 1°' not article 28.1), a bare Roman numeral no article printed in
// figures.
func TestResolveNameHostile(t *testing.T) {
	named := NamedOf(Parse(hostileText))
	for _, c := range []struct{ name, want string }{
		{"Article 28.1", "art-28-1"},
		{"art. 28-1", "art-28-1"},
		{"ARTICLE 28.1", "art-28-1"},
		{"article 28–1", "art-28-1"},
		{"article 28—1", "art-28-1"},
		{"Article\u00a028.1", "art-28-1"},
		{"28‑1", "art-28-1"},
		{"Article 28 – Permanence des soins", "art-28"},
		{"article 2 bis AA", "art-2-bis-aa"},
		{"Article 2 BIS aa", "art-2-bis-aa"},
		{"article 2 bis A", "art-2-bis-a"},
		{"Art. 2 quater", "art-2-quater"},
		{"Article 2 ter", ""},
		{"Article premier", "art-1"},
		{"article 1er", "art-1"},
		{"ANNEXE / Article 1er", "art-1-2"},
		{"Annexe/Article premier", "art-1-2"},
		{"annexe/article 2", "art-2-2"},
		{"Article 2 - Champ", "art-2-2"},
		{"article 2 – champ", "art-2-2"},
		{"Annexe 1", "annexe-1"},
		{"Annexe\u00a01", "annexe-1"},
		{"ANNEXE I", "annexe-1"},
		{"annexe", "annexe"},
		{"Annexe 1/G", "annexe-1-g"},
		{"1°", ""},
		{"1º", ""},
		{"I.", ""},
		{"a)", ""},
		{"II", ""},
		{"Article 28, 1°", ""},
		{"article 28, I", ""},
		{"article 28 alinéa 1", ""},
	} {
		if got := strings.Join(ids(named, ResolveName(named, c.name)), " "); got != c.want {
			t.Errorf("ResolveName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	// In a text without articles, points are clauses, named as printed.
	points := NamedOf(Parse("# Communiqué\n\nI. - Les tarifs évoluent.\n\n1° La consultation passe à 30 €.\n\nII. - Les forfaits sont revus.\n\na) Le forfait structure est porté à 1 000 €.\n"))
	for name, want := range map[string]string{"I.": "I", "I": "I", "1°": "1°", "1º": "1°", "II. -": "II", "a)": "a", "1": "", "2°": ""} {
		var got []string
		for _, i := range ResolveName(points, name) {
			got = append(got, points[i].Number)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("points: ResolveName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestResolveNameCodeTwice: an act code priced on two rows (per zone) or
// in two annexes names every row of it, so that FindName says it is
// ambiguous; it named the first row alone, and `log G` followed the
// Métropole row when the reader meant DROM's.
func TestResolveNameCodeTwice(t *testing.T) {
	named := NamedOf(Parse("# Annexe 1 – Tarifs\n\n| Code | Zone | Tarif |\n|---|---|---|\n| G | Métropole | 30 € |\n| G | DROM | 32 € |\n| VG | Métropole | 36,50 € |\n\n" +
		"# Annexe 2 – Tarifs de nuit\n\n| Code | Tarif |\n|---|---|\n| VG | 46,50 € |\n"))
	for _, c := range []struct{ name, want string }{
		{"G", "annexe-1-g annexe-1-g-2"},
		{"tariff G", "annexe-1-g annexe-1-g-2"},
		{"Annexe 1/G", "annexe-1-g annexe-1-g-2"},
		{"VG", "annexe-1-vg annexe-2-vg"},
		{"Annexe 2/VG", "annexe-2-vg"},
		{"annexe-1-g-2", "annexe-1-g-2"},
	} {
		if got := strings.Join(ids(named, ResolveName(named, c.name)), " "); got != c.want {
			t.Errorf("ResolveName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if _, err := FindName(named, "G", "v1"); !errors.Is(err, ErrAmbiguousClause) || !strings.Contains(err.Error(), "[annexe-1-g-2]") {
		t.Errorf("FindName(G) = %v, want both rows listed with their ids", err)
	}
	for _, c := range []struct {
		key, want string
		is        bool
	}{
		{"tariff:G", "tariff:G", true}, {"tariff:G#2", "tariff:g", true}, {"tariff:G#", "tariff:G", false},
		{"tariff:GS", "tariff:G", false}, {"tariff:G#2a", "tariff:G", false}, {"tariff:G", "tariff:G#2", false},
	} {
		if got := KeyIs(c.key, c.want); got != c.is {
			t.Errorf("KeyIs(%q, %q) = %v, want %v", c.key, c.want, got, c.is)
		}
	}
}

// TestClosestNames: an unknown name suggests the clauses nearest to what
// it names first: the article of its number (and its sub-numbers) for a
// part of it, the clause bearing its title under another number, the
// numbers that share its first parts.
func TestClosestNames(t *testing.T) {
	named := NamedOf(Parse(hostileText))
	for _, c := range []struct{ name, want string }{
		{"article 28 alinéa 1", "Article 28 - Permanence des soins, Article 28.1 - Régulation, Article 28.2 - Effection"},
		{"Article 28, 1°", "Article 28 - Permanence des soins, Article 28.1 - Régulation, Article 28.2 - Effection"},
		{"Article 28.3", "Article 28 - Permanence des soins, Article 28.2 - Effection, Article 28.1 - Régulation"},
		{"article 29", "Article 28 - Permanence des soins, Article 28.1 - Régulation, Article 28.2 - Effection"},
		{"Article 2 ter", "Article 2, Article 2 - Champ, Article 2 bis - Médecin traitant, Article 2 quater - Information"},
		{"Article 28 - Régulation", "Article 28.1 - Régulation, Article 28 - Permanence des soins"},
		// A bare number is an article's, read whole: "2 bis B" is near 2 bis.
		{"2 bis B", "Article 2 bis - Médecin traitant, Article 2 bis A - Déclaration, Article 2 bis AA - Changement"},
		{"28 alinéa 1", "Article 28 - Permanence des soins, Article 28.1 - Régulation"},
		// A title alone is near the clause that bears it, whatever its number.
		{"Régulation", "Article 28.1 - Régulation"},
		{"effection", "Article 28.2 - Effection"},
	} {
		got := strings.Join(closestNames(named, c.name, 5), ", ")
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("closestNames(%q) = %q, want it to start %q", c.name, got, c.want)
		}
	}
	if _, err := FindName(named, "1°", "v1"); !errors.Is(err, ErrUnknownClause) || !strings.Contains(err.Error(), "name the article") {
		t.Errorf("FindName(1°) = %v, want a point said to stay inside its article", err)
	}
}
