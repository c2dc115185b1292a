package amend

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// An instruction amending a code applies to that code, known by its title,
// and to no other text. Before, "À l'article L. 162-5-1 du code de la
// sécurité sociale, …" was refused on the code itself, and "Le code de la
// santé publique est ainsi modifié : 1° À l'article 28, …" amended the
// article 28 of whatever text it was given.
func TestCodeAmended(t *testing.T) {
	code := clause.Parse("# Code de la sécurité sociale - Partie législative\n\n## Article L. 162-5\n\nLes rapports sont définis par une convention.\n\n" +
		"## Article L. 162-5-1\n\nLa convention est conclue pour cinq ans.\n")
	const six = "La convention est conclue pour six ans."
	runApplyCases(t, code, []applyCase{
		{name: "the article of the code", amend: "### Article 1er\n\nÀ l'article L. 162-5-1 du code de la sécurité sociale, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article L. 162-5-1", want: six},
		{name: "the article's lead-in", amend: "### Article 1er\n\nL'article L. 162-5-1 du code de la sécurité sociale est ainsi modifié :\n\n1° Le mot « cinq » est remplacé par le mot « six ».",
			clause: "article L. 162-5-1", want: six},
		{name: "the code's lead-in", amend: "### Article 1er\n\nLe code de la sécurité sociale est ainsi modifié :\n\n1° À l'article L. 162-5-1, le mot « cinq » est remplacé par le mot « six » ;\n\n" +
			"2° Après l'article L. 162-5-1, il est inséré un article L. 162-5-2 ainsi rédigé :\n\n« Article L. 162-5-2\n\n« La convention est publiée. »",
			clause: "article L. 162-5-2", want: "La convention est publiée."},
		{name: "an article created in the code", amend: "### Article 1er\n\nAu code de la sécurité sociale, il est créé un article L. 162-5-3 ainsi rédigé :\n\n« Article L. 162-5-3\n\n« La convention est publiée. »",
			clause: "article L. 162-5-3", want: "La convention est publiée."},
		{name: "another code", amend: "### Article 1er\n\nÀ l'article L. 162-5-1 du code de la santé publique, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the code de la santé publique, not this text (« Code de la sécurité sociale - Partie législative »)"},
		{name: "a code whose name goes on", amend: "### Article 1er\n\nÀ l'article L. 162-5-1 du code de la sécurité, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the code de la sécurité, not this text (« Code de la sécurité sociale - Partie législative »)"},
	})
	untitled := clause.Parse("## Article 28\n\nLe forfait est versé.\n\n## Article 29\n\nIl est annuel.\n")
	runApplyCases(t, untitled, []applyCase{
		{name: "a text that names no code", amend: "### Article 1er\n\nLe code de la santé publique est ainsi modifié :\n\n1° L'article 29 est abrogé ;\n\n2° À l'article 28, le mot « forfait » est remplacé par le mot « montant ».",
			err: "Article 1er, 1°: amends the code de la santé publique, not this text, whose title names no code"},
		{name: "an act code is no code", amend: "### Article 1er\n\nÀ l'article 28, le code « forfait » est remplacé par le code « montant ».",
			clause: "article 28", want: "Le montant est versé."},
	})
}
