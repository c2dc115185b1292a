package render

import (
	"bytes"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// TestBlameText: one line per stored line, the versions that wrote it in
// the margin newest first (by import order, not by order of appearance),
// the newest with its party and the instructions of an amending text.
func TestBlameText(t *testing.T) {
	ra := BlameSpan{Version: "RA-2023", Party: "Arbitre", Seq: 1}
	av := BlameSpan{Version: "AV1-2025", Party: "UNCAM", By: "Article 2, 1°; Article 4", Seq: 3}
	at := func(v BlameSpan, text string) BlameSpan { v.Text = text; return v }
	spans := []BlameSpan{at(ra, "La caisse "), at(av, "doit"), at(ra, " verser l'aide.\n\nLe médecin informe la caisse.\n")}
	var b bytes.Buffer
	if err := BlameText(&b, spans, false); err != nil {
		t.Fatal(err)
	}
	want := "AV1-2025 art. 2, 1°; art. 4 (UNCAM), RA-2023 │ La caisse doit verser l'aide.\n" +
		"\n" +
		"RA-2023 (Arbitre)                            │ Le médecin informe la caisse.\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestLogText: the entries on the line as rows with their notes, which
// name clauses as printed (by id when no name is known), those off the
// line listed apart after them.
func TestLogText(t *testing.T) {
	doc := LogDoc{Clause: "art-19-4", Entries: []LogEntry{
		{ID: "art-19-4", Version: "RA-2023", Party: "Arbitre", Date: "2023-04-30", Commit: "15cae6f0123", Number: "19.4", Change: clause.Added},
		{ID: "art-19-3", Version: "CNAM-2024-02", Party: "CNAM", Date: "2024-02-08", Commit: "33d8a81", Number: "19.4", Change: clause.Split, Others: []string{"art-19-4"}, Renumbered: true,
			Name: "Article 19.3 - Contrat", Was: "Article 19 - Contrat", OthersNames: []string{"Article 19.4 - Suivi"}},
		{ID: "art-19-4", Version: "CONV", Party: "UNCAM", Date: "2024-06-04", Commit: "44e9b92", Number: "19.4", Change: clause.Split, Others: []string{"art-19-3"},
			Name: "Article 19.4 - Suivi", OthersNames: []string{"Article 19 - Contrat"}, SplitFrom: "Article 19 - Contrat"},
		{ID: "art-19-4", Version: "AV1", Party: "UNCAM", Date: "2025-01-04", Commit: "55f0c03", Number: "19.4", Change: clause.Merged, Others: []string{"art-19-5"}},
		{ID: "art-19-4", Version: "MGF-2024-03", Party: "MG France", Date: "2024-03-12", Number: "19.5", Change: clause.Modified, OffLine: true},
	}}
	var b bytes.Buffer
	if err := LogText(&b, doc); err != nil {
		t.Fatal(err)
	}
	want := "clause art-19-4\n" +
		"15cae6f  RA-2023       2023-04-30  Arbitre  19.4  added\n" +
		"33d8a81  CNAM-2024-02  2024-02-08  CNAM     19.4  split   as Article 19.3 - Contrat; renumbered from Article 19 - Contrat; also into Article 19.4 - Suivi\n" +
		"44e9b92  CONV          2024-06-04  UNCAM    19.4  split   from Article 19 - Contrat\n" +
		"55f0c03  AV1           2025-01-04  UNCAM    19.4  merged  with art-19-5\n" +
		"also proposed: MGF-2024-03 (MG France, 2024-03-12) modified 19.5\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
