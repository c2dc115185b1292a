package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
)

// Laid is Amends and InstructsAgainst both ways round, the texts shared
// hashed once: a law amending a code against a convention, and the
// other way round, are told; two versions of a convention, two readings of
// a bill, or a bill against its title alone, are not.
func TestLaid(t *testing.T) {
	law := clause.Parse("# Loi\n\n## Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est ainsi modifié : les mots « six mois » sont remplacés par les mots « trois mois ».\n\n## Article 2\n\nL'article L. 162-15 du code de la sécurité sociale est abrogé.\n")
	law2 := clause.Parse("# Loi\n\n## Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est ainsi modifié : les mots « six mois » sont remplacés par les mots « deux mois ».\n\n## Article 2\n\nL'article L. 162-15 du code de la sécurité sociale est abrogé.\n")
	conv := fixture(t, "05-convention-2024-06.md")
	b, err := fixtures.FS.ReadFile("05-convention-2024-06.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := decodeDoc(t, []byte(strings.Replace(string(b), "30 €", "32 €", 1)))
	title := clause.Parse("Projet de loi relatif à la sécurité sociale\n")
	for _, tc := range []struct {
		name string
		a, b *clause.Document
		want int
	}{
		{"a law against a convention", conv, law, 1},
		{"a convention against a law", law, conv, -1},
		{"two versions of a convention", conv, edited, 0},
		{"two readings of a law", law, law2, 0},
		{"a law against its title alone", title, law, 0},
		{"the demo's avenant in amendments against the convention (Amends)", conv, fixture(t, "06-avenant-1-2025-amendements.md"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			amends, got := Laid(tc.a, tc.b)
			if amends != Amends(tc.b, tc.a) {
				t.Errorf("amends = %v, Amends %v", amends, !amends)
			}
			want := 0
			switch {
			case amends:
				// Aimed at the other text: Amends tells it first.
			case InstructsAgainst(tc.b, tc.a):
				want = 1
			case InstructsAgainst(tc.a, tc.b):
				want = -1
			}
			if got != tc.want || want != tc.want {
				t.Errorf("Laid = %d, InstructsAgainst both ways %d, want %d", got, want, tc.want)
			}
		})
	}
}

// A law amending the code a text is titled with is aimed at that text:
// Laid says it amends it (diff's hint is then --amends), where Amends,
// reading "du code" as aimed elsewhere, does not. Aimed at a code the
// text is not titled with, it is laid against it.
func TestLaidOnItsCode(t *testing.T) {
	law := clause.Parse("# Loi\n\n## Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est ainsi modifié : les mots « six mois » sont remplacés par les mots « trois mois ».\n\n## Article 2\n\nL'article L. 162-15 du code de la sécurité sociale est abrogé.\n")
	code := clause.Parse("# Code de la sécurité sociale\n\n## Article L. 162-5\n\nLe délai est de six mois.\n\n## Article L. 162-15\n\nLes conventions sont transmises.\n\n## Article L. 162-16\n\nTexte.\n")
	other := clause.Parse("# Code de la santé publique\n\n## Article L. 162-5\n\nLe délai est de six mois.\n\n## Article L. 162-15\n\nLes conventions sont transmises.\n\n## Article L. 162-16\n\nTexte.\n")
	if amends, against := Laid(code, law); !amends || against != 1 {
		t.Errorf("a law against the code it amends: amends %v, against %d, want true, 1", amends, against)
	}
	if amends, against := Laid(other, law); amends || against != 1 {
		t.Errorf("a law against another code: amends %v, against %d, want false, 1", amends, against)
	}
}

// A bill amending the Constitution (pjl07-365's form), laid against a
// convention whose articles 4 and 6 it names too, is aimed at another
// text; against the Constitution, at it. Before, diff said the bill
// amended the convention (add --amends), and apply changed its articles.
func TestLaidOnAnotherText(t *testing.T) {
	bill := clause.Parse("# Projet de loi constitutionnelle\n\n## Article 1er\n\nL'article 4 de la Constitution est complété par un alinéa ainsi rédigé :\n\n« Des droits particuliers peuvent être reconnus. »\n\n" +
		"## Article 2\n\nAprès le premier alinéa de l'article 6 de la Constitution, il est inséré un alinéa ainsi rédigé :\n\n« Nul ne peut accomplir plus de deux mandats consécutifs. »\n")
	constitution := clause.Parse("# Constitution du 4 octobre 1958\n\n## Article 4\n\nLes partis concourent à l'expression du suffrage.\n\n## Article 6\n\nLe Président est élu pour cinq ans.\n\n## Article 7\n\nTexte.\n")
	if amends, against := Laid(fixture(t, "05-convention-2024-06.md"), bill); amends || against != 1 {
		t.Errorf("a bill against a convention: amends %v, against %d, want false, 1", amends, against)
	}
	if amends, against := Laid(constitution, bill); !amends || against != 1 {
		t.Errorf("a bill against the Constitution: amends %v, against %d, want true, 1", amends, against)
	}
}
