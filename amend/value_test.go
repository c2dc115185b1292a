package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// A provision that sets a value ("Le tarif de la consultation G est porté
// à 31,50 €") names no words of the text it changes: read as the
// avenant's own provision, it was left out of the consolidated text, the
// old tariff kept, with only a note on stderr. It is refused, naming the
// sentence (in an avenant of no instruction, as the reason it holds none:
// a consolidated text sets values too); a provision about the avenant
// itself stays its own.
func TestValueSetUnnamed(t *testing.T) {
	refused := "sets a value without naming the words of the text it replaces ("
	none := "no amending instruction in it (Article 1er: " + refused
	base := clause.Parse("# Convention\n\n## Article 13 - Objet\n\nTexte.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| TCG | Téléconsultation | 25 € |\n")
	for _, tc := range []struct{ name, amend, err string }{
		{"an article", "## Article 1er\n\nLe tarif de la consultation G est porté à 31,50 €.", none + "Le tarif de la consultation G est porté à 31,50 €.)"},
		{"its date between commas", "## Article 1er\n\nLa valeur de la lettre clé AMI est fixée, à compter du 1er janvier 2025, à 3,30 euros.", none},
		{"passe de … à", "## Article 1er\n\nLa majoration MPA passe de 5 € à 10 €.", none},
		{"désormais, respectivement", "## Article 1er\n\nLes consultations G et GS sont désormais portées respectivement à 30 € et 32 €.", none},
		{"a point under a lead-in", "## Article 1er\n\nL'annexe 1 est ainsi modifiée :\n\n1° La ligne TCG est supprimée ;\n\n2° La valeur de la consultation G est portée à 30 €.", "Article 1er, 2°: " + refused},
		{"a sentence after an instruction", "## Article 1er\n\nL'article 13 est abrogé. Le forfait est porté à 5 € par patient.", "Article 1er: " + refused},
		{"the avenant's own", "## Article 1er\n\nLe présent avenant est conclu pour une durée fixée à 5 ans.", ""},
		{"a date, no value", "## Article 1er\n\nLe présent avenant entre en vigueur le 1er janvier 2025.", ""},
		{"no figure after", "## Article 1er\n\nLes tarifs sont fixés à compter de la publication de l'arrêté.", ""},
		{"a word that holds passe", "## Article 1er\n\nSi le montant dépasse de 10 % le plafond, la caisse en informe le médecin.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Consolidate(base, "# Avenant n° 9\n\n"+tc.amend+"\n\n## Article 9\n\nLe présent avenant entre en vigueur le 1er janvier 2025.\n", Markdown)
			switch {
			case tc.err == "" && err != nil && !strings.HasPrefix(err.Error(), "no amending instruction in it"):
				t.Fatalf("refused: %v", err)
			case tc.err == "" && err == nil && len(c.Own) == 0:
				t.Fatal("not read as an own provision")
			case tc.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.err)):
				t.Fatalf("error %v, want %q…", err, tc.err)
			}
		})
	}
}
