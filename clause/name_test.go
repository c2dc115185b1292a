package clause

import (
	"strings"
	"testing"
)

// arreteText is a convention as the Journal officiel publishes it: the
// arrêté's own articles, then the convention in its annex, numbered anew.
const arreteText = `Arrêté du 20 juin 2024 portant approbation de la convention nationale

Article 1

Est approuvée la convention nationale annexée au présent arrêté.

Article 2

Le présent arrêté sera publié au Journal officiel.

ANNEXE

Article 1er

La convention organise les rapports.

Article 2

Le médecin doit informer le patient.

Article 3

La consultation G est fixée à 30 €.
`

// The convention's articles are named by their annex wherever articles
// stand outside it too, in every version alike (its article 3, which the
// arrêté's articles never reach, as well); a convention whose annexes hold
// articles of their own, with none before, names them as before.
func TestNameQualifiesAnnexedArticles(t *testing.T) {
	d := Parse(arreteText)
	var got []string
	for i := range d.Clauses {
		if d.Clauses[i].Kind == KindArticle {
			got = append(got, d.Name(i))
		}
	}
	want := "Article 1, Article 2, ANNEXE/Article 1er, ANNEXE/Article 2, ANNEXE/Article 3"
	if strings.Join(got, ", ") != want {
		t.Errorf("names: %s\nwant:  %s", strings.Join(got, ", "), want)
	}

	plain := Parse("Préambule\n\nTexte.\n\nANNEXE I\n\nArticle 1er\n\nTexte de l'annexe.\n")
	for i := range plain.Clauses {
		if plain.Clauses[i].Kind == KindArticle {
			if n := plain.Name(i); n != "Article 1er" {
				t.Errorf("annex article with none before it: %q, want Article 1er", n)
			}
		}
	}

	// Unqualified, "Article 2" is the arrêté's, as reports print it.
	if k, err := d.Find("Article 2", "arrete.txt"); err != nil || d.Clauses[k].ID != "art-2" {
		t.Errorf("Find(Article 2) = %d, %v; want the arrêté's article 2", k, err)
	}
	// Named ambiguously, the candidates say which is which.
	two := Parse("Préambule\n\nTexte.\n\nANNEXE I\n\nArticle 2\n\nTexte un.\n\nANNEXE II\n\nArticle 2\n\nTexte deux.\n")
	_, err := two.Find("Article 2", "annexes.txt")
	if err == nil || !strings.Contains(err.Error(), "Annexe I / Article 2 «Texte un.» [art-2]") || !strings.Contains(err.Error(), "Annexe II / Article 2 «Texte deux.» [art-2-2]") {
		t.Errorf("Find(Article 2) = %v, want both candidates named by what holds them", err)
	}

	// Held by the same clause, they are told by their first words: a
	// holder that reads the same for both would tell nothing. Printed
	// alike, with the same words, by their rank.
	twice := Parse("Arrêté du 13 novembre 1998\n\nArticle 1er\n\nTexte.\n\nANNEXE IV\n\nTarifs.\n\nANNEXE IV\n\nForfaits.\n")
	if _, err := twice.Find("Annexe IV", "rcm.txt"); err == nil || strings.Contains(err.Error(), " / ") ||
		!strings.HasSuffix(err.Error(), ": ANNEXE IV «Tarifs.» [annexe-4], ANNEXE IV «Forfaits.» [annexe-4-2]") {
		t.Errorf("Find(Annexe IV) = %v, want both annexes by their first words and ids, no holder", err)
	}
	same := Parse("Arrêté du 13 novembre 1998\n\nArticle 1er\n\nTexte.\n\nANNEXE IV\n\nTarifs.\n\nANNEXE IV\n\nTarifs.\n")
	if _, err := same.Find("Annexe IV", "rcm.txt"); err == nil ||
		!strings.HasSuffix(err.Error(), ": ANNEXE IV «Tarifs.» (the 1st of 2) [annexe-4], ANNEXE IV «Tarifs.» (the 2nd of 2) [annexe-4-2]") {
		t.Errorf("Find(Annexe IV) = %v, want both annexes by their rank and ids", err)
	}

	// Every name a report prints gives back its clause, whether the
	// arrêté's heading reads exactly as the annexed article's number or
	// the annexed articles carry titles; so do the forms a reader types.
	titled := Parse(strings.Replace(strings.Replace(arreteText, "\nArticle 2\n\nLe médecin", "\nArticle 2 - Information\n\nLe médecin", 1),
		"\nArticle 3\n", "\nArticle 3 - Tarif\n", 1))
	for _, doc := range []*Document{d, titled} {
		for i := range doc.Clauses {
			if doc.Clauses[i].Number == "" {
				continue
			}
			if k, err := doc.Find(doc.Name(i), "arrete.txt"); err != nil || k != i {
				t.Errorf("Find(%q) = %d, %v; want clause %d", doc.Name(i), k, err, i)
			}
		}
		for name, id := range map[string]string{"ANNEXE / Article 2": "art-2-2", "Annexe/Article 2": "art-2-2", "annexe / art 1er": "art-1-2", "ANNEXE / 2": "art-2-2"} {
			if k, err := doc.Find(name, "arrete.txt"); err != nil || doc.Clauses[k].ID != id {
				t.Errorf("Find(%q) = %d, %v; want %s", name, k, err, id)
			}
		}
	}
}
