package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// The capital that opens a sentence goes with the place, not with the
// word: words put at the start of a sentence take it and the word that
// had it loses it, unless the text never writes that word in lower case
// (a name); when the first words go, the next word takes it. Before, "Au
// début du premier alinéa, sont insérés les mots « Sauf exception, »"
// gave "Sauf exception, Le médecin…", and words put "avant les mots
// « … »" went to the end of the clause.
func TestCapitalOpensTheSentence(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 1 - Objet

Le médecin traitant assure le suivi de ses patients. La caisse en est informée.

Paris accueille la commission. Le médecin la saisit.

1° Les caisses versent l'aide ;
2° La caisse en contrôle l'usage.

### Article 2 - Champ

La CPAM tient la liste des médecins adhérents.
`)
	const first = "Le médecin traitant assure le suivi de ses patients. La caisse en est informée.\n\n"
	const second = "Paris accueille la commission. Le médecin la saisit.\n\n"
	const points = "1° Les caisses versent l'aide ;\n2° La caisse en contrôle l'usage."
	runApplyCases(t, base, []applyCase{
		{name: "au début, the old first word in lower case", amend: "### Article 1er\n\nAu début du premier alinéa de l'article 1, sont insérés les mots : « Sauf exception, ».",
			clause: "article 1", want: "Sauf exception, le médecin traitant assure le suivi de ses patients. La caisse en est informée.\n\n" + second + points},
		{name: "au début, the new words given the capital", amend: "### Article 1er\n\nAu début du premier alinéa de l'article 1, sont insérés les mots : « sauf exception, ».",
			clause: "article 1", want: "Sauf exception, le médecin traitant assure le suivi de ses patients. La caisse en est informée.\n\n" + second + points},
		{name: "a name keeps its capital", amend: "### Article 1er\n\nAu début du deuxième alinéa de l'article 1, sont insérés les mots : « Chaque année, ».",
			clause: "article 1", want: first + "Chaque année, Paris accueille la commission. Le médecin la saisit.\n\n" + points},
		{name: "an acronym keeps its capitals", amend: "### Article 1er\n\nAu début de l'article 2, sont insérés les mots : « Chaque année, ».",
			clause: "article 2", want: "Chaque année, la CPAM tient la liste des médecins adhérents."},
		{name: "a sentence put first leaves the next its capital", amend: "### Article 1er\n\nAu début du premier alinéa de l'article 1, sont insérés les mots : « La convention s'applique. ».",
			clause: "article 1", want: "La convention s'applique. Le médecin traitant assure le suivi de ses patients. La caisse en est informée.\n\n" + second + points},
		{name: "avant les mots, at a sentence's start", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « La caisse en est », sont insérés les mots : « Dans tous les cas, ».",
			clause: "article 1", want: "Le médecin traitant assure le suivi de ses patients. Dans tous les cas, la caisse en est informée.\n\n" + second + points},
		{name: "avant les mots, inside a sentence", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « de ses patients », sont insérés les mots : « régulier ».",
			clause: "article 1", want: "Le médecin traitant assure le suivi régulier de ses patients. La caisse en est informée.\n\n" + second + points},
		{name: "at the start of a point", amend: "### Article 1er\n\nAu début du 2° de l'article 1, sont insérés les mots : « chaque année, ».",
			clause: "article 1", want: first + second + "1° Les caisses versent l'aide ;\n2° Chaque année, la caisse en contrôle l'usage."},
		{name: "the first words deleted", amend: "### Article 1er\n\nAu premier alinéa de l'article 1, les mots : « Le médecin traitant assure » sont supprimés.",
			clause: "article 1", want: "Le suivi de ses patients. La caisse en est informée.\n\n" + second + points},
		{name: "the first words replaced", amend: "### Article 1er\n\nÀ la seconde phrase du premier alinéa de l'article 1, les mots : « La caisse » sont remplacés par les mots : « l'organisme ».",
			clause: "article 1", want: "Le médecin traitant assure le suivi de ses patients. L'organisme en est informée.\n\n" + second + points},
		{name: "every place, one opening a sentence", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « médecin », sont insérés les mots : « seul », à chaque occurrence.",
			clause: "article 1", want: "Le seul médecin traitant assure le suivi de ses patients. La caisse en est informée.\n\nParis accueille la commission. Le seul médecin la saisit.\n\n" + points},
	})
}

// A grammatical word loses the sentence's capital even in a text that
// writes it nowhere else, and a name of several words, or words the text
// writes with their capital inside a sentence too, keep it. Before, "Au
// début du premier alinéa, sont insérés les mots « Sous réserve, »" gave
// "Sous réserve, La convention…" in a text that never writes "la" in
// lower case, and "Chaque année, assurance Maladie…" in one that writes
// "assurance maladie".
func TestCapitalOfCommonWords(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 1 - Objet

La convention règle les rapports des médecins et de l'Assurance Maladie.

Union nationale des caisses d'assurance maladie : elle est signataire.

Assurance Maladie et médecins se réunissent. CNAM et syndicats en dressent le bilan.

Le comité siège aussi à La Réunion. La Réunion bénéficie d'une majoration. L'avis est publié.
`)
	const first = "La convention règle les rapports des médecins et de l'Assurance Maladie.\n\n"
	const second = "Union nationale des caisses d'assurance maladie : elle est signataire.\n\n"
	const third = "Assurance Maladie et médecins se réunissent. CNAM et syndicats en dressent le bilan.\n\n"
	const last = "Le comité siège aussi à La Réunion. La Réunion bénéficie d'une majoration. L'avis est publié."
	runApplyCases(t, base, []applyCase{
		{name: "an article the text writes nowhere in lower case", amend: "### Article 1er\n\nAu début du premier alinéa de l'article 1, sont insérés les mots : « Sous réserve, ».",
			clause: "article 1", want: "Sous réserve, la convention règle les rapports des médecins et de l'Assurance Maladie.\n\n" + second + third + last},
		{name: "an elided article", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « L'avis est », sont insérés les mots : « Dans tous les cas, ».",
			clause: "article 1", want: first + second + third + "Le comité siège aussi à La Réunion. La Réunion bénéficie d'une majoration. Dans tous les cas, l'avis est publié."},
		{name: "a name the text writes nowhere else", amend: "### Article 1er\n\nAu début du deuxième alinéa de l'article 1, sont insérés les mots : « Pour mémoire, ».",
			clause: "article 1", want: first + "Pour mémoire, Union nationale des caisses d'assurance maladie : elle est signataire.\n\n" + third + last},
		{name: "a name of two words", amend: "### Article 1er\n\nAu début du troisième alinéa de l'article 1, sont insérés les mots : « Chaque année, ».",
			clause: "article 1", want: first + second + "Chaque année, Assurance Maladie et médecins se réunissent. CNAM et syndicats en dressent le bilan.\n\n" + last},
		{name: "an acronym", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « CNAM et syndicats », sont insérés les mots : « Chaque année, ».",
			clause: "article 1", want: first + second + "Assurance Maladie et médecins se réunissent. Chaque année, CNAM et syndicats en dressent le bilan.\n\n" + last},
		{name: "a name written so inside a sentence", amend: "### Article 1er\n\nÀ l'article 1, avant les mots : « La Réunion bénéficie », sont insérés les mots : « Depuis 2020, ».",
			clause: "article 1", want: first + second + third + "Le comité siège aussi à La Réunion. Depuis 2020, La Réunion bénéficie d'une majoration. L'avis est publié."},
	})
}

