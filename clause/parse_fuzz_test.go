package clause

import (
	"path/filepath"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// FuzzParse checks on arbitrary input that Parse does not panic, loses or
// reorders no word, gives unique IDs of the allowed alphabet and puts every
// parent before its children (see checkDocument).
func FuzzParse(f *testing.F) {
	seeds := []string{
		"",
		"Article 1er\n\nTexte.\n",
		"# Titre\n\n## Chapitre Ier : Objet\n\n### Article 1\n\nArt. 1.\n\nTexte.\n",
		"TITRE II\nCHAPITRE III\nSection 1\nSous-section 2\nArticle 2 bis AA - Objet\nTexte.\nArticle L. 162-5\n",
		"Annexe IV\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n| G | 26,50 € |\n\nCS\t30,00 €\nV  110,00 F\n",
		"PRÉAMBULE\n\nVu.\n\n- 1 Revaloriser\n1° point\na) point\nI. - point\n• puce\n",
		"## Œuvres — ﬁn ##\n\n#\n\n####### trop\n\n   # indenté\n",
		"Article 5 du code\nArticle 5, alinéa 2\nArticle Annexe IV\nPréambule de la Constitution\n",
		"\u00a0\n\u202f Texte\u00a0\n\ufeffArticle 3\n",
		"Article 1\r\nTexte\r\n",
		"Article 1er A (nouveau)\n\nTexte.\n\nArticles 3 et 4 (Supprimés)\n\nArticles 5 à 7 (conformes)\nArticle 8 (précédemment article 3 bis)\n",
		"Articles 1er A à 1er C\nArticles 2 bis à 2 quater (nouveaux)\nARTICLES 9, 10 ET 11\nArticle L. O. 136-4 (Censuré)\n",
		"Article 1er\n\nLe texte est ainsi rédigé :\n\nArt. 24. - Le Parlement vote la loi.\n\n\"Art. L. O. 135-1. - I. - Texte.\n",
		"\xff\xfeArticle \xc3\n",
		"Art. 1er. – Est approuvée la convention.\n\nArt. 2. - Les médecins,\npeuvent.\nArt. 3. –\nArticle 4 : « Texte » :\nArt. 5. (Abrogé) - Texte.\n",
		"Annexe 1\nCode\nLibellé\nTarif\nG\nConsultation\n30 €\nCS\nConsultation | spécialiste\n31,50 €\nVL\n\n70 €\n",
		"Code  Libellé      Tarif\nG     Consultation   30 €\n      Avis\nAPC                60 €\n      ponctuel\nCNPSY Psychiatre   41,70 €\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	if dir := corpus.Optional(f); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
		for _, path := range files {
			f.Add(readCorpus(f, path))
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		// Parse is specified on normalised UTF-8 but must hold its
		// invariants on anything: invalid bytes are simply not words.
		d := Parse(in)
		checkDocument(t, in, d)
		for i := range d.Clauses {
			if isTableRow(&d.Clauses[i]) {
				RowCells(d.Clauses[i].Text) // any row text, without a panic
			}
		}
	})
}
