package amend

import (
	"slices"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// The end of a sentence or an alinéa from words it holds ("après le mot
// « X », la fin de la phrase est ainsi rédigée"), or its start up to them
// ("le début du second alinéa jusqu'au mot « X »"), is rewritten or
// deleted, the rest kept. Before, the whole alinéa was rewritten: "La
// consultation est valorisée à 26,50 €." became "est payée 30 €.", and
// "le début … est ainsi rédigé" with no words named replaced the alinéa.
func TestPartOfUnit(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 3 - Tarifs\n\nLa consultation est valorisée à 26,50 €. Elle est payée.\n\nLe médecin est rémunéré par la caisse. Il reçoit un forfait.\n")
	runApplyCases(t, base, []applyCase{
		{name: "the end of the sentence, after words", amend: "### Article 1er\n\nAu premier alinéa de l'article 3, après le mot : « consultation », la fin de la phrase est ainsi rédigée : « est payée 30 €. »",
			clause: "article 3", want: "La consultation est payée 30 €. Elle est payée.\n\nLe médecin est rémunéré par la caisse. Il reçoit un forfait."},
		{name: "the end of the alinéa, from words", amend: "### Article 1er\n\nÀ l'article 3, à compter du mot : « valorisée », la fin du premier alinéa est ainsi rédigée : « fixée à 30 €. »",
			clause: "article 3", want: "La consultation est fixée à 30 €.\n\nLe médecin est rémunéré par la caisse. Il reçoit un forfait."},
		{name: "the end deleted, its stop kept", amend: "### Article 1er\n\nAu second alinéa de l'article 3, après le mot : « rémunéré », la fin de la phrase est supprimée.",
			clause: "article 3", want: "La consultation est valorisée à 26,50 €. Elle est payée.\n\nLe médecin est rémunéré. Il reçoit un forfait."},
		{name: "the start, up to words", amend: "### Article 1er\n\nLe début du second alinéa de l'article 3 jusqu'au mot : « caisse » est ainsi rédigé : « La caisse paie le médecin ».",
			clause: "article 3", want: "La consultation est valorisée à 26,50 €. Elle est payée.\n\nLa caisse paie le médecin. Il reçoit un forfait."},
		{name: "the start, no words named", amend: "### Article 1er\n\nLe début du premier alinéa de l'article 3 est ainsi rédigé : « La visite » (le reste sans changement).",
			err: "Article 1er: names le début without the words it runs from or to: name them (« après le mot … », « jusqu'au mot … »)"},
		{name: "at the end, words put in", amend: "### Article 1er\n\nÀ la fin du premier alinéa de l'article 3, les mots « et remboursée » sont ajoutés.",
			clause: "article 3", want: "La consultation est valorisée à 26,50 €. Elle est payée et remboursée.\n\nLe médecin est rémunéré par la caisse. Il reçoit un forfait."},
	})
}

// A part replaced by words ("le début de la première phrase, jusqu'au mot
// « X », est remplacé par les mots « Y »") is rewritten as one "ainsi
// rédigé" is; words quoted without the unit's stop leave it; a start runs
// to the first place its words stand, and an end from words standing
// twice is refused, naming why. Before, the first was refused as naming
// the start without its words, the stop went with the end rewritten (the
// next sentence ran on), and a start up to words standing twice was
// refused with "name the alinéa or the sentence", the alinéa named.
func TestPartReplacedAndBounded(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 4 - Adhésion\n\nLes médecins libéraux sont réputés y adhérer. Le médecin qui ne souhaite pas y adhérer en informe la caisse.\n\nLes médecins et les caisses en sont informés par les médecins.\n")
	runApplyCases(t, base, []applyCase{
		{name: "the start replaced by words", amend: "### Article 1er\n\nAu premier alinéa de l'article 4, le début de la première phrase, jusqu'au mot : « libéraux », est remplacé par les mots : « Les praticiens installés ».",
			clause: "article 4", want: "Les praticiens installés sont réputés y adhérer. Le médecin qui ne souhaite pas y adhérer en informe la caisse.\n\nLes médecins et les caisses en sont informés par les médecins."},
		{name: "the end replaced by words, its stop kept", amend: "### Article 1er\n\nAu premier alinéa de l'article 4, la fin de la première phrase, à compter du mot « sont », est remplacée par les mots : « adhèrent de plein droit ».",
			clause: "article 4", want: "Les médecins libéraux adhèrent de plein droit. Le médecin qui ne souhaite pas y adhérer en informe la caisse.\n\nLes médecins et les caisses en sont informés par les médecins."},
		{name: "the start up to words standing twice", amend: "### Article 1er\n\nLe début du second alinéa de l'article 4 jusqu'au mot « médecins » est ainsi rédigé : « Les praticiens ».",
			clause: "article 4", want: "Les médecins libéraux sont réputés y adhérer. Le médecin qui ne souhaite pas y adhérer en informe la caisse.\n\nLes praticiens et les caisses en sont informés par les médecins."},
		{name: "the end from words standing twice", amend: "### Article 1er\n\nAu premier alinéa de l'article 4, après le mot « adhérer », la fin de la phrase est supprimée.",
			err: "Article 1er: the words « adhérer » are in the 1st alinéa of article 4 twice: which one the end runs from is not said (name the sentence, or quote more words)"},
	})
}

// An instruction, or the lead-in of its points, that says when it takes
// effect ("à compter du 1er janvier 2025") is applied, and the notes say
// the consolidated text does not carry the date. Before, the date was
// dropped without a word.
func TestDatedInstructionNoted(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 28 - Forfait\n\nLe forfait est fixé à 26,50 euros.\n\nIl est versé chaque trimestre.\n\n### Article 29 - Durée\n\nLa convention dure cinq ans.\n")
	set, err := parse(amendDoc("### Article 1er\n\nÀ compter du 1er janvier 2025, l'article 28 est ainsi modifié :\n\n1° Le montant « 26,50 euros » est remplacé par le montant « 30 euros » ;\n\n2° Le second alinéa est supprimé.\n\n" +
		"### Article 2\n\nÀ l'article 29, le mot « cinq » est remplacé par le mot « six » à partir du 1er juillet 2025.\n\n### Article 3\n\nÀ l'article 29, le mot « dure » est remplacé par le mot « court »."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(base, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Article 1er, 1°: takes effect à compter du 1er janvier 2025, which the consolidated text does not say",
		"Article 1er, 2°: takes effect à compter du 1er janvier 2025, which the consolidated text does not say",
		"Article 2: takes effect à partir du 1er juillet 2025, which the consolidated text does not say",
	}
	if !slices.Equal(res.Notes, want) {
		t.Errorf("notes\n%q\nwant\n%q", res.Notes, want)
	}
}
