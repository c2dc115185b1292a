package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// Several alinéas named at once ("les deuxième et troisième alinéas", "au
// deuxième alinéa et au troisième alinéa", "les deux derniers alinéas",
// "les deuxième à quatrième alinéas") are each the one of that rank before
// the instruction: their words changed in each, deleted each, or, as a run,
// rewritten by the text quoted. Before, every such instruction was refused
// ("names several alinéas at once: write one instruction for each").
func TestSeveralAlineas(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 3 - Durée\n\nLa convention est conclue pour cinq ans.\n\nElle est renouvelable par tacite reconduction.\n\n" +
		"Elle peut être dénoncée par les caisses.\n\nLes médecins en sont informés.\n")
	runApplyCases(t, base, []applyCase{
		{name: "two rewritten as one", amend: "### Article 1er\n\nÀ l'article 3, les deuxième et troisième alinéas sont remplacés par un alinéa ainsi rédigé :\n\n« Elle n'est pas renouvelable. »",
			clause: "article 3", want: "La convention est conclue pour cinq ans.\n\nElle n'est pas renouvelable.\n\nLes médecins en sont informés."},
		{name: "words in each, named one by one", amend: "### Article 1er\n\nÀ l'article 3, au deuxième alinéa et au troisième alinéa, le mot « Elle » est remplacé par les mots « La convention ».",
			clause: "article 3", want: "La convention est conclue pour cinq ans.\n\nLa convention est renouvelable par tacite reconduction.\n\nLa convention peut être dénoncée par les caisses.\n\nLes médecins en sont informés."},
		{name: "words in each, listed", amend: "### Article 1er\n\nAux deuxième et troisième alinéas de l'article 3, le mot « Elle » est remplacé par les mots « La convention ».",
			clause: "article 3", want: "La convention est conclue pour cinq ans.\n\nLa convention est renouvelable par tacite reconduction.\n\nLa convention peut être dénoncée par les caisses.\n\nLes médecins en sont informés."},
		{name: "under a lead-in", amend: "### Article 1er\n\nLes deuxième et troisième alinéas de l'article 3 sont ainsi modifiés :\n\n1° Le mot « Elle » est remplacé par les mots « La convention » ;\n\n2° Le mot « peut » est remplacé par le mot « doit ».",
			err: "Article 1er, 2°: the words « peut » are not in the 2nd alinéa of article 3"},
		{name: "the first and the last deleted", amend: "### Article 1er\n\nÀ l'article 3, les premier et dernier alinéas sont supprimés.",
			clause: "article 3", want: "Elle est renouvelable par tacite reconduction.\n\nElle peut être dénoncée par les caisses."},
		{name: "the last two deleted", amend: "### Article 1er\n\nLes deux derniers alinéas de l'article 3 sont supprimés.",
			clause: "article 3", want: "La convention est conclue pour cinq ans.\n\nElle est renouvelable par tacite reconduction."},
		{name: "a range rewritten", amend: "### Article 1er\n\nÀ l'article 3, les deuxième à quatrième alinéas sont remplacés par deux alinéas ainsi rédigés :\n\n« Elle n'est pas renouvelable.\n\n« Les médecins en sont avisés. »",
			clause: "article 3", want: "La convention est conclue pour cinq ans.\n\nElle n'est pas renouvelable.\n\nLes médecins en sont avisés."},
		{name: "apart, rewritten", amend: "### Article 1er\n\nÀ l'article 3, les deuxième et quatrième alinéas sont ainsi rédigés : « Rien. »",
			err: "Article 1er: rewrites the 2nd and 4th alinéas, which do not follow each other: where the text quoted goes is not said"},
		{name: "one not there", amend: "### Article 1er\n\nÀ l'article 3, les quatrième et cinquième alinéas sont supprimés.",
			err: "Article 1er: the 5th alinéa is not in article 3 (it has 4)"},
		{name: "a place for an insertion", amend: "### Article 1er\n\nÀ l'article 3, après les deuxième et troisième alinéas, il est inséré un alinéa ainsi rédigé : « Rien. »",
			err: "Article 1er: names the 2nd and 3rd alinéas for an operation that takes one place: write one instruction for each"},
		{name: "apart, each its operation", amend: "### Article 1er\n\nÀ l'article 3, au premier alinéa, le mot « cinq » est remplacé par le mot « six » et le deuxième alinéa est supprimé.",
			err: "Article 1er: names alinéas apart in one sentence (premier alinéa, deuxième alinéa): write one instruction for each, or name them in one list (« aux deuxième et troisième alinéas »)"},
	})
}

// Several sentences named at once ("les deux premières phrases", "les
// deuxième et troisième phrases", "à la deuxième phrase et à la troisième
// phrase") are each the one of that rank before the instruction, as
// alinéas are; named apart, each with its operation, they are refused.
// Before, every such instruction was refused.
func TestSeveralPhrases(t *testing.T) {
	base := clause.Parse("# Convention\n\n## Article 5 - Suivi\n\nLe médecin informe la caisse. Il transmet le dossier. Il conserve une copie. La caisse accuse réception.\n\nLes parties se réunissent chaque année.\n")
	const second = "\n\nLes parties se réunissent chaque année."
	runApplyCases(t, base, []applyCase{
		{name: "the first two deleted", amend: "### Article 1er\n\nAu premier alinéa de l'article 5, les deux premières phrases sont supprimées.",
			clause: "article 5", want: "Il conserve une copie. La caisse accuse réception." + second},
		{name: "two rewritten as one", amend: "### Article 1er\n\nAu premier alinéa de l'article 5, les deuxième et troisième phrases sont remplacées par une phrase ainsi rédigée : « Il transmet le dossier et en conserve une copie. »",
			clause: "article 5", want: "Le médecin informe la caisse. Il transmet le dossier et en conserve une copie. La caisse accuse réception." + second},
		{name: "words in each", amend: "### Article 1er\n\nÀ l'article 5, à la deuxième phrase et à la troisième phrase du premier alinéa, le mot « Il » est remplacé par les mots « Le praticien ».",
			clause: "article 5", want: "Le médecin informe la caisse. Le praticien transmet le dossier. Le praticien conserve une copie. La caisse accuse réception." + second},
		{name: "apart, each its operation", amend: "### Article 1er\n\nAu premier alinéa de l'article 5, la première phrase est supprimée et la deuxième phrase est ainsi rédigée : « Rien. »",
			err: "Article 1er: names phrases apart in one sentence (première phrase, deuxième phrase): write one instruction for each, or name them in one list (« aux deuxième et troisième phrases »)"},
		{name: "several without ranks", amend: "### Article 1er\n\nÀ l'article 5, les premiers alinéas sont supprimés.",
			err: "Article 1er: names several alinéas (premiers alinéas) without their ranks: name each"},
	})
}
