package clause

import (
	"strings"
	"testing"
)

// TestMajorationCodes: the NGAP names its majorations by an M and a
// letter or two (MD, MN, MM, MU, MCG…), each known by name as the other
// keys are: a changed amount they price is a
// price of that act, whatever the sentence, like the other keys of the
// nomenclature; words in capitals of that shape that are no act (millions
// of francs, Messieurs, a French word) stay words.
func TestMajorationCodes(t *testing.T) {
	for _, tc := range []struct{ sentence, subject string }{
		{"La majoration MD est fixée à {p}.", "MD"},
		{"La majoration de nuit MN est fixée à {p}.", "MN"},
		{"Le médecin cote MN, fixée à {p}, pour les actes de nuit.", "MN"},
		{"Les actes du milieu de nuit donnent lieu à la majoration MM, fixée à {p}.", "MM"},
		{"La majoration d'urgence MU est portée à {p}.", "MU"},
		{"La majoration MCG est fixée à {p}.", "MCG"},
		{"La majoration F des dimanches et jours fériés est fixée à {p}.", "F"},
		{"Les indemnités IFD sont fixées à {p}.", "IFD"},
		{"L'acte AMI 3 est fixé à {p}.", "AMI 3"},
		{"La téléconsultation TCG est fixée à {p}.", "TCG"},
		{"Les dépenses (en MF) sont fixées à {p}.", ""},
		{"MM. les directeurs fixent le forfait à {p}.", ""},
		{"MA DEMANDE PORTE SUR {p}.", ""},
		// An M and a capital is not a shape of code: masseurs-
		// kinésithérapeutes, médecins remplaçants are no act.
		{"Les MK conventionnés perçoivent une aide de {p}.", ""},
		{"Les MR installés perçoivent une aide de {p}.", ""},
	} {
		facts := compareFacts(strings.Replace(tc.sentence, "{p}", "35 €", 1), strings.Replace(tc.sentence, "{p}", "40 €", 1), "", nil)
		var got []string
		for _, f := range facts {
			if f.Kind == FactAmount {
				got = append(got, f.Subject)
			}
		}
		if len(got) != 1 || got[0] != tc.subject {
			t.Errorf("%q: amount priced %q, want %q", tc.sentence, got, tc.subject)
		}
	}
}
