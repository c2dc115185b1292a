package store

import (
	"strings"
	"testing"
)

// TestBlameAdopted: two unions answer one proposal; the convention, which
// also answers the proposal, takes one union's words. Blame credits those
// words to the union that proposed them, its own words to the convention,
// and a union's words found in a text dated before the union's is no
// adoption.
func TestBlameAdopted(t *testing.T) {
	const (
		base  = "Le médecin s'engage à augmenter d'au moins 10 % la patientèle dont il est le médecin traitant."
		mgf   = "Le médecin s'engage à augmenter d'au moins 5 % la patientèle dont il est le médecin traitant."
		ufml  = "Le médecin s'engage à augmenter d'au moins 10 % la patientèle dont il est le médecin référent."
		conv  = "Le médecin s'engage à augmenter d'au moins 5 % la patientèle dont il est le médecin traitant, sauf exception."
		other = "Les parties se revoient chaque année pour faire le point sur l'application du contrat."
	)
	imp := func(s *Store, text, party, label, date, onto string) *Version {
		t.Helper()
		r, err := s.Import(parseMD(articles("1", other, "2", text)), ImportOptions{Party: party, Label: label, Date: date, Base: onto})
		if err != nil {
			t.Fatal(err)
		}
		return r.Version
	}
	for _, tc := range []struct {
		name, convDate, want string
	}{
		{"after the counter-proposals", "2024-06-04", "CNAM«Le médecin s'engage à augmenter d'au moins » MGF«5 %» CNAM« la patientèle dont il est le médecin traitant» CONV«, sauf exception» CNAM«.\n»"},
		{"before them", "2024-03-01", "CNAM«Le médecin s'engage à augmenter d'au moins » CONV«5 %» CNAM« la patientèle dont il est le médecin traitant» CONV«, sauf exception» CNAM«.\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			imp(s, base, "CNAM", "CNAM", "2024-02-08", "")
			imp(s, mgf, "MG France", "MGF", "2024-03-12", "CNAM")
			imp(s, ufml, "UFML-S", "UFML", "2024-03-19", "CNAM")
			c := imp(s, conv, "UNCAM", "CONV", tc.convDate, "CNAM")
			spans, err := s.BlameLines("art-2", c, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := spanSummary(spans); got != tc.want {
				t.Errorf("blame of the convention's article:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestBlameAdoptedEdited: the convention, answering the règlement
// arbitral, takes a sentence the CNAM proposed off its line. Taken with a
// word changed, the words kept are the CNAM's and the changed word the
// convention's; a sentence of the convention's own that shares a few words
// with the CNAM's is the convention's alone.
func TestBlameAdoptedEdited(t *testing.T) {
	const (
		base = "La consultation de référence est fixée à 26,50 €."
		cnam = base + " Une majoration de 5 € est applicable aux patients de moins de six ans suivis par leur médecin traitant."
	)
	for _, tc := range []struct{ name, conv, want string }{
		{"one word changed", base + " Une majoration de 5 € est applicable aux patients de moins de huit ans suivis par leur médecin traitant.",
			"RA«La consultation de référence est fixée à 26,50 €.\n» CNAM«Une majoration de 5 € est applicable aux patients de moins de » CONV«huit» CNAM« ans suivis par leur médecin traitant.\n»"},
		{"one word changed, then a long sentence of its own", base + " Une majoration de 5 € est applicable aux patients de moins de huit ans suivis par leur médecin traitant. Elle est versée chaque trimestre par la caisse primaire d'assurance maladie au vu des feuilles de soins que le médecin lui a transmises.",
			"RA«La consultation de référence est fixée à 26,50 €.\n» CNAM«Une majoration de 5 € est applicable aux patients de moins de » CONV«huit» CNAM« ans suivis par leur médecin traitant.\n» CONV«Elle est versée chaque trimestre par la caisse primaire d'assurance maladie au vu des feuilles de soins que le médecin lui a transmises.\n»"},
		{"taken word for word", cnam,
			"RA«La consultation de référence est fixée à 26,50 €.\n» CNAM«Une majoration de 5 € est applicable aux patients de moins de six ans suivis par leur médecin traitant.\n»"},
		{"words shared by chance", base + " Le forfait est versé aux médecins de plus de soixante ans installés en zone sous-dense.",
			"RA«La consultation de référence est fixée à 26,50 €.\n» CONV«Le forfait est versé aux médecins de plus de soixante ans installés en zone sous-dense.\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			for _, v := range []struct{ text, party, label, date string }{
				{base, "Arbitre", "RA", "2023-04-30"},
				{cnam, "CNAM", "CNAM", "2024-02-08"},
				{tc.conv, "UNCAM", "CONV", "2024-06-04"},
			} {
				base := ""
				if v.label == "CONV" {
					base = "RA"
				}
				if _, err := s.Import(parseMD(articles("1", "Les parties se revoient chaque année.", "2", v.text)), ImportOptions{Party: v.party, Label: v.label, Date: v.date, Base: base}); err != nil {
					t.Fatal(err)
				}
			}
			spans, err := s.BlameLines("art-2", nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := spanSummary(spans); got != tc.want {
				t.Errorf("blame of the convention's article:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestBlameRestored: a sentence of the règlement arbitral that the CNAM's
// proposal dropped and that an answer puts back, or one an answer moves
// within the clause, is the règlement's: never the answer's, nor that of
// a counter-proposal that had put it back first.
func TestBlameRestored(t *testing.T) {
	const (
		s1 = "La consultation de référence est fixée à 26,50 €."
		s2 = "Une majoration de 5 € est applicable aux patients de moins de six ans."
		s3 = "Elle est versée chaque trimestre."
	)
	for _, tc := range []struct{ name, conv, want string }{
		{"put back", s1 + " " + s2 + " " + s3, "RA«" + s1 + "\n" + s2 + "\n» CONV«" + s3 + "\n»"},
		{"put back elsewhere", s2 + " " + s1 + " " + s3, "RA«" + s2 + "\n" + s1 + "\n» CONV«" + s3 + "\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			for _, v := range []struct{ text, party, label, date, base string }{
				{s1 + " " + s2, "Arbitre", "RA", "2023-04-30", ""},
				{s1, "CNAM", "CNAM", "2024-02-08", ""},
				{s1 + " " + s2, "MG France", "MGF", "2024-03-12", "CNAM"},
				{tc.conv, "UNCAM", "CONV", "2024-06-04", "CNAM"},
			} {
				if _, err := s.Import(parseMD(articles("1", "Les parties se revoient chaque année.", "2", v.text)), ImportOptions{Party: v.party, Label: v.label, Date: v.date, Base: v.base}); err != nil {
					t.Fatal(err)
				}
			}
			for _, label := range []string{"MGF", "CONV"} {
				at, err := s.Resolve(label)
				if err != nil {
					t.Fatal(err)
				}
				spans, err := s.BlameLines("art-2", at, false)
				if err != nil {
					t.Fatal(err)
				}
				want := tc.want
				if label == "MGF" {
					want = "RA«" + s1 + "\n" + s2 + "\n»"
				}
				if got := spanSummary(spans); got != want {
					t.Errorf("blame at %s:\n%s\nwant\n%s", label, got, want)
				}
			}
		})
	}
}

// TestBlameLineRestored: a line an answer puts back as an earlier text on
// its line had it, after the version it answers changed it (a word
// rewritten, a list's last item dropped and its punctuation moved onto the
// item before), is the earlier text's: the answer wrote none of it. The
// National Assembly's final reading of a bill, taking back its own text of
// the reading before over the Senate's, was credited with 'trois' (the
// Senate had written 'six') and with a whole item the Senate had dropped.
func TestBlameLineRestored(t *testing.T) {
	const (
		s1  = "La consultation de référence est fixée à 26,50 €."
		s2  = "Une majoration de 5 € est applicable aux patients de moins de six ans."
		s2b = "Une majoration de 5 € est applicable aux patients de moins de huit ans."
		l1  = "Le médecin peut :"
		i1  = "1° Consulter au cabinet ;"
		i2  = "2° Consulter à domicile les patients qui ne peuvent se déplacer."
		i1b = "1° Consulter au cabinet."
	)
	for _, tc := range []struct{ name, ra, cnam, conv, want string }{
		{"word put back", s1 + " " + s2, s1 + " " + s2b, s1 + " " + s2, "RA«" + s1 + "\n" + s2 + "\n»"},
		{"item put back", l1 + "\n\n" + i1 + "\n\n" + i2, l1 + "\n\n" + i1b, l1 + "\n\n" + i1 + "\n\n" + i2,
			// The blank line is no one's words: the one the list gets back
			// is the answer's.
			"RA«" + l1 + "\n\n" + i1 + "\n» CONV«\n» RA«" + i2 + "\n»"},
		{"word changed again", s1 + " " + s2, s1 + " " + s2b, s1 + " " + strings.Replace(s2, "six", "dix", 1),
			"RA«" + s1 + "\nUne majoration de 5 € est applicable aux patients de moins de » CONV«dix» RA« ans.\n»"},
		// A sentence dropped, then put back with a word of its own: the
		// words kept are the règlement's (a reading restoring its text
		// with 'trente jours' for 'soixante' was credited with all of it).
		{"dropped, put back changed", s1 + " " + s2, s1, s1 + " " + strings.Replace(s2, "six", "dix", 1),
			"RA«" + s1 + "\nUne majoration de 5 € est applicable aux patients de moins de » CONV«dix» RA« ans.\n»"},
		// A new sentence that shares a few words with an old one is new.
		{"new sentence", s1 + " " + s2, s1, s1 + " " + "Une prime de 10 € est versée aux médecins installés depuis moins de six mois.",
			"RA«" + s1 + "\n» CONV«Une prime de 10 € est versée aux médecins installés depuis moins de six mois.\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			for _, v := range []struct{ text, party, label, date string }{
				{tc.ra, "Arbitre", "RA", "2023-04-30"},
				{tc.cnam, "CNAM", "CNAM", "2024-02-08"},
				{tc.conv, "UNCAM", "CONV", "2024-06-04"},
			} {
				if _, err := s.Import(parseMD(articles("1", "Les parties se revoient chaque année.", "2", v.text)), ImportOptions{Party: v.party, Label: v.label, Date: v.date}); err != nil {
					t.Fatal(err)
				}
			}
			spans, err := s.BlameLines("art-2", nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := spanSummary(spans); got != tc.want {
				t.Errorf("blame:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
