package tui

import (
	"fmt"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// fakeSource is a hand-built negotiation whose diff, history and blame are
// written out here rather than computed, so that the golden views do not
// move when the aligner or the fact extractor improve.
type fakeSource struct {
	versions []store.Version
	diff     *clause.Diff
	log      []store.LogEntry
	spans    []store.Span
}

const fakeOld = `# Titre 1 - Dispositions générales

## Article 1 - Objet

La présente convention organise les rapports entre les médecins et l'assurance maladie.

## Article 2 - Durée

La convention est conclue pour cinq ans.

# Titre 2 - Tarifs

## Article 28.1 - Consultation

La consultation du médecin généraliste est valorisée à 26,50 € à compter du 1er janvier 2024.

## Article 29 - Délais

Le médecin peut transmettre la feuille de soins dans un délai de huit jours.
`

const fakeNew = "# Titre 1 - Dispositions générales\n\n## Article 1 - Objet\n\n" +
	"La présente convention organise les rapports entre les médecins libéraux et l'assurance maladie.\n\n" +
	"## Article 2 - Durée\n\nLa convention est conclue pour cinq ans.\n\n" +
	"## Article 2 bis - Téléconsultation\n\nLes actes de téléconsultation sont pris en charge \x1b]0;pwned\x07dans les conditions de droit commun.\n\n" +
	"# Titre 2 - Tarifs\n\n## Article 29.1 - Consultation\n\n" +
	"La consultation du médecin généraliste est valorisée à 30 € à compter du 1er janvier 2025.\n"

func f64(v float64) *float64 { return &v }

func newFakeSource() *fakeSource {
	oldDoc, newDoc := clause.Parse(fakeOld), clause.Parse(fakeNew)
	find := func(d *clause.Document, prefix string) []int {
		if prefix == "" {
			return nil
		}
		for i, c := range d.Clauses {
			if strings.HasPrefix(c.Heading, prefix) {
				return []int{i}
			}
		}
		panic(fmt.Sprintf("fake: no clause %q", prefix))
	}
	ch := func(kind clause.ChangeKind, old, new string, hunks []clause.Hunk, facts ...clause.Fact) clause.Change {
		c := clause.Change{Kind: kind, Old: find(oldDoc, old), New: find(newDoc, new), Hunks: hunks, Facts: facts, Similarity: 1}
		if kind == clause.Modified {
			c.Similarity = 0.9
		}
		return c
	}
	eq := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpEqual, Text: s} }
	del := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpDelete, Text: s} }
	ins := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpInsert, Text: s} }
	tariff := ch(clause.Modified, "Article 28.1", "Article 29.1", []clause.Hunk{
		eq("La consultation du médecin généraliste est valorisée à "), del("26,50 €"), ins("30 €"),
		eq(" à compter du 1er janvier "), del("2024"), ins("2025"), eq("."),
	}, clause.Fact{Kind: clause.FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: f64(26.5), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(13.21)},
		clause.Fact{Kind: clause.FactDate, Old: "1er janvier 2024", New: "1er janvier 2025"})
	tariff.Renumbered = true
	changes := []clause.Change{
		ch(clause.Unchanged, "Titre 1", "Titre 1", nil),
		ch(clause.Modified, "Article 1 ", "Article 1 ", []clause.Hunk{
			eq("La présente convention organise les rapports entre les médecins "), ins("libéraux "), eq("et l'assurance maladie."),
		}),
		ch(clause.Unchanged, "Article 2 ", "Article 2 ", nil),
		ch(clause.Added, "", "Article 2 bis", nil),
		ch(clause.Unchanged, "Titre 2", "Titre 2", nil),
		tariff,
		ch(clause.Removed, "Article 29 ", "", nil, clause.Fact{Kind: clause.FactModality, Subject: "transmettre", Old: "peut", New: ""}),
	}
	d := &clause.Diff{Old: oldDoc, New: newDoc, Changes: changes}
	d.Summary = clause.Summary{Unchanged: 3, Modified: 2, Added: 1, Removed: 1, Renumbered: 1, FactsChanged: 3}
	vs := []store.Version{
		{Label: "RA-2023", Party: "Arbitre", Kind: "reglement-arbitral", Date: "2023-04-30"},
		{Label: "CNAM-2024-02", Party: "CNAM", Kind: "proposition", Date: "2024-02-08", Base: "RA-2023"},
		{Label: "MGF-2024-03", Party: "MG France", Kind: "contre-proposition", Date: "2024-03-12", Base: "CNAM-2024-02"},
		{Label: "CONV-2024-06", Party: "UNCAM", Kind: "convention", Date: "2024-06-04", Base: "CNAM-2024-02"},
	}
	return &fakeSource{
		versions: vs,
		diff:     d,
		log: []store.LogEntry{
			{Version: &vs[0], ChangeEntry: store.ChangeEntry{Number: "28.1", Change: clause.Added}},
			{Version: &vs[1], ChangeEntry: store.ChangeEntry{Number: "28.1", Change: clause.Modified}},
			{Version: &vs[3], ChangeEntry: store.ChangeEntry{Number: "29.1", Change: clause.Modified, Renumbered: true}},
		},
		spans: []store.Span{
			{Text: "La consultation du médecin généraliste est valorisée à ", Version: &vs[0]},
			{Text: "30 €", Version: &vs[3]},
			{Text: " à compter du 1er janvier ", Version: &vs[0]},
			{Text: "2025", Version: &vs[1]},
			{Text: ".", Version: &vs[0]},
		},
	}
}

func (f *fakeSource) Versions() ([]store.Version, error) { return f.versions, nil }

func (f *fakeSource) Diff(base, head string) (*clause.Diff, error) {
	if head != "CONV-2024-06" && head != "MGF-2024-03" {
		return nil, fmt.Errorf("%s: unknown version", head)
	}
	return f.diff, nil
}

func (f *fakeSource) Log(id, at string) ([]store.LogEntry, error) { return f.log, nil }

func (f *fakeSource) Blame(id, at string) ([]store.Span, error) {
	if at == "CNAM-2024-02" {
		return []store.Span{
			{Text: "La consultation du médecin généraliste est valorisée à 26,50 € à compter du 1er janvier ", Version: &f.versions[0]},
			{Text: "2025", Version: &f.versions[1]},
			{Text: ".", Version: &f.versions[0]},
		}, nil
	}
	return f.spans, nil
}
