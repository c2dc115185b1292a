package tui

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures/demo"
)

// TestDemoStoreSource builds the demo store (demo.Open) and reads it
// through NewStoreSource, as avenant demo does: versions with their bases,
// a diff whose clause ids are stable, and the history and blame of the G
// tariff row.
func TestDemoStoreSource(t *testing.T) {
	s, remove, err := demo.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer remove()
	src := NewStoreSource(s)
	vs, err := src.Versions()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 6 || vs[5].Label != "AV1-2025" || vs[5].Base != "CONV-2024-06" || vs[2].Party != "MG France" {
		t.Fatalf("versions = %+v", vs)
	}
	d, err := src.Diff("RA-2023", "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, c := range d.Changes {
		for _, f := range c.Facts {
			if f.Kind == clause.FactAmount && f.Subject == "G" && len(c.New) == 1 {
				id = d.New.Clauses[c.New[0]].ID
			}
		}
	}
	if id == "" {
		t.Fatal("no change of the G tariff in RA-2023 → CNAM-2024-02")
	}
	log, err := src.Log(id, "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	if len(log) < 2 || log[0].Version.Label != "RA-2023" || log[0].Change != clause.Added {
		t.Errorf("log of %s = %+v", id, log)
	}
	spans, err := src.Blame(id, "CNAM-2024-02")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	byCNAM := false
	for _, sp := range spans {
		text.WriteString(sp.Text)
		byCNAM = byCNAM || (strings.Contains(sp.Text, "30") && sp.Version.Label == "CNAM-2024-02")
	}
	if !byCNAM {
		t.Errorf("30 € not attributed to the CNAM: %+v", spans)
	}
	before, err := src.Blame(id, "RA-2023")
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range before {
		if sp.Version.Label != "RA-2023" {
			t.Errorf("blame as of RA-2023 names %s", sp.Version.Label)
		}
	}
}
