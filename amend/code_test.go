package amend

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
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
		{name: "the same code", amend: "### Article 1er\n\nI. - À l'article L. 162-5 du code de la sécurité sociale, le mot « définis » est remplacé par le mot « fixés ».\n\nII. - À l'article L. 162-5-1 du même code, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article L. 162-5-1", want: six},
		{name: "the same code, none named", amend: "### Article 1er\n\nÀ l'article L. 162-5-1 dudit code, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: names « dudit code », but no instruction before names a text other than this one: name it"},
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

// An instruction naming an article of another text than a code (the
// Constitution, a loi, an ordonnance, a décret, an arrêté) amends that
// text: on any other, it is refused rather than applied to the article of
// the same number. Before, "L'article 4 de la Constitution est complété
// par un alinéa" (a real bill, pjl07-365) completed the convention's
// article 4, and "L'article 3 de l'ordonnance n° 58-1100 … est abrogé"
// repealed its article 3.
func TestOtherTextAmended(t *testing.T) {
	convention := clause.Parse("# Convention nationale des médecins\n\n## Article 3\n\nLa convention est conclue pour cinq ans.\n\n" +
		"## Article 4\n\nLe médecin adhère à la convention.\n")
	runApplyCases(t, convention, []applyCase{
		{name: "the Constitution", amend: "### Article 1er\n\nL'article 4 de la Constitution est complété par un alinéa ainsi rédigé : « Des droits particuliers peuvent être reconnus. »",
			err: "Article 1er: amends the Constitution, not this text (« Convention nationale des médecins »)"},
		{name: "an ordonnance", amend: "### Article 1er\n\nL'article 3 de l'ordonnance n° 58-1100 du 17 novembre 1958 est abrogé.",
			err: "Article 1er: amends the ordonnance n° 58-1100 du 17 novembre 1958, not this text (« Convention nationale des médecins »)"},
		{name: "a loi, in an alinéa", amend: "### Article 1er\n\nAprès le premier alinéa de l'article 4 de la loi n° 2004-810 du 13 août 2004, il est inséré un alinéa ainsi rédigé : « Nul ne peut. »",
			err: "Article 1er: amends the loi n° 2004-810 du 13 août 2004, not this text (« Convention nationale des médecins »)"},
		{name: "a décret's lead-in", amend: "### Article 1er\n\nLe décret n° 2010-1 du 4 janvier 2010 est ainsi modifié :\n\n1° L'article 3 est abrogé.",
			err: "Article 1er, 1°: amends the décret n° 2010-1 du 4 janvier 2010, not this text (« Convention nationale des médecins »)"},
		{name: "a division of a loi, in a lead-in", amend: "### Article 1er\n\nLe chapitre II du titre II de la loi organique n° 2001-692 du 1er août 2001 est ainsi modifié :\n\n1° Après l'article 3, il est inséré un article 3-1 ainsi rédigé : « Art. 3-1. - Nul ne peut. »",
			err: "Article 1er, 1°: amends the loi organique n° 2001-692 du 1er août 2001, not this text (« Convention nationale des médecins »)"},
		{name: "the convention itself", amend: "### Article 1er\n\nÀ l'article 3 de la convention, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: "La convention est conclue pour six ans."},
	})
	arrete := clause.Parse("# Arrêté du 13 novembre 1998 portant règlement conventionnel minimal\n\n## Article 3\n\nLe règlement est applicable pour cinq ans.\n")
	runApplyCases(t, arrete, []applyCase{
		{name: "the arrêté amended", amend: "### Article 1er\n\nÀ l'article 3 de l'arrêté du 13 novembre 1998 susvisé, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: "Le règlement est applicable pour six ans."},
		{name: "another arrêté", amend: "### Article 1er\n\nÀ l'article 3 de l'arrêté du 4 mai 2017, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the arrêté du 4 mai 2017, not this text (« Arrêté du 13 novembre 1998 portant règlement conventionnel minimal »)"},
	})
}

// A convention, an accord, a protocole… named with a name of its own is
// another text unless the title of the text amended gives that name
// (every word of it, a date included): "l'article 3 de la convention
// nationale des infirmiers" on the doctors' convention is refused, as
// its article 3 is not that text's. Named bare, or « susvisée », it is
// the text amended. Before, every such instruction amended the article
// of the same number.
func TestOtherConventionAmended(t *testing.T) {
	convention := clause.Parse("# Convention nationale des médecins signée le 4 juin 2024\n\n## Article 3\n\nLa convention est conclue pour cinq ans.\n")
	const six = "La convention est conclue pour six ans."
	runApplyCases(t, convention, []applyCase{
		{name: "another convention", amend: "### Article 1er\n\nÀ l'article 3 de la convention nationale des infirmiers, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the convention nationale des infirmiers, not this text (« Convention nationale des médecins signée le 4 juin 2024 »)"},
		{name: "an accord", amend: "### Article 1er\n\nL'article 3 de l'accord-cadre interprofessionnel est ainsi modifié :\n\n1° Le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er, 1°: amends the accord-cadre interprofessionnel, not this text (« Convention nationale des médecins signée le 4 juin 2024 »)"},
		{name: "another date", amend: "### Article 1er\n\nÀ l'article 3 de la convention du 25 août 2016, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the convention du 25 août 2016, not this text (« Convention nationale des médecins signée le 4 juin 2024 »)"},
		{name: "its date", amend: "### Article 1er\n\nÀ l'article 3 de la convention du 4 juin 2024, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: six},
		{name: "part of its title", amend: "### Article 1er\n\nÀ l'article 3 de la convention nationale des médecins, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: six},
		{name: "bare", amend: "### Article 1er\n\nÀ l'article 3 de la convention susvisée, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: six},
	})
}

// A text an instruction cites ("En application de l'article L. 162-5 du
// code de la sécurité sociale", "tel qu'il résulte de la loi n° …") is
// not the one it amends, nor its article the article amended; and an
// avenant whose instructions cite a code still amends its convention.
// Before, the first was refused ("amends the code de la sécurité
// sociale") and such an avenant was read as aimed at another text.
func TestCitedTextIsNotAmended(t *testing.T) {
	convention := clause.Parse("# Convention nationale des médecins\n\n## Article 3\n\nLa convention est conclue pour cinq ans.\n\n## Article 4\n\nLe médecin adhère.\n")
	runApplyCases(t, convention, []applyCase{
		{name: "a code cited first", amend: "### Article 1er\n\nEn application de l'article L. 162-5 du code de la sécurité sociale, à l'article 3, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: "La convention est conclue pour six ans."},
		{name: "a loi cited in the lead-in", amend: "### Article 1er\n\nL'article 3, tel qu'il résulte de l'article 2 de la loi n° 2004-810 du 13 août 2004, est ainsi modifié :\n\n1° Le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: "La convention est conclue pour six ans."},
		{name: "an article cited", amend: "### Article 1er\n\nDans les conditions prévues à l'article 4, l'article 3 est abrogé.",
			clause: "article 3", gone: true},
		{name: "the text as an article made it", amend: "### Article 1er\n\nÀ l'article 3, tel que modifié par l'article 2 du présent avenant, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: "La convention est conclue pour six ans."},
	})
	avenant := amendDoc("### Article 1er\n\nEn application de l'article L. 162-5 du code de la sécurité sociale, à l'article 3, le mot « cinq » est remplacé par le mot « six ».\n\n" +
		"### Article 2\n\nÀ l'article 4, le mot « adhère » est remplacé par les mots « adhère, au sens du code de la santé publique, ».")
	if !Amends(avenant, convention) {
		t.Error("an avenant citing a code is not read as amending its convention")
	}
}

// A base kept without the date of its signature is the convention an
// instruction names by that date when the other words of the name are in
// its title, and the notes say so; a title dated otherwise is another
// text, and a name whose other words are not in the title too. Before, "de
// la convention du 4 juin 2024" was refused on "# Convention nationale des
// médecins libéraux".
func TestUndatedTitleNamed(t *testing.T) {
	undated := clause.Parse("# Convention nationale des médecins libéraux\n\n## Article 3\n\nLa convention est conclue pour cinq ans.\n")
	const six = "La convention est conclue pour six ans."
	runApplyCases(t, undated, []applyCase{
		{name: "its date", amend: "### Article 1er\n\nÀ l'article 3 de la convention du 4 juin 2024, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: six},
		{name: "its words and a date", amend: "### Article 1er\n\nÀ l'article 3 de la convention nationale des médecins libéraux du 4 juin 2024, le mot « cinq » est remplacé par le mot « six ».",
			clause: "article 3", want: six},
		{name: "other words and a date", amend: "### Article 1er\n\nÀ l'article 3 de la convention nationale des infirmiers du 4 juin 2024, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the convention nationale des infirmiers du 4 juin 2024, not this text (« Convention nationale des médecins libéraux »)"},
		{name: "a number of its own", amend: "### Article 1er\n\nÀ l'article 3 de l'avenant n° 2, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the avenant n° 2, not this text (« Convention nationale des médecins libéraux »)"},
	})
	dated := clause.Parse("# Convention nationale des médecins libéraux du 25 août 2016\n\n## Article 3\n\nLa convention est conclue pour cinq ans.\n")
	runApplyCases(t, dated, []applyCase{
		{name: "dated otherwise", amend: "### Article 1er\n\nÀ l'article 3 de la convention du 4 juin 2024, le mot « cinq » est remplacé par le mot « six ».",
			err: "Article 1er: amends the convention du 4 juin 2024, not this text (« Convention nationale des médecins libéraux du 25 août 2016 »)"},
	})
	set, err := parse(amendDoc("### Article 1er\n\nÀ l'article 3 de la convention du 4 juin 2024, le mot « cinq » est remplacé par le mot « six »."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(undated, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	const note = "Article 1er: names the convention du 4 juin 2024, and the title « Convention nationale des médecins libéraux » carries no date: taken as this text, the other words of the name matching"
	if !slices.Contains(res.Notes, note) {
		t.Errorf("notes %q, want %q", res.Notes, note)
	}
}

// A chapter of a code kept without the code's name ("# Chapitre II : Revenu
// minimum d'insertion", articles L262-1…) is taken as an extract of the
// code an instruction names, and the notes say so, unless its text names
// that code (a code names the others, citing itself as "le présent code");
// a titled text, or one whose articles are numbered otherwise, stays
// another text. Before, every instruction aimed at the code was refused
// on it ("not this text, whose title names no code").
func TestUntitledCodeAmended(t *testing.T) {
	chapter := clause.Parse("# Chapitre II : Revenu minimum d'insertion\n\n## Article L262-1\n\nLe revenu est dû dans les conditions prévues à l'article L. 615-8 du code de la sécurité sociale.\n\n## Article L262-2\n\nSon montant est fixé par décret.\n")
	const fixed = "Son montant est fixé par arrêté."
	runApplyCases(t, chapter, []applyCase{
		{name: "its code", amend: "### Article 1er\n\nÀ l'article L. 262-2 du code de l'action sociale et des familles, le mot « décret » est remplacé par le mot « arrêté ».",
			clause: "article L262-2", want: fixed},
		{name: "a code it names", amend: "### Article 1er\n\nÀ l'article L. 262-2 du code de la sécurité sociale, le mot « décret » est remplacé par le mot « arrêté ».",
			err: "Article 1er: amends the code de la sécurité sociale, not this text, whose title names no code"},
		{name: "a loi", amend: "### Article 1er\n\nÀ l'article L. 262-2 de la loi n° 88-1088 du 1er décembre 1988, le mot « décret » est remplacé par le mot « arrêté ».",
			err: "Article 1er: amends the loi n° 88-1088 du 1er décembre 1988, not this text, whose title names no code"},
	})
	titled := clause.Parse("# Convention nationale des médecins\n\n## Article L262-2\n\nSon montant est fixé par décret.\n")
	runApplyCases(t, titled, []applyCase{
		{name: "a titled text", amend: "### Article 1er\n\nÀ l'article L. 262-2 du code de l'action sociale et des familles, le mot « décret » est remplacé par le mot « arrêté ».",
			err: "Article 1er: amends the code de l'action sociale et des familles, not this text (« Convention nationale des médecins »)"},
	})
	numbered := clause.Parse("# Chapitre II : Adhésion\n\n## Article 2\n\nSon montant est fixé par décret.\n")
	runApplyCases(t, numbered, []applyCase{
		{name: "articles numbered otherwise", amend: "### Article 1er\n\nÀ l'article 2 du code de l'action sociale et des familles, le mot « décret » est remplacé par le mot « arrêté ».",
			err: "Article 1er: amends the code de l'action sociale et des familles, not this text, whose title names no code"},
	})
	set, err := parse(amendDoc("### Article 1er\n\nL'article L. 262-2 du code de l'action sociale et des familles est ainsi modifié :\n\n1° Le mot « décret » est remplacé par le mot « arrêté » ;\n\n2° Le mot « fixé » est remplacé par le mot « arrêté »."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(chapter, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Article 1er, 1°: amends the code de l'action sociale et des familles, and no title names this text, whose articles are numbered as a code's and never name it: taken as an extract of it"}
	if !slices.Equal(res.Notes, want) {
		t.Errorf("notes %q, want %q (once)", res.Notes, want)
	}
}

// The versions of the code de l'action sociale et des familles' chapter on
// the RMI and the RSA, kept without the code's name, take an instruction
// aimed at one of their articles in that code, and refuse one aimed at the
// code de la sécurité sociale, which they cite.
func TestCASFVersionsAmended(t *testing.T) {
	if corpus.Optional(t) == "" {
		return
	}
	for _, path := range corpus.Files(t, "raw/legi_casf_rsa/*.md") {
		base := readDoc(t, path)
		number := ""
		for _, c := range base.Clauses {
			if c.Kind == clause.KindArticle && c.Text != "" {
				number = c.Number
				break
			}
		}
		for code, applies := range map[string]bool{"code de l'action sociale et des familles": true, "code de la sécurité sociale": false} {
			set, err := parse(amendDoc("### Article 1er\n\nL'article " + number + " du " + code + " est abrogé."))
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(path), err)
			}
			res, err := apply(base, set, Markdown)
			switch {
			case applies && err != nil:
				t.Errorf("%s: article %s of the %s: %v", filepath.Base(path), number, code, err)
			case !applies && err == nil:
				t.Errorf("%s: article %s of the %s: applied to the CASF", filepath.Base(path), number, code)
			case applies && len(res.Traces) != 1:
				t.Errorf("%s: article %s of the %s: %d clauses changed, want 1", filepath.Base(path), number, code, len(res.Traces))
			}
		}
	}
}
