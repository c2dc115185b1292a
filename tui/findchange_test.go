package tui

import (
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// TestFindChange pins how a history step finds its clause in the step's
// diff: by the id the entry names (a clause split off or merged into the
// logged one), else the logged id, through the clause resolver, so a
// number is never taken for a clause of another kind.
func TestFindChange(t *testing.T) {
	old := clause.Parse("## Article 1 - Objet\n\nObjet.\n\n## Article 2 - Durée\n\nCinq ans. Renouvelable.\n\n## Annexe 1 - Tarifs\n\nTarifs.\n")
	new := clause.Parse("## Article 1 - Objet\n\nObjet révisé.\n\n## Article 2 - Durée\n\nCinq ans.\n\n## Annexe 1 - Tarifs\n\nTarifs.\n")
	d := clause.Compare(old, new, clause.CompareOptions{})
	idOf := func(doc *clause.Document, name string) string {
		i, err := doc.Find(name, "test")
		if err != nil {
			t.Fatal(err)
		}
		return doc.Clauses[i].ID
	}
	labelOf := func(k int) string {
		if k < 0 {
			return ""
		}
		if ch := &d.Changes[k]; len(ch.New) > 0 {
			return d.New.Clauses[ch.New[0]].Label()
		}
		return d.Old.Clauses[d.Changes[k].Old[0]].Label()
	}
	v := &store.Version{Label: "v2", Base: "v1"}
	for _, c := range []struct {
		about, logged string
		entry         store.LogEntry
		want          string
	}{
		{"the logged clause", idOf(new, "Annexe 1"), store.LogEntry{Version: v, ChangeEntry: store.ChangeEntry{Number: "1"}}, "Annexe 1 - Tarifs"},
		{"the entry's own clause", idOf(new, "Annexe 1"), store.LogEntry{Version: v, ChangeEntry: store.ChangeEntry{ID: idOf(new, "Article 2"), Number: "2"}}, "Article 2 - Durée"},
		// An annex whose id the step does not hold is not article 1,
		// although both are numbered 1.
		{"a clause the step lacks", "annexe-9", store.LogEntry{Version: v, ChangeEntry: store.ChangeEntry{Number: "1"}}, ""},
	} {
		if got := labelOf(findChange(d, c.logged, c.entry)); got != c.want {
			t.Errorf("%s: findChange gives %q, want %q", c.about, got, c.want)
		}
	}
}