// An instruction may name which of the places its words stand it means
// ("la deuxième occurrence du mot « X »", "à sa dernière occurrence"),
// counted in its target. Before, every such instruction was refused as
// naming words that stand more than once.
func TestApplyOccurrence(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 2 - Champ

Le médecin exerçant à titre libéral adhère à la convention. Le médecin remplaçant y adhère aussi.

Le médecin salarié n'y adhère pas ; le médecin retraité non plus.
`)
	const second = "\n\nLe médecin salarié n'y adhère pas ; le médecin retraité non plus."
	runApplyCases(t, base, []applyCase{
		{name: "la première occurrence", amend: "### Article 1er\n\nÀ l'article 2, la première occurrence du mot « médecin » est remplacée par le mot « praticien ».",
			clause: "article 2", want: "Le praticien exerçant à titre libéral adhère à la convention. Le médecin remplaçant y adhère aussi." + second},
		{name: "la deuxième occurrence", amend: "### Article 1er\n\nÀ l'article 2, la deuxième occurrence du mot « médecin » est remplacée par le mot « praticien ».",
			clause: "article 2", want: "Le médecin exerçant à titre libéral adhère à la convention. Le praticien remplaçant y adhère aussi." + second},
		{name: "la dernière occurrence", amend: "### Article 1er\n\nÀ l'article 2, la dernière occurrence du mot « médecin » est supprimée.",
			clause: "article 2", want: "Le médecin exerçant à titre libéral adhère à la convention. Le médecin remplaçant y adhère aussi.\n\nLe médecin salarié n'y adhère pas ; le retraité non plus."},
		{name: "à sa première occurrence, in an alinéa", amend: "### Article 1er\n\nAu second alinéa de l'article 2, le mot « médecin » est remplacé, à sa première occurrence, par le mot « praticien ».",
			clause: "article 2", want: "Le médecin exerçant à titre libéral adhère à la convention. Le médecin remplaçant y adhère aussi.\n\nLe praticien salarié n'y adhère pas ; le médecin retraité non plus."},
		{name: "dans sa deuxième occurrence", amend: "### Article 1er\n\nÀ l'article 2, le mot « médecin », dans sa deuxième occurrence, est remplacé par le mot « praticien ».",
			clause: "article 2", want: "Le médecin exerçant à titre libéral adhère à la convention. Le praticien remplaçant y adhère aussi." + second},
		{name: "after an occurrence", amend: "### Article 1er\n\nÀ l'article 2, après la deuxième occurrence du mot « médecin », est inséré le mot « libéral ».",
			clause: "article 2", want: "Le médecin exerçant à titre libéral adhère à la convention. Le médecin libéral remplaçant y adhère aussi." + second},
		{name: "an occurrence past the last", amend: "### Article 1er\n\nÀ l'article 2, la cinquième occurrence du mot « médecin » est supprimée.",
			err: "Article 1er: the words « médecin » are in article 2 4 times: there is no 5th occurrence"},
		{name: "an occurrence of words not there", amend: "### Article 1er\n\nÀ l'article 2, la première occurrence du mot « caisse » est supprimée.",
			err: "Article 1er: the words « caisse » are not in article 2"},
		{name: "an occurrence and a count", amend: "### Article 1er\n\nÀ l'article 2, la première occurrence du mot « médecin » est supprimée (deux fois).",
			err: "Article 1er: names an occurrence of words and how many times they stand: write one instruction for each"},
	})
}

// Several words replaced "respectivement" by as many others, as avenants
// revalue several amounts at once: each by the one of its rank. Before,
// the instruction was not understood (exit 2) and had to be written once
// per amount.
func TestReplacedRespectively(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 19.2 - Montant de l'aide\n\nL'aide est fixée à 36 000 € la première année, 27 000 € la deuxième année et 21 000 € la troisième année.\n")
	const want = "L'aide est fixée à 40 000 € la première année, 30 000 € la deuxième année et 25 000 € la troisième année."
	runApplyCases(t, base, []applyCase{
		{name: "three amounts", amend: "### Article 1er\n\nÀ l'article 19.2, les montants : « 36 000 € », « 27 000 € » et « 21 000 € » sont remplacés respectivement par les montants : « 40 000 € », « 30 000 € » et « 25 000 € ».",
			clause: "article 19.2", want: want},
		{name: "respectivement before the verb", amend: "### Article 1er\n\nÀ l'article 19.2, les montants : « 36 000 € », « 27 000 € » et « 21 000 € » sont respectivement remplacés par les montants : « 40 000 € », « 30 000 € » et « 25 000 € ».",
			clause: "article 19.2", want: want},
		{name: "as many words as they replace", amend: "### Article 1er\n\nÀ l'article 19.2, les montants : « 36 000 € » et « 27 000 € » sont remplacés respectivement par les montants : « 40 000 € », « 30 000 € » et « 25 000 € ».",
			err: "Article 1er: replaces 2 quotations respectively by 3: as many of each, or one instruction for each"},
	})
}

// An avenant whose instructions replace words respectively amends the
// text: Amends tells it, as it tells any other replacement. Before, such
// an article counted for none, and diff laid the avenant of two articles
// against the convention as a text, reading the convention removed.
func TestAmendsRespectively(t *testing.T) {
	av := amendDoc("### Article 1er\n\nÀ l'article 19.2, les montants : « 36 000 € », « 27 000 € » et « 21 000 € » sont remplacés respectivement par les montants : « 40 000 € », « 30 000 € » et « 25 000 € ».\n\n" +
		"### Article 2\n\nÀ l'article 16, le montant : « 5 000 € » est remplacé par le montant : « 6 000 € ».")
	if !Amends(av, fixture(t, "05-convention-2024-06.md")) {
		t.Errorf("the avenant is not read as amending the convention")
	}
}

// An operation joined to another in one sentence, in a form none reads,
// is an error naming it. Before, "le montant « 50 000 € » est remplacé
// par le montant « 60 000 € » et la durée d'activité est portée à cinq
// jours" replaced the amount, and the rest was dropped without a word
// (exit 0).
func TestOperationLeftUnread(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 14 - Contrat\n\nL'aide est de 50 000 € pour une activité de quatre jours par semaine.\n\nLe contrat est signé pour cinq ans.\n")
	runApplyCases(t, base, []applyCase{
		{name: "a value set beside a replacement", amend: "### Article 1er\n\nAu premier alinéa de l'article 14, le montant : « 50 000 € » est remplacé par le montant : « 60 000 € » et la durée d'activité est portée à cinq jours.",
			err: "Article 1er: part of the instruction is in no form read (est portée): write it as an instruction of its own, in a form avenant reads"},
		{name: "an alinéa moved beside a replacement", amend: "### Article 1er\n\nÀ l'article 14, le montant : « 50 000 € » est remplacé par le montant : « 60 000 € », et le second alinéa est transféré à la fin du texte.",
			err: "Article 1er: part of the instruction is in no form read (est transféré): write it as an instruction of its own, in a form avenant reads"},
		{name: "a lead-in and its operation", amend: "### Article 1er\n\nL'article 14 est ainsi modifié : le montant : « 50 000 € » est remplacé par le montant : « 60 000 € ».",
			clause: "article 14", want: "L'aide est de 60 000 € pour une activité de quatre jours par semaine.\n\nLe contrat est signé pour cinq ans."},
	})
}

// A unit named by what it says of itself ("l'alinéa relatif à…", "la
// ligne relative à…", "l'article relatif aux…"), by neither its rank, its
// number, its code nor its words, is not located: the instruction is
// refused. Before, the unit was dropped from the target, and the
// operation applied to what held it: "À l'article 14, l'alinéa relatif à
// la majoration est supprimé" repealed article 14, "À l'annexe 1, la
// ligne relative à la majoration … est supprimée" the whole annex, exit 0.
func TestUnitNotLocated(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Chapitre 2 - Zones\n\n### Article 14 - Contrat\n\nL'aide est de 50 000 €.\n\nElle est majorée de 2 500 €.\n\n" +
		"## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30 € |\n| MPC | Majoration provisoire clinicien | 2 € |\n")
	runApplyCases(t, base, []applyCase{
		{name: "an alinéa", amend: "### Article 1er\n\nÀ l'article 14, l'alinéa relatif à la majoration est supprimé.",
			err: "Article 1er: names an alinéa it does not locate (l'alinéa relatif à la majoration): name it by its rank or its words"},
		{name: "a row", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne relative à la majoration provisoire clinicien est supprimée.",
			err: "Article 1er: names a row it does not locate (la ligne relative à la majoration provisoire clinicien): name it by its act code"},
		{name: "a row by its label", amend: "### Article 1er\n\nAu tableau de l'annexe 1, la ligne « Majoration provisoire clinicien » est supprimée.",
			clause: "row MPC", gone: true},
		{name: "the place, a row by its label", amend: "### Article 1er\n\nÀ la ligne « Majoration provisoire clinicien » du tableau de l'annexe 1, le montant « 2 € » est remplacé par le montant « 3 € ».",
			clause: "row MPC", want: "| MPC | Majoration provisoire clinicien | 3 € |"},
		{name: "an article", amend: "### Article 1er\n\nAu chapitre 2, l'article relatif au contrat est abrogé.",
			err: "Article 1er: names an article it does not locate (l'article relatif au contrat): name it by its number"},
		{name: "an alinéa by its rank", amend: "### Article 1er\n\nÀ l'article 14, le dernier alinéa est supprimé.",
			clause: "article 14", want: "L'aide est de 50 000 €."},
		{name: "a row by its code", amend: "### Article 1er\n\nÀ l'annexe 1, la ligne MPC est supprimée.",
			clause: "row MPC", gone: true},
	})
}

// Words named before the verb that puts them in ("À la fin du premier
// alinéa, les mots « … » sont ajoutés", "les mots « … » sont insérés
// après le mot « … »") are put in as the other forms put them. Before,
// the instruction was not understood.
func TestWordsNamedFirst(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 1 - Objet\n\nLe médecin assure le suivi du patient.\n\nLa consultation est payée.\n")
	runApplyCases(t, base, []applyCase{
		{name: "at the end", amend: "### Article 1er\n\nÀ la fin du premier alinéa de l'article 1, les mots « et de sa famille » sont ajoutés.",
			clause: "article 1", want: "Le médecin assure le suivi du patient et de sa famille.\n\nLa consultation est payée."},
		{name: "at the start", amend: "### Article 1er\n\nAu début du second alinéa de l'article 1, les mots « Sauf exception, » sont insérés.",
			clause: "article 1", want: "Le médecin assure le suivi du patient.\n\nSauf exception, la consultation est payée."},
		{name: "after words", amend: "### Article 1er\n\nÀ l'article 1, les mots « de référence » sont insérés après le mot « consultation ».",
			clause: "article 1", want: "Le médecin assure le suivi du patient.\n\nLa consultation de référence est payée."},
	})
}
