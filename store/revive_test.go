package store

import (
	"strings"
	"testing"
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
