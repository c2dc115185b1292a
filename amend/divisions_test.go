package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// A text numbers its chapitres afresh in each titre, and its sections in
// each chapitre: "le chapitre 3 du titre 2" is looked for in the titre 2,
// and "la section 2 du chapitre 1" is the section, not the chapitre.
// Before, the titre was not read ("chapitre 3 is named 2 times in the
// text") and, read chapitre first, "à la section 2 du chapitre 1" named
// the whole chapitre 1, changing words its section 1 held.
func TestDivisionWithin(t *testing.T) {
	base := clause.Parse(`# Convention

## Titre 1 - Généralités

### Chapitre 3 - Suivi

#### Article 2 - Suivi

Le médecin informe le patient.

## Titre 2 - Tarifs

### Chapitre 1 - Principes

#### Section 1 - Objet

##### Article 10 - Objet

Le médecin fixe ses honoraires avec tact.

#### Section 2 - Dépassements

##### Article 11 - Dépassements

Les dépassements sont encadrés.

### Chapitre 3 - Consultations

#### Article 28 - Consultation

La consultation du patient est valorisée à 30 €.
`)
	runApplyCases(t, base, []applyCase{
		{name: "a chapitre of a titre", amend: "### Article 1er\n\nDans tout le chapitre 3 du titre 2, le mot « patient » est remplacé par le mot « malade ».",
			clause: "article 28", want: "La consultation du malade est valorisée à 30 €."},
		{name: "the other chapitre 3 kept", amend: "### Article 1er\n\nDans tout le chapitre 3 du titre 2, le mot « patient » est remplacé par le mot « malade ».",
			clause: "article 2", want: "Le médecin informe le patient."},
		{name: "a section of a chapitre", amend: "### Article 1er\n\nÀ la section 2 du chapitre 1, le mot « tact » est remplacé par le mot « mesure ».",
			err: "Article 1er: the words « tact » are not in section 2 du chapitre 1"},
		{name: "the section read", amend: "### Article 1er\n\nÀ la section 2 du chapitre 1 du titre 2, le mot « encadrés » est remplacé par le mot « plafonnés ».",
			clause: "article 11", want: "Les dépassements sont plafonnés."},
		{name: "no titre named", amend: "### Article 1er\n\nDans tout le chapitre 3, le mot « patient » est remplacé par le mot « malade ».",
			err: "Article 1er: chapitre 3 is named 2 times in the text: name the division that holds the one meant (« le chapitre 3 du titre 2 »)"},
		{name: "no such titre", amend: "### Article 1er\n\nDans tout le chapitre 3 du titre 4, le mot « patient » est remplacé par le mot « malade ».",
			err: "Article 1er: titre 4 is not in the text"},
	})
}
