package store

import (
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestRevival: an article one version leaves out and a later one puts
// back (a chamber deletes it, the next reading re-establishes it) is the
// same clause: the same id, a log from its first version through its
// removal, and a blame that credits the words it kept to who wrote them.
// Its words under another number, or a new article, are new clauses.
func TestRevival(t *testing.T) {
	a := sentA1 + " " + sentA2
	b := sentB1 + " " + sentB2 + " " + sentB3
	s := newStore(t)
	mustImport(t, s, articles("1", b, "2", a, "3", sentB3), "Assemblée", "AN1", "2023-01-01")
	mustImport(t, s, articles("1", b, "3", sentB3), "Sénat", "S1", "2023-02-01")
	r := mustImport(t, s, articles("1", b, "2", sentA1+" Il en informe la caisse.", "3", sentB3), "Assemblée", "AN2", "2023-03-01")
	if got := idsOf(t, s, r.Version); got != "preambule art-1 art-2 art-3" {
		t.Errorf("ids after the article is put back: %s, want art-2 again", got)
	}
	es, err := s.Log("art-2", nil)
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	for _, e := range es {
		log = append(log, e.Version.Label+":"+string(e.Change))
	}
	if got, want := strings.Join(log, " "), "AN1:added S1:removed AN2:added"; got != want {
		t.Errorf("log of the article put back = %q, want %q", got, want)
	}
	spans, err := s.Blame("art-2", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) < 2 || spans[0].Version.Label != "AN1" || !strings.HasPrefix(spans[0].Text, sentA1) ||
		spans[1].Version.Label != "AN2" || !strings.Contains(spans[1].Text, "caisse") {
		t.Errorf("blame of the article put back: %v, want its kept sentence from AN1, the new words from AN2", spanSummary(spans))
	}

	// Its words under another number are another article (La Fabrique's
	// identity, a lawyer's too): only the number it bore brings it back.
	mustImport(t, s, articles("1", b, "3", sentB3), "Sénat", "S2", "2023-04-01")
	r = mustImport(t, s, articles("1", b, "3", sentB3, "4", sentA1+" Il en informe la caisse.", "5", sentA2), "Assemblée", "AN3", "2023-05-01")
	if got := idsOf(t, s, r.Version); got != "preambule art-1 art-3 art-4 art-5" {
		t.Errorf("ids = %s, want articles 4 and 5 new", got)
	}
	mustImport(t, s, articles("1", b, "3", sentB3), "Sénat", "S3", "2023-06-01")
	r = mustImport(t, s, articles("1", b, "3", sentB3, "6", "Les parties se revoient chaque année pour faire le point sur l'application de la présente convention."), "Assemblée", "AN4", "2023-07-01")
	if got := idsOf(t, s, r.Version); got != "preambule art-1 art-3 art-6" {
		t.Errorf("ids = %s, want article 6 new", got)
	}
}

func idsOf(t *testing.T, s *Store, v *Version) string {
	t.Helper()
	m, err := s.manifest(v)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range m {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, " ")
}

func spanSummary(spans []Span) string {
	var parts []string
	for _, sp := range spans {
		parts = append(parts, sp.Version.Label+"«"+sp.Text+"»")
	}
	return strings.Join(parts, " ")
}

// TestRevivalTitledApart: a number a convention removed and a later
// version gives to an article on something else, under another title, is
// a new clause: "Article 5 - Télémédecine" took the id of the "Article 5 -
// Permanence des soins" removed a version before, and `log` said it was
// added in V1 and removed in V2. Under the same title, or untitled as a
// bill's articles are, the number brings the article back whatever it now
// says.
func TestRevivalTitledApart(t *testing.T) {
	const (
		pds  = "Le médecin participe à la permanence des soins ambulatoires dans les conditions fixées par le cahier des charges régional."
		tele = "La téléconsultation est ouverte à tout patient, qu'il soit ou non connu du médecin téléconsultant."
	)
	text := func(art5, body string) string {
		t := "# Convention médicale\n\n## Article 1 - Objet\n\n" + sentB1 + "\n\n"
		if art5 != "" {
			t += "## Article " + art5 + "\n\n" + body + "\n\n"
		}
		return t + "## Article 6 - Durée\n\n" + sentB3 + "\n"
	}
	for _, tc := range []struct{ name, first, back, want string }{
		{"another title", "5 - Permanence des soins", "5 - Télémédecine", "art-5-2"},
		{"the same title", "5 - Permanence des soins", "5 - Permanence des soins", "art-5"},
		{"untitled", "5", "5", "art-5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			var r *ImportResult
			for k, body := range []string{text(tc.first, pds), text("", ""), text(tc.back, tele)} {
				var err error
				label := "V" + strconv.Itoa(k+1)
				if r, err = s.Import(clause.Parse(body), ImportOptions{Party: "CNAM", Label: label, Date: "2024-01-0" + strconv.Itoa(k+1), SourceName: label + ".md"}); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := idsOf(t, s, r.Version), "convention-medicale art-1 "+tc.want+" art-6"; got != want {
				t.Errorf("ids = %s, want %s", got, want)
			}
		})
	}
}
