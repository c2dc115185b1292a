package store

import "testing"

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
