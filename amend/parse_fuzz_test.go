package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
)

// FuzzParse feeds any amending text to parse and what it reads to apply:
// neither may panic, every error names its instruction, and a text apply
// accepts is written back whole.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"### Article 1er\n\nAu second alinéa de l'article 19.4, le mot : « peut » est remplacé par le mot : « doit ».",
		"### Article 2\n\nL'annexe 1 est ainsi modifiée : 1° La ligne MPC est supprimée ; 2° Après la ligne MEG, il est inséré une ligne ainsi rédigée : « | CCP | Consultation | 46 € | ».",
		"### Article 3\n\nAprès l'article 17, il est inséré un article 17 bis ainsi rédigé :\n\n« Article 17 bis - Mission\n\n« Le médecin… »",
		"### Article 4\n\nL'article 26.3 devient l'article 26.4.\n\nL'article 15 est abrogé.",
		"Amendement à l'article 12 : remplacer les mots « doit » par les mots « peut ».",
		"### Article 5\n\nI. - Le a) du 2° de l'article 18 est ainsi rédigé : « a) texte » ;\n\nII. - Aux lignes G, GS et TCG, le tarif « 30 € » est remplacé par « 32 € ».",
		"« « » »\n\n« \"",
		"### Article 6\n\nLes articles 19.2 à 19.5 deviennent respectivement les articles 19.3 à 19.6.\n\nDans l'ensemble de la convention, les mots « caisse » sont remplacés par les mots « CPAM ».",
		"### Article 7\n\nL'annexe 1 est remplacée par l'annexe 1 du présent avenant.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | C | 32 € |",
	} {
		f.Add(s)
	}
	b, err := fixtures.FS.ReadFile("05-convention-2024-06.md")
	if err != nil {
		f.Fatal(err)
	}
	base := clause.Parse(string(b))
	f.Fuzz(func(t *testing.T, s string) {
		set, err := parse(clause.Parse(s))
		if err != nil {
			if e, ok := err.(*Error); !ok || e.By == "" || e.Reason == "" {
				t.Fatalf("error %v names no instruction", err)
			}
			return
		}
		res, err := apply(base, set, Markdown)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.By == "" {
				t.Fatalf("error %v names no instruction", err)
			}
			return
		}
		if !strings.HasSuffix(res.Text, "\n") {
			t.Fatalf("text not ended by a line break")
		}
	})
}
